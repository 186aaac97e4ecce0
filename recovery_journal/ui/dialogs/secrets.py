"""Changing the passphrase and issuing a new recovery code (both derive keys: worker thread).

Both ask for the passphrase in use first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.services.errors import WrongSecretError
from recovery_journal.ui.messages import open_error_text
from recovery_journal.ui.passphrase import NewPassphraseFields
from recovery_journal.ui.recovery_code import RecoveryCodeDialog
from recovery_journal.ui.widgets import BusyRow, FieldMessage, heading, wrapped
from recovery_journal.ui.worker import run_in_background

if TYPE_CHECKING:
    from recovery_journal.ui.controller import JournalController


class ChangePassphraseDialog(QDialog):
    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle("Change your passphrase")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAccessibleName("Change your passphrase")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Change your passphrase", 2, self))
        layout.addWidget(
            wrapped(
                "Your journal and its backups will open with the new passphrase only. Your "
                "recovery code stays the same.",
                self,
            )
        )
        current_label = QLabel("Your &current passphrase:", self)
        self.current = QLineEdit(self)
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setAccessibleName("Your current passphrase")
        current_label.setBuddy(self.current)
        layout.addWidget(current_label)
        layout.addWidget(self.current)
        self.fields = NewPassphraseFields(self)
        layout.addWidget(self.fields)
        self.message = FieldMessage(self)
        layout.addWidget(self.message)
        self.busy = BusyRow("Changing your passphrase…", self)
        layout.addWidget(self.busy)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("&Change passphrase")
        self.ok.setAccessibleName("Change passphrase")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.working = False

    def submit(self) -> None:
        problem = self.fields.problem()
        if not self.current.text():
            problem = "Please type your current passphrase first."
        if problem:
            self.message.show_message(problem)
            return
        self.message.clear_message()
        self.working = True
        self.fields.setEnabled(False)
        self.current.setEnabled(False)
        self.buttons.setEnabled(False)
        self.busy.start()
        passphrase, current = self.fields.passphrase(), self.current.text()
        session = self.controller.session
        run_in_background(
            lambda: session.change_passphrase(passphrase, current=current),
            self._done,
            self._failed,
        )

    def reject(self) -> None:
        if not self.working:
            super().reject()

    def _done(self, _result: object) -> None:
        self.working = False
        self.busy.stop()
        self.fields.clear()
        self.current.clear()
        self.accept()
        note = QMessageBox(
            QMessageBox.Icon.Information,
            "Passphrase changed",
            "Your passphrase is changed. Use the new one next time you unlock your journal.",
            QMessageBox.StandardButton.Ok,
            self.parentWidget(),
        )
        note.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        note.open()

    def _failed(self, error: BaseException) -> None:
        self.working = False
        self.busy.stop()
        self.fields.setEnabled(True)
        self.current.setEnabled(True)
        self.buttons.setEnabled(True)
        if isinstance(error, WrongSecretError):
            self.message.show_message("That isn't your current passphrase. Nothing was changed.")
            self.current.selectAll()
            self.current.setFocus()
            return
        self.message.show_message(open_error_text(error))


class NewCodeDialog(QDialog):
    """Asks for the passphrase, then makes a new recovery code on a worker thread: someone
    at an unlocked, unattended computer must not be able to make a code for themselves."""

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.code: str | None = None
        self.setWindowTitle("A new recovery code")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAccessibleName("A new recovery code")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("A new recovery code", 2, self))
        layout.addWidget(
            wrapped(
                "Your old recovery code will stop working, here and in your backups. You will "
                "see the new one once and need to keep it safe. Use this too if you lost your "
                "code, or if the app or the computer stopped before you saw a new one.",
                self,
            )
        )
        label = QLabel("Your &passphrase:", self)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Your passphrase")
        label.setBuddy(self.passphrase)
        layout.addWidget(label)
        layout.addWidget(self.passphrase)
        self.message = FieldMessage(self)
        layout.addWidget(self.message)
        self.busy = BusyRow("Making a new recovery code…", self)
        layout.addWidget(self.busy)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("&Make a new code")
        self.ok.setAccessibleName("Make a new recovery code")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.working = False

    def submit(self) -> None:
        if not self.passphrase.text():
            self.message.show_message("Please type your passphrase first.")
            return
        self.message.clear_message()
        self.working = True
        self.passphrase.setEnabled(False)
        self.buttons.setEnabled(False)
        self.busy.start()
        current, session = self.passphrase.text(), self.controller.session
        run_in_background(
            lambda: session.new_recovery_code(current=current), self._done, self._failed
        )

    def reject(self) -> None:
        if not self.working:
            super().reject()

    def _done(self, code: str) -> None:
        self.working = False
        self.busy.stop()
        self.passphrase.clear()
        self.code = code
        self.accept()
        dialog = RecoveryCodeDialog(
            code, self.parentWidget(), intro="Your old recovery code no longer opens your journal."
        )
        controller = self.controller

        def confirmed(ok: bool) -> None:
            if ok:
                controller.session.recovery_code_seen()
                controller.recovery_code_confirmed.emit()

        dialog.panel.confirmed_changed.connect(confirmed)
        dialog.open()

    def _failed(self, error: BaseException) -> None:
        self.working = False
        self.busy.stop()
        self.passphrase.setEnabled(True)
        self.buttons.setEnabled(True)
        if isinstance(error, WrongSecretError):
            self.message.show_message("That isn't your passphrase. Nothing was changed.")
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        self.message.show_message(open_error_text(error))


def issue_new_recovery_code(controller: JournalController, parent: QWidget) -> NewCodeDialog:
    """Ask for the passphrase, make a new code, then show it once (``RecoveryCodeDialog``)."""
    dialog = NewCodeDialog(controller, parent)
    dialog.open()
    return dialog

"""Changing the passphrase and issuing a new recovery code (both derive keys: worker thread).

Both ask for the passphrase in use first."""

from __future__ import annotations

from collections.abc import Callable
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
from recovery_journal.ui.common.messages import open_error_text
from recovery_journal.ui.common.widgets import BusyRow, FieldMessage, heading, wrapped
from recovery_journal.ui.common.worker import run_in_background
from recovery_journal.ui.lock.passphrase import NewPassphraseFields
from recovery_journal.ui.lock.recovery_code import RecoveryCodeDialog

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController


class _PassphraseFirst(QDialog):
    """A dialog that asks for the passphrase in use, then does its work on a worker thread
    (both derive keys); someone at an unlocked, unattended computer can't do either."""

    def __init__(
        self,
        controller: JournalController,
        parent: QWidget | None,
        *,
        title: str,
        intro: str,
        busy: str,
        action: str,
        extra: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, 2, self))
        layout.addWidget(wrapped(intro, self))
        current_label = QLabel("Your &current passphrase:", self)
        self.current = QLineEdit(self)
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setAccessibleName("Your current passphrase")
        current_label.setBuddy(self.current)
        layout.addWidget(current_label)
        layout.addWidget(self.current)
        self._inputs: list[QWidget] = [self.current]
        if extra is not None:
            layout.addWidget(extra)
            self._inputs.append(extra)
        self.message = FieldMessage(self)
        layout.addWidget(self.message)
        self.busy = BusyRow(busy, self)
        layout.addWidget(self.busy)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._inputs.append(self.buttons)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(f"&{action}")
        self.ok.setAccessibleName(action)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.working = False

    def problem(self) -> str | None:
        """What to fix before the work can start (subclasses add their own checks)."""
        return None if self.current.text() else "Please type your current passphrase first."

    def work(self, current: str) -> Callable[[], object]:
        """The work to run on the worker thread, given the passphrase typed."""
        raise NotImplementedError

    def succeeded(self, result: object) -> None:
        """On the window's thread, after the dialog closed."""

    def submit(self) -> None:
        problem = self.problem()
        if problem:
            self.message.show_message(problem)
            return
        self.message.clear_message()
        self._set_working(True)
        run_in_background(self.work(self.current.text()), self._done, self._failed)

    def _set_working(self, working: bool) -> None:
        self.working = working
        for widget in self._inputs:
            widget.setEnabled(not working)
        if working:
            self.busy.start()
        else:
            self.busy.stop()

    def reject(self) -> None:
        if not self.working:
            super().reject()

    def _done(self, result: object) -> None:
        self._set_working(False)
        self.current.clear()
        self.accept()
        self.succeeded(result)

    def _failed(self, error: BaseException) -> None:
        self._set_working(False)
        if isinstance(error, WrongSecretError):
            self.message.show_message("That isn't your current passphrase. Nothing was changed.")
            self.current.selectAll()
            self.current.setFocus()
            return
        self.message.show_message(open_error_text(error))


class ChangePassphraseDialog(_PassphraseFirst):
    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        self.fields = NewPassphraseFields()
        super().__init__(
            controller,
            parent,
            title="Change your passphrase",
            intro="Your journal and its backups will open with the new passphrase only. Your "
            "recovery code stays the same.",
            busy="Changing your passphrase…",
            action="Change passphrase",
            extra=self.fields,
        )

    def problem(self) -> str | None:
        return super().problem() or self.fields.problem()

    def work(self, current: str) -> Callable[[], object]:
        passphrase, session = self.fields.passphrase(), self.controller.session
        return lambda: session.change_passphrase(passphrase, current=current)

    def succeeded(self, result: object) -> None:
        self.fields.clear()
        note = QMessageBox(
            QMessageBox.Icon.Information,
            "Passphrase changed",
            "Your passphrase is changed. Use the new one next time you unlock your journal.",
            QMessageBox.StandardButton.Ok,
            self.parentWidget(),
        )
        note.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        note.open()


class NewCodeDialog(_PassphraseFirst):
    """A new recovery code, made only with the passphrase, then shown once."""

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(
            controller,
            parent,
            title="A new recovery code",
            intro="Your old recovery code will stop working, here and in your backups. You "
            "will see the new one once and need to keep it safe. Use this too if you lost your "
            "code, or if the app or the computer stopped before you saw a new one.",
            busy="Making a new recovery code…",
            action="Make a new recovery code",
        )

    def work(self, current: str) -> Callable[[], object]:
        session = self.controller.session
        return lambda: session.new_recovery_code(current=current)

    def succeeded(self, result: object) -> None:
        dialog = RecoveryCodeDialog(
            str(result),
            self.parentWidget(),
            intro="Your old recovery code no longer opens your journal.",
        )
        controller = self.controller

        def confirmed(ok: bool) -> None:
            if ok:
                controller.session.recovery_code_seen()
                controller.recovery_code_confirmed.emit()

        dialog.panel.confirmed_changed.connect(confirmed)
        dialog.open()


def issue_new_recovery_code(controller: JournalController, parent: QWidget) -> NewCodeDialog:
    """Ask for the passphrase, make a new code, then show it once (``RecoveryCodeDialog``)."""
    dialog = NewCodeDialog(controller, parent)
    dialog.open()
    return dialog

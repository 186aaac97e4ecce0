"""After opening with the recovery code: a new passphrase is required, then the new recovery
code is shown once. Nothing of the journal is shown until both are done."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from recovery_journal.ui.common.messages import open_error_text
from recovery_journal.ui.common.widgets import (
    BusyRow,
    FieldMessage,
    centred_column,
    heading,
    named,
    wrapped,
)
from recovery_journal.ui.common.worker import run_in_background
from recovery_journal.ui.lock.passphrase import NewPassphraseFields
from recovery_journal.ui.lock.recovery_code import RecoveryCodePanel

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession


class ResetPassphraseView(QWidget):
    """Emits ``done(new_recovery_code)`` once the new passphrase is set."""

    done = Signal(str)
    lock_requested = Signal()

    def __init__(self, session: JournalSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setAccessibleName("Choose a new passphrase")
        column = centred_column(self)
        column.addWidget(heading("Choose a new passphrase", 1, self))
        column.addWidget(
            wrapped(
                "You opened your journal with your recovery code. Please choose a new "
                "passphrase now. You will also get a new recovery code; the old one stops "
                "working, so a copy someone else may have seen can't open your journal.",
                self,
            )
        )
        self.fields = NewPassphraseFields(self)
        column.addWidget(self.fields)
        self.message = FieldMessage(self)
        column.addWidget(self.message)
        self.busy = BusyRow("Setting your new passphrase…", self)
        column.addWidget(self.busy)
        buttons = QHBoxLayout()
        self.lock_button = named(QPushButton("&Lock instead", self), "Lock instead")
        self.lock_button.clicked.connect(self.lock_requested.emit)
        buttons.addWidget(self.lock_button)
        buttons.addStretch(1)
        self.set_button = named(
            QPushButton("&Set my new passphrase", self), "Set my new passphrase"
        )
        self.set_button.setDefault(True)
        self.set_button.clicked.connect(self.submit)
        buttons.addWidget(self.set_button)
        column.addLayout(buttons)
        self.fields.second.returnPressed.connect(self.submit)
        self.setFocusProxy(self.fields.first)

    def submit(self) -> None:
        problem = self.fields.problem()
        if problem:
            self.message.show_message(problem)
            return
        self.message.clear_message()
        passphrase = self.fields.passphrase()
        for widget in (self.fields, self.set_button, self.lock_button):
            widget.setEnabled(False)
        self.busy.start()
        session = self._session
        run_in_background(
            lambda: session.reset_after_recovery(passphrase), self._succeeded, self._failed
        )

    def _succeeded(self, code: str) -> None:
        self.busy.stop()
        self.fields.clear()
        self.done.emit(code)

    def _failed(self, error: BaseException) -> None:
        self.busy.stop()
        for widget in (self.fields, self.set_button, self.lock_button):
            widget.setEnabled(True)
        self.message.show_message(open_error_text(error))


class NewCodeView(QWidget):
    """The new recovery code, shown once; "Continue" once the person has kept it."""

    proceed = Signal()

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Your new recovery code")
        column = centred_column(self)
        column.addWidget(heading("Your passphrase is changed", 1, self))
        self.panel = RecoveryCodePanel(code, self)
        column.addWidget(self.panel)
        self.continue_button = named(
            QPushButton("&Continue to my journal", self), "Continue to my journal"
        )
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(self.proceed.emit)
        self.panel.confirmed_changed.connect(self.continue_button.setEnabled)
        column.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setFocusProxy(self.panel.check)

"""Settings › For sponsors: make your sponsor key, show its code to copy, and where it lives.

The key is a file of its own beside the journal, encrypted under a passphrase of its own
(``docs/review-file-format.md``). Showing the code asks for that passphrase, so the code shown
is always the one the key opens (someone who could swap the file can't swap the code).
Argon2id runs on a worker thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from recovery_journal.ui.common.widgets import FieldMessage, named, wrapped
from recovery_journal.ui.common.worker import run_in_background

INTRO = (
    "If you sponsor someone who can't always meet you, they can send you their review as a "
    "file that only you can open. Make your sponsor key once and give them its code."
)


class SponsorKeyTab(QWidget):
    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        from recovery_journal.services.paths import sponsor_key_path

        super().__init__(parent)
        self.key_path = sponsor_key_path(controller.session.path)
        form = QFormLayout(self)
        self.form = form
        form.addRow(wrapped(INTRO, self))
        self.passphrase = named(QLineEdit(self), "Sponsor key passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = named(QLineEdit(self), "Type the passphrase again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("Key &passphrase:", self.passphrase)
        form.addRow("Type it &again:", self.again)
        self.make_button = named(QPushButton("&Make my sponsor key", self), "Make my sponsor key")
        self.make_button.clicked.connect(self.make_key)
        self.show_button = named(QPushButton("&Show my code", self), "Show my code")
        self.show_button.clicked.connect(self.show_code)
        self.passphrase.returnPressed.connect(
            lambda: (self.show_code if self.key_path.exists() else self.make_key)()
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.message = FieldMessage(self)
        form.addRow(self.message)
        self.code = named(QPlainTextEdit(self), "Your sponsor code")
        self.code.setReadOnly(True)
        self.code.setFixedHeight(self.fontMetrics().height() * 3 + 8)
        self.copy_button = named(QPushButton("&Copy the code", self), "Copy the code")
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.code.toPlainText().replace("\n", "-"))
        )
        form.addRow("Your code:", self.code)
        form.addRow("", self.copy_button)
        self.where = wrapped("", self, muted=True)
        form.addRow(self.where)
        self._update()

    def _update(self) -> None:
        exists = self.key_path.exists()
        self.again.setVisible(not exists)
        label = self.form.labelForField(self.again)
        if label is not None:
            label.setVisible(not exists)
        self.make_button.setVisible(not exists)
        self.show_button.setVisible(exists)
        shown = bool(self.code.toPlainText())
        self.code.setVisible(shown)
        self.copy_button.setVisible(shown)
        if exists:
            self.where.setText(
                f"Your key is kept at {self.key_path}, with the reviews you receive beside it. "
                "Give the code to the people you sponsor and read it back with them. It is not "
                "secret; the passphrase is."
            )
        else:
            self.where.setText(
                "The key will be kept beside your journal. If you forget its passphrase, make "
                "a new key and give out its new code; nobody can open the old one."
            )

    def _show(self, code: str) -> None:
        groups = code.split("-")
        self.code.setPlainText("\n".join("-".join(groups[i : i + 7]) for i in (0, 7)))
        self.message.clear_message()
        self._buttons(True)
        self._update()

    def _failed(self, error: BaseException) -> None:
        self._buttons(True)
        self.message.show_message(getattr(error, "message", None) or str(error))

    def _buttons(self, enabled: bool) -> None:
        self.make_button.setEnabled(enabled)
        self.show_button.setEnabled(enabled)

    def make_key(self) -> None:
        from recovery_journal.services.sponsor_key import create_key

        secret, again = self.passphrase.text(), self.again.text()
        if secret != again:
            self.message.show_message("The two passphrases are not the same.")
            return
        self.passphrase.clear()
        self.again.clear()
        self._buttons(False)
        path = self.key_path
        run_in_background(lambda: create_key(path, secret), self._show, self._failed)

    def show_code(self) -> None:
        from recovery_journal.services.sponsor_key import open_key

        secret = self.passphrase.text()
        self.passphrase.clear()
        self._buttons(False)
        path = self.key_path

        def work() -> str:
            key = open_key(path, secret)
            try:
                return key.code
            finally:
                key.close()

        run_in_background(work, self._show, self._failed)

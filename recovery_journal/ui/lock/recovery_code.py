"""Showing a recovery code once, and making sure the person kept it.

They confirm by typing the last group back, or by saving the code to a file of their choice.
The code is never written anywhere else and is not put on the clipboard by the app.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.ui.common import theme
from recovery_journal.ui.common.widgets import FieldMessage, heading, named, wrapped

FILE_TEXT = """Recovery Journal: recovery code

{code}

This code opens your journal if you ever forget your passphrase.
Keep it somewhere safe and private, ideally away from this computer.
Anyone who has this code and your journal file can read your journal.
"""


def last_group(code: str) -> str:
    return code.split("-")[-1]


def _normalised(text: str) -> str:
    return "".join(text.split()).replace("-", "").upper()


class RecoveryCodePanel(QWidget):
    """The code in large monospace, "Save to a file…", and the typed-back check."""

    confirmed_changed = Signal(bool)

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code = code
        self._saved_to: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            wrapped(
                "If you ever forget your passphrase, this recovery code is the only other way "
                "into your journal. It is shown only now. Please write it down or save it to a "
                "file, and keep it somewhere safe and private.",
                self,
            )
        )
        self.code_label = QLabel(code, self)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.code_label.setFont(theme.scaled_font(font, 1.5, bold=True))
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setWordWrap(True)
        self.code_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        named(self.code_label, "Your recovery code", " ".join(code.split("-")))
        layout.addWidget(self.code_label)
        self.save_button = named(
            QPushButton("&Save it to a file…", self), "Save the recovery code to a file"
        )
        self.save_button.clicked.connect(self._choose_file)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.saved_note = wrapped("", self)
        self.saved_note.hide()
        layout.addWidget(self.saved_note)
        form = QFormLayout()
        self.check = named(
            QLineEdit(self), "Type the last group of four characters of your recovery code"
        )
        self.check.setMaxLength(9)
        self.check.setPlaceholderText("e.g. " + "X" * len(last_group(code)))
        form.addRow("To be sure you have it, type the &last group of four:", self.check)
        layout.addLayout(form)
        self.message = FieldMessage(self)
        layout.addWidget(self.message)
        self.check.textChanged.connect(self._on_check)

    @property
    def code(self) -> str:
        return self._code

    def is_confirmed(self) -> bool:
        return self._saved_to is not None or _normalised(self.check.text()) == _normalised(
            last_group(self._code)
        )

    def save_to(self, path: Path) -> None:
        """Write the code to ``path`` (readable by this user only); never over a journal."""
        from recovery_journal.services.files import target_problem

        path = Path(path)
        problem = target_problem(path, None)
        if problem is not None:
            raise OSError(errno.EEXIST, f"{problem}")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(FILE_TEXT.format(code=self._code))
        self._saved_to = path
        self.saved_note.setText(
            f"Saved to {path}. Please move it somewhere safe, such as a USB stick or a "
            "password manager, and keep it private."
        )
        self.saved_note.show()
        self.message.clear_message()
        self.confirmed_changed.emit(True)

    def _choose_file(self) -> None:
        start = str(Path.home() / "recovery-journal-recovery-code.txt")
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the recovery code", start, "Text files (*.txt)"
        )
        if not path:
            return
        try:
            self.save_to(Path(path))
        except OSError as error:
            self.message.show_message(
                f"The code couldn't be saved there ({error.strerror}). Please choose another "
                "place, or write it down."
            )

    def _on_check(self) -> None:
        typed = _normalised(self.check.text())
        if self.is_confirmed():
            self.message.clear_message()
        elif len(typed) >= len(last_group(self._code)):
            self.message.show_message(
                "That isn't the last group yet. It is the four characters after the last hyphen."
            )
        else:
            self.message.clear_message()
        self.confirmed_changed.emit(self.is_confirmed())


class RecoveryCodeDialog(QDialog):
    """A new recovery code, shown once; "Done" only once the person confirmed they kept it."""

    def __init__(self, code: str, parent: QWidget | None = None, *, intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Your new recovery code")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # the code is not kept around
        self.setAccessibleName("Your new recovery code")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Your new recovery code", 2, self))
        if intro:
            layout.addWidget(wrapped(intro, self))
        self.panel = RecoveryCodePanel(code, self)
        layout.addWidget(self.panel)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.done_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.done_button.setText("&Done, I have kept it")
        self.done_button.setAccessibleName("Done, I have kept it")
        self.done_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.panel.confirmed_changed.connect(self.done_button.setEnabled)
        layout.addWidget(self.buttons)

    def reject(self) -> None:
        """Escape does not close it before the code is kept: it is shown only this once."""
        if self.panel.is_confirmed():
            super().reject()
        else:
            self.panel.message.show_message(
                "This code is shown only now. Please save it or type the last group before closing."
            )

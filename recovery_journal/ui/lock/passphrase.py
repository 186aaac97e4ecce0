"""Choosing a new passphrase: the field, a strength indication, and a confirmation.

The strength is a rough, honest guide (length and variety, with a few very common choices
marked weak); it is shown in words and as a bar, never as a colour alone.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.services.session import MIN_PASSPHRASE_LENGTH
from recovery_journal.ui.common.widgets import FieldMessage, named, wrapped

_COMMON = frozenset(
    {
        "password",
        "password1",
        "passw0rd",
        "12345678",
        "123456789",
        "1234567890",
        "qwertyuiop",
        "qwerty123",
        "iloveyou",
        "letmein1",
        "sobriety",
        "recovery",
        "onedayatatime",
    }
)

STRENGTH_WORDS = ("Too short", "Weak", "Fair", "Good", "Strong")


def passphrase_strength(text: str) -> int:
    """0 (too short) … 4 (strong): an estimate from length and the kinds of characters used."""
    if len(text) < MIN_PASSPHRASE_LENGTH:
        return 0
    if text.lower().replace(" ", "") in _COMMON or len(set(text)) <= 3:
        return 1
    pool = 0
    pool += 26 if any(c.islower() for c in text) else 0
    pool += 26 if any(c.isupper() for c in text) else 0
    pool += 10 if any(c.isdigit() for c in text) else 0
    pool += 33 if any(not c.isalnum() for c in text) else 0
    pool = max(pool, 10)
    distinct = len(set(text)) / len(text)
    bits = len(text) * math.log2(pool) * min(1.0, 0.5 + distinct)
    if bits < 45:
        return 1
    if bits < 65:
        return 2
    if bits < 90:
        return 3
    return 4


class NewPassphraseFields(QWidget):
    """A new passphrase typed twice. ``changed`` fires on every edit; ``problem()`` says, in
    words, what still stops it being used (``None`` when it can be used)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, label: str = "New passphrase") -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.first = named(QLineEdit(self), label)
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setPlaceholderText(f"At least {MIN_PASSPHRASE_LENGTH} characters")
        self.second = named(QLineEdit(self), "Type the passphrase again")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(f"&{label}:", self.first)
        self.meter = named(QProgressBar(self), "Passphrase strength")
        self.meter.setRange(0, 4)
        self.meter.setValue(0)
        self.meter.setFormat("Strength: %v of 4")
        self.meter_words = wrapped("", self)
        form.addRow("Strength:", self.meter)
        form.addRow("", self.meter_words)
        form.addRow("Type it &again:", self.second)
        layout.addLayout(form)
        self.show_text = named(QCheckBox("&Show what I type", self), "Show what I type")
        self.show_text.toggled.connect(self._toggle_echo)
        layout.addWidget(self.show_text)
        self.message = FieldMessage(self)
        layout.addWidget(self.message)
        layout.addWidget(
            wrapped(
                "Tip: four or more unrelated words make a strong passphrase that is easy to "
                "remember. There is no way to look it up later, so choose one you will keep.",
                self,
                muted=True,
            )
        )
        self.first.textChanged.connect(self._on_edit)
        self.second.textChanged.connect(self._on_edit)
        self._on_edit()

    def passphrase(self) -> str:
        return self.first.text()

    def problem(self) -> str | None:
        text = self.first.text()
        if len(text) < MIN_PASSPHRASE_LENGTH:
            return f"Please use at least {MIN_PASSPHRASE_LENGTH} characters."
        if not self.second.text():
            return "Please type the passphrase a second time."
        if self.second.text() != text:
            return "The two passphrases are not the same yet."
        return None

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    def _on_edit(self) -> None:
        score = passphrase_strength(self.first.text())
        self.meter.setValue(score)
        words = STRENGTH_WORDS[score]
        self.meter.setFormat(words)
        self.meter.setAccessibleDescription(words)
        hint = {
            0: f"Use at least {MIN_PASSPHRASE_LENGTH} characters.",
            1: "Easy to guess. A few more words would make it much stronger.",
            2: "Fair. One or two more words would make it stronger.",
            3: "",
            4: "",
        }[score]
        self.meter_words.setText(hint if self.first.text() else "")
        # Only mention a mismatch once the person has started the second field.
        problem = self.problem()
        if self.second.text() and problem:
            self.message.show_message(problem)
        else:
            self.message.clear_message()
        self.changed.emit()

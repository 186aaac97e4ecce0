"""The status bar's save state: "All changes saved", or plainly why not and that the changes
are kept in the app and being tried again."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from recovery_journal.ui.common import theme
from recovery_journal.ui.common.messages import save_error_text

if TYPE_CHECKING:
    from recovery_journal.services.session import SaveState


#: A save that is in place but whose folder the system couldn't sync (network, FUSE, USB).
NOT_CONFIRMED = (
    "Saved{when}, but the system couldn't confirm it reached the disk. If the journal is on a "
    "removable or network drive, keep it connected for a moment."
)


class SaveStatus(QWidget):
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.mark = QLabel(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry = QPushButton("Try &again now", self)
        self.retry.setAccessibleName("Try saving again now")
        self.retry.clicked.connect(self.retry_requested.emit)
        self.retry.hide()
        layout.addWidget(self.mark)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry)
        self.saved = True
        self.show_locked()

    def show_state(self, state: SaveState) -> None:
        self.saved = state.saved
        if state.saved:
            when = ""
            if state.at is not None:
                local = state.at.astimezone()
                when = f" at {local:%H:%M}" if local.date() == dt.date.today() else ""
            if state.durable:
                self._set("✓", f"All changes saved{when}", None)
            else:
                self._set("!", NOT_CONFIRMED.format(when=when), theme.USED)
            self.retry.hide()
        else:
            self._set("!", save_error_text(state.error), theme.USED)
            self.retry.show()

    def show_locked(self) -> None:
        self._set("", "Locked", None)
        self.retry.hide()

    def show_demo(self) -> None:
        self._set("", "Demo journal: changes are kept only until you close it", None)
        self.retry.hide()

    def text(self) -> str:
        return self.label.text()

    def _set(self, mark: str, text: str, accent: QColor | None) -> None:
        self.mark.setText(mark)
        self.label.setText(text)
        self.setAccessibleName(f"Save state: {text}")
        palette = self.label.palette()
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        if accent is not None:
            colour = QColor("#FF9E5E") if theme.is_dark(self) else QColor("#A34400")
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.label.setPalette(palette)
        self.mark.setPalette(palette)
        self.label.setAccessibleName(text)

"""The Calendar's title (the month shown) and the way to another month: previous, back to
today, next. The buttons are reached with Tab; the grid has Page Up / Page Down itself."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from recovery_journal.ui.common.widgets import heading, named


class MonthBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(self.fontMetrics().height() // 2)  # as the page's own layout
        self.title = heading("", 1, self)
        bar.addWidget(self.title, 1)
        self.previous_button = named(
            QPushButton("◀ Previous month", self), "Previous month", "Page Up"
        )
        self.previous_button.setToolTip("The month before (Page Up)")
        self.today_button = named(QPushButton("&Today", self), "Go to today", "Ctrl+T")
        self.today_button.setToolTip("Back to today (Ctrl+T)")
        self.next_button = named(QPushButton("Next month ▶", self), "Next month", "Page Down")
        self.next_button.setToolTip("The month after (Page Down)")
        for button in (self.previous_button, self.today_button, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            bar.addWidget(button)

    def show_month(self, shown: dt.date, today: dt.date) -> None:
        """``shown`` is the first of the month; there is no month after today's."""
        self.title.setText(f"{shown:%B %Y}")
        self.title.setAccessibleName(self.title.text())
        self.next_button.setEnabled(shown < dt.date(today.year, today.month, 1))

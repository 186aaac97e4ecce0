"""Today's title and the way to another day: previous, a date field, next, back to today.

``day_chosen(date)`` asks the page to show a day; Alt+Left, Alt+Right and Alt+Home work
anywhere on the page (``scope``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QPushButton, QWidget

from recovery_journal.domain.formatting import long_date
from recovery_journal.ui.common.widgets import from_qdate, heading, named, to_qdate

ONE_DAY = dt.timedelta(days=1)


class DateBar(QWidget):
    day_chosen = Signal(object)

    def __init__(
        self, day: Callable[[], dt.date], today: Callable[[], dt.date], scope: QWidget
    ) -> None:
        super().__init__(scope)
        self._day = day
        self._today = today
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        self.title = heading("", 1, self)
        bar.addWidget(self.title, 1)
        self.previous_button = named(
            QPushButton("◀ Previous day", self), "Previous day", "Alt+Left"
        )
        self.previous_button.setToolTip("The day before (Alt+Left)")
        self.previous_button.clicked.connect(self._previous)
        self.date_edit = named(QDateEdit(self), "Day to show")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.dateChanged.connect(lambda d: self.day_chosen.emit(from_qdate(d)))
        self.next_button = named(QPushButton("Next day ▶", self), "Next day", "Alt+Right")
        self.next_button.setToolTip("The day after (Alt+Right)")
        self.next_button.clicked.connect(self._next)
        self.today_button = named(QPushButton("Today", self), "Back to today", "Alt+Home")
        self.today_button.setToolTip("Back to today (Alt+Home)")
        self.today_button.clicked.connect(self._back_to_today)
        for widget in (self.previous_button, self.date_edit, self.next_button, self.today_button):
            bar.addWidget(widget)
        for keys, move in (
            ("Alt+Left", self._previous),
            ("Alt+Right", self._next),
            ("Alt+Home", self._back_to_today),
        ):
            shortcut = QShortcut(QKeySequence(keys), scope)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(move)

    def _previous(self) -> None:
        self.day_chosen.emit(self._day() - ONE_DAY)

    def _next(self) -> None:
        self.day_chosen.emit(self._day() + ONE_DAY)

    def _back_to_today(self) -> None:
        self.day_chosen.emit(self._today())

    def sync(self) -> None:
        """Show the day on the page: its name as the title, and which moves make sense."""
        day, today = self._day(), self._today()
        name = long_date(day, weekday=True, year=False)
        self.title.setText(f"Today, {name}" if day == today else name)
        blocked = self.date_edit.blockSignals(True)
        self.date_edit.setMaximumDate(to_qdate(today))
        self.date_edit.setDate(to_qdate(day))
        self.date_edit.blockSignals(blocked)
        self.next_button.setEnabled(day < today)
        self.today_button.setEnabled(day != today)

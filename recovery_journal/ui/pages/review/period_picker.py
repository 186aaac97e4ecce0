"""Choosing the period of a review: since your last review, the last 30 or 90 days, or dates.

The picker only turns the choice into a :class:`ReportPeriod` with the report package's own
functions, so the screen, the export and ``report`` on the command line mean the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from recovery_journal.charts.report.period import (
    ReportPeriod,
    custom_period,
    period_for_range,
    period_since_last_review,
)
from recovery_journal.domain.models import JournalData
from recovery_journal.ui.common.widgets import from_qdate, named, to_qdate

#: The choices, in order: key and words.
CHOICES: tuple[tuple[str, str], ...] = (
    ("since_last_review", "Since your last review"),
    ("30d", "Last 30 days"),
    ("90d", "Last 90 days"),
    ("custom", "Dates I choose"),
)


class PeriodPicker(QWidget):
    """A drop-down of periods and, for "Dates I choose", a start and an end date."""

    changed = Signal()

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel("&Period:", self)
        self.choice = named(QComboBox(self), "Period of the review")
        for key, words in CHOICES:
            self.choice.addItem(words, key)
        self.label.setBuddy(self.choice)
        self.from_label = QLabel("&From", self)
        self.from_edit = named(QDateEdit(self), "First day of the period")
        self.to_label = QLabel("&to", self)
        self.to_edit = named(QDateEdit(self), "Last day of the period")
        for edit, label in ((self.from_edit, self.from_label), (self.to_edit, self.to_label)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            label.setBuddy(edit)
        row.addWidget(self.label)
        row.addWidget(self.choice)
        row.addSpacing(self.fontMetrics().height())
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            row.addWidget(widget)
        row.addStretch(1)
        self._set_limits()
        self.choice.currentIndexChanged.connect(self._choice_changed)
        self.from_edit.dateChanged.connect(self._dates_changed)
        self.to_edit.dateChanged.connect(self._dates_changed)
        self._show_dates()

    # -- state ----------------------------------------------------------------------------------
    @property
    def key(self) -> str:
        return str(self.choice.currentData())

    def set_key(self, key: str) -> None:
        index = self.choice.findData(key)
        if index >= 0:
            self.choice.setCurrentIndex(index)

    def set_custom(self, start: dt.date, end: dt.date) -> None:
        """Choose "Dates I choose" with ``start … end`` (one change signal)."""
        self.blockSignals(True)
        try:
            self._set_limits()
            self._set_dates(start, end)
            self.set_key("custom")
            self._show_dates()
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def period(self, data: JournalData) -> ReportPeriod:
        """The chosen period for ``data``, ending today (or at the chosen end)."""
        today = self._today()
        key = self.key
        if key == "since_last_review":
            return period_since_last_review(data, today)
        if key == "custom":
            start, end = from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())
            end = min(end, today)
            return custom_period(data, min(start, end), end)
        return period_for_range(data, today, key)

    def show_period(self, period: ReportPeriod) -> None:
        """Show the dates a preset covers in the (read-only) date fields."""
        if self.key != "custom":
            self._set_dates(period.start, period.end)

    # -- reacting -------------------------------------------------------------------------------
    def _set_limits(self) -> None:
        today = to_qdate(self._today())
        for edit in (self.from_edit, self.to_edit):
            edit.blockSignals(True)
            edit.setMaximumDate(today)
            edit.blockSignals(False)

    def _set_dates(self, start: dt.date, end: dt.date) -> None:
        for edit, day in ((self.from_edit, start), (self.to_edit, end)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)
        self.to_edit.setMinimumDate(self.from_edit.date())

    def _show_dates(self) -> None:
        custom = self.key == "custom"
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(custom)
        hint = "" if custom else " (choose “Dates I choose” to change them)"
        self.from_edit.setToolTip(f"First day of the period{hint}")
        self.to_edit.setToolTip(f"Last day of the period{hint}")

    def _choice_changed(self) -> None:
        self._set_limits()
        self._show_dates()
        self.changed.emit()

    def _dates_changed(self) -> None:
        self.to_edit.setMinimumDate(self.from_edit.date())  # the end is never before the start
        if self.key == "custom":
            self.changed.emit()

"""Meetings: every meeting logged, newest first, to look back on, change or add to.

A sortable table (click a column's title) with a search box and filters for the fellowship,
the format and the period. Insert adds, Enter or a double-click edits, Delete deletes and
Ctrl+Z (or the Undo button) brings a deleted meeting back. The figures above the table come
from the domain's attendance measures (``controller.stats()``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from recovery_journal.domain.formatting import format_percent
from recovery_journal.domain.models import Meeting
from recovery_journal.ui.common.record_model import (
    PERIODS,
    RecordTableModel,
    date_text,
    period_test,
)
from recovery_journal.ui.common.records_panel import RecordsPanel
from recovery_journal.ui.common.widgets import heading, wrapped
from recovery_journal.ui.dialogs.meeting import fellowship_text
from recovery_journal.ui.pages.meetings.columns import (
    fellowship_filters,
    format_filters,
    meeting_columns,
    meeting_search_text,
)
from recovery_journal.ui.pages.meetings.dialog import MeetingEditDialog

if TYPE_CHECKING:
    from recovery_journal.domain.stats import Stats
    from recovery_journal.ui.app.controller import JournalController

#: Typical values, for the columns' widths.
COLUMN_SAMPLES = (
    "Wed 28 Sep 2026",
    "00:00",
    "SMART Recovery",
    "Tuesday Big Book",
    "In person",
    "120 min",
    "Yes",
    "Yes",
    "Literature",
    "Yes",
    "10 of 10",
)

EMPTY_TEXT = (
    "No meetings logged yet. When you go to one, add it here or from Today — it takes a few "
    "seconds, and it helps you see how often you go."
)


def attendance_line(stats: Stats) -> str:
    """The attendance figures in words (every number from the domain's measures)."""
    attendance = stats.attendance
    parts = [
        f"Last 30 days: {_meetings(attendance.meetings_30)}",
        f"last 90 days: {_meetings(attendance.meetings_90)} on "
        f"{attendance.meeting_days_90} different days",
    ]
    if attendance.weeks_at_threshold_pct_12 is not None:
        parts.append(
            "weeks with at least one meeting, last 12 weeks: "
            f"{format_percent(attendance.weeks_at_threshold_pct_12)}"
        )
    return " · ".join(parts) + "."


def _meetings(count: int) -> str:
    return "1 meeting" if count == 1 else f"{count} meetings"


class MeetingsView(QWidget):
    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setAccessibleName("Meetings")
        self.dialog: MeetingEditDialog | None = None
        self._shown: tuple[Meeting, ...] | None = None
        self._fellowships: list[str] | None = None  # None: the filter is not filled in yet
        self._period: tuple[int | None, dt.date] | None = None

        layout = QVBoxLayout(self)
        space = self.fontMetrics().height()
        layout.setContentsMargins(space, space // 2, space, space // 2)
        layout.setSpacing(space // 2)
        top = QHBoxLayout()
        top.addWidget(heading("Meetings", 1, self), 1)
        layout.addLayout(top)
        self.figures = wrapped("", self, muted=True)
        self.figures.setToolTip(
            "Counted from your meetings as of today. In studies, going at least once a week "
            "went with more days abstinent; how often people go usually changes over time."
        )
        layout.addWidget(self.figures)

        self.model: RecordTableModel[Meeting] = RecordTableModel(
            meeting_columns(controller.today), meeting_search_text, self
        )
        self.panel = RecordsPanel(
            "meeting",
            self.model,
            self,
            undo_stack=controller.undo_stack,
            search_hint="Search names, fellowships and notes…",
        )
        self.fellowship_filter = self.panel.add_filter("Fellowship", QComboBox(self))
        self.format_filter = self.panel.add_filter("Format", QComboBox(self))
        for label, test in [("All formats", None), *format_filters()]:
            self.format_filter.addItem(label, test)
        self.period_filter = self.panel.add_filter("Period", QComboBox(self), tests=False)
        self.period_filter.currentIndexChanged.connect(lambda _i: self._period_changed())
        for label, days in PERIODS:
            self.period_filter.addItem(label, days)
        layout.addWidget(self.panel, 1)
        self.panel.empty.setText(EMPTY_TEXT)
        self.panel.add_requested.connect(self.add_meeting)
        self.panel.edit_requested.connect(self.edit_meeting)
        self.panel.delete_requested.connect(self.delete_meetings)
        self.panel.table.fit_columns(COLUMN_SAMPLES)
        self.refresh()

    # -- the page protocol ----------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.controller.is_unlocked:
            return
        data = self.controller.data()
        self.figures.setText(attendance_line(self.controller.stats()))
        if data.meetings != self._shown:
            self._shown = data.meetings
            self._fill_fellowships(data.meetings)
            self.panel.set_records(data.meetings, keep=lambda m: m.id)
        self.panel.empty.setVisible(not data.meetings)
        self._period_changed()

    def focus_first(self) -> None:
        if self.model.rowCount():
            self.panel.table.setFocus()
            if self.panel.table.current_row() is None:
                self.panel.table.select_row(0)
        else:
            self.panel.add_button.setFocus()

    # -- filters --------------------------------------------------------------------------------
    def _fill_fellowships(self, meetings: tuple[Meeting, ...]) -> None:
        filters = fellowship_filters(meetings)
        labels = [label for label, _test in filters]
        if labels == self._fellowships:
            return
        self._fellowships = labels
        chosen = self.fellowship_filter.currentText()
        combo = self.fellowship_filter
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("All fellowships", None)
        for label, test in filters:
            combo.addItem(label, test)
        index = combo.findText(chosen)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)
        self.panel.proxy.set_test("Fellowship", combo.currentData())

    def _period_changed(self) -> None:
        key = (self.period_filter.currentData(), self.controller.today())
        if key != self._period:
            self._period = key
            self.panel.proxy.set_test("Period", period_test(*key))
            self.panel.show_count()

    # -- actions --------------------------------------------------------------------------------
    def add_meeting(self) -> None:
        self._open(None)

    def edit_meeting(self, meeting: Meeting) -> None:
        self._open(meeting)

    def _open(self, meeting: Meeting | None) -> None:
        dialog = MeetingEditDialog(self.controller, self.controller.today(), self, meeting)
        dialog.saved.connect(self._saved)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: MeetingEditDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        self.panel.table.setFocus()

    def _saved(self, meeting: Any) -> None:
        self.refresh()
        if (
            isinstance(meeting, Meeting)
            and meeting.id is not None
            and not self.panel.select_where(lambda m: m.id == meeting.id)
        ):
            # Hidden by the filters: clear them so the person sees what they saved.
            self.panel.search.clear()
            for combo in (self.fellowship_filter, self.format_filter, self.period_filter):
                combo.setCurrentIndex(0)
            self.panel.select_where(lambda m: m.id == meeting.id)

    def delete_meetings(self, meetings: list[Any]) -> None:
        chosen = [m for m in meetings if isinstance(m, Meeting) and m.id is not None]
        if not chosen:
            return
        row = self.panel.table.current_row() or 0
        if len(chosen) == 1:
            meeting = chosen[0]
            name = meeting.name or fellowship_text(meeting)
            text = f"Deleted the meeting “{name}” of {date_text(meeting.date)}."
        else:
            text = f"Deleted {len(chosen)} meetings."
        if not self.panel.delete(
            self.controller,
            chosen,
            action="delete the meeting" if len(chosen) == 1 else f"delete {len(chosen)} meetings",
            said=text,
            done="Brought back." if len(chosen) == 1 else "All brought back.",
        ):
            return
        self.refresh()
        if self.panel.proxy.rowCount():
            self.panel.table.select_row(min(row, self.panel.proxy.rowCount() - 1))

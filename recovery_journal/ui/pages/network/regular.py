"""Regular meetings: the meetings you go to each week (Today asks about them the day after).

A ``RecordsPanel`` (Insert adds, Enter edits, Delete deletes with undo) and the dialog that
adds or changes one. The list only makes logging easier; the figures count the meetings
logged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.models import Fellowship, RegularMeeting, Weekday
from recovery_journal.domain.network_words import WEEKDAY_SHORT, weekdays_text
from recovery_journal.ui.common.record_model import Column, RecordTableModel, time_text, yes_text
from recovery_journal.ui.common.records_panel import RecordsPanel
from recovery_journal.ui.common.widgets import named, wrapped
from recovery_journal.ui.dialogs.base import RecordDialog
from recovery_journal.ui.dialogs.meeting import FELLOWSHIP_LABELS, FORMAT_LABELS

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController

EMPTY_TEXT = (
    "List the meetings you go to each week, and the day after each one Today will ask whether "
    "you went, so logging it is one click."
)


def regular_fellowship(meeting: RegularMeeting) -> str:
    if meeting.fellowship == Fellowship.OTHER:
        return meeting.fellowship_label or "Other"
    return FELLOWSHIP_LABELS[meeting.fellowship]


def _first_day(meeting: RegularMeeting) -> int:
    return min((list(Weekday).index(d) for d in meeting.weekdays), default=7)


def regular_columns() -> list[Column[RegularMeeting]]:
    def when(m: RegularMeeting) -> tuple[int, dt.time, str]:
        return (_first_day(m), m.time, m.name.casefold())

    return [
        Column("Meeting", lambda m: m.name, lambda m: (m.name.casefold(), m.id or 0)),
        Column("Days", lambda m: weekdays_text(m.weekdays), when),
        Column("Time", lambda m: time_text(m.time), lambda m: (m.time, when(m))),
        Column("Fellowship", regular_fellowship, lambda m: (regular_fellowship(m), when(m))),
        Column("Format", lambda m: FORMAT_LABELS[m.format], lambda m: (m.format.value, when(m))),
        Column("Home group", lambda m: yes_text(m.home_group), lambda m: (m.home_group, when(m))),
    ]


class RegularMeetingDialog(RecordDialog):
    """Add a regular meeting (``meeting=None``) or change one."""

    live_fields = frozenset({"weekdays"})

    def __init__(
        self,
        controller: JournalController,
        parent: QWidget | None = None,
        meeting: RegularMeeting | None = None,
    ) -> None:
        self._meeting = meeting
        title = "Add a regular meeting" if meeting is None else "Change a regular meeting"
        super().__init__(title, controller, parent)
        self.name = named(QLineEdit(self), "The meeting's name")
        self.name.setPlaceholderText("e.g. Tuesday Big Book group")
        self.name.textEdited.connect(lambda _t: self.check())
        self.add_row("&Name:", self.name, "name")
        self.fellowship = named(QComboBox(self), "Fellowship")
        for fellowship, label in FELLOWSHIP_LABELS.items():
            self.fellowship.addItem(label, fellowship)
        self.fellowship.currentIndexChanged.connect(self._fellowship_changed)
        self.add_row("&Fellowship:", self.fellowship, "fellowship")
        self.fellowship_label = named(QLineEdit(self), "Name of the fellowship")
        self.fellowship_label.textEdited.connect(lambda _t: self.check())
        self.label_row = self.add_row("Which &one:", self.fellowship_label, "fellowship_label")
        days = QWidget(self)
        row = QHBoxLayout(days)
        row.setContentsMargins(0, 0, 0, 0)
        self.days: dict[Weekday, QCheckBox] = {}
        for day in Weekday:
            box = named(QCheckBox(WEEKDAY_SHORT[day], days), day.value.title())
            box.toggled.connect(lambda _on: self.check())
            row.addWidget(box)
            self.days[day] = box
        row.addStretch(1)
        self.add_row("&Days:", days, "weekdays")
        self.time = named(QTimeEdit(self), "Start time")
        self.time.setDisplayFormat("HH:mm")
        self.time.setTime(QTime(19, 0))
        self.add_row("&Time:", self.time, "time")
        self.format = named(QComboBox(self), "Format")
        for value, label in FORMAT_LABELS.items():
            self.format.addItem(label, value)
        self.add_row("F&ormat:", self.format, "format")
        self.home_group = named(QCheckBox("&Home group", self), "Home group")
        self.add_row("", self.home_group, "home_group")
        if meeting is not None:
            self._fill(meeting)
        self._fellowship_changed()
        self.name.setFocus()

    def _fill(self, meeting: RegularMeeting) -> None:
        self.name.setText(meeting.name)
        self.fellowship.setCurrentIndex(self.fellowship.findData(meeting.fellowship))
        self.fellowship_label.setText(meeting.fellowship_label or "")
        for day, box in self.days.items():
            box.setChecked(day in meeting.weekdays)
        self.time.setTime(QTime(meeting.time.hour, meeting.time.minute))
        self.format.setCurrentIndex(self.format.findData(meeting.format))
        self.home_group.setChecked(meeting.home_group)

    def _fellowship_changed(self) -> None:
        self.form.setRowVisible(self.label_row, self.fellowship.currentData() == Fellowship.OTHER)
        self.check()

    def build_record(self) -> RegularMeeting:
        fellowship: Fellowship = self.fellowship.currentData()
        value = self.time.time()
        record = RegularMeeting(
            name=self.name.text().strip(),
            fellowship=fellowship,
            fellowship_label=(
                self.fellowship_label.text().strip() if fellowship == Fellowship.OTHER else None
            ),
            weekdays=tuple(day for day, box in self.days.items() if box.isChecked()),
            time=dt.time(value.hour(), value.minute()),
            format=self.format.currentData(),
            home_group=self.home_group.isChecked(),
        )
        if self._meeting is not None:
            return dataclasses.replace(record, id=self._meeting.id)
        return record

    def store(self, record: object) -> RegularMeeting:
        assert isinstance(record, RegularMeeting)
        session = self.controller.session
        if record.id is not None:
            return session.update_regular_meeting(record)
        return session.add_regular_meeting(record)


class RegularMeetingsTab(QWidget):
    """The list of regular meetings, with add, edit and delete (undo on the window's stack)."""

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setAccessibleName("Regular meetings")
        self.dialog: RegularMeetingDialog | None = None
        self._shown: tuple[RegularMeeting, ...] | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped(
                "The meetings you go to each week. The day after one, Today asks whether you "
                "went. Your meeting figures count only the meetings you log.",
                self,
                muted=True,
            )
        )
        self.model: RecordTableModel[RegularMeeting] = RecordTableModel(
            regular_columns(), lambda m: f"{m.name} {regular_fellowship(m)}", self
        )
        self.panel = RecordsPanel(
            "regular meeting", self.model, self, undo_stack=controller.undo_stack
        )
        self.panel.empty.setText(EMPTY_TEXT)
        self.panel.add_requested.connect(lambda: self._open(None))
        self.panel.edit_requested.connect(self._open)
        self.panel.delete_requested.connect(self._delete)
        self.panel.table.fit_columns(
            (
                "Tuesday Big Book group",
                "Mon, Wed, Fri",
                "00:00",
                "SMART Recovery",
                "In person",
                "Yes",
            )
        )
        layout.addWidget(self.panel, 1)

    def refresh(self) -> None:
        meetings = self.controller.data().regular_meetings
        if meetings != self._shown:
            self._shown = meetings
            self.panel.set_records(meetings, keep=lambda m: m.id)
        self.panel.empty.setVisible(not meetings)

    def _open(self, meeting: Any) -> None:
        dialog = RegularMeetingDialog(
            self.controller, self, meeting if isinstance(meeting, RegularMeeting) else None
        )
        dialog.saved.connect(lambda saved: self._saved(saved))
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: RegularMeetingDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _saved(self, meeting: Any) -> None:
        self.refresh()
        if isinstance(meeting, RegularMeeting):
            self.panel.select_where(lambda m: m.id == meeting.id)

    def _delete(self, meetings: list[Any]) -> None:
        chosen = [m for m in meetings if isinstance(m, RegularMeeting) and m.id is not None]
        if not chosen:
            return
        one = len(chosen) == 1
        said = (
            f"Took “{chosen[0].name}” off your regular meetings."
            if one
            else f"Took {len(chosen)} meetings off your regular meetings."
        )
        if self.panel.delete(
            self.controller,
            chosen,
            action="remove the regular meeting" if one else f"remove {len(chosen)} meetings",
            said=said,
        ):
            self.refresh()

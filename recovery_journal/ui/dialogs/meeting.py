"""Log a meeting: the essentials first (date, fellowship, name, format), the rest optional."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from recovery_journal.domain.models import (
    HELPFULNESS_RANGE,
    Fellowship,
    Meeting,
    MeetingFormat,
    ServiceRole,
)
from recovery_journal.ui.common.choices import RatingSlider
from recovery_journal.ui.common.person_choice import PersonChoice
from recovery_journal.ui.common.widgets import named
from recovery_journal.ui.dialogs.base import RecordDialog

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController

FELLOWSHIP_LABELS = {
    Fellowship.AA: "AA",
    Fellowship.NA: "NA",
    Fellowship.CA: "CA",
    Fellowship.SMART: "SMART Recovery",
    Fellowship.OTHER: "Another fellowship…",
}
FORMAT_LABELS = {
    MeetingFormat.IN_PERSON: "In person",
    MeetingFormat.ONLINE: "Online",
    MeetingFormat.PHONE: "By phone",
}
ROLE_LABELS = {
    ServiceRole.NONE: "No service role",
    ServiceRole.SETUP: "Setting up",
    ServiceRole.CHAIR: "Chair",
    ServiceRole.GREETER: "Greeter",
    ServiceRole.SECRETARY: "Secretary",
    ServiceRole.LITERATURE: "Literature",
    ServiceRole.OTHER: "Other service",
}


def fellowship_text(meeting: Meeting) -> str:
    if meeting.fellowship == Fellowship.OTHER:
        return meeting.fellowship_label or "Other"
    return FELLOWSHIP_LABELS[meeting.fellowship]


class MeetingDialog(RecordDialog):
    def __init__(
        self, controller: JournalController, day: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__("Log a meeting", controller, parent)
        self.date = self.date_edit("Meeting date", day)
        self.add_row("&Date:", self.date, "date")
        time_box, self.has_time, self.time = self.optional_time("Meeting start time")
        self.add_row("&Time (optional):", time_box, "time")

        self.fellowship = named(QComboBox(self), "Fellowship")
        usual = [f for f in controller.settings().fellowships if f in Fellowship._value2member_map_]
        ordered = [Fellowship(f) for f in usual] + [f for f in Fellowship if f.value not in usual]
        for fellowship in ordered:
            self.fellowship.addItem(FELLOWSHIP_LABELS[fellowship], fellowship)
        self.fellowship.currentIndexChanged.connect(self._fellowship_changed)
        self.add_row("&Fellowship:", self.fellowship, "fellowship")
        self.fellowship_label = named(QLineEdit(self), "Name of the fellowship")
        self.fellowship_label.setPlaceholderText("Which fellowship or group?")
        others = [f for f in controller.settings().fellowships if f not in usual]
        if others:
            self.fellowship_label.setText(others[0])
        self.fellowship_label.textEdited.connect(lambda _t: self.check())
        self.fellowship_row = self.add_row("Which &one:", self.fellowship_label, "fellowship_label")
        self.name = named(QLineEdit(self), "Meeting name (optional)")
        self.name.setPlaceholderText("e.g. Tuesday Big Book group")
        self.add_row("&Name (optional):", self.name, "name")
        self.format = named(QComboBox(self), "Format")
        for meeting_format, label in FORMAT_LABELS.items():
            self.format.addItem(label, meeting_format)
        self.add_row("F&ormat:", self.format, "format")
        self.duration = self.optional_minutes("Length in minutes (optional)")
        self.duration.setValue(0)
        self.add_row("&Length (optional):", self.duration, "duration_min")

        flags = QWidget(self)
        grid = QGridLayout(flags)
        grid.setContentsMargins(0, 0, 0, 0)
        self.home_group = named(QCheckBox("&Home group", flags), "Home group")
        self.shared = named(QCheckBox("I &shared", flags), "I shared")
        self.talked = named(
            QCheckBox("I talked with members before or after", flags),
            "I talked with members before or after",
        )
        grid.addWidget(self.home_group, 0, 0)
        grid.addWidget(self.shared, 0, 1)
        grid.addWidget(self.talked, 1, 0, 1, 2)
        self.add_row("", flags)
        self.role = named(QComboBox(self), "Service role")
        for role, label in ROLE_LABELS.items():
            self.role.addItem(label, role)
        self.add_row("Ser&vice:", self.role, "service_role")
        self.helpfulness = RatingSlider(
            "How helpful it was", *HELPFULNESS_RANGE, ("Not at all", "Very"), self
        )
        self.add_row("Ho&w helpful:", self.helpfulness, "helpfulness")
        self.notes = named(QPlainTextEdit(self), "Notes (optional)")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.notes.fontMetrics().lineSpacing() * 5)
        self.add_row("Not&es:", self.notes, "notes")
        people = list(controller.data().people)
        self.person = PersonChoice("Someone from your network who was there", people, self)
        self.add_row("With (optional):", self.person, "person_key")
        self._fellowship_changed()
        self.fellowship.setFocus()

    def _fellowship_changed(self) -> None:
        other = self.fellowship.currentData() == Fellowship.OTHER
        self.fellowship_label.setEnabled(other)
        self.form.setRowVisible(self.fellowship_row, other)
        self.check()

    def build_record(self) -> Meeting:
        fellowship: Fellowship = self.fellowship.currentData()
        label = self.fellowship_label.text().strip() if fellowship == Fellowship.OTHER else None
        return Meeting(
            date=self.date_of(self.date),
            fellowship=fellowship,
            fellowship_label=label,
            time=self.time_of(self.has_time, self.time),
            name=self.name.text().strip(),
            format=self.format.currentData(),
            duration_min=self.duration.value() or None,
            home_group=self.home_group.isChecked(),
            shared=self.shared.isChecked(),
            service_role=self.role.currentData(),
            talked_with_members=self.talked.isChecked(),
            helpfulness=self.helpfulness.value(),
            notes=self.notes.toPlainText().strip(),
            person_key=self.person.value(),
        )

    def store(self, record: object) -> Meeting:
        assert isinstance(record, Meeting)
        return self.controller.session.add_meeting(record)

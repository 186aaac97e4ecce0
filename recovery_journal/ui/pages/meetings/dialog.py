"""The meeting dialog of ``ui/dialogs/meeting.py`` with an edit mode and completions.

The shared dialog only adds. Here it also opens an existing meeting (filled in, saved with
``update_meeting``), and offers the meeting names and fellowship names already used as
completions while typing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from recovery_journal.domain.models import Fellowship, Meeting
from recovery_journal.ui.common.completion import attach_completer, used_texts
from recovery_journal.ui.common.widgets import to_qdate
from recovery_journal.ui.dialogs.base import retitle, set_time
from recovery_journal.ui.dialogs.meeting import MeetingDialog

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController


class MeetingEditDialog(MeetingDialog):
    """Add a meeting (``meeting=None``) or change one."""

    def __init__(
        self,
        controller: JournalController,
        day: dt.date,
        parent: QWidget | None = None,
        meeting: Meeting | None = None,
    ) -> None:
        self._meeting = meeting
        super().__init__(controller, meeting.date if meeting else day, parent)
        data = controller.data()
        self.name_completer = attach_completer(self.name, used_texts(m.name for m in data.meetings))
        labels = used_texts(
            [m.fellowship_label for m in data.meetings] + list(controller.settings().fellowships)
        )
        labels = [label for label in labels if label not in Fellowship._value2member_map_]
        self.label_completer = attach_completer(self.fellowship_label, labels)
        if meeting is not None:
            retitle(self, "Log a meeting", "Change a meeting")
            self._fill(meeting)
        self.check()

    def _fill(self, meeting: Meeting) -> None:
        self.date.setDate(to_qdate(meeting.date))
        set_time(self.has_time, self.time, meeting.time)
        self.fellowship.setCurrentIndex(self.fellowship.findData(meeting.fellowship))
        self.fellowship_label.setText(meeting.fellowship_label or "")
        self.name.setText(meeting.name)
        self.format.setCurrentIndex(self.format.findData(meeting.format))
        self.duration.setValue(meeting.duration_min or 0)
        self.home_group.setChecked(meeting.home_group)
        self.shared.setChecked(meeting.shared)
        self.talked.setChecked(meeting.talked_with_members)
        self.role.setCurrentIndex(self.role.findData(meeting.service_role))
        self.helpfulness.set_value(meeting.helpfulness)
        self.notes.setPlainText(meeting.notes)
        self.person.set_value(meeting.person_key)

    @property
    def editing(self) -> Meeting | None:
        return self._meeting

    def build_record(self) -> Meeting:
        record = super().build_record()
        if self._meeting is not None:
            return dataclasses.replace(record, id=self._meeting.id)
        return record

    def store(self, record: object) -> Meeting:
        assert isinstance(record, Meeting)
        if record.id is not None:
            return self.controller.session.update_meeting(record)
        return self.controller.session.add_meeting(record)

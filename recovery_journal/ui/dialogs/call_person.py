"""Add or change a person on the call list (shown on the "Get help now" screen)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QWidget

from recovery_journal.domain.models import CallListPerson
from recovery_journal.ui.common.widgets import named
from recovery_journal.ui.dialogs.base import RecordDialog

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController


class CallPersonDialog(RecordDialog):
    live_fields = frozenset()

    def __init__(
        self,
        controller: JournalController,
        person: CallListPerson | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = "Change a person on your call list" if person else "Add a person to call"
        super().__init__(title, controller, parent)
        self._person = person
        self.name = named(QLineEdit(self), "Name")
        self.name.setPlaceholderText("A name or a nickname")
        self.add_row("&Name:", self.name, "name")
        self.role = named(QLineEdit(self), "Who they are (optional)")
        self.role.setPlaceholderText("e.g. Sponsor, friend from my home group, sister")
        self.add_row("&Who they are:", self.role, "role")
        self.phone = named(QLineEdit(self), "Phone number")
        self.add_row("&Phone:", self.phone, "phone")
        if person is not None:
            self.name.setText(person.name)
            self.role.setText(person.role)
            self.phone.setText(person.phone)

    def build_record(self) -> CallListPerson:
        person = CallListPerson(
            name=self.name.text().strip(),
            role=self.role.text().strip(),
            phone=self.phone.text().strip(),
        )
        if self._person is not None:
            return dataclasses.replace(person, id=self._person.id)
        return person

    def store(self, record: object) -> CallListPerson:
        assert isinstance(record, CallListPerson)
        if record.id is not None:
            return self.controller.session.update_call_person(record)
        return self.controller.session.add_call_person(record)

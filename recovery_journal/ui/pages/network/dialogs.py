"""Dialogs of the Network page: someone new (with how they relate to your recovery as of a
date), a change to a person's name or relationship, and a dated entry (a change over time).

Each is a ``RecordDialog``: the service's messages show inline, and Save calls the service.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from recovery_journal.domain.models import (
    Person,
    PersonEntry,
    PersonStance,
    PersonUse,
    Relationship,
)
from recovery_journal.domain.network_words import RELATIONSHIP_WORDS, STANCE_WORDS, USE_WORDS
from recovery_journal.domain.validation import FieldError
from recovery_journal.ui.common.widgets import named
from recovery_journal.ui.dialogs.base import RecordDialog

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController


def next_person_key(people: Sequence[Person]) -> str:
    """A new person id not used yet ("person-1", "person-2", …)."""
    taken = {p.key for p in people}
    number = len(taken) + 1
    while f"person-{number}" in taken:
        number += 1
    return f"person-{number}"


def _combo(parent: QWidget, name: str, words: Mapping[Any, str]) -> QComboBox:
    combo = named(QComboBox(parent), name)
    for value, text in words.items():
        combo.addItem(text, value)
    return combo


def _notes(parent: QWidget, name: str) -> QPlainTextEdit:
    notes = named(QPlainTextEdit(parent), name)
    notes.setTabChangesFocus(True)
    notes.setMaximumHeight(notes.fontMetrics().lineSpacing() * 4)
    return notes


class EntryFields:
    """The fields of a dated entry, shared by the two dialogs that make one."""

    def __init__(self, dialog: RecordDialog, day: dt.date, *, leaving: bool) -> None:
        self.date = dialog.date_edit("As of", day)
        dialog.add_row("&As of:", self.date, "date")
        self.use = _combo(dialog, "Their own drinking or use", USE_WORDS)
        self.use.setCurrentIndex(self.use.findData(PersonUse.UNKNOWN))
        dialog.add_row("Their &own use:", self.use, "use")
        self.stance = _combo(dialog, "How they relate to your recovery", STANCE_WORDS)
        self.stance.setCurrentIndex(self.stance.findData(PersonStance.UNKNOWN))
        dialog.add_row("With your &recovery:", self.stance, "stance")
        self.left = named(
            QCheckBox("No longer part of my life from this day", dialog),
            "No longer part of my life from this day",
        )
        if leaving:
            dialog.add_row("", self.left, "in_network")
        else:
            self.left.hide()
        self.note = _notes(dialog, "Note (optional)")
        dialog.add_row("&Note:", self.note, "note")

    def fill(self, entry: PersonEntry) -> None:
        from recovery_journal.ui.common.widgets import to_qdate

        self.date.setDate(to_qdate(entry.date))
        self.use.setCurrentIndex(self.use.findData(entry.use))
        self.stance.setCurrentIndex(self.stance.findData(entry.stance))
        self.left.setChecked(not entry.in_network)
        self.note.setPlainText(entry.note)

    def entry(self, person_key: str) -> PersonEntry:
        return PersonEntry(
            date=RecordDialog.date_of(self.date),
            person_key=person_key,
            use=self.use.currentData(),
            stance=self.stance.currentData(),
            in_network=not self.left.isChecked(),
            note=self.note.toPlainText().strip(),
        )


class PersonDialog(RecordDialog):
    """Add someone (``person=None``: with their first entry) or change a person's name,
    relationship and notes (their entries stay as they are)."""

    live_fields = frozenset({"date"})

    def __init__(
        self,
        controller: JournalController,
        parent: QWidget | None = None,
        person: Person | None = None,
    ) -> None:
        self._person = person
        title = "Add someone to your network" if person is None else f"Change {person.name}"
        super().__init__(title, controller, parent)
        if person is None:
            self.set_lead(
                "Anyone who matters in your life now, for better or worse. A first name or a "
                "nickname is enough; only you see this."
            )
        self.name = named(QLineEdit(self), "Name or nickname")
        self.name.setPlaceholderText("A first name or a nickname")
        self.name.textEdited.connect(lambda _t: self.check())
        self.add_row("&Name:", self.name, "name")
        self.relationship = _combo(self, "Who they are to you", RELATIONSHIP_WORDS)
        self.add_row("&Who they are:", self.relationship, "relationship")
        self.notes = _notes(self, "Notes about them (optional)")
        self.add_row("No&tes:", self.notes, "notes")
        self.fields: EntryFields | None = None
        if person is None:
            self.fields = EntryFields(self, controller.today(), leaving=False)
            self.relationship.setCurrentIndex(self.relationship.findData(Relationship.FRIEND))
        else:
            self.name.setText(person.name)
            self.relationship.setCurrentIndex(self.relationship.findData(person.relationship))
            self.notes.setPlainText(person.notes)
        self.name.setFocus()
        self.check()

    def build_record(self) -> Person:
        values = {
            "name": self.name.text().strip(),
            "relationship": self.relationship.currentData(),
            "notes": self.notes.toPlainText().strip(),
        }
        if self._person is not None:
            return dataclasses.replace(self._person, **values)
        return Person(key=next_person_key(self.controller.data().people), **values)

    def validate(self, record: object) -> Sequence[FieldError]:
        assert isinstance(record, Person)
        session = self.controller.session
        errors = list(session.problems(record))
        if self.fields is not None:
            entry = self.fields.entry(record.key)
            errors += session.problems(entry, new_people=[record.key])
        return errors

    def store(self, record: object) -> Person:
        assert isinstance(record, Person)
        session = self.controller.session
        if self.fields is None:
            return session.update_person(record)
        return session.add_person(record, self.fields.entry(record.key))


class EntryDialog(RecordDialog):
    """Note a change for ``person`` as of a date (a new entry; the earlier ones stay), or
    correct an entry (``entry`` given)."""

    def __init__(
        self,
        controller: JournalController,
        person: Person,
        parent: QWidget | None = None,
        entry: PersonEntry | None = None,
        latest: PersonEntry | None = None,
    ) -> None:
        self._person = person
        self._entry = entry
        title = f"How things are with {person.name}" if entry is None else "Correct an entry"
        super().__init__(title, controller, parent)
        if entry is None:
            self.set_lead("Note how things stand now; what you noted before stays in the history.")
        self.fields = EntryFields(self, controller.today(), leaving=True)
        start = entry or latest
        if start is not None:
            self.fields.fill(start)
            if entry is None:
                from recovery_journal.ui.common.widgets import to_qdate

                self.fields.date.setDate(to_qdate(controller.today()))
                self.fields.note.clear()
        self.fields.stance.setFocus()
        self.check()

    def build_record(self) -> PersonEntry:
        record = self.fields.entry(self._person.key)
        if self._entry is not None:
            return dataclasses.replace(record, id=self._entry.id)
        return record

    def store(self, record: object) -> PersonEntry:
        assert isinstance(record, PersonEntry)
        session = self.controller.session
        if record.id is not None:
            return session.update_person_entry(record)
        return session.add_person_entry(record)

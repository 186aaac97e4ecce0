"""Log a contact with a sponsor. Only two-way contacts count in the figures, and the dialog
says so where the choice is made."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from recovery_journal.domain.models import ContactMode, Initiator, Sponsor, SponsorContact, Topic
from recovery_journal.domain.sponsors import current_sponsor, newest_first, next_sponsor_key
from recovery_journal.domain.validation import FieldError
from recovery_journal.ui.common.choices import ChipRow, ChoiceRow
from recovery_journal.ui.common.person_choice import PersonChoice
from recovery_journal.ui.common.widgets import named, wrapped
from recovery_journal.ui.dialogs.base import RecordDialog

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController

MODES = (
    (ContactMode.PHONE, "Phone call", "We talked on the phone"),
    (ContactMode.IN_PERSON, "In person", "We met"),
    (ContactMode.VIDEO, "Video call", "We talked on a video call"),
    (ContactMode.TEXT, "Messages", "Text or chat messages"),
)
TOPICS = (
    (Topic.STEPS, "Steps", "Step work"),
    (Topic.CRAVING, "Craving", "Cravings or urges"),
    (Topic.CHECK_IN, "Check-in", "A general check-in"),
    (Topic.READING, "Reading", "Recovery reading"),
    (Topic.LIFE, "Life", "Life in general"),
    (Topic.OTHER, "Other", "Something else"),
)
MODE_LABELS: Mapping[ContactMode, str] = {mode: label for mode, label, _tip in MODES}


class ContactDialog(RecordDialog):
    def __init__(
        self, controller: JournalController, day: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__("Log a sponsor contact", controller, parent)
        data = controller.data()
        self.date = self.date_edit("Contact date", day)
        self.add_row("&Date:", self.date, "date")
        time_box, self.has_time, self.time = self.optional_time("Contact time")
        self.add_row("&Time (optional):", time_box, "time")

        self.sponsor = named(QComboBox(self), "Sponsor")
        current = current_sponsor(data.sponsors, day)
        sponsors = newest_first(data.sponsors)
        for sponsor in sponsors:
            self.sponsor.addItem(sponsor.name, sponsor.key)
        self.sponsor.addItem("Someone not in my list yet…", "__new__")
        self.sponsor.addItem("I'd rather not say", None)
        if current is not None:
            self.sponsor.setCurrentIndex(self.sponsor.findData(current.key))
        elif not sponsors:
            self.sponsor.setCurrentIndex(self.sponsor.findData("__new__"))
        self.sponsor.currentIndexChanged.connect(self._sponsor_changed)
        self.add_row("&Sponsor:", self.sponsor, "sponsor_key")
        self.new_name = named(QLineEdit(self), "New sponsor's name or nickname")
        self.new_name.setPlaceholderText("A first name or a nickname")
        self.new_name.textEdited.connect(lambda _t: self.check())
        self.new_name_row = self.add_row("Their &name:", self.new_name, "name")

        self.mode = ChoiceRow("How", MODES, self)
        self.mode.set_value(ContactMode.PHONE)
        self.mode.changed.connect(self._mode_changed)
        self.add_row("How:", self.mode, "mode")
        self.initiated = ChoiceRow(
            "Who reached out",
            (
                (Initiator.ME, "I did", "I reached out"),
                (Initiator.SPONSOR, "My sponsor did", "My sponsor reached out"),
            ),
            self,
        )
        self.initiated.set_value(Initiator.ME)
        self.initiated.changed.connect(self._initiated_changed)
        self.add_row("Who reached out:", self.initiated, "initiated_by")
        self.two_way = named(
            QCheckBox("We actually talked, or wrote back and forth", self),
            "Two-way: we actually talked, or wrote back and forth",
        )
        self.two_way.setChecked(True)
        self.add_row("", self.two_way, "two_way")
        self.add_row(
            "",
            wrapped(
                "Only two-way contacts count in your figures; a message with no answer yet "
                "doesn't, but it is still worth noting.",
                self,
                muted=True,
            ),
        )
        self.duration = self.optional_minutes("Length in minutes (optional)")
        self.add_row("&Length (optional):", self.duration, "duration_min")
        self.topics = ChipRow("Topics", TOPICS, self)
        self.add_row("We talked about:", self.topics, "topics")
        self.notes = named(QPlainTextEdit(self), "Notes (optional)")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.notes.fontMetrics().lineSpacing() * 5)
        self.add_row("Not&es:", self.notes, "notes")
        self.person = PersonChoice("Your sponsor in your network list", list(data.people), self)
        self.add_row("In your network:", self.person, "person_key")
        self._sponsor_changed()
        self.sponsor.setFocus()

    def _sponsor_changed(self) -> None:
        new = self.sponsor.currentData() == "__new__"
        self.form.setRowVisible(self.new_name_row, new)
        self.check()

    def _mode_changed(self) -> None:
        if self.mode.value() is None:  # one choice is needed; keep the one clicked again
            self.mode.set_value(ContactMode.PHONE)

    def _initiated_changed(self) -> None:
        if self.initiated.value() is None:
            self.initiated.set_value(Initiator.ME)

    def _new_sponsor(self) -> Sponsor | None:
        if self.sponsor.currentData() != "__new__":
            return None
        return Sponsor(
            key=next_sponsor_key(self.controller.data()),
            name=self.new_name.text().strip(),
            started_on=self.date_of(self.date),
        )

    def build_record(self) -> SponsorContact:
        key = self.sponsor.currentData()
        new = self._new_sponsor()
        return SponsorContact(
            date=self.date_of(self.date),
            mode=self.mode.value() or ContactMode.PHONE,
            time=self.time_of(self.has_time, self.time),
            sponsor_key=new.key if new is not None else key,
            initiated_by=self.initiated.value() or Initiator.ME,
            two_way=self.two_way.isChecked(),
            duration_min=self.duration.value() or None,
            topics=self.topics.values(),
            notes=self.notes.toPlainText().strip(),
            person_key=self.person.value(),
        )

    def validate(self, record: object) -> Sequence[FieldError]:
        assert isinstance(record, SponsorContact)
        session = self.controller.session
        new = self._new_sponsor()
        if new is None:
            return session.problems(record)
        named = [e for e in session.problems(new) if e.field == "name"]
        return named + session.problems(record, new_sponsors=[new.key])

    def store(self, record: object) -> SponsorContact:
        """The contact, and a new sponsor named in it, as one change."""
        assert isinstance(record, SponsorContact)
        return self.save_with_new_sponsor(record)

    def save_with_new_sponsor(self, record: SponsorContact) -> SponsorContact:
        new = self._new_sponsor()
        stored = self.controller.session.write_many(put=[new, record] if new else [record])
        contact = stored[-1]
        assert isinstance(contact, SponsorContact)
        return contact

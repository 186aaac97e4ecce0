"""Dialogs of the Sponsor page: a contact (add or change) and a sponsor (add, change, end).

``ContactEditDialog`` is the shared ``ContactDialog`` (``ui/dialogs/contact.py``) with an
edit mode; ``SponsorDialog`` is new, on the shared ``RecordDialog`` base, so its messages show
inline like every other form's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from recovery_journal.domain.models import Sponsor, SponsorContact
from recovery_journal.domain.sponsors import current_sponsor, next_sponsor_key, start_key
from recovery_journal.ui.common.widgets import named, to_qdate
from recovery_journal.ui.dialogs.base import RecordDialog, retitle, set_time
from recovery_journal.ui.dialogs.contact import ContactDialog

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController

ONE_DAY = dt.timedelta(days=1)


class ContactEditDialog(ContactDialog):
    """Log a contact (``contact=None``) or change one."""

    def __init__(
        self,
        controller: JournalController,
        day: dt.date,
        parent: QWidget | None = None,
        contact: SponsorContact | None = None,
    ) -> None:
        self._contact = contact
        super().__init__(controller, contact.date if contact else day, parent)
        if contact is not None:
            retitle(self, "Log a sponsor contact", "Change a sponsor contact")
            self._fill(contact)
        self.check()

    def _fill(self, contact: SponsorContact) -> None:
        self.date.setDate(to_qdate(contact.date))
        set_time(self.has_time, self.time, contact.time)
        index = next(
            (
                i
                for i in range(self.sponsor.count())
                if self.sponsor.itemData(i) == contact.sponsor_key
                and self.sponsor.itemData(i) != "__new__"
            ),
            self.sponsor.count() - 1,  # "I'd rather not say"
        )
        self.sponsor.setCurrentIndex(index)
        self.mode.set_value(contact.mode)
        self.initiated.set_value(contact.initiated_by)
        self.two_way.setChecked(contact.two_way)
        self.duration.setValue(contact.duration_min or 0)
        self.topics.set_values(contact.topics)
        self.notes.setPlainText(contact.notes)
        self.person.set_value(contact.person_key)

    @property
    def editing(self) -> SponsorContact | None:
        return self._contact

    def build_record(self) -> SponsorContact:
        record = super().build_record()
        if self._contact is not None:
            return dataclasses.replace(record, id=self._contact.id)
        return record

    def store(self, record: object) -> SponsorContact:
        assert isinstance(record, SponsorContact)
        return self.save_with_new_sponsor(record)  # adds or updates, by its id


class SponsorDialog(RecordDialog):
    """Add a sponsor, change one, or end a sponsorship (``end=True`` starts with the end
    date turned on). A new sponsor may end the current sponsor's time the day before."""

    live_fields = frozenset({"started_on", "ended_on"})

    def __init__(
        self,
        controller: JournalController,
        parent: QWidget | None = None,
        sponsor: Sponsor | None = None,
        *,
        end: bool = False,
    ) -> None:
        title = (
            "Add a sponsor"
            if sponsor is None
            else (f"End your time with {sponsor.name}" if end else f"Change {sponsor.name}")
        )
        self._sponsor = sponsor
        self._previous: Sponsor | None = None
        today = controller.today()
        super().__init__(title, controller, parent)
        self.set_lead(
            "A sponsor can be anyone you choose to walk with in recovery. A first name or a "
            "nickname is enough."
            if sponsor is None
            else ""
        )
        self.name = named(QLineEdit(self), "Name or nickname")
        self.name.setPlaceholderText("A first name or a nickname")
        self.name.textEdited.connect(lambda _t: self.check())
        self.add_row("&Name:", self.name, "name")
        started = sponsor.started_on if sponsor is not None else None
        self.started = self.date_edit("Sponsor since", started or today)
        self.add_row("&Since:", self.started, "started_on")
        self.has_ended = named(
            QCheckBox("This sponsorship has ended", self), "This sponsorship has ended"
        )
        self.add_row("", self.has_ended)
        self.ended = self.date_edit("Ended on", (sponsor.ended_on if sponsor else None) or today)
        self.ended_row = self.add_row("&Ended on:", self.ended, "ended_on")
        self.has_ended.toggled.connect(self._ended_toggled)
        self.end_previous = named(QCheckBox(self), "End the previous sponsorship")
        self.add_row("", self.end_previous)
        self.end_previous.hide()
        if sponsor is not None:
            self.name.setText(sponsor.name)
            self.has_ended.setChecked(sponsor.ended_on is not None or end)
        else:
            self._previous = current_sponsor(controller.data().sponsors, today)
            if self._previous is not None:
                self.end_previous.setText(
                    f"{self._previous.name} is no longer my sponsor (their time ends the day "
                    "before this one starts)"
                )
                self.end_previous.setAccessibleName(
                    f"{self._previous.name} is no longer my sponsor"
                )
                self.end_previous.setChecked(True)
                self.end_previous.show()
        self._ended_toggled(self.has_ended.isChecked())
        (self.ended if end else self.name).setFocus()

    def _ended_toggled(self, on: bool) -> None:
        self.form.setRowVisible(self.ended_row, on)
        self.check()

    def build_record(self) -> Sponsor:
        ended = self.date_of(self.ended) if self.has_ended.isChecked() else None
        if self._sponsor is not None:
            return dataclasses.replace(
                self._sponsor,
                name=self.name.text().strip(),
                started_on=self.date_of(self.started),
                ended_on=ended,
            )
        return Sponsor(
            key=next_sponsor_key(self.controller.data()),
            name=self.name.text().strip(),
            started_on=self.date_of(self.started),
            ended_on=ended,
        )

    def store(self, record: object) -> Sponsor:
        assert isinstance(record, Sponsor)
        session = self.controller.session
        if self._sponsor is not None:
            return session.update_sponsor(record)
        previous = self._previous
        if previous is None or not self.end_previous.isChecked():
            return session.add_sponsor(record)
        assert record.started_on is not None  # the form always gives a start date
        end = max(start_key(previous), record.started_on - ONE_DAY)
        ended = dataclasses.replace(previous, ended_on=end)
        stored = session.write_many(put=[ended, record])  # one change: both or neither
        assert isinstance(stored[-1], Sponsor)
        return stored[-1]

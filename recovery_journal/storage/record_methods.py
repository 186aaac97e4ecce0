"""The repository's methods for each record kind: one-line uses of the generic operations."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TypeVar

from recovery_journal.domain.models import (
    AllianceCheckin,
    AnchorEvent,
    CallListPerson,
    DayRecord,
    JournalEntry,
    Meeting,
    Person,
    PersonEntry,
    RegularMeeting,
    Sponsor,
    SponsorContact,
)
from recovery_journal.storage import rows
from recovery_journal.storage.repository_base import RepositoryBase
from recovery_journal.storage.rows import Codec

R = TypeVar("R")


class RecordMethods(RepositoryBase):
    """Add, change, delete, get and list each kind of record."""

    def _list(
        self, codec: Codec[R], start: dt.date | None = None, end: dt.date | None = None
    ) -> list[R]:
        from recovery_journal.storage.queries import records  # imports SQLAlchemy

        with self._read():
            return records(self._db.sa, codec, start, end)

    # -- days -------------------------------------------------------------------------------

    def upsert_day(self, day: DayRecord) -> DayRecord:
        """Save the record of one day: create it, or update the one for that date.

        A record with an ``id`` that is stored updates that row (so its date may change).
        ``entered_at`` is set to now on create unless given; on update it keeps the stored
        value unless given, and ``updated_at`` is set to now.
        """
        now = self._stamp()
        codec = rows.DAYS
        with self._write(f"The day {day.date.isoformat()} could not be saved") as conn:
            existing = None
            if day.id is not None:
                existing = conn.execute(
                    "SELECT id, entered_at FROM day_record WHERE id = ?", (day.id,)
                ).fetchone()
            if existing is None:
                existing = conn.execute(
                    "SELECT id, entered_at FROM day_record WHERE date = ?",
                    (day.date.isoformat(),),
                ).fetchone()
            if existing is None:
                saved = replace(day, entered_at=day.entered_at or now, id=None)
                new_id = conn.execute(codec.insert, codec.to_row(saved)).lastrowid
                saved = replace(saved, id=new_id)
            else:
                entered = day.entered_at or dt.datetime.fromisoformat(existing[1])
                saved = replace(day, entered_at=entered, updated_at=now, id=existing[0])
                conn.execute(codec.update, (*codec.to_row(saved), existing[0]))
        return saved

    def get_day(self, date: dt.date) -> DayRecord | None:
        return self._get(rows.DAYS, "date", date.isoformat())

    def delete_day(self, date: dt.date) -> None:
        self._delete(rows.DAYS, "date", date.isoformat())

    def days(self, start: dt.date | None = None, end: dt.date | None = None) -> list[DayRecord]:
        """Day records with ``start <= date <= end`` (either bound optional), by date."""
        return self._list(rows.DAYS, start, end)

    # -- meetings ---------------------------------------------------------------------------

    def add_meeting(self, meeting: Meeting) -> Meeting:
        return self._add(rows.MEETINGS, meeting)

    def update_meeting(self, meeting: Meeting) -> Meeting:
        return self._update(rows.MEETINGS, meeting, meeting.id)

    def delete_meeting(self, meeting_id: int) -> None:
        self._delete(rows.MEETINGS, "id", meeting_id)

    def get_meeting(self, meeting_id: int) -> Meeting | None:
        return self._get(rows.MEETINGS, "id", meeting_id)

    def meetings(self, start: dt.date | None = None, end: dt.date | None = None) -> list[Meeting]:
        return self._list(rows.MEETINGS, start, end)

    # -- sponsors ---------------------------------------------------------------------------

    def add_sponsor(self, sponsor: Sponsor) -> Sponsor:
        return self._add(rows.SPONSORS, sponsor)

    def update_sponsor(self, sponsor: Sponsor) -> Sponsor:
        """Update by ``id`` (then the key may change; contacts follow) or, without one, by key."""
        record_id = sponsor.id
        if record_id is None:
            stored = self.get_sponsor(sponsor.key)
            record_id = None if stored is None else stored.id
        return self._update(rows.SPONSORS, sponsor, record_id)

    def delete_sponsor(self, key: str) -> None:
        """Delete a sponsor; their contacts and check-ins stay, with no sponsor named."""
        self._delete(rows.SPONSORS, "key", key)

    def get_sponsor(self, key: str) -> Sponsor | None:
        return self._get(rows.SPONSORS, "key", key)

    def sponsors(self) -> list[Sponsor]:
        return self._list(rows.SPONSORS)

    # -- sponsor contacts -------------------------------------------------------------------

    def add_contact(self, contact: SponsorContact) -> SponsorContact:
        return self._add(rows.CONTACTS, contact)

    def update_contact(self, contact: SponsorContact) -> SponsorContact:
        return self._update(rows.CONTACTS, contact, contact.id)

    def delete_contact(self, contact_id: int) -> None:
        self._delete(rows.CONTACTS, "id", contact_id)

    def get_contact(self, contact_id: int) -> SponsorContact | None:
        return self._get(rows.CONTACTS, "id", contact_id)

    def contacts(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[SponsorContact]:
        return self._list(rows.CONTACTS, start, end)

    # -- relationship check-ins -------------------------------------------------------------

    def add_checkin(self, checkin: AllianceCheckin) -> AllianceCheckin:
        return self._add(rows.CHECKINS, checkin)

    def update_checkin(self, checkin: AllianceCheckin) -> AllianceCheckin:
        return self._update(rows.CHECKINS, checkin, checkin.id)

    def delete_checkin(self, checkin_id: int) -> None:
        self._delete(rows.CHECKINS, "id", checkin_id)

    def get_checkin(self, checkin_id: int) -> AllianceCheckin | None:
        return self._get(rows.CHECKINS, "id", checkin_id)

    def checkins(self) -> list[AllianceCheckin]:
        return self._list(rows.CHECKINS)

    # -- journal entries --------------------------------------------------------------------

    def add_journal_entry(self, entry: JournalEntry) -> JournalEntry:
        return self._add(rows.ENTRIES, entry)

    def update_journal_entry(self, entry: JournalEntry) -> JournalEntry:
        """Save changes to an entry; ``updated_at`` is set to now."""
        return self._update(rows.ENTRIES, replace(entry, updated_at=self._stamp()), entry.id)

    def delete_journal_entry(self, entry_id: int) -> None:
        self._delete(rows.ENTRIES, "id", entry_id)

    def get_journal_entry(self, entry_id: int) -> JournalEntry | None:
        return self._get(rows.ENTRIES, "id", entry_id)

    def journal_entries(self) -> list[JournalEntry]:
        return self._list(rows.ENTRIES)

    # -- anchor events ----------------------------------------------------------------------

    def add_anchor_event(self, event: AnchorEvent) -> AnchorEvent:
        return self._add(rows.ANCHORS, event)

    def update_anchor_event(self, event: AnchorEvent) -> AnchorEvent:
        return self._update(rows.ANCHORS, event, event.id)

    def delete_anchor_event(self, event_id: int) -> None:
        self._delete(rows.ANCHORS, "id", event_id)

    def get_anchor_event(self, event_id: int) -> AnchorEvent | None:
        return self._get(rows.ANCHORS, "id", event_id)

    def anchor_events(self) -> list[AnchorEvent]:
        return self._list(rows.ANCHORS)

    # -- call list --------------------------------------------------------------------------

    def add_call_person(self, person: CallListPerson) -> CallListPerson:
        return self._add(rows.CALL_LIST, person)

    def update_call_person(self, person: CallListPerson) -> CallListPerson:
        return self._update(rows.CALL_LIST, person, person.id)

    def delete_call_person(self, person_id: int) -> None:
        self._delete(rows.CALL_LIST, "id", person_id)

    def get_call_person(self, person_id: int) -> CallListPerson | None:
        return self._get(rows.CALL_LIST, "id", person_id)

    def call_list(self) -> list[CallListPerson]:
        return self._list(rows.CALL_LIST)

    # -- the recovery network ---------------------------------------------------------------

    def add_person(self, person: Person) -> Person:
        return self._add(rows.PEOPLE, person)

    def update_person(self, person: Person) -> Person:
        """Update by ``id`` (then the key may change; entries and links follow) or by key."""
        record_id = person.id
        if record_id is None:
            stored = self.get_person(person.key)
            record_id = None if stored is None else stored.id
        return self._update(rows.PEOPLE, person, record_id)

    def delete_person(self, key: str) -> None:
        """Delete a person with their dated entries; meetings and contacts that named them
        stay, naming no one."""
        self._delete(rows.PEOPLE, "key", key)

    def get_person(self, key: str) -> Person | None:
        return self._get(rows.PEOPLE, "key", key)

    def people(self) -> list[Person]:
        return self._list(rows.PEOPLE)

    def add_person_entry(self, entry: PersonEntry) -> PersonEntry:
        return self._add(rows.PERSON_ENTRIES, entry)

    def update_person_entry(self, entry: PersonEntry) -> PersonEntry:
        return self._update(rows.PERSON_ENTRIES, entry, entry.id)

    def delete_person_entry(self, entry_id: int) -> None:
        self._delete(rows.PERSON_ENTRIES, "id", entry_id)

    def get_person_entry(self, entry_id: int) -> PersonEntry | None:
        return self._get(rows.PERSON_ENTRIES, "id", entry_id)

    def person_entries(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[PersonEntry]:
        return self._list(rows.PERSON_ENTRIES, start, end)

    # -- regular meetings -------------------------------------------------------------------

    def add_regular_meeting(self, meeting: RegularMeeting) -> RegularMeeting:
        return self._add(rows.REGULAR_MEETINGS, meeting)

    def update_regular_meeting(self, meeting: RegularMeeting) -> RegularMeeting:
        return self._update(rows.REGULAR_MEETINGS, meeting, meeting.id)

    def delete_regular_meeting(self, meeting_id: int) -> None:
        self._delete(rows.REGULAR_MEETINGS, "id", meeting_id)

    def get_regular_meeting(self, meeting_id: int) -> RegularMeeting | None:
        return self._get(rows.REGULAR_MEETINGS, "id", meeting_id)

    def regular_meetings(self) -> list[RegularMeeting]:
        return self._list(rows.REGULAR_MEETINGS)

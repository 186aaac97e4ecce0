"""The journal's records, read and changed through the session.

Every write is a use case that checks first and then writes: the record is validated against
the domain's rules (``domain.validation``, with the person's today and the journal's sponsors)
and, if anything is wrong, :class:`InvalidRecordError` is raised and nothing is written.
Otherwise the change is one committed transaction followed by one save of the whole encrypted
journal (:meth:`JournalSession.changed`). Several records changed as one (a back-fill, a
delete of several rows, its undo) go through :meth:`RecordsMixin.write_many`: one
transaction, one save. Reads come from the in-memory database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

from recovery_journal.domain.models import (
    AllianceCheckin,
    AnchorEvent,
    CallListPerson,
    DayRecord,
    JournalData,
    JournalEntry,
    Meeting,
    Person,
    PersonEntry,
    RegularMeeting,
    Settings,
    Sponsor,
    SponsorContact,
)
from recovery_journal.domain.validation import (
    FieldError,
    InvalidRecordError,
    Record,
    validate_journal,
    validate_record,
    validate_settings,
)
from recovery_journal.services.deleted import Deleted, restorable
from recovery_journal.services.network_records import NetworkRecords

if TYPE_CHECKING:
    from recovery_journal.services.interchange_json import ImportMode, ImportSummary
    from recovery_journal.storage.repository import JournalRepository
    from recovery_journal.storage.search import SearchHit

T = TypeVar("T")
R = TypeVar("R", bound=Record)

#: The repository's name for each kind of record (``add_<name>``, ``update_<name>``, …).
_NAMES: dict[type, str] = {
    Meeting: "meeting",
    Sponsor: "sponsor",
    SponsorContact: "contact",
    AllianceCheckin: "checkin",
    JournalEntry: "journal_entry",
    AnchorEvent: "anchor_event",
    CallListPerson: "call_person",
    Person: "person",
    PersonEntry: "person_entry",
    RegularMeeting: "regular_meeting",
}

#: Records that may name someone of the network (``person_key``).
_NAMING_PEOPLE = (Meeting, SponsorContact, PersonEntry)


class RecordsMixin(NetworkRecords):
    """Typed reads and writes; the host class provides ``repository`` and ``changed``."""

    revision: int = 0
    _data_cache: tuple[int, JournalData] | None = None
    _clock: Callable[[], dt.date] | None = None
    change_listeners: list[Callable[[], None]]

    @property
    def repository(self) -> JournalRepository:  # provided by the session
        raise NotImplementedError

    def changed(self) -> Any:  # provided by the session
        raise NotImplementedError

    def backup_now(self, reason: str) -> Any:  # provided by the session
        raise NotImplementedError

    def _write(self, action: Callable[[JournalRepository], T]) -> T:
        result = action(self.repository)
        self.revision += 1
        self.changed()
        for listener in list(self.change_listeners):
            listener()
        return result

    # -- the person's today -----------------------------------------------------------------
    def set_clock(self, clock: Callable[[], dt.date]) -> None:
        """Where "today" comes from (the app's own date, which moves on at midnight)."""
        self._clock = clock

    def today(self) -> dt.date:
        """The person's local date: no day, meeting, contact or check-in may lie after it."""
        return self._clock() if self._clock is not None else dt.date.today()

    # -- checking ---------------------------------------------------------------------------
    def problems(
        self,
        record: Record,
        *,
        new_sponsors: Iterable[str] = (),
        new_people: Iterable[str] = (),
    ) -> list[FieldError]:
        """What is wrong with ``record`` in this journal today (empty when it can be saved).
        Forms show these while the person types; ``new_sponsors`` and ``new_people`` are
        sponsor and person ids being added together with the record."""
        keys: set[str] | None = None
        people: set[str] | None = None
        if isinstance(record, SponsorContact | AllianceCheckin):
            keys = {s.key for s in self.repository.sponsors()} | set(new_sponsors)
        if isinstance(record, _NAMING_PEOPLE):
            people = {p.key for p in self.repository.people()} | set(new_people)
        return validate_record(record, self.today(), keys, people)

    def settings_problems(self, **changes: Any) -> list[FieldError]:
        """What is wrong with these changes to the settings. A problem the stored settings
        already have is not held against a change that does not touch it."""
        current = self.settings()
        before = set(validate_settings(current, self.today()))
        candidate = dataclasses.replace(current, **changes)
        return [e for e in validate_settings(candidate, self.today()) if e not in before]

    def _checked(self, record: R) -> R:
        errors = self.problems(record)
        if errors:
            raise InvalidRecordError(errors)
        return record

    def _check_many(
        self,
        records: Sequence[Record],
        sponsor_keys: Collection[str],
        person_keys: Collection[str] | None = None,
    ) -> None:
        errors: list[FieldError] = []
        counts: dict[str, int] = {}
        for record in records:
            kind = _NAMES.get(type(record), "day")
            index = counts[kind] = counts.get(kind, -1) + 1
            errors += [
                dataclasses.replace(error, field=f"{kind}[{index}].{error.field}")
                for error in validate_record(record, self.today(), sponsor_keys, person_keys)
            ]
        if errors:
            raise InvalidRecordError(errors)

    # -- reads ------------------------------------------------------------------------------
    def data(self) -> JournalData:
        """The whole journal as plain data (cached until the next change)."""
        if self._data_cache is None or self._data_cache[0] != self.revision:
            self._data_cache = (self.revision, self.repository.load())
        return self._data_cache[1]

    def settings(self) -> Settings:
        return self.repository.settings()

    def get_day(self, date: dt.date) -> DayRecord | None:
        return self.repository.get_day(date)

    def is_empty(self) -> bool:
        return self.repository.is_empty()

    def search(
        self, text: str, *, limit: int = 100, mark: tuple[str, str] = ("", "")
    ) -> list[SearchHit]:
        """Entries and day notes holding every word of ``text``; ``mark`` wraps the words
        found in each snippet (for showing them highlighted)."""
        return self.repository.search(text, limit=limit, mark=mark)

    # -- writes of one record ---------------------------------------------------------------
    def update_settings(self, **changes: Any) -> Settings:
        errors = self.settings_problems(**changes)
        if errors:
            raise InvalidRecordError(errors)
        return self._write(lambda r: r.update_settings(**changes))

    def save_day(self, day: DayRecord) -> DayRecord:
        """Create the day's record or update the one for that date."""
        self._checked(day)
        return self._write(lambda r: r.upsert_day(day))

    def delete_day(self, date: dt.date) -> None:
        self._write(lambda r: r.delete_day(date))

    def add_meeting(self, meeting: Meeting) -> Meeting:
        return self._write(lambda r: r.add_meeting(self._checked(meeting)))

    def update_meeting(self, meeting: Meeting) -> Meeting:
        return self._write(lambda r: r.update_meeting(self._checked(meeting)))

    def delete_meeting(self, meeting_id: int) -> None:
        self._write(lambda r: r.delete_meeting(meeting_id))

    def add_sponsor(self, sponsor: Sponsor) -> Sponsor:
        return self._write(lambda r: r.add_sponsor(self._checked(sponsor)))

    def update_sponsor(self, sponsor: Sponsor) -> Sponsor:
        return self._write(lambda r: r.update_sponsor(self._checked(sponsor)))

    def delete_sponsor(self, key: str) -> None:
        self._write(lambda r: r.delete_sponsor(key))

    def add_contact(self, contact: SponsorContact) -> SponsorContact:
        return self._write(lambda r: r.add_contact(self._checked(contact)))

    def update_contact(self, contact: SponsorContact) -> SponsorContact:
        return self._write(lambda r: r.update_contact(self._checked(contact)))

    def delete_contact(self, contact_id: int) -> None:
        self._write(lambda r: r.delete_contact(contact_id))

    def add_checkin(self, checkin: AllianceCheckin) -> AllianceCheckin:
        return self._write(lambda r: r.add_checkin(self._checked(checkin)))

    def update_checkin(self, checkin: AllianceCheckin) -> AllianceCheckin:
        return self._write(lambda r: r.update_checkin(self._checked(checkin)))

    def delete_checkin(self, checkin_id: int) -> None:
        self._write(lambda r: r.delete_checkin(checkin_id))

    def add_journal_entry(self, entry: JournalEntry) -> JournalEntry:
        return self._write(lambda r: r.add_journal_entry(self._checked(entry)))

    def update_journal_entry(self, entry: JournalEntry) -> JournalEntry:
        return self._write(lambda r: r.update_journal_entry(self._checked(entry)))

    def delete_journal_entry(self, entry_id: int) -> None:
        self._write(lambda r: r.delete_journal_entry(entry_id))

    def add_anchor_event(self, event: AnchorEvent) -> AnchorEvent:
        return self._write(lambda r: r.add_anchor_event(self._checked(event)))

    def update_anchor_event(self, event: AnchorEvent) -> AnchorEvent:
        return self._write(lambda r: r.update_anchor_event(self._checked(event)))

    def delete_anchor_event(self, event_id: int) -> None:
        self._write(lambda r: r.delete_anchor_event(event_id))

    def add_call_person(self, person: CallListPerson) -> CallListPerson:
        return self._write(lambda r: r.add_call_person(self._checked(person)))

    def update_call_person(self, person: CallListPerson) -> CallListPerson:
        return self._write(lambda r: r.update_call_person(self._checked(person)))

    def delete_call_person(self, person_id: int) -> None:
        self._write(lambda r: r.delete_call_person(person_id))

    # -- several records as one -------------------------------------------------------------
    def write_many(
        self, put: Sequence[Record] = (), delete: Sequence[Record] = ()
    ) -> tuple[Record, ...]:
        """Change several records as one: all of it, in one transaction and one save, or none.

        Every record of ``put`` is checked first (:class:`InvalidRecordError`, naming each
        problem ``kind[n].field``, ``n`` counting the records of that kind; nothing is
        written). Then ``delete`` goes (days by date, sponsors by key, the rest by id) and
        ``put`` is written in its order: a day by its date (created or updated), any other
        record added without an id and updated with one. Returns ``put`` as stored.
        """
        gone = {r.key for r in delete if isinstance(r, Sponsor)}
        keys = {s.key for s in self.repository.sponsors()} - gone
        keys |= {r.key for r in put if isinstance(r, Sponsor)}
        left = {r.key for r in delete if isinstance(r, Person)}
        people = {p.key for p in self.repository.people()} - left
        people |= {r.key for r in put if isinstance(r, Person)}
        self._check_many(put, keys, people)

        def action(repo: JournalRepository) -> tuple[Record, ...]:
            with repo.atomic():
                for record in delete:
                    _delete(repo, record)
                return tuple(_put(repo, record) for record in put)

        return self._write(action)

    def delete_records(self, records: Sequence[Record]) -> Deleted:
        """Delete several records as one (one save); returns what :meth:`restore_records`
        needs to bring them back, with the links of a deleted sponsor."""
        deleted = Deleted.of(records, self.data)
        self.write_many(delete=records)
        return deleted

    def restore_records(self, deleted: Deleted) -> tuple[Record, ...]:
        """Bring back what :meth:`delete_records` took, as one change; returns the records
        brought back, with their new ids (deleting them again is the redo). A day recorded
        again meanwhile is left as it is now; a contact or check-in naming a sponsor no longer
        in the journal comes back without one; those of a restored sponsor name them again."""
        again, relinks = restorable(deleted, self.data())
        if not again and not relinks:
            return ()
        return self.write_many(put=[*again, *relinks])[: len(again)]

    # -- the whole journal ------------------------------------------------------------------
    def replace_all(self, data: JournalData) -> None:
        """Replace everything, after a kept encrypted backup of the file as it was."""
        problems = validate_journal(data, self.today())
        if problems:
            raise InvalidRecordError(
                dataclasses.replace(p.error, field=f"{p.collection}[{p.index}].{p.error.field}")
                for p in problems
            )
        self.backup_now("before-replace")
        self._write(lambda r: r.replace_all(data))

    def add_all(self, data: JournalData) -> None:
        """Add every record of ``data`` (not its settings) as one change."""
        records: list[Record] = [
            *data.sponsors,
            *data.people,
            *data.person_entries,
            *data.regular_meetings,
            *data.days,
            *data.meetings,
            *data.contacts,
            *data.checkins,
            *data.journal_entries,
            *data.anchor_events,
            *data.call_list,
        ]
        keys = {s.key for s in self.repository.sponsors()} | {s.key for s in data.sponsors}
        people = {p.key for p in self.repository.people()} | {p.key for p in data.people}
        self._check_many(records, keys, people)
        self._write(lambda r: r.add_all(data))

    def import_data(self, data: JournalData, mode: ImportMode) -> ImportSummary:
        """Import parsed interchange data, all or nothing (``interchange_json.import_into``,
        which validates the whole journal first: ``import refused: $.path: reason``).

        ``replace`` over existing records keeps an encrypted backup of the file first.
        """
        from recovery_journal.services.interchange_json import import_into

        if mode == "replace" and not self.is_empty():
            self.backup_now("before-replace")
        return self._write(lambda r: import_into(r, data, mode))


def _put(repo: JournalRepository, record: Record) -> Record:
    if isinstance(record, DayRecord):
        return repo.upsert_day(record)
    name = _NAMES[type(record)]
    verb = "add" if record.id is None else "update"
    return cast(Record, getattr(repo, f"{verb}_{name}")(record))


def _delete(repo: JournalRepository, record: Record) -> None:
    if isinstance(record, DayRecord):
        repo.delete_day(record.date)
    elif isinstance(record, Sponsor):
        repo.delete_sponsor(record.key)
    elif isinstance(record, Person):
        repo.delete_person(record.key)
    else:
        if record.id is None:
            raise ValueError("a record that was never saved cannot be deleted")
        getattr(repo, f"delete_{_NAMES[type(record)]}")(record.id)

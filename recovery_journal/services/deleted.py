"""What a delete took away, and how to bring it back (the undo of a delete).

Records come back with new ids. A sponsor's contacts and check-ins stay when the sponsor is
deleted, with no sponsor named; bringing the sponsor back names them again. A person of the
network takes their dated entries along (the database deletes them with the person), and the
meetings and contacts that named them stay, naming no one; bringing the person back brings
the entries back and names them again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from recovery_journal.domain.models import (
    AllianceCheckin,
    DayRecord,
    JournalData,
    Meeting,
    Person,
    PersonEntry,
    Sponsor,
    SponsorContact,
)
from recovery_journal.domain.validation import Record

#: (record id, the key it named)
Link = tuple[int, str]


@dataclass(frozen=True, slots=True)
class Deleted:
    """The records as they were before the delete (with the entries of a deleted person), and
    the records (by id) that named a deleted sponsor or person."""

    records: tuple[Record, ...]
    contacts: tuple[Link, ...] = ()  # contacts that named a deleted sponsor
    checkins: tuple[Link, ...] = ()  # check-ins that named a deleted sponsor
    meetings_with: tuple[Link, ...] = ()  # meetings that named a deleted person
    contacts_with: tuple[Link, ...] = ()  # contacts that named a deleted person

    @classmethod
    def of(cls, records: Sequence[Record], data: Callable[[], JournalData]) -> Deleted:
        """``data`` is read only when a sponsor or a person is among ``records``."""
        keys = {r.key for r in records if isinstance(r, Sponsor)}
        people = {r.key for r in records if isinstance(r, Person)}
        if not keys and not people:
            return cls(tuple(records))
        journal = data()
        listed = {id(r) for r in records}
        entries = tuple(
            e for e in journal.person_entries if e.person_key in people and id(e) not in listed
        )
        return cls(
            (*records, *entries),
            _links(journal.contacts, keys, "sponsor_key"),
            _links(journal.checkins, keys, "sponsor_key"),
            _links(journal.meetings, people, "person_key"),
            _links(journal.contacts, people, "person_key"),
        )


def _links(records: Iterable[object], keys: set[str], field: str) -> tuple[Link, ...]:
    found = []
    for record in records:
        record_id, key = getattr(record, "id", None), getattr(record, field)
        if record_id is not None and key is not None and key in keys:
            found.append((record_id, key))
    return tuple(found)


def restorable(deleted: Deleted, data: JournalData) -> tuple[list[Record], list[Record]]:
    """What to write to bring ``deleted`` back into ``data`` as it is now: the records to add
    again (sponsors and people first; a day recorded again meanwhile is left out, a record
    naming a sponsor or person that is gone comes back without one; an entry of a person who
    is gone stays gone), and the updates that name a restored sponsor or person again on
    records that still name no one."""
    parents = [r for r in deleted.records if isinstance(r, Sponsor | Person)]
    keys = {s.key for s in data.sponsors} | {s.key for s in parents if isinstance(s, Sponsor)}
    people = {p.key for p in data.people} | {p.key for p in parents if isinstance(p, Person)}
    recorded = {d.date for d in data.days}
    again: list[Record] = [dataclasses.replace(p, id=None) for p in parents]
    for record in deleted.records:
        if isinstance(record, Sponsor | Person) or (
            isinstance(record, DayRecord) and record.date in recorded
        ):
            continue
        if isinstance(record, PersonEntry) and record.person_key not in people:
            continue
        if isinstance(record, SponsorContact | AllianceCheckin) and record.sponsor_key not in keys:
            record = dataclasses.replace(record, sponsor_key=None)
        if isinstance(record, Meeting | SponsorContact) and record.person_key not in people:
            record = dataclasses.replace(record, person_key=None)
        again.append(dataclasses.replace(record, id=None))
    relinks: dict[tuple[type, int], Record] = {}
    kinds = (
        (deleted.contacts, data.contacts, "sponsor_key"),
        (deleted.checkins, data.checkins, "sponsor_key"),
        (deleted.meetings_with, data.meetings, "person_key"),
        (deleted.contacts_with, data.contacts, "person_key"),
    )
    for links, current, field in kinds:
        by_id: dict[int | None, Record] = {c.id: c for c in current}
        for record_id, key in links:
            now = relinks.get((type(by_id.get(record_id)), record_id), by_id.get(record_id))
            if now is not None and getattr(now, field) is None:
                relinks[(type(now), record_id)] = dataclasses.replace(now, **{field: key})  # type: ignore[arg-type]
    return again, list(relinks.values())

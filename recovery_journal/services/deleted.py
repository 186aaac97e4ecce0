"""What a delete took away, and how to bring it back (the undo of a delete).

Records come back with new ids. A sponsor's contacts and check-ins stay when the sponsor is
deleted, with no sponsor named; bringing the sponsor back names them again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from recovery_journal.domain.models import (
    AllianceCheckin,
    DayRecord,
    JournalData,
    Sponsor,
    SponsorContact,
)
from recovery_journal.domain.validation import Record


@dataclass(frozen=True, slots=True)
class Deleted:
    """The records as they were before the delete, and the contacts and check-ins (by id)
    that named a deleted sponsor."""

    records: tuple[Record, ...]
    contacts: tuple[tuple[int, str], ...] = ()  # (contact id, sponsor key)
    checkins: tuple[tuple[int, str], ...] = ()  # (check-in id, sponsor key)

    @classmethod
    def of(cls, records: Sequence[Record], data: Callable[[], JournalData]) -> Deleted:
        """``data`` is read only when a sponsor is among ``records``."""
        keys = {r.key for r in records if isinstance(r, Sponsor)}
        if not keys:
            return cls(tuple(records))
        journal = data()
        return cls(tuple(records), _links(journal.contacts, keys), _links(journal.checkins, keys))


def _links(
    records: Iterable[SponsorContact | AllianceCheckin], keys: set[str]
) -> tuple[tuple[int, str], ...]:
    return tuple(
        (r.id, r.sponsor_key)
        for r in records
        if r.id is not None and r.sponsor_key is not None and r.sponsor_key in keys
    )


def restorable(deleted: Deleted, data: JournalData) -> tuple[list[Record], list[Record]]:
    """What to write to bring ``deleted`` back into ``data`` as it is now: the records to add
    again (sponsors first; a day recorded again meanwhile is left out, a contact or check-in
    naming a sponsor that is gone comes back without one), and the updates that name a
    restored sponsor again on contacts and check-ins still without a sponsor."""
    sponsors = [r for r in deleted.records if isinstance(r, Sponsor)]
    keys = {s.key for s in data.sponsors} | {s.key for s in sponsors}
    recorded = {d.date for d in data.days}
    again: list[Record] = [dataclasses.replace(s, id=None) for s in sponsors]
    for record in deleted.records:
        if isinstance(record, Sponsor) or (
            isinstance(record, DayRecord) and record.date in recorded
        ):
            continue
        if isinstance(record, SponsorContact | AllianceCheckin) and record.sponsor_key not in keys:
            record = dataclasses.replace(record, sponsor_key=None)
        again.append(dataclasses.replace(record, id=None))
    relinks: list[Record] = []
    for links, current in ((deleted.contacts, data.contacts), (deleted.checkins, data.checkins)):
        by_id = {c.id: c for c in current}
        for record_id, key in links:
            now = by_id.get(record_id)
            if now is not None and now.sponsor_key is None:
                relinks.append(dataclasses.replace(now, sponsor_key=key))
    return again, relinks

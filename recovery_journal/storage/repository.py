"""The journal's records in and out of the database, as plain domain records.

Every method that changes something runs in its own transaction and commits it before
returning (the session saves the database to disk after each call); a method that fails
changes nothing. Inside :meth:`JournalRepository.atomic` several such calls share one
transaction instead: all of them are kept, or none. Records come back in date order, then
time, then the order they were entered (row id). Validation of values is the caller's job
(the services, with ``domain.validation``); the repository keeps only what the schema itself
needs (one record per day, unique sponsor ids, contacts naming a sponsor that exists).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from recovery_journal.domain.models import (
    AllianceCheckin,
    AnchorEvent,
    CallListPerson,
    DayRecord,
    JournalData,
    JournalEntry,
    Meeting,
    Settings,
    Sponsor,
    SponsorContact,
)
from recovery_journal.storage import rows
from recovery_journal.storage.database import JournalDatabase
from recovery_journal.storage.errors import RecordConflictError, RecordNotFoundError
from recovery_journal.storage.search import SearchHit, run_search

R = TypeVar("R")
Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class _Kind(Generic[R]):
    """How one record type maps onto its table."""

    table: str
    columns: tuple[str, ...]
    to_row: Callable[[R], dict[str, Any]]
    from_row: Callable[[rows.Row], R]
    order: str
    label: str

    @property
    def select(self) -> str:
        return f"SELECT {', '.join(self.columns)} FROM {self.table}"  # noqa: S608

    @property
    def insert(self) -> str:
        cols = self.columns[1:]
        names = ", ".join(cols)
        values = ", ".join(f":{c}" for c in cols)
        return f"INSERT INTO {self.table} ({names}) VALUES ({values})"  # noqa: S608

    @property
    def update(self) -> str:
        sets = ", ".join(f"{c} = :{c}" for c in self.columns[1:])
        return f"UPDATE {self.table} SET {sets} WHERE id = :id"  # noqa: S608


_DAY = _Kind[DayRecord](
    "day_record", rows.DAY_COLUMNS, rows.day_to_row, rows.day_from_row, "date, id", "day"
)
_MEETING = _Kind[Meeting](
    "meeting",
    rows.MEETING_COLUMNS,
    rows.meeting_to_row,
    rows.meeting_from_row,
    "date, time, id",
    "meeting",
)
_SPONSOR = _Kind[Sponsor](
    "sponsor",
    rows.SPONSOR_COLUMNS,
    rows.sponsor_to_row,
    rows.sponsor_from_row,
    "started_on, id",
    "sponsor",
)
_CONTACT = _Kind[SponsorContact](
    "sponsor_contact",
    rows.CONTACT_COLUMNS,
    rows.contact_to_row,
    rows.contact_from_row,
    "date, time, id",
    "sponsor contact",
)
_CHECKIN = _Kind[AllianceCheckin](
    "alliance_checkin",
    rows.CHECKIN_COLUMNS,
    rows.checkin_to_row,
    rows.checkin_from_row,
    "date, id",
    "relationship check-in",
)
_ENTRY = _Kind[JournalEntry](
    "journal_entry",
    rows.ENTRY_COLUMNS,
    rows.entry_to_row,
    rows.entry_from_row,
    "created_at, id",
    "journal entry",
)
_ANCHOR = _Kind[AnchorEvent](
    "anchor_event",
    rows.ANCHOR_COLUMNS,
    rows.anchor_to_row,
    rows.anchor_from_row,
    "date, id",
    "anchor event",
)
_CALL = _Kind[CallListPerson](
    "call_list_person",
    rows.CALL_COLUMNS,
    rows.call_to_row,
    rows.call_from_row,
    "id",
    "call-list person",
)

#: Record tables, children before parents (the order to delete in).
_RECORD_TABLES = (
    "sponsor_contact",
    "alliance_checkin",
    "day_record",
    "meeting",
    "journal_entry",
    "anchor_event",
    "call_list_person",
    "sponsor",
)


def _conflict(exc: sqlite3.IntegrityError, what: str) -> RecordConflictError:
    text = str(exc)
    if "day_record.date" in text:
        message = f"{what}: a day record for that date is already in the journal."
    elif "sponsor.key" in text:
        message = f"{what}: a sponsor with that id is already in the journal."
    elif "FOREIGN KEY" in text:
        message = f"{what}: it names a sponsor that is not in the journal."
    else:
        message = f"{what}: it clashes with what is already in the journal ({text})."
    return RecordConflictError(message)


class JournalRepository:
    """Read and change the journal in ``db``. ``now`` gives the current UTC time (for tests)."""

    def __init__(self, db: JournalDatabase, now: Clock | None = None) -> None:
        self._db = db
        self._now: Clock = now or utc_now
        self._atomic_thread: int | None = None  # the thread inside atomic(), if any

    @property
    def database(self) -> JournalDatabase:
        return self._db

    # -- plumbing ---------------------------------------------------------------------------

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Every write in the block is one transaction: committed when the block ends, rolled
        back (all of it) if it raises. Nested blocks join the outer one."""
        if self._atomic_thread == threading.get_ident():
            yield
            return
        with self._db.transaction():
            self._atomic_thread = threading.get_ident()
            try:
                yield
            finally:
                self._atomic_thread = None

    @contextmanager
    def _write(self, what: str) -> Iterator[sqlite3.Connection]:
        try:
            if self._atomic_thread == threading.get_ident():  # part of atomic()'s transaction
                yield self._db.connection
            else:
                with self._db.transaction():
                    yield self._db.connection
        except sqlite3.IntegrityError as exc:
            raise _conflict(exc, what) from exc

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._db.lock:
            yield self._db.connection

    def _stamp(self) -> dt.datetime:
        now = self._now()
        if now.tzinfo is None:
            raise ValueError("the clock must give timezone-aware datetimes")
        return now.astimezone(dt.UTC)

    def _list(self, kind: _Kind[R], where: str = "", params: Sequence[Any] = ()) -> list[R]:
        sql = f"{kind.select} {where} ORDER BY {kind.order}"
        with self._read() as conn:
            return [kind.from_row(r) for r in conn.execute(sql, params)]

    def _get(self, kind: _Kind[R], where: str, params: Sequence[Any]) -> R | None:
        with self._read() as conn:
            row = conn.execute(f"{kind.select} WHERE {where}", params).fetchone()
        return None if row is None else kind.from_row(row)

    def _get_by_id(self, kind: _Kind[R], record_id: int) -> R | None:
        return self._get(kind, "id = ?", (record_id,))

    def _add(self, kind: _Kind[R], record: R) -> R:
        row = kind.to_row(record)
        with self._write(f"The {kind.label} could not be added") as conn:
            new_id = conn.execute(kind.insert, row).lastrowid
        return replace(record, id=new_id)  # type: ignore[type-var]

    def _update(self, kind: _Kind[R], record: R, record_id: int | None) -> R:
        if record_id is None:
            raise RecordNotFoundError(f"This {kind.label} has not been saved yet.")
        row = kind.to_row(record)
        row["id"] = record_id
        with self._write(f"The {kind.label} could not be changed") as conn:
            if conn.execute(kind.update, row).rowcount == 0:
                raise RecordNotFoundError(f"This {kind.label} is no longer in the journal.")
        return replace(record, id=record_id)  # type: ignore[type-var]

    def _delete(self, kind: _Kind[R], where: str, params: Sequence[Any]) -> None:
        sql = f"DELETE FROM {kind.table} WHERE {where}"  # noqa: S608
        with self._write(f"The {kind.label} could not be deleted") as conn:
            if conn.execute(sql, params).rowcount == 0:
                raise RecordNotFoundError(f"This {kind.label} is no longer in the journal.")

    @staticmethod
    def _range(start: dt.date | None, end: dt.date | None) -> tuple[str, list[str]]:
        clauses, params = [], []
        if start is not None:
            clauses.append("date >= ?")
            params.append(start.isoformat())
        if end is not None:
            clauses.append("date <= ?")
            params.append(end.isoformat())
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    # -- settings ---------------------------------------------------------------------------

    def settings(self) -> Settings:
        with self._read() as conn:
            pairs = conn.execute('SELECT "key", value FROM setting').fetchall()
        return rows.settings_from_pairs(pairs)

    def update_settings(self, **changes: Any) -> Settings:
        """Change some settings (``TypeError`` for a name that is not a setting)."""
        unknown = set(changes) - set(rows.SETTING_NAMES)
        if unknown:
            raise TypeError(f"not a setting: {', '.join(sorted(unknown))}")
        new = replace(self.settings(), **changes)
        self._write_settings(new, names=tuple(changes))
        return new

    def write_default_settings(self) -> None:
        """Store every setting that is not stored yet with its default value."""
        defaults = Settings()
        pairs = [(n, rows.setting_to_json(n, getattr(defaults, n))) for n in rows.SETTING_NAMES]
        with self._write("The settings could not be saved") as conn:
            conn.executemany('INSERT OR IGNORE INTO setting ("key", value) VALUES (?, ?)', pairs)

    def _write_settings(
        self, settings: Settings, names: Iterable[str] = rows.SETTING_NAMES
    ) -> None:
        with self._write("The settings could not be saved") as conn:
            self._store_settings(conn, settings, names)

    @staticmethod
    def _store_settings(
        conn: sqlite3.Connection, settings: Settings, names: Iterable[str] = rows.SETTING_NAMES
    ) -> None:
        pairs = [(n, rows.setting_to_json(n, getattr(settings, n))) for n in names]
        conn.executemany(
            'INSERT INTO setting ("key", value) VALUES (?, ?) '
            'ON CONFLICT ("key") DO UPDATE SET value = excluded.value',
            pairs,
        )

    # -- days -------------------------------------------------------------------------------

    def upsert_day(self, day: DayRecord) -> DayRecord:
        """Save the record of one day: create it, or update the one for that date.

        A record with an ``id`` that is stored updates that row (so its date may change).
        ``entered_at`` is set to now on create unless given; on update it keeps the stored
        value unless given, and ``updated_at`` is set to now.
        """
        now = self._stamp()
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
                saved = replace(saved, id=conn.execute(_DAY.insert, _DAY.to_row(saved)).lastrowid)
            else:
                entered = day.entered_at or dt.datetime.fromisoformat(existing[1])
                saved = replace(day, entered_at=entered, updated_at=now, id=existing[0])
                row = _DAY.to_row(saved)
                row["id"] = existing[0]
                conn.execute(_DAY.update, row)
        return saved

    def get_day(self, date: dt.date) -> DayRecord | None:
        return self._get(_DAY, "date = ?", (date.isoformat(),))

    def delete_day(self, date: dt.date) -> None:
        self._delete(_DAY, "date = ?", (date.isoformat(),))

    def days(self, start: dt.date | None = None, end: dt.date | None = None) -> list[DayRecord]:
        """Day records with ``start <= date <= end`` (either bound optional), by date."""
        where, params = self._range(start, end)
        return self._list(_DAY, where, params)

    # -- meetings ---------------------------------------------------------------------------

    def add_meeting(self, meeting: Meeting) -> Meeting:
        return self._add(_MEETING, meeting)

    def update_meeting(self, meeting: Meeting) -> Meeting:
        return self._update(_MEETING, meeting, meeting.id)

    def delete_meeting(self, meeting_id: int) -> None:
        self._delete(_MEETING, "id = ?", (meeting_id,))

    def get_meeting(self, meeting_id: int) -> Meeting | None:
        return self._get_by_id(_MEETING, meeting_id)

    def meetings(self, start: dt.date | None = None, end: dt.date | None = None) -> list[Meeting]:
        where, params = self._range(start, end)
        return self._list(_MEETING, where, params)

    # -- sponsors ---------------------------------------------------------------------------

    def add_sponsor(self, sponsor: Sponsor) -> Sponsor:
        return self._add(_SPONSOR, sponsor)

    def update_sponsor(self, sponsor: Sponsor) -> Sponsor:
        """Update by ``id`` (then the key may change; contacts follow) or, without one, by key."""
        record_id = sponsor.id
        if record_id is None:
            stored = self.get_sponsor(sponsor.key)
            record_id = None if stored is None else stored.id
        return self._update(_SPONSOR, sponsor, record_id)

    def delete_sponsor(self, key: str) -> None:
        """Delete a sponsor; their contacts and check-ins stay, with no sponsor named."""
        self._delete(_SPONSOR, '"key" = ?', (key,))

    def get_sponsor(self, key: str) -> Sponsor | None:
        return self._get(_SPONSOR, '"key" = ?', (key,))

    def sponsors(self) -> list[Sponsor]:
        return self._list(_SPONSOR)

    # -- sponsor contacts -------------------------------------------------------------------

    def add_contact(self, contact: SponsorContact) -> SponsorContact:
        return self._add(_CONTACT, contact)

    def update_contact(self, contact: SponsorContact) -> SponsorContact:
        return self._update(_CONTACT, contact, contact.id)

    def delete_contact(self, contact_id: int) -> None:
        self._delete(_CONTACT, "id = ?", (contact_id,))

    def get_contact(self, contact_id: int) -> SponsorContact | None:
        return self._get_by_id(_CONTACT, contact_id)

    def contacts(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[SponsorContact]:
        where, params = self._range(start, end)
        return self._list(_CONTACT, where, params)

    # -- relationship check-ins -------------------------------------------------------------

    def add_checkin(self, checkin: AllianceCheckin) -> AllianceCheckin:
        return self._add(_CHECKIN, checkin)

    def update_checkin(self, checkin: AllianceCheckin) -> AllianceCheckin:
        return self._update(_CHECKIN, checkin, checkin.id)

    def delete_checkin(self, checkin_id: int) -> None:
        self._delete(_CHECKIN, "id = ?", (checkin_id,))

    def get_checkin(self, checkin_id: int) -> AllianceCheckin | None:
        return self._get_by_id(_CHECKIN, checkin_id)

    def checkins(self) -> list[AllianceCheckin]:
        return self._list(_CHECKIN)

    # -- journal entries --------------------------------------------------------------------

    def add_journal_entry(self, entry: JournalEntry) -> JournalEntry:
        return self._add(_ENTRY, entry)

    def update_journal_entry(self, entry: JournalEntry) -> JournalEntry:
        """Save changes to an entry; ``updated_at`` is set to now."""
        return self._update(_ENTRY, replace(entry, updated_at=self._stamp()), entry.id)

    def delete_journal_entry(self, entry_id: int) -> None:
        self._delete(_ENTRY, "id = ?", (entry_id,))

    def get_journal_entry(self, entry_id: int) -> JournalEntry | None:
        return self._get_by_id(_ENTRY, entry_id)

    def journal_entries(self) -> list[JournalEntry]:
        return self._list(_ENTRY)

    # -- anchor events ----------------------------------------------------------------------

    def add_anchor_event(self, event: AnchorEvent) -> AnchorEvent:
        return self._add(_ANCHOR, event)

    def update_anchor_event(self, event: AnchorEvent) -> AnchorEvent:
        return self._update(_ANCHOR, event, event.id)

    def delete_anchor_event(self, event_id: int) -> None:
        self._delete(_ANCHOR, "id = ?", (event_id,))

    def get_anchor_event(self, event_id: int) -> AnchorEvent | None:
        return self._get_by_id(_ANCHOR, event_id)

    def anchor_events(self) -> list[AnchorEvent]:
        return self._list(_ANCHOR)

    # -- call list --------------------------------------------------------------------------

    def add_call_person(self, person: CallListPerson) -> CallListPerson:
        return self._add(_CALL, person)

    def update_call_person(self, person: CallListPerson) -> CallListPerson:
        return self._update(_CALL, person, person.id)

    def delete_call_person(self, person_id: int) -> None:
        self._delete(_CALL, "id = ?", (person_id,))

    def get_call_person(self, person_id: int) -> CallListPerson | None:
        return self._get_by_id(_CALL, person_id)

    def call_list(self) -> list[CallListPerson]:
        return self._list(_CALL)

    # -- the whole journal ------------------------------------------------------------------

    def load(self) -> JournalData:
        """Everything, each list in date order, then time, then entry order."""
        with self._read() as conn:

            def read(kind: _Kind[R]) -> tuple[R, ...]:
                cursor = conn.execute(f"{kind.select} ORDER BY {kind.order}")
                return tuple(map(kind.from_row, cursor))

            pairs = conn.execute('SELECT "key", value FROM setting').fetchall()
            return JournalData(
                settings=rows.settings_from_pairs(pairs),
                days=read(_DAY),
                meetings=read(_MEETING),
                sponsors=read(_SPONSOR),
                contacts=read(_CONTACT),
                checkins=read(_CHECKIN),
                journal_entries=read(_ENTRY),
                anchor_events=read(_ANCHOR),
                call_list=read(_CALL),
            )

    def is_empty(self) -> bool:
        """True when the journal holds no record of any kind (settings do not count)."""
        sql = " UNION ALL ".join(
            f"SELECT 1 FROM (SELECT 1 FROM {t} LIMIT 1)"  # noqa: S608
            for t in _RECORD_TABLES
        )
        with self._read() as conn:
            return bool(conn.execute(f"SELECT EXISTS ({sql})").fetchone()[0] == 0)

    def replace_all(self, data: JournalData) -> None:
        """Replace every record and setting with ``data``, in one transaction.

        Stored ids are not kept: records get new ids in the order given.
        """
        with self._write("The journal could not be replaced") as conn:
            for table in _RECORD_TABLES:
                conn.execute(f"DELETE FROM {table}")  # noqa: S608
            conn.execute("DELETE FROM setting")
            self._store_settings(conn, data.settings)
            self._insert_all(conn, data)

    def add_all(self, data: JournalData) -> None:
        """Add every record of ``data`` (not its settings), in one transaction: all or nothing.

        A day date already recorded, or a sponsor id already taken, raises
        :class:`RecordConflictError` and nothing is added.
        """
        with self._write("The records could not be added") as conn:
            self._insert_all(conn, data)

    def _insert_all(self, conn: sqlite3.Connection, data: JournalData) -> None:
        now = self._stamp()
        days = [d if d.entered_at is not None else replace(d, entered_at=now) for d in data.days]
        batches: list[tuple[_Kind[Any], Sequence[Any]]] = [
            (_SPONSOR, data.sponsors),
            (_DAY, days),
            (_MEETING, data.meetings),
            (_CONTACT, data.contacts),
            (_CHECKIN, data.checkins),
            (_ENTRY, data.journal_entries),
            (_ANCHOR, data.anchor_events),
            (_CALL, data.call_list),
        ]
        for kind, records in batches:
            if records:
                conn.executemany(kind.insert, [kind.to_row(r) for r in records])

    # -- search -----------------------------------------------------------------------------

    def search(
        self, text: str, *, limit: int = 100, mark: tuple[str, str] = ("", "")
    ) -> list[SearchHit]:
        """Journal entries (title, body, tags) and day notes containing every word of ``text``
        (each word also as a prefix), best matches first. Any text is safe to pass.
        ``mark`` wraps the matched words in the snippet (for example ``("<b>", "</b>")``; the
        caller escapes the text first when it shows it as markup)."""
        with self._read() as conn:
            return run_search(conn, text, limit=limit, mark=mark)

"""The repository's plumbing: transactions, the generic record operations, the settings.

Single-record statements are plain SQL generated once per table by ``rows.Codec`` (from the
domain record's fields, checked against the SQLModel classes by a test). They run on every
quick capture from the command line, whose whole process has a budget that importing
SQLAlchemy alone would use up (``docs/performance.md``); a generated
``INSERT``/``UPDATE``/``DELETE`` per table is as clear as its SQLAlchemy Core twin.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, TypeVar

from recovery_journal.domain.models import Settings
from recovery_journal.storage.database import JournalDatabase
from recovery_journal.storage.errors import RecordConflictError, RecordNotFoundError
from recovery_journal.storage.rows import Codec
from recovery_journal.storage.setting_rows import (
    SETTING_NAMES,
    setting_to_json,
    settings_from_pairs,
)

R = TypeVar("R")
Clock = Callable[[], dt.datetime]

_SETTINGS_SELECT = 'SELECT "key", value FROM setting'
_SETTINGS_UPSERT = (
    'INSERT INTO setting ("key", value) VALUES (?, ?) '
    'ON CONFLICT ("key") DO UPDATE SET value = excluded.value'
)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _conflict(exc: sqlite3.IntegrityError, what: str) -> RecordConflictError:
    text = str(exc)
    if "day_record.date" in text:
        message = f"{what}: a day record for that date is already in the journal."
    elif "sponsor.key" in text:
        message = f"{what}: a sponsor with that id is already in the journal."
    elif "person.key" in text:
        message = f"{what}: a person with that id is already in the journal."
    elif "FOREIGN KEY" in text:
        message = f"{what}: it names a sponsor or a person that is not in the journal."
    else:
        message = f"{what}: it clashes with what is already in the journal ({text})."
    return RecordConflictError(message)


class RepositoryBase:
    """Read and change the journal in ``db``. ``now`` gives the current UTC time (for tests)."""

    def __init__(self, db: JournalDatabase, now: Clock | None = None) -> None:
        self._db = db
        self._now: Clock = now or utc_now

    @property
    def database(self) -> JournalDatabase:
        return self._db

    # -- transactions -----------------------------------------------------------------------

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Every change in the block is one transaction: committed when the block ends, rolled
        back (all of it) if it raises. Blocks nest: an inner one joins the outer one."""
        with self._db.transaction():
            yield

    @contextmanager
    def _write(self, what: str) -> Iterator[sqlite3.Connection]:
        try:
            with self._db.transaction() as conn:
                yield conn
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

    # -- one record -------------------------------------------------------------------------

    def _get(self, codec: Codec[R], column: str, value: Any) -> R | None:
        with self._read() as conn:
            row = conn.execute(f'{codec.select} WHERE "{column}" = ?', (value,)).fetchone()
        return None if row is None else codec.reader()(row)

    def _add(self, codec: Codec[R], record: R) -> R:
        row = codec.to_row(record)
        with self._write(f"The {codec.label} could not be added") as conn:
            new_id = conn.execute(codec.insert, row).lastrowid
        return replace(record, id=new_id)  # type: ignore[type-var]

    def _update(self, codec: Codec[R], record: R, record_id: int | None) -> R:
        if record_id is None:
            raise RecordNotFoundError(f"This {codec.label} has not been saved yet.")
        row = (*codec.to_row(record), record_id)
        with self._write(f"The {codec.label} could not be changed") as conn:
            if conn.execute(codec.update, row).rowcount == 0:
                raise RecordNotFoundError(f"This {codec.label} is no longer in the journal.")
        return replace(record, id=record_id)  # type: ignore[type-var]

    def _delete(self, codec: Codec[Any], column: str, value: Any) -> None:
        sql = f'DELETE FROM "{codec.table}" WHERE "{column}" = ?'  # noqa: S608 - names only
        with self._write(f"The {codec.label} could not be deleted") as conn:
            if conn.execute(sql, (value,)).rowcount == 0:
                raise RecordNotFoundError(f"This {codec.label} is no longer in the journal.")

    # -- settings ---------------------------------------------------------------------------

    def settings(self) -> Settings:
        with self._read() as conn:
            pairs = conn.execute(_SETTINGS_SELECT).fetchall()
        return settings_from_pairs(pairs)

    def update_settings(self, **changes: Any) -> Settings:
        """Change some settings (``TypeError`` for a name that is not a setting)."""
        unknown = set(changes) - set(SETTING_NAMES)
        if unknown:
            raise TypeError(f"not a setting: {', '.join(sorted(unknown))}")
        new = replace(self.settings(), **changes)
        with self._write("The settings could not be saved") as conn:
            self._store_settings(conn, new, names=tuple(changes))
        return new

    def write_default_settings(self) -> None:
        """Store every setting that is not stored yet with its default value."""
        defaults = Settings()
        pairs = [(n, setting_to_json(n, getattr(defaults, n))) for n in SETTING_NAMES]
        with self._write("The settings could not be saved") as conn:
            conn.executemany('INSERT OR IGNORE INTO setting ("key", value) VALUES (?, ?)', pairs)

    @staticmethod
    def _store_settings(
        conn: sqlite3.Connection, settings: Settings, names: Iterable[str] = SETTING_NAMES
    ) -> None:
        pairs: Sequence[tuple[str, str]] = [
            (n, setting_to_json(n, getattr(settings, n))) for n in names
        ]
        conn.executemany(_SETTINGS_UPSERT, pairs)

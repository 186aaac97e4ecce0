"""The whole journal as an in-memory SQLite database, and its bytes.

The database never touches the disk: it lives in ``:memory:``, is filled from bytes with
``deserialize`` and written out with ``serialize`` (the vault encrypts those bytes). Temporary
tables and the rollback journal stay in memory; WAL is never used.

The raw connection is in autocommit mode and every transaction is opened explicitly with
``BEGIN`` by :meth:`JournalDatabase.transaction`, so "is a transaction open?" always has a
clear answer and ``to_bytes`` can refuse to serialize uncommitted state. SQLAlchemy, for the
statements that use it, reaches the same connection through a connection of its own that
never begins, commits or rolls back: its statements simply take part in whatever transaction
is open. It is imported only when first needed: opening a journal and the plain-SQL path of
``rows.py`` do without it (``docs/performance.md``).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from recovery_journal.storage.errors import DatabaseCheckError, UncommittedChangesError
from recovery_journal.storage.migrations import (
    APPLICATION_ID,
    CURRENT_SCHEMA_VERSION,
    apply_migrations,
)
from recovery_journal.storage.rows import CODECS
from recovery_journal.storage.search import FTS_TABLES

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

#: The tables of the current schema (the record tables, the settings and ``meta``).
SCHEMA_TABLES = frozenset({"meta", "setting", *(c.table for c in CODECS.values())})

_SQLITE_MAGIC = b"SQLite format 3\x00"

_NOT_A_DATABASE = "The journal's contents could not be read as a journal database."
_DAMAGED = "The journal database is damaged: its internal check did not pass."
_NOT_OURS = "This database was not made by Recovery Journal."
_TOO_NEW = (
    "This journal was made by a newer version of Recovery Journal (journal format {found}; "
    "this version reads up to {known}). Please update the app to open it."
)


def _connect() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA journal_mode = MEMORY")
    conn.execute("PRAGMA foreign_keys = ON")


class JournalDatabase:
    """One open journal. Make it with :meth:`new` or :meth:`from_bytes`; finish with
    :meth:`close`. Safe to share between threads: every use holds :attr:`lock`."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn: sqlite3.Connection | None = conn
        self.lock = threading.RLock()
        self._sa: Connection | None = None

    # -- making one -------------------------------------------------------------------------

    @classmethod
    def new(cls) -> JournalDatabase:
        """An empty journal at the current schema version."""
        conn = _connect()
        try:
            _configure(conn)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            apply_migrations(conn, 0, CURRENT_SCHEMA_VERSION)
        except BaseException:
            conn.close()
            raise
        db = cls(conn)
        # The settings rows are written by the repository so that the defaults live in one place.
        from recovery_journal.storage.repository import JournalRepository

        JournalRepository(db).write_default_settings()
        return db

    @classmethod
    def from_bytes(cls, data: bytes) -> JournalDatabase:
        """Open a journal from the bytes of :meth:`to_bytes`.

        Raises :class:`DatabaseCheckError` when the bytes are not a SQLite image, the image fails
        ``PRAGMA quick_check`` or the foreign-key check, or the schema is not ours or is newer
        than this program. The thorough checks (every index, the search indexes against their
        tables) are :meth:`integrity_check`'s, which ``verify`` runs: the bytes were just
        authenticated by the vault, so at open only what a bug of ours could have left wrong
        is looked for, at a fraction of the time (``docs/performance.md``).
        """
        if not isinstance(data, bytes | bytearray | memoryview):
            raise TypeError("from_bytes needs bytes")
        data = bytes(data)
        if len(data) < 512 or not data.startswith(_SQLITE_MAGIC):
            raise DatabaseCheckError(_NOT_A_DATABASE, "missing SQLite header")
        if data[18] != 1 or data[19] != 1:
            raise DatabaseCheckError(_NOT_A_DATABASE, "not a rollback-journal database image")
        conn = _connect()
        try:
            try:
                conn.deserialize(data)
            except sqlite3.Error as exc:
                raise DatabaseCheckError(_NOT_A_DATABASE, str(exc)) from exc
            try:
                _configure(conn)
            except sqlite3.Error as exc:
                raise DatabaseCheckError(_DAMAGED, str(exc)) from exc
            _check_integrity(conn, thorough=False)
            _check_schema(conn)
        except BaseException:
            conn.close()
            raise
        return cls(conn)

    # -- using it -----------------------------------------------------------------------------

    @property
    def connection(self) -> sqlite3.Connection:
        """The raw connection (autocommit mode; open transactions with :meth:`transaction`)."""
        if self._conn is None:
            raise RuntimeError("the journal database is closed")
        return self._conn

    @property
    def sa(self) -> Connection:
        """A SQLAlchemy connection over the same database (made, and SQLAlchemy imported, on
        first use). Its statements are part of whatever transaction is open: it never begins,
        commits or rolls back one itself (:meth:`transaction` does)."""
        conn = self.connection
        if self._sa is None:
            from sqlalchemy import create_engine
            from sqlalchemy.pool import StaticPool

            engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
            # Hands off the transactions: SQLAlchemy would otherwise roll back (on connect,
            # on giving the connection back) or commit what ``transaction`` has open.
            for method in ("do_begin", "do_commit", "do_rollback"):
                setattr(engine.dialect, method, _leave_it)
            self._sa = engine.connect()
        return self._sa

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction: committed when the block ends, rolled back if it raises.

        Inside, both the yielded connection and :attr:`sa` take part in it. A block inside
        another joins it (the outer one commits or rolls back everything).
        """
        with self.lock:
            conn = self.connection
            if conn.in_transaction:
                yield conn
                return
            conn.execute("BEGIN")
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @property
    def in_transaction(self) -> bool:
        return self.connection.in_transaction

    def to_bytes(self) -> bytes:
        """The committed database as bytes. Refuses while a transaction is open."""
        with self.lock:
            conn = self.connection
            if conn.in_transaction:
                raise UncommittedChangesError(
                    "the journal database has an open transaction; commit it before saving"
                )
            return conn.serialize()

    def integrity_check(self) -> None:
        """Run SQLite's full ``integrity_check``, the foreign-key check and the search indexes'
        own checks against their tables; raise :class:`DatabaseCheckError`."""
        with self.lock:
            _check_integrity(self.connection, thorough=True)

    @property
    def schema_version(self) -> int:
        with self.lock:
            return _read_schema_version(self.connection)

    @property
    def needs_migration(self) -> bool:
        return self.schema_version < CURRENT_SCHEMA_VERSION

    def migrate(self) -> None:
        """Bring the schema forward to the current version, all in one transaction.

        The caller keeps an encrypted backup of the bytes from before.
        """
        with self.lock:
            apply_migrations(self.connection, self.schema_version, CURRENT_SCHEMA_VERSION)

    def close(self) -> None:
        """Drop the database from memory. Safe to call twice."""
        with self.lock:
            if self._conn is None:
                return
            if self._sa is not None:
                self._sa.close()
                self._sa.engine.dispose(close=False)
                self._sa = None
            self._conn.close()
            self._conn = None

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> JournalDatabase:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _leave_it(*_args: object) -> None:
    """What SQLAlchemy's dialect does about transactions here: nothing."""


def _check_integrity(conn: sqlite3.Connection, *, thorough: bool) -> None:
    try:
        pragma = "integrity_check" if thorough else "quick_check"
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        if rows != [("ok",)]:
            detail = "; ".join(str(r[0]) for r in rows[:5])
            raise DatabaseCheckError(_DAMAGED, detail)
        bad_refs = conn.execute("PRAGMA foreign_key_check").fetchall()
        if bad_refs:
            raise DatabaseCheckError(_DAMAGED, f"foreign key check: {bad_refs[:5]}")
        if not thorough:
            return
        names = _table_names(conn)
        for fts in FTS_TABLES:
            if fts in names:
                # rank = 1: also compare the index with the content table it indexes.
                conn.execute(
                    f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)"  # noqa: S608
                )
    except sqlite3.Error as exc:
        raise DatabaseCheckError(_DAMAGED, str(exc)) from exc


def _table_names(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'").fetchall()
    return {str(r[0]) for r in rows}


def _read_schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE \"key\" = 'schema_version'").fetchone()
    if row is None:
        raise DatabaseCheckError(_NOT_OURS, "no schema_version in meta")
    try:
        return int(row[0])
    except (TypeError, ValueError) as exc:
        raise DatabaseCheckError(_NOT_OURS, f"bad schema_version {row[0]!r}") from exc


def _check_schema(conn: sqlite3.Connection) -> None:
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise DatabaseCheckError(_NOT_OURS, f"application_id {app_id:#x}")
        if "meta" not in _table_names(conn):
            raise DatabaseCheckError(_NOT_OURS, "no meta table")
        version = _read_schema_version(conn)
    except sqlite3.Error as exc:
        raise DatabaseCheckError(_NOT_OURS, str(exc)) from exc
    if version > CURRENT_SCHEMA_VERSION:
        raise DatabaseCheckError(
            _TOO_NEW.format(found=version, known=CURRENT_SCHEMA_VERSION), f"schema {version}"
        )
    if version < 1:
        raise DatabaseCheckError(_NOT_OURS, f"schema {version}")
    if version == CURRENT_SCHEMA_VERSION:
        missing = (SCHEMA_TABLES | set(FTS_TABLES)) - _table_names(conn)
        if missing:
            raise DatabaseCheckError(_NOT_OURS, f"missing tables {sorted(missing)}")

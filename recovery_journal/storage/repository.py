"""The journal's records in and out of the database, as plain domain records.

Every method that changes something runs in its own transaction and commits it before
returning (the session saves the database to disk after each call); a method that fails
changes nothing. Inside :meth:`~RepositoryBase.atomic` several such calls share one
transaction instead: all of them are kept, or none. Records come back in date order, then
time, then the order they were entered (row id). Validation of values is the caller's job
(the services, with ``domain.validation``); the repository keeps only what the schema itself
needs (one record per day, unique sponsor ids, contacts naming a sponsor that exists).

The class is assembled in three parts: ``repository_base.py`` (transactions, the generic
single-record statements, the settings), ``record_methods.py`` (each kind's methods) and this
module (the whole journal at once).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from recovery_journal.domain.models import JournalData
from recovery_journal.storage.record_methods import RecordMethods
from recovery_journal.storage.repository_base import Clock, RepositoryBase, utc_now
from recovery_journal.storage.rows import CODECS
from recovery_journal.storage.search import SearchHit, run_search
from recovery_journal.storage.setting_rows import settings_from_pairs

__all__ = ["Clock", "JournalRepository", "RepositoryBase", "utc_now"]


@contextmanager
def _no_gc() -> Iterator[None]:
    """Loading makes tens of thousands of small objects, none of them garbage: without this
    the collector would run over and over, scanning everything alive, for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class JournalRepository(RecordMethods):
    """Read and change the journal in ``db``. ``now`` gives the current UTC time (for tests)."""

    def load(self) -> JournalData:
        """Everything, each list in date order, then time, then entry order.

        Plain SQL through the codecs of ``rows.py``: this runs on every open and after every
        change, and reading the ten-year journal this way takes a fraction of what SQLAlchemy's
        typed rows take (``tests/benchmarks/test_journal_bench.py``, ``docs/performance.md``).
        """
        with self._read() as conn, _no_gc():
            lists = {
                attribute: tuple(map(codec.reader(), conn.execute(codec.select + codec.order_by)))
                for attribute, codec in CODECS.items()
            }
            pairs = conn.execute('SELECT "key", value FROM setting').fetchall()
        return JournalData(settings=settings_from_pairs(pairs), **lists)

    def is_empty(self) -> bool:
        """True when the journal holds no record of any kind (settings do not count)."""
        from recovery_journal.storage.queries import holds_records  # imports SQLAlchemy

        with self._read():
            return not holds_records(self._db.sa)

    def replace_all(self, data: JournalData) -> None:
        """Replace every record and setting with ``data``, in one transaction.

        Stored ids are not kept: records get new ids in the order given.
        """
        from recovery_journal.storage.queries import delete_everything  # imports SQLAlchemy

        with self._write("The journal could not be replaced") as conn:
            delete_everything(self._db.sa)
            self._store_settings(conn, data.settings)
            self._insert_all(conn, data)

    def add_all(self, data: JournalData) -> None:
        """Add every record of ``data`` (not its settings), in one transaction: all or nothing.

        A day date already recorded, or a sponsor id already taken, raises
        :class:`RecordConflictError` and nothing is added.
        """
        with self._write("The records could not be added") as conn:
            self._insert_all(conn, data)

    def _insert_all(self, conn: Any, data: JournalData) -> None:
        # executemany over the codecs' tuples: the bulk path of an import or a replace.
        now = self._stamp()
        days = [d if d.entered_at is not None else replace(d, entered_at=now) for d in data.days]
        for attribute, codec in CODECS.items():  # parents first
            records = days if attribute == "days" else getattr(data, attribute)
            if records:
                conn.executemany(codec.insert, map(codec.to_row, records))

    def search(
        self, text: str, *, limit: int = 100, mark: tuple[str, str] = ("", "")
    ) -> list[SearchHit]:
        """Journal entries (title, body, tags) and day notes containing every word of ``text``
        (each word also as a prefix), best matches first. Any text is safe to pass.
        ``mark`` wraps the matched words in the snippet (for example ``("<b>", "</b>")``; the
        caller escapes the text first when it shows it as markup)."""
        with self._read() as conn:
            return run_search(conn, text, limit=limit, mark=mark)

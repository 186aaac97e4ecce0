"""The ten-year journal: open (without the KDF), save after one edit, all stats.

Budgets (DESIGN.md, issue 13): save ≤ 15 ms median; open without KDF ≤ 25 ms; all stats
≤ 50 ms. The open is measured beside its floor (SQLite alone: deserialize the bytes and fetch
every row as tuples) and beside the same load through SQLAlchemy's typed rows, the yardstick
of the plain-SQL choice in ``storage/repository.py``.
"""

from __future__ import annotations

import dataclasses

import pytest

from recovery_journal.domain.stats import compute_stats, stats_to_json
from recovery_journal.services.session import JournalSession
from tests.benchmarks.conftest import TODAY


@pytest.fixture
def big_session(tmp_path, fast_kdf, ten_years):
    session, _ = JournalSession.create(
        tmp_path / "ten.rjvault", "benchmark passphrase", kdf=fast_kdf
    )
    session.replace_all(ten_years)
    yield session
    session.close()


def test_save_after_one_edit(benchmark, big_session):
    day = big_session.data().days[-1]
    notes = iter(range(10**9))
    benchmark.extra_info["payload_bytes"] = len(big_session.database.to_bytes())

    def edit_and_save():
        big_session.save_day(dataclasses.replace(day, note=f"edit {next(notes)}"))

    benchmark(edit_and_save)


def test_open_without_kdf(benchmark, big_session):
    """Decrypting is measured in the vault benchmark; here: bytes → database → records."""
    from recovery_journal.storage.database import JournalDatabase
    from recovery_journal.storage.repository import JournalRepository

    payload = big_session.database.to_bytes()

    def open_database():
        database = JournalDatabase.from_bytes(payload)
        data = JournalRepository(database).load()
        database.close()
        return data

    benchmark(open_database)


def test_open_floor_sqlite_alone(benchmark, big_session):
    """What any open costs at least: the image into SQLite and every row out as tuples."""
    import sqlite3

    from recovery_journal.storage.rows import CODECS

    payload = big_session.database.to_bytes()
    tables = [codec.table for codec in CODECS.values()] + ["setting"]

    def floor():
        conn = sqlite3.connect(":memory:", isolation_level=None)
        conn.deserialize(payload)
        for table in tables:
            conn.execute(f"SELECT * FROM {table}").fetchall()
        conn.close()

    benchmark(floor)


def test_load_through_sqlalchemy(benchmark, big_session):
    """Every record through SQLAlchemy Core and the tables' column types (not used to open)."""
    from recovery_journal.storage import queries
    from recovery_journal.storage.rows import CODECS

    database = big_session.database
    benchmark(lambda: {a: queries.records(database.sa, c) for a, c in CODECS.items()})


def test_all_stats(benchmark, ten_years):
    benchmark(lambda: stats_to_json(compute_stats(ten_years, TODAY)))

"""The ten-year journal: open (without the KDF), save after one edit, all stats.

Budgets (DESIGN.md): save ≤ 15 ms median; open without KDF ≤ 50 ms; all stats ≤ 50 ms.
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


def test_all_stats(benchmark, ten_years):
    benchmark(lambda: stats_to_json(compute_stats(ten_years, TODAY)))

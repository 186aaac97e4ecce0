"""A calendar back-fill on the ten-year journal (run with --benchmark-only).

Issue 13: a back-fill of N days and its undo are one transaction and one save each. The floor
is one bare save of the journal (serialize, encrypt, atomic write) in the same run; the old way
(one ``save_day`` and one ``delete_day`` per day, a save each) is measured beside it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.benchmarks.conftest import TODAY

DAYS = 30


@pytest.fixture
def session(tmp_path, fast_kdf, ten_years):
    import dataclasses

    from recovery_journal.services.session import JournalSession

    session, _ = JournalSession.create(tmp_path / "ten.rjvault", "benchmark pass", kdf=fast_kdf)
    session.set_clock(lambda: TODAY)
    # The ten-year journal with a gap of DAYS days a year back, to be filled in.
    gap = {TODAY - dt.timedelta(days=365 + n) for n in range(DAYS)}
    session.replace_all(
        dataclasses.replace(ten_years, days=tuple(d for d in ten_years.days if d.date not in gap))
    )
    session.gap = sorted(gap)  # type: ignore[attr-defined]
    yield session
    session.close()


@pytest.mark.benchmark(group="back-fill of 30 days")
def test_floor_one_save(benchmark, session):
    benchmark(session.changed)


@pytest.mark.benchmark(group="back-fill of 30 days")
def test_backfill_and_its_undo(benchmark, session):
    """Two saves: the back-fill (one transaction) and its undo (one transaction)."""
    from recovery_journal.domain.backfill import plan_backfill
    from recovery_journal.domain.models import DayStatus
    from recovery_journal.services.backfill import apply_backfill, undo_backfill

    plan = plan_backfill(session.data(), session.gap, DayStatus.ABSTINENT, TODAY)
    assert len(plan.empty) == DAYS

    def round_trip() -> None:
        undo_backfill(session, apply_backfill(session, plan, replace=False))

    benchmark(round_trip)


@pytest.mark.benchmark(group="back-fill of 30 days")
def test_the_old_way_a_save_per_day(benchmark, session):
    """Sixty saves: one per day marked, one per day taken back."""
    from recovery_journal.domain.models import DayRecord, DayStatus

    def round_trip() -> None:
        for day in session.gap:
            session.save_day(DayRecord(day, DayStatus.ABSTINENT))
        for day in session.gap:
            session.delete_day(day)

    benchmark.pedantic(round_trip, rounds=5, iterations=1)

"""The generated demo journal."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from recovery_journal.domain.models import DayStatus, JournalData
from recovery_journal.domain.validation import validate_journal
from recovery_journal.services.demo import generate_demo, ten_year_journal

TODAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def demo() -> JournalData:
    return generate_demo(TODAY)


def test_deterministic_for_a_seed(demo: JournalData) -> None:
    assert generate_demo(TODAY) == demo
    assert generate_demo(TODAY, seed=8) != demo


def test_passes_validation(demo: JournalData) -> None:
    assert validate_journal(demo, TODAY) == []


def test_spans_two_years_ending_today(demo: JournalData) -> None:
    dates = [d.date for d in demo.days]
    assert max(dates) <= TODAY
    assert (TODAY - min(dates)).days >= 700
    assert demo.settings.tracking_start == TODAY - dt.timedelta(days=729)
    assert all(m.date <= TODAY for m in demo.meetings)


def test_tells_a_realistic_story(demo: JournalData) -> None:
    statuses = Counter(d.status for d in demo.days)
    assert 15 <= statuses[DayStatus.USED] <= 30  # an unsteady start, then two short slips
    assert statuses[DayStatus.ABSTINENT] > 0.9 * len(demo.days)
    start = demo.settings.tracking_start
    assert start is not None
    recorded = {d.date for d in demo.days}
    assert 730 - len(recorded) >= 14  # some days and stretches were never filled in
    first_quarter = sum(1 for m in demo.meetings if (m.date - start).days < 91)
    last_quarter = sum(1 for m in demo.meetings if (TODAY - m.date).days < 91)
    assert first_quarter / 13 >= 3.5 and last_quarter / 13 <= 2.5
    assert any(m.home_group for m in demo.meetings)
    assert any(m.service_role != "none" for m in demo.meetings)
    assert len(demo.sponsors) == 2
    change = demo.sponsors[1].started_on - start
    assert 390 <= change.days <= 460
    assert any(not c.two_way for c in demo.contacts)
    assert sum(c.two_way for c in demo.contacts) > 100
    assert 20 <= len(demo.checkins) <= 30
    assert 24 <= len(demo.journal_entries) <= 60
    early = [d.craving for d in demo.days if (d.date - start).days < 90 and d.craving is not None]
    late = [d.craving for d in demo.days if (TODAY - d.date).days < 90 and d.craving is not None]
    assert sum(late) / len(late) < sum(early) / len(early) - 2
    assert {p.role for p in demo.call_list} >= {"sponsor", "helpline"}
    assert demo.anchor_events


def test_words_stay_kind(demo: JournalData) -> None:
    texts = [d.note for d in demo.days] + [e.body + e.title for e in demo.journal_entries]
    for text in texts:
        assert "relapse" not in text.lower() and "failure" not in text.lower()


def test_ten_year_journal_has_the_benchmark_sizes() -> None:
    data = ten_year_journal(TODAY)
    assert len(data.days) == 3650 and all(d.note for d in data.days)
    assert (len(data.meetings), len(data.contacts)) == (2000, 2000)
    assert (len(data.checkins), len(data.journal_entries)) == (120, 1000)
    assert validate_journal(data, TODAY) == []


def test_demo_has_insights_to_show(demo: JournalData) -> None:
    """The demo is for trying the app: at least one insight must be past "too early"."""
    from recovery_journal.domain.stats import compute_stats

    labels = {i.label for i in compute_stats(demo, TODAY).insights}
    assert labels & {"tentative", "consistent"}

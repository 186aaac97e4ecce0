"""The records a review file shares rebuild exactly the review of the whole journal, and hold
nothing the review doesn't show."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_journal.charts import CHARTS
from recovery_journal.charts.report.content import REPORT_CHARTS, gather_report
from recovery_journal.charts.report.period import custom_period, period_for_range
from recovery_journal.charts.report.words import (
    milestone_groups,
    next_milestone_text,
    summary_cards,
    week_cells,
)
from recovery_journal.domain.models import JournalData, JournalEntry, Sponsor
from recovery_journal.domain.review_share import SharedParts, shared_records
from recovery_journal.services.demo import generate_demo
from tests.domain.test_properties import day, journals

TODAY = dt.date(2026, 3, 31)


def shown(data: JournalData, period, include_notes: bool) -> dict:
    """Everything the review screen shows for ``period``, as plain values."""
    content = gather_report(data, period, include_notes=include_notes)
    return {
        "cards": summary_cards(content),
        "weeks": [week_cells(row) for row in content.weeks],
        "milestones": milestone_groups(content),
        "next": next_milestone_text(content),
        "counts": (
            content.window,
            content.meeting_weeks,
            content.contact_weeks,
            content.checkins,
            content.meeting_days,
            content.tracking_start,
        ),
        "notes": (content.day_notes, content.journal),
        "charts": {
            name: CHARTS[name].series(data, period.start, period.end) for name in REPORT_CHARTS
        },
    }


def assert_same_review(data: JournalData, period, include_notes: bool = False) -> None:
    parts = SharedParts(notes=include_notes)
    subset = shared_records(data, period.start, period.end, parts)
    assert shown(subset, period, include_notes) == shown(data, period, include_notes)


@pytest.fixture(scope="module")
def demo() -> JournalData:
    return generate_demo(TODAY)


@pytest.mark.parametrize("key", ["30d", "90d", "3m", "6m", "1y", "all"])
def test_demo_journal_review_is_rebuilt_exactly(demo, key):
    assert_same_review(demo, period_for_range(demo, TODAY, key), include_notes=True)


@pytest.mark.parametrize("offset", [0, 45, 200, 400, 600])
def test_demo_journal_past_periods(demo, offset):
    end = TODAY - dt.timedelta(days=offset)
    assert_same_review(demo, period_for_range(demo, end, "90d"))


@given(case=journals(), length=st.integers(1, 120))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_journal_and_period_is_rebuilt_exactly(case, length):
    data, end = case
    start = max(end - dt.timedelta(days=length - 1), day(0))
    assert_same_review(data, custom_period(data, start, end))


def test_a_sponsor_change_in_the_period_keeps_its_mark():
    data = JournalData(
        sponsors=(
            Sponsor("s1", "Sam", started_on=day(0)),
            Sponsor("s2", "Robin", started_on=day(100), ended_on=day(150)),
        )
    )
    assert_same_review(data, custom_period(data, day(90), day(120)))


def test_only_what_the_review_reads_is_shared(demo):
    period = period_for_range(demo, TODAY, "30d")
    subset = shared_records(demo, period.start, period.end, SharedParts())
    assert subset.days and subset.meetings and subset.contacts
    assert not subset.journal_entries and not subset.anchor_events and not subset.call_list
    for record in subset.days:
        assert not record.substances and not record.amount and not record.note
        assert record.mood is None and not record.activities and record.step is None
    for meeting in subset.meetings:
        assert not meeting.name and not meeting.notes and meeting.time is None
    for contact in subset.contacts:
        assert not contact.notes and not contact.topics and contact.sponsor_key is None
    for checkin in subset.checkins:
        assert not checkin.note and checkin.sponsor_key is None
    # Day statuses reach back no further than the review reads (here: the current run).
    earliest = min(d.date for d in subset.days)
    assert earliest > min(d.date for d in demo.days)


def test_parts_left_out_are_not_in_the_file(demo):
    period = period_for_range(demo, TODAY, "90d")
    none = SharedParts(meetings=False, contacts=False, checkins=False, notes=False)
    subset = shared_records(demo, period.start, period.end, none)
    assert subset.days
    assert not (subset.meetings or subset.contacts or subset.checkins or subset.sponsors)
    assert not subset.journal_entries and all(not d.note for d in subset.days)


def test_notes_come_only_from_the_period(demo):
    period = period_for_range(demo, TODAY, "30d")
    subset = shared_records(demo, period.start, period.end, SharedParts(notes=True))
    assert any(d.note for d in subset.days)
    assert all(period.start <= d.date for d in subset.days if d.note)
    assert all(period.start <= e.date <= period.end for e in subset.journal_entries)


def test_an_entry_keeps_its_day_whatever_the_reader_s_time_zone():
    late = dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC)
    data = JournalData(journal_entries=(JournalEntry(late, "words"),))
    subset = shared_records(
        data, dt.date(2026, 2, 1), dt.date(2026, 3, 31), SharedParts(notes=True)
    )
    (entry,) = subset.journal_entries
    assert entry.date == late.astimezone().date()
    assert dataclasses.replace(entry, date=None).created_at == late

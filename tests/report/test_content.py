"""What a review shows, as data: periods, figures from the domain, weeks, milestones, privacy."""

from __future__ import annotations

import datetime as dt

import pytest

from recovery_journal.charts.report import (
    custom_period,
    gather_report,
    period_for_range,
    period_since_last_review,
    summary_cards,
)
from recovery_journal.charts.report.words import days_abstinent, milestone_groups
from recovery_journal.charts.words import whole
from recovery_journal.domain.attendance import meeting_events
from recovery_journal.domain.contacts import two_way_contacts
from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.formatting import format_percent
from recovery_journal.domain.models import DayRecord, DayStatus, JournalData, Settings
from recovery_journal.domain.pda import headline, pda_window
from recovery_journal.domain.stats import compute_stats
from tests.report.journal import (
    AS_OF,
    DAY_NOTE,
    FIRST_DAY,
    JOURNAL_BODY,
    LAST_REVIEW,
    MEETING_DATES,
    journal,
)

MONDAY = dt.timedelta(days=7)


# --- periods ----------------------------------------------------------------------------------
def test_day_ranges_end_at_as_of_and_count_n_days():
    data = journal()
    period = period_for_range(data, AS_OF, "30d")
    assert (period.start, period.end, period.days) == (dt.date(2026, 3, 2), AS_OF, 30)
    assert period_for_range(data, AS_OF, "90d").start == dt.date(2026, 1, 1)
    assert period_for_range(data, AS_OF, "90d").label == "Last 90 days"


def test_month_ranges_follow_the_chart_ranges_and_all_starts_at_tracking_start():
    data = journal()
    assert period_for_range(data, AS_OF, "3m").start == dt.date(2026, 1, 1)
    assert period_for_range(data, AS_OF, "all").start == FIRST_DAY


def test_a_period_never_starts_before_tracking_start_and_says_so():
    period = period_for_range(journal(), AS_OF, "1y")
    assert period.start == FIRST_DAY
    assert "You started recording on 1 December 2025" in period.note


def test_unknown_range_is_refused():
    with pytest.raises(ValueError, match="unknown range"):
        period_for_range(journal(), AS_OF, "2w")


def test_since_last_review_starts_on_the_day_of_the_review():
    period = period_since_last_review(journal(), AS_OF)
    assert (period.start, period.end) == (LAST_REVIEW, AS_OF)
    assert period.label == "Since your last review"
    assert period.note == ""


def test_without_a_review_since_last_review_falls_back_to_90_days_and_says_so():
    period = period_since_last_review(journal(last_review=None), AS_OF)
    assert period.start == dt.date(2026, 1, 1)
    assert "No earlier review is recorded yet" in period.note


def test_a_review_after_as_of_is_not_used():
    period = period_since_last_review(journal(last_review=AS_OF + MONDAY), AS_OF - MONDAY)
    assert period.days == 90


def test_custom_period_refuses_start_after_end():
    with pytest.raises(ValueError, match="can't be after"):
        custom_period(journal(), AS_OF, AS_OF - dt.timedelta(days=1))


# --- figures come from the domain ---------------------------------------------------------------
@pytest.fixture(scope="module")
def data() -> JournalData:
    return journal()


@pytest.fixture(scope="module")
def content(data):
    return gather_report(data, period_for_range(data, AS_OF, "90d"))


def test_period_figures_are_the_domain_measures(data, content):
    start = content.period.start
    calendar = DayCalendar.from_journal(data, AS_OF)
    assert content.window == pda_window(calendar, start, AS_OF)
    assert content.window.used == 2 and content.window.unknown == 4
    assert content.stats == compute_stats(data, AS_OF)
    assert content.meetings == meeting_events(data, AS_OF).count_between(start, AS_OF)
    assert content.meetings == sum(1 for d in MEETING_DATES if start <= d <= AS_OF)
    assert content.contacts == two_way_contacts(data, AS_OF).count_between(start, AS_OF)
    assert content.checkins == 2


def test_cards_show_the_domain_figures_in_words(data, content):
    cards = {card.key: card for card in summary_cards(content)}
    window = content.window
    assert cards["abstinent"].value == format_percent(headline(window))
    assert f"{window.known} of {window.days} days recorded" in cards["abstinent"].detail
    stats = compute_stats(data, AS_OF)
    assert cards["run"].value == f"{stats.runs.current.days} days"
    assert cards["relationship"].value == whole(stats.alliance.score)
    assert cards["contacts"].value == str(content.contacts)
    assert f"{content.meetings} meetings in this period" in cards["meetings"].detail


def test_complete_weeks_with_a_meeting_follow_the_domain_week_rule(content):
    # Weeks overlapping 1 Jan – 31 Mar 2026, before the week of 31 Mar: 29 Dec … 23 Mar.
    first, last = dt.date(2025, 12, 29), dt.date(2026, 3, 23)
    weeks = [first + MONDAY * n for n in range((last - first).days // 7 + 1)]
    met = [w for w in weeks if any(w <= d < w + MONDAY for d in MEETING_DATES)]
    assert (content.meeting_weeks.weeks, content.meeting_weeks.met) == (len(weeks), len(met))
    assert content.meeting_weeks.percent == pytest.approx(100 * len(met) / len(weeks))
    assert summary_cards(content)[2].value == f"{len(met)} of {len(weeks)} weeks"


def test_every_week_of_the_period_is_a_row_with_the_domain_weekly_window(data, content):
    calendar = DayCalendar.from_journal(data, AS_OF)
    expected = [dt.date(2025, 12, 29) + MONDAY * n for n in range(14)]
    assert [row.week for row in content.weeks] == expected
    for row in content.weeks:
        assert row.window == pda_window(calendar, row.week, row.week + dt.timedelta(days=6))
        assert row.meetings == sum(1 for d in MEETING_DATES if row.week <= d < row.week + MONDAY)
    assert [row.complete for row in content.weeks] == [True] * 13 + [False]
    assert content.weeks[-1].window.days == 2  # Monday and Tuesday so far


def test_a_week_with_few_days_recorded_shows_a_range():
    week = gather_report(journal(), period_for_range(journal(), AS_OF, "30d")).weeks[0]
    assert week.week == dt.date(2026, 3, 2) and week.window.unknown == 3
    assert days_abstinent(week.window) == "57%–100%"


# --- milestones ---------------------------------------------------------------------------------
def test_milestones_of_the_current_run_of_an_ended_run_and_of_the_sobriety_date(content):
    reached = {
        (r.source, r.run_end, r.milestone.label, r.milestone.date) for r in content.milestones
    }
    # The current run began 21 Feb 2026 (after the day with use on 20 Feb).
    assert ("run", None, "30 days", dt.date(2026, 3, 22)) in reached
    # The run of 5 Jan – 19 Feb ended in the period; its milestones stay.
    assert ("run", dt.date(2026, 2, 19), "30 days", dt.date(2026, 2, 3)) in reached
    # The sobriety date (5 Jan 2026) counts on, through the day with use.
    assert ("sobriety", None, "60 days", dt.date(2026, 3, 6)) in reached
    assert all(content.period.start <= date <= AS_OF for *_, date in reached)
    titles = [group.title for group in milestone_groups(content)]
    assert titles[0].startswith("Your current run, since 21 February 2026")
    assert titles[1].startswith("Since your sobriety date")


def test_no_milestones_without_records():
    empty = JournalData(settings=Settings())
    content = gather_report(empty, period_for_range(empty, AS_OF, "90d"))
    assert content.milestones == () and content.weeks == () and content.is_empty
    assert [card.value for card in summary_cards(content)][:2] == ["—", "—"]
    cards = {card.key: card for card in summary_cards(content)}
    assert cards["milestones"].detail.startswith("No milestones in this period.")
    assert "None fell" not in cards["milestones"].detail
    assert (
        cards["meetings"].detail
        == "0 meetings in this period. No complete week yet to count meetings in."
    )


# --- privacy --------------------------------------------------------------------------------------
def test_notes_and_journal_text_are_not_gathered_by_default(data, content):
    assert content.include_notes is False
    assert content.day_notes == () and content.journal == ()
    assert DAY_NOTE not in repr(content)


def test_with_notes_only_the_periods_day_notes_and_journal_entries_are_gathered(data):
    content = gather_report(data, period_for_range(data, AS_OF, "90d"), include_notes=True)
    assert [n.text for n in content.day_notes] == [DAY_NOTE, "Slipped after the leaving do"]
    assert [e.body for e in content.journal] == [JOURNAL_BODY]


def test_talking_points_come_from_the_settings(content):
    assert content.talking_points.startswith("Ask about the step four inventory.")


def test_an_unknown_breaking_setting_ends_runs_at_unknown_days():
    days = tuple(
        DayRecord(date=AS_OF - dt.timedelta(days=n), status=DayStatus.ABSTINENT)
        for n in range(40)
        if n != 10
    )
    data = JournalData(settings=Settings(unknown_breaks_runs=True), days=days)
    content = gather_report(data, period_for_range(data, AS_OF, "90d"))
    ended = [r for r in content.milestones if r.run_end is not None]
    assert ended and all(r.run_end == AS_OF - dt.timedelta(days=11) for r in ended)

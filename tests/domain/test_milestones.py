from itertools import islice

from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.milestones import (
    milestones_from,
    milestones_reached,
    next_milestone,
    run_anchor,
    sobriety_counter,
)

from .builders import D, journal


def test_milestone_list_days_then_calendar_months_and_years():
    found = [(m.label, m.date) for m in islice(milestones_from(D(2026, 1, 15)), 12)]
    assert found == [
        ("1 day", D(2026, 1, 16)),
        ("7 days", D(2026, 1, 22)),
        ("30 days", D(2026, 2, 14)),
        ("60 days", D(2026, 3, 16)),
        ("90 days", D(2026, 4, 15)),
        ("6 months", D(2026, 7, 15)),
        ("9 months", D(2026, 10, 15)),
        ("1 year", D(2027, 1, 15)),
        ("18 months", D(2027, 7, 15)),
        ("2 years", D(2028, 1, 15)),
        ("3 years", D(2029, 1, 15)),
        ("4 years", D(2030, 1, 15)),
    ]


def test_month_milestones_clamp_to_the_end_of_a_shorter_month():
    by_label = {m.label: m.date for m in islice(milestones_from(D(2025, 8, 31)), 9)}
    assert by_label["6 months"] == D(2026, 2, 28)
    assert by_label["9 months"] == D(2026, 5, 31)


def test_next_milestone_is_strictly_after_as_of():
    anchor = D(2026, 1, 15)
    assert next_milestone(anchor, D(2026, 1, 15)).label == "1 day"
    assert next_milestone(anchor, D(2026, 1, 16)).label == "7 days"
    assert next_milestone(anchor, D(2026, 7, 14)).label == "6 months"
    assert next_milestone(anchor, D(2031, 1, 15)).label == "6 years"


def test_run_anchor_makes_day_one_the_first_day_of_the_run():
    # a 4-day run on Jan 10 began on Jan 7; day 7 of the run is Jan 13
    anchor = run_anchor(D(2026, 1, 10), 4)
    assert anchor == D(2026, 1, 7)
    assert next(milestones_from(anchor, first_day_counts=True)).date == D(2026, 1, 7)
    assert next_milestone(anchor, D(2026, 1, 10), first_day_counts=True).date == D(2026, 1, 13)
    # a used day on as_of: the next milestone is tomorrow's first day
    empty = run_anchor(D(2026, 1, 10), 0)
    assert next_milestone(empty, D(2026, 1, 10), first_day_counts=True).date == D(2026, 1, 11)


def test_a_run_and_a_sobriety_date_share_their_anniversaries():
    """A run that began on the sobriety date reaches "1 year" on the same day, the
    anniversary, as people count it (the review found 18 and 19 April side by side)."""
    first_day = D(2025, 4, 19)
    as_of = D(2026, 3, 18)
    run_days = (as_of - first_day).days + 1
    by_run = next_milestone(run_anchor(as_of, run_days), as_of, first_day_counts=True)
    by_sobriety = next_milestone(first_day, as_of)
    assert by_run.label == by_sobriety.label == "1 year"
    assert by_run.date == by_sobriety.date == D(2026, 4, 19)
    # and the day milestones follow each count: run day 7 is 6 days after the first day
    run_week = next(m for m in milestones_from(first_day, first_day_counts=True) if m.amount == 7)
    assert run_week.date == D(2025, 4, 25)


def test_milestones_reached_within_a_period():
    reached = milestones_reached(D(2026, 1, 15), D(2026, 1, 22), D(2026, 3, 16))
    assert [m.label for m in reached] == ["7 days", "30 days", "60 days"]
    assert milestones_reached(D(2026, 1, 15), D(2026, 5, 1), D(2026, 6, 1)) == []


def counter(codes, sobriety_date, as_of):
    data = journal(D(2026, 1, 1), codes)
    return sobriety_counter(DayCalendar.from_journal(data, as_of), sobriety_date)


def test_sobriety_counter_counts_completed_days():
    result = counter("a" * 40, D(2026, 1, 1), D(2026, 2, 9))
    assert result.days == 39
    assert result.latest_used_since is None
    assert result.next_milestone is not None
    assert (result.next_milestone.label, result.next_milestone.date) == ("60 days", D(2026, 3, 2))
    assert counter("a", D(2026, 1, 1), D(2026, 1, 1)).days == 0


def test_used_day_after_sobriety_date_is_reported_not_acted_on():
    result = counter("aauaauaa", D(2026, 1, 2), D(2026, 1, 8))
    assert result.latest_used_since == D(2026, 1, 6)
    assert result.sobriety_date == D(2026, 1, 2)
    assert result.days == 6


def test_used_day_on_the_sobriety_date_counts_but_one_before_it_does_not():
    assert counter("auaa", D(2026, 1, 2), D(2026, 1, 4)).latest_used_since == D(2026, 1, 2)
    assert counter("uaaa", D(2026, 1, 2), D(2026, 1, 4)).latest_used_since is None


def test_used_day_after_as_of_is_ignored():
    assert counter("aaau", D(2026, 1, 1), D(2026, 1, 3)).latest_used_since is None


def test_sobriety_date_in_the_future_has_no_count():
    result = counter("aa", D(2026, 3, 1), D(2026, 1, 2))
    assert (result.days, result.latest_used_since, result.next_milestone) == (None, None, None)

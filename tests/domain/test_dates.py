import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_journal.domain.dates import (
    add_months,
    complete_weeks_before,
    last_complete_week,
    month_end,
    week_end_of,
    week_start_of,
)
from recovery_journal.domain.models import WeekStart

from .builders import D


@pytest.mark.parametrize(
    ("day", "monday_week", "sunday_week"),
    [
        (D(2026, 1, 7), D(2026, 1, 5), D(2026, 1, 4)),  # Wednesday
        (D(2026, 1, 5), D(2026, 1, 5), D(2026, 1, 4)),  # Monday
        (D(2026, 1, 4), D(2025, 12, 29), D(2026, 1, 4)),  # Sunday
        (D(2026, 1, 10), D(2026, 1, 5), D(2026, 1, 4)),  # Saturday
    ],
)
def test_week_start_of_monday_and_sunday(day, monday_week, sunday_week):
    assert week_start_of(day, WeekStart.MONDAY) == monday_week
    assert week_start_of(day, WeekStart.SUNDAY) == sunday_week


def test_week_end_is_six_days_after_start():
    assert week_end_of(D(2026, 1, 7), WeekStart.MONDAY) == D(2026, 1, 11)
    assert week_end_of(D(2026, 1, 7), WeekStart.SUNDAY) == D(2026, 1, 10)


def test_complete_weeks_exclude_the_week_containing_as_of():
    # as_of Wednesday 2026-01-21; its week starts Monday 2026-01-19
    assert last_complete_week(D(2026, 1, 21), WeekStart.MONDAY) == D(2026, 1, 12)
    assert complete_weeks_before(D(2026, 1, 21), WeekStart.MONDAY, 3) == [
        D(2025, 12, 29),
        D(2026, 1, 5),
        D(2026, 1, 12),
    ]
    # the last day of a week is still inside it, so that week is not complete yet
    assert last_complete_week(D(2026, 1, 25), WeekStart.MONDAY) == D(2026, 1, 12)
    assert last_complete_week(D(2026, 1, 25), WeekStart.SUNDAY) == D(2026, 1, 18)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 15), 6, D(2026, 7, 15)),
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2025, 8, 31), 9, D(2026, 5, 31)),
        (D(2025, 12, 10), 1, D(2026, 1, 10)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
    ],
)
def test_add_months_by_calendar_clamped_to_month_end(day, months, expected):
    assert add_months(day, months) == expected


def test_month_end():
    assert month_end(D(2024, 2, 3)) == D(2024, 2, 29)
    assert month_end(D(2026, 12, 1)) == D(2026, 12, 31)


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 1, 1)), st.sampled_from(WeekStart))
def test_week_start_is_the_right_weekday_within_six_days(day, week_start):
    start = week_start_of(day, week_start)
    assert 0 <= (day - start).days <= 6
    assert start.weekday() == (0 if week_start is WeekStart.MONDAY else 6)


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 1, 1)), st.integers(0, 240))
def test_add_months_keeps_the_day_unless_the_month_is_shorter(day, months):
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == day.day or moved == month_end(moved)
    assert moved.day <= day.day
    assert moved - day >= dt.timedelta(days=28 * months)

import math

import pytest

from recovery_journal.domain.attendance import (
    STRENGTH_MULTIPLIER,
    meeting_events,
    meetings_this_week,
    strength_series,
    summarize_attendance,
)
from recovery_journal.domain.models import WeekStart

from .builders import D, journal, plus

TRACKING_START = D(2026, 1, 5)  # a Monday
AS_OF = D(2026, 3, 4)  # a Wednesday; its Monday week starts 2026-03-02
M = 0.5**0.25
MEETINGS = [
    D(2025, 12, 30),  # before tracking start
    D(2026, 1, 6),
    D(2026, 1, 7),
    D(2026, 1, 20),
    D(2026, 2, 24),
    D(2026, 2, 26),
    D(2026, 2, 26),
    D(2026, 3, 2),  # in the week containing as_of
    D(2026, 3, 10),  # after as_of
]


def attendance(meetings, week_start=WeekStart.MONDAY, tracking_start=TRACKING_START, as_of=AS_OF):
    data = journal(meetings=meetings, tracking_start=tracking_start, week_start=week_start)
    return summarize_attendance(meeting_events(data, as_of), tracking_start)


def test_multiplier_has_a_four_week_half_life():
    assert STRENGTH_MULTIPLIER == M
    assert math.isclose(STRENGTH_MULTIPLIER**4, 0.5)


def test_meeting_windows_are_not_clipped_and_ignore_later_meetings():
    result = attendance(MEETINGS)
    assert (result.meetings_7, result.meetings_30, result.meetings_90) == (3, 4, 8)
    assert result.meeting_days_90 == 7


def test_8_7_weeks_at_threshold_use_complete_weeks_after_tracking_start():
    # 12 complete weeks before 2026-03-02 reach back to 2025-12-08; those ending before
    # 2026-01-05 are dropped, leaving the 8 weeks from 2026-01-05 to 2026-02-23.
    # Weeks with a meeting: Jan 5, Jan 19, Feb 23 -> 3 of 8.
    result = attendance(MEETINGS)
    assert result.weeks_at_threshold_pct_12 == 37.5
    assert result.weeks_at_threshold_pct_26 == 37.5


def test_8_7_only_the_last_k_complete_weeks_count():
    start = D(2025, 1, 6)  # long before: 12 and 26 weeks are all tracked
    meetings = [D(2025, 10, 1), D(2026, 2, 24), D(2026, 3, 3)]  # Oct 1 is 22 weeks back
    result = attendance(meetings, tracking_start=start)
    assert result.weeks_at_threshold_pct_12 == pytest.approx(100 / 12)
    assert result.weeks_at_threshold_pct_26 == pytest.approx(200 / 26)


def test_8_8_attendance_strength_by_hand():
    # weeks from Jan 5 to Feb 23 met the threshold: 1 0 1 0 0 0 0 1, starting from 0
    result = attendance(MEETINGS)
    expected = 100 * (1 - M) * (M**7 + M**5 + 1)
    assert result.strength == pytest.approx(expected, rel=1e-12)


def test_strength_series_is_one_point_per_complete_tracked_week():
    data = journal(meetings=MEETINGS, tracking_start=TRACKING_START)
    series = strength_series(meeting_events(data, AS_OF), TRACKING_START)
    weeks = [week for week, _ in series]
    assert (weeks[0], weeks[-1], len(weeks)) == (D(2026, 1, 5), D(2026, 2, 23), 8)
    assert series[0][1] == pytest.approx(100 * (1 - M))
    assert series[1][1] == pytest.approx(100 * (1 - M) * M)


def test_a_missed_week_after_a_long_run_does_not_wipe_out_strength():
    start = D(2025, 1, 6)  # Monday; weeks 0-49 each have a Tuesday meeting, week 50 none
    weekly = [plus(start, 7 * week + 1) for week in range(50)]
    result = attendance(weekly, tracking_start=start, as_of=D(2026, 1, 1))  # in week 51
    assert result.strength == pytest.approx(100 * (1 - M**50) * M, rel=1e-12)
    assert result.strength > 80


def test_week_boundary_depends_on_week_start_setting():
    sunday_meeting = [D(2026, 3, 1)]  # Sunday: in the last complete Monday week
    monday = attendance(sunday_meeting, WeekStart.MONDAY)
    sunday = attendance(sunday_meeting, WeekStart.SUNDAY)  # ... but the current Sunday week
    assert monday.weeks_at_threshold_pct_12 == 12.5
    assert sunday.weeks_at_threshold_pct_12 == 0.0
    assert monday.strength == pytest.approx(100 * (1 - M))
    assert sunday.strength == 0.0


def test_sunday_weeks_keep_the_week_that_contains_tracking_start():
    # Sunday weeks: Jan 4-10 holds tracking start (Mon Jan 5) and is counted
    result = attendance([D(2026, 1, 6)], WeekStart.SUNDAY)
    assert result.weeks_at_threshold_pct_12 == 12.5


def test_8_7_8_8_null_when_no_complete_week_is_tracked():
    result = attendance(MEETINGS, tracking_start=D(2026, 3, 2))
    assert result.weeks_at_threshold_pct_12 is None
    assert result.weeks_at_threshold_pct_26 is None
    assert result.strength is None
    assert result.meetings_7 == 3  # windows still count


def test_partly_tracked_first_week_counts():
    # tracking starts Wednesday Jan 7; as_of Monday Jan 12: one complete week (Jan 5-11)
    result = attendance([D(2026, 1, 5)], tracking_start=D(2026, 1, 7), as_of=D(2026, 1, 12))
    assert result.weeks_at_threshold_pct_12 == 100.0
    assert result.strength == pytest.approx(100 * (1 - M))


def test_no_tracking_start_gives_null_week_measures():
    data = journal()
    result = summarize_attendance(meeting_events(data, AS_OF), None)
    assert (result.weeks_at_threshold_pct_12, result.strength, result.meetings_90) == (
        None,
        None,
        0,
    )


def test_8_7_a_week_ending_on_tracking_start_is_kept():
    # tracking starts Sunday Jan 11, the last day of the Monday week Jan 5-11
    result = attendance([D(2026, 1, 6)], tracking_start=D(2026, 1, 11), as_of=D(2026, 1, 21))
    assert result.weeks_at_threshold_pct_12 == 50.0  # Jan 5 week (met) and Jan 12 week
    assert result.strength == pytest.approx(100 * (1 - M) * M)


def test_meetings_per_week_series_for_charts():
    events = meeting_events(journal(meetings=MEETINGS), AS_OF)
    series = events.per_week(D(2025, 12, 29), D(2026, 1, 19))
    assert series == [
        (D(2025, 12, 29), 1),
        (D(2026, 1, 5), 2),
        (D(2026, 1, 12), 0),
        (D(2026, 1, 19), 1),
    ]
    assert events.per_week(D(2026, 3, 9), D(2026, 3, 9)) == [(D(2026, 3, 9), 0)]  # after as_of


def test_meetings_this_week_follow_the_week_start():
    wednesday = D(2026, 3, 18)
    days = [plus(wednesday, offset) for offset in (-4, -3, -2, 0, 1)]
    monday = journal(meetings=days)
    sunday = journal(meetings=days, week_start=WeekStart.SUNDAY)
    assert meetings_this_week(monday, wednesday) == 2  # Mon 16 … Wed 18; Thursday is ahead
    assert meetings_this_week(sunday, wednesday) == 3  # Sun 15 … Wed 18

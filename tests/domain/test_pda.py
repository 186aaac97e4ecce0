import datetime as dt

from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.models import JournalData, Settings, WeekStart
from recovery_journal.domain.pda import (
    headline,
    monthly_pda_series,
    pda_after,
    pda_last_days,
    rolling_pda,
    standard_windows,
    weekly_pda_series,
)

from .builders import D, journal


def calendar_of(data, as_of):
    return DayCalendar.from_journal(data, as_of)


def figures(window):
    return (
        window.start,
        window.end,
        window.days,
        window.abstinent,
        window.used,
        window.unknown,
        window.coverage,
        window.pda_observed,
        window.pda_low,
        window.pda_high,
    )


def test_window_clipped_at_tracking_start_and_coverage_exactly_80_percent():
    # Jan 1-10: a a u a a ? - a a a  -> 7 abstinent, 1 used, 2 unknown
    data = journal(D(2026, 1, 1), "aauaa?-aaa", tracking_start=D(2026, 1, 1))
    window = pda_last_days(calendar_of(data, D(2026, 1, 10)), 30)
    assert figures(window) == (D(2026, 1, 1), D(2026, 1, 10), 10, 7, 1, 2, 0.8, 87.5, 70.0, 90.0)
    assert headline(window) == 87.5


def test_window_not_clipped_when_tracking_started_earlier():
    data = journal(D(2026, 1, 1), "u" + "a" * 39)
    window = pda_last_days(calendar_of(data, D(2026, 2, 9)), 30)
    assert (window.start, window.days, window.abstinent, window.used) == (D(2026, 1, 11), 30, 30, 0)


def test_coverage_under_80_percent_has_no_headline():
    data = journal(D(2026, 1, 1), "aaaaaua???")  # known 7 of 10
    window = pda_last_days(calendar_of(data, D(2026, 1, 10)), 30)
    assert window.coverage == 0.7
    assert window.pda_observed == 100 * 6 / 7
    assert headline(window) is None
    assert (window.pda_low, window.pda_high) == (60.0, 90.0)


def test_no_known_day_has_no_observed_pda_but_a_low_high_range():
    data = journal(D(2026, 1, 1), "???", tracking_start=D(2026, 1, 1))
    window = pda_last_days(calendar_of(data, D(2026, 1, 4)), 30)
    assert (window.days, window.unknown, window.coverage) == (4, 4, 0.0)
    assert window.pda_observed is None
    assert (window.pda_low, window.pda_high) == (0.0, 100.0)
    assert headline(window) is None


def test_8_3_no_tracking_start_gives_empty_windows_with_null_start():
    windows = standard_windows(calendar_of(JournalData(), D(2026, 1, 10)))
    assert set(windows) == {"30", "90", "365", "all"}
    for window in windows.values():
        assert figures(window) == (None, D(2026, 1, 10), 0, 0, 0, 0, None, None, None, None)


def test_8_3_tracking_start_after_as_of_gives_empty_windows_starting_at_tracking_start():
    data = JournalData(settings=Settings(tracking_start=D(2026, 2, 1)))
    windows = standard_windows(calendar_of(data, D(2026, 1, 10)))
    for window in windows.values():
        assert figures(window) == (
            D(2026, 2, 1),
            D(2026, 1, 10),
            0,
            0,
            0,
            0,
            None,
            None,
            None,
            None,
        )


def test_all_window_runs_from_tracking_start():
    data = journal(D(2025, 1, 1), "u" + "a" * 399)
    windows = standard_windows(calendar_of(data, D(2026, 2, 4)))  # day 400
    assert (windows["all"].start, windows["all"].days, windows["all"].used) == (
        D(2025, 1, 1),
        400,
        1,
    )
    assert (windows["365"].days, windows["365"].used) == (365, 0)
    assert (windows["90"].start, windows["90"].days) == (D(2025, 11, 7), 90)


def test_8_2_days_after_as_of_are_ignored():
    data = journal(D(2026, 1, 1), "aaaaauuu")
    window = pda_last_days(calendar_of(data, D(2026, 1, 5)), 30)
    assert (window.days, window.abstinent, window.used) == (5, 5, 0)


def test_weekly_series_monday_weeks_clipped_at_both_ends():
    # tracking starts Wednesday 2026-01-07; as_of Tuesday 2026-01-20
    data = journal(D(2026, 1, 7), "aaaau" + "aaaaaaa" + "u-")
    series = weekly_pda_series(calendar_of(data, D(2026, 1, 20)), WeekStart.MONDAY)
    assert [(w.start, w.end, w.days, w.used) for w in series] == [
        (D(2026, 1, 7), D(2026, 1, 11), 5, 1),
        (D(2026, 1, 12), D(2026, 1, 18), 7, 0),
        (D(2026, 1, 19), D(2026, 1, 20), 2, 1),
    ]
    assert series[0].pda_observed == 80.0
    assert series[2].pda_observed == 0.0


def test_weekly_series_sunday_weeks():
    data = journal(D(2026, 1, 7), "aaaau" + "aaaaaaa" + "u-")
    series = weekly_pda_series(calendar_of(data, D(2026, 1, 20)), WeekStart.SUNDAY)
    assert [(w.start, w.end, w.days, w.used) for w in series] == [
        (D(2026, 1, 7), D(2026, 1, 10), 4, 0),
        (D(2026, 1, 11), D(2026, 1, 17), 7, 1),
        (D(2026, 1, 18), D(2026, 1, 20), 3, 1),
    ]


def test_monthly_series_by_calendar_month_clipped():
    data = journal(D(2026, 1, 20), "u" * 12 + "a" * 28 + "a-a")
    series = monthly_pda_series(calendar_of(data, D(2026, 3, 5)))
    assert [(w.start, w.end, w.days) for w in series] == [
        (D(2026, 1, 20), D(2026, 1, 31), 12),
        (D(2026, 2, 1), D(2026, 2, 28), 28),
        (D(2026, 3, 1), D(2026, 3, 5), 5),
    ]
    assert [w.pda_observed for w in series] == [0.0, 100.0, 100.0]
    assert series[2].unknown == 3


def test_series_are_empty_without_tracked_days():
    calendar = calendar_of(JournalData(), D(2026, 1, 1))
    assert weekly_pda_series(calendar, WeekStart.MONDAY) == []
    assert monthly_pda_series(calendar) == []


def test_pda_after_a_day_is_the_following_days():
    data = journal(D(2026, 1, 1), "u" + "aau")
    window = pda_after(calendar_of(data, D(2026, 1, 4)), D(2026, 1, 1), 3)
    assert (window.start, window.end, window.abstinent, window.used) == (
        D(2026, 1, 2),
        D(2026, 1, 4),
        2,
        1,
    )


def test_rolling_pda_is_the_30_day_window_as_of_each_day():
    data = journal(D(2026, 1, 1), "aauaa?-aaa" * 9 + "uuu-aaaaaa", tracking_start=D(2026, 1, 1))
    as_of = D(2026, 4, 10)
    days = [as_of - dt.timedelta(days=i) for i in range(100)]
    windows = rolling_pda(calendar_of(data, as_of), days)
    assert len(windows) == len(days)
    for day, window in zip(days, windows, strict=True):
        assert window == pda_last_days(calendar_of(data, day), 30)
    assert rolling_pda(calendar_of(data, as_of), [as_of], window=7)[0] == pda_last_days(
        calendar_of(data, as_of), 7
    )

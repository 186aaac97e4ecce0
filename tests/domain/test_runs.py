import pytest

from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.models import JournalData
from recovery_journal.domain.runs import (
    evaluate_personal_rule,
    point_prevalence,
    run_before,
    summarize_runs,
)

from .builders import D, journal, plus

START = D(2026, 1, 1)


def runs_of(codes, unknown_breaks_runs=False, **settings):
    data = journal(START, codes, **settings)
    as_of = plus(START, len(codes.replace(" ", "")) - 1)
    return summarize_runs(DayCalendar.from_journal(data, as_of), unknown_breaks_runs)


def test_current_run_starts_the_day_after_the_last_used_day():
    runs = runs_of("aau" + "aaaa")
    assert (runs.current.days, runs.current.start, runs.current.end) == (
        4,
        D(2026, 1, 4),
        D(2026, 1, 7),
    )
    assert runs.last_used == D(2026, 1, 3)


def test_current_run_from_tracking_start_without_any_used_day():
    runs = runs_of("aaaaa")
    assert (runs.current.days, runs.current.start, runs.last_used) == (5, START, None)


def test_used_day_on_as_of_makes_the_current_run_zero():
    runs = runs_of("aaaau")
    assert (runs.current.days, runs.current.start, runs.current.end) == (0, None, None)
    assert runs.current.unverified_days == 0
    assert runs.last_used == D(2026, 1, 5)
    assert runs.longest.days == 4


def test_unknown_days_stay_inside_a_run_and_are_counted_unverified():
    runs = runs_of("u a?a-a")
    assert (runs.current.days, runs.current.unverified_days) == (5, 2)


def test_setting_makes_unknown_days_break_runs():
    runs = runs_of("aaa?aa", unknown_breaks_runs=True)
    assert (runs.current.days, runs.current.start, runs.current.unverified_days) == (
        2,
        D(2026, 1, 5),
        0,
    )
    assert (runs.longest.days, runs.longest.start, runs.longest.end) == (
        3,
        START,
        D(2026, 1, 3),
    )
    assert runs_of("aaa-", unknown_breaks_runs=True).current.days == 0


def test_8_5_longest_run_with_dates_and_earlier_wins_a_tie():
    runs = runs_of("aaau" + "aaau" + "aa")
    assert (runs.longest.days, runs.longest.start, runs.longest.end) == (
        3,
        START,
        D(2026, 1, 3),
    )
    assert runs.last_used == D(2026, 1, 8)


def test_8_5_longest_run_can_be_the_current_one_and_counts_its_unknown_days():
    runs = runs_of("aau" + "a?aa")
    assert runs.longest == runs.current
    assert (runs.longest.days, runs.longest.unverified_days) == (4, 1)


def test_8_5_no_run_at_all_is_zero_with_null_dates():
    runs = runs_of("uuu")
    assert (runs.longest.days, runs.longest.start, runs.longest.end) == (0, None, None)
    assert runs.last_used == D(2026, 1, 3)


def test_8_5_days_before_tracking_start_are_not_part_of_any_run():
    runs = runs_of("aaaaau" + "aa", tracking_start=D(2026, 1, 5))
    # tracked: Jan 5 a, Jan 6 u, Jan 7-8 a a
    assert (runs.longest.days, runs.longest.start) == (2, D(2026, 1, 7))


def test_no_tracking_start_gives_empty_runs():
    runs = summarize_runs(DayCalendar.from_journal(JournalData(), D(2026, 1, 1)))
    assert (runs.current.days, runs.longest.days, runs.last_used) == (0, 0, None)


def prevalence(codes, days, **settings):
    data = journal(START, codes, **settings)
    as_of = plus(START, len(codes) - 1)
    return point_prevalence(DayCalendar.from_journal(data, as_of), days)


def test_point_prevalence_true_only_when_every_day_is_abstinent():
    assert prevalence("u" + "a" * 7, 7) is True
    assert prevalence("a" * 3 + "u" + "a" * 3, 7) is False


def test_point_prevalence_unknown_day_makes_it_false():
    assert prevalence("aaa?aaa", 7) is False
    assert prevalence("aaa-aaa", 7) is False


@pytest.mark.parametrize(("length", "expected"), [(6, None), (7, True), (29, True)])
def test_8_4_point_prevalence_null_when_fewer_days_than_n_are_tracked(length, expected):
    assert prevalence("a" * length, 7) is expected
    assert prevalence("a" * length, 30) is None


def test_8_4_point_prevalence_null_without_tracking_start():
    assert point_prevalence(DayCalendar.from_journal(JournalData(), START), 7) is None


def rule(codes, use_days, window_days):
    data = journal(START, codes)
    as_of = plus(START, len(codes) - 1)
    return evaluate_personal_rule(DayCalendar.from_journal(data, as_of), use_days, window_days)


def test_personal_rule_met_now():
    result = rule("aaaa" + "uauau" + "a", 3, 7)
    assert (result.use_days_in_window, result.met_now, result.last_met_on) == (
        3,
        True,
        D(2026, 1, 10),
    )
    assert result.description == "Your own rule: 3 or more use days in 7 days"


def test_personal_rule_met_earlier_but_not_now():
    result = rule("uuu" + "a" * 10, 3, 7)
    # the 7-day windows ending Jan 3 .. Jan 7 hold all three used days (Jan 1-3)
    assert (result.use_days_in_window, result.met_now, result.last_met_on) == (
        0,
        False,
        D(2026, 1, 7),
    )


def test_personal_rule_never_met():
    result = rule("uauaaaaua", 3, 4)
    assert (result.met_now, result.last_met_on) == (False, None)


def test_the_run_before_a_day_ends_the_day_before():
    data = journal(START, "u aaaaaaaa")  # used on Jan 1, then 8 days without use
    assert run_before(data, plus(START, 9)) == 8
    assert run_before(data, plus(START, 5)) == 4
    assert run_before(data, START) == 0  # nothing before tracking start
    unsure = journal(START, "u aaa?aaaa")
    assert run_before(unsure, plus(START, 9)) == 8  # an unsure day stays inside the run
    breaking = journal(START, "u aaa?aaaa", unknown_breaks_runs=True)
    assert run_before(breaking, plus(START, 9)) == 4  # … unless the setting says otherwise

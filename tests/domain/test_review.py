"""The figures of a review period (domain.review), checked by hand on a small journal."""

from __future__ import annotations

import dataclasses

import pytest

from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.pda import pda_window
from recovery_journal.domain.review import milestones_in_period, period_figures

from .builders import D, checkin, contacts_on, journal

START = D(2026, 1, 5)  # a Monday
PERIOD = (D(2026, 1, 8), D(2026, 2, 4))  # Thursday … Wednesday
# Jan 5–14 without use, used on Jan 15, then without use from Jan 16 on.
CODES = "aaaaaaaaaa u" + "a" * 20


def _journal(codes: str = CODES, **settings):
    data = journal(
        START,
        codes,
        meetings=[D(2026, 1, 6), D(2026, 1, 13), D(2026, 1, 13), D(2026, 1, 14), D(2026, 1, 28)],
        contacts=[D(2026, 1, 20)],
        checkins=[checkin(D(2026, 1, 5), 2), checkin(D(2026, 1, 25), 3)],
        **settings,
    )
    one_way = contacts_on([D(2026, 1, 21)], two_way=False)
    return dataclasses.replace(data, contacts=data.contacts + one_way)


def test_counts_of_the_period():
    figures = period_figures(_journal(), *PERIOD)
    assert figures.tracking_start == START
    assert figures.window == pda_window(DayCalendar.from_journal(_journal(), PERIOD[1]), *PERIOD)
    assert (figures.window.days, figures.window.abstinent, figures.window.used) == (28, 27, 1)
    assert (figures.meetings, figures.meeting_days) == (4, 3)  # Jan 6 is before the period
    assert figures.contacts == 1  # the one-way message does not count
    assert figures.checkins == 1


def test_complete_weeks_are_the_weeks_before_the_week_of_as_of_that_overlap_the_period():
    figures = period_figures(_journal(), *PERIOD)
    assert [row.week for row in figures.weeks] == [
        D(2026, 1, 5),
        D(2026, 1, 12),
        D(2026, 1, 19),
        D(2026, 1, 26),
        D(2026, 2, 2),
    ]
    assert [row.complete for row in figures.weeks] == [True, True, True, True, False]
    assert [row.meetings for row in figures.weeks] == [1, 3, 0, 1, 0]
    weeks = figures.meeting_weeks
    assert (weeks.weeks, weeks.met) == (4, 3)  # a week overlapping the period counts whole
    assert weeks.percent == pytest.approx(75.0)
    assert (figures.contact_weeks.met, figures.contact_weeks.percent) == (1, 25.0)


def test_milestones_of_an_ended_run_and_of_the_run_going_on():
    reached = [
        (r.source, r.milestone.label, r.milestone.date, r.run_start, r.run_end)
        for r in milestones_in_period(_journal(), *PERIOD)
    ]
    assert reached == [
        ("run", "7 days", D(2026, 1, 11), START, D(2026, 1, 14)),  # kept after the used day
        ("run", "1 day", D(2026, 1, 16), D(2026, 1, 16), None),
        ("run", "7 days", D(2026, 1, 22), D(2026, 1, 16), None),
    ]


def test_an_unsure_day_ends_a_run_only_when_the_setting_says_so():
    unsure = CODES.replace("u", "?")
    kept = milestones_in_period(_journal(unsure), *PERIOD)
    assert [(m.milestone.label, m.run_end) for m in kept] == [("7 days", None), ("30 days", None)]
    broken = milestones_in_period(_journal(unsure, unknown_breaks_runs=True), *PERIOD)
    assert [(m.milestone.label, m.run_end) for m in broken] == [
        ("7 days", D(2026, 1, 14)),
        ("1 day", None),
        ("7 days", None),
    ]


def test_sobriety_date_milestones_fall_in_the_period_too():
    data = _journal(sobriety_date=D(2025, 12, 9))
    sobriety = [m for m in milestones_in_period(data, *PERIOD) if m.source == "sobriety"]
    # 9 Dec + 30 days = 8 Jan, the period's first day; 60 days (7 Feb) is after it.
    assert [(m.milestone.label, m.milestone.date) for m in sobriety] == [("30 days", D(2026, 1, 8))]


def test_an_empty_journal_has_no_figures():
    figures = period_figures(journal(), *PERIOD)
    assert figures.weeks == () and figures.milestones == ()
    assert figures.window.days == 0 and figures.meeting_weeks.percent is None

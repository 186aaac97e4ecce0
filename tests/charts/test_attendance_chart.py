"""The meetings chart plots the domain's weekly counts, threshold weeks and strength."""

from __future__ import annotations

from recovery_journal.charts import build_chart, chart_summary, render_chart
from recovery_journal.charts.attendance import THRESHOLD_LABEL, figure, series, week_x
from recovery_journal.domain.attendance import STRENGTH_MULTIPLIER, meeting_events, strength_series
from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.models import WeekStart
from recovery_journal.domain.pda import headline, weekly_pda_series
from tests.charts.helpers import by_gid, data_gids, line_xy, one, rects, same, texts, x_of
from tests.domain.builders import MONDAY, D, journal, plus

END = plus(MONDAY, 37)  # the Wednesday of the sixth week
MEETINGS = [
    plus(MONDAY, 1), plus(MONDAY, 3),  # week 1: 2
    plus(MONDAY, 16),  # week 3: 1
    plus(MONDAY, 21), plus(MONDAY, 22), plus(MONDAY, 27),  # week 4: 3
    plus(MONDAY, 36),  # week 6 (in progress): 1
]  # fmt: skip
DATA = journal(MONDAY, "a" * 10 + "u" + "a" * 27, meetings=MEETINGS)
WEEKS = [plus(MONDAY, 7 * i) for i in range(6)]


def test_bars_are_meetings_per_week_as_the_domain_counts_them(style):
    fig = build_chart("attendance", DATA, MONDAY, END, style)
    bars = rects(one(fig, "attendance.meetings"))
    events = meeting_events(DATA, END)
    assert [y1 for *_, y1 in bars] == [events.count_in_week(w) for w in WEEKS]
    assert [y1 for *_, y1 in bars] == [2, 0, 1, 3, 0, 1]
    for (x0, x1, _, _), week in zip(bars, WEEKS, strict=True):
        assert x_of(week) < x0 < x1 < x_of(week) + 7


def test_one_a_week_line_with_its_label(style):
    fig = build_chart("attendance", DATA, MONDAY, END, style)
    _, ys = line_xy(one(fig, "threshold"))
    assert set(ys) == {1.0}
    assert one(fig, "threshold.label").get_text() == THRESHOLD_LABEL
    assert THRESHOLD_LABEL.replace("\n", " ") == "1 meeting a week"


def test_weeks_at_the_threshold_are_set_apart_and_the_current_week_is_not_judged(style):
    fig = build_chart("attendance", DATA, MONDAY, END, style)
    at = [x0 for x0, *_ in rects(one(fig, "attendance.weeks_at_threshold"))]
    below = [x0 for x0, *_ in rects(one(fig, "attendance.weeks_below_threshold"))]
    assert [round(x - 0.9) for x in at] == [x_of(w) for w in (WEEKS[0], WEEKS[2], WEEKS[3])]
    assert [round(x - 0.9) for x in below] == [x_of(w) for w in (WEEKS[1], WEEKS[4])]


def test_strength_line_is_the_domain_strength_series(style):
    fig = build_chart("attendance", DATA, MONDAY, END, style)
    xs, ys = line_xy(one(fig, "attendance.strength"))
    expected = strength_series(meeting_events(DATA, END), MONDAY)
    assert xs == [week_x(w) for w, _ in expected]
    assert same(ys, [v for _, v in expected])
    m = STRENGTH_MULTIPLIER
    assert same(ys[:2], [100 * (1 - m), 100 * (1 - m) * m])  # a missed week halves nothing


def test_strength_before_the_range_carries_in(style):
    start = WEEKS[3]
    fig = build_chart("attendance", DATA, start, END, style)
    _, ys = line_xy(one(fig, "attendance.strength"))
    full = [v for _, v in strength_series(meeting_events(DATA, END), MONDAY)]
    assert same(ys, full[3:])


def test_weekly_pda_overlay_is_the_domain_weekly_pda(style):
    built = series(DATA, MONDAY, END)
    fig = figure(built, style, overlay_pda=True)
    _, ys = line_xy(one(fig, "attendance.weekly_pda"))
    weekly = weekly_pda_series(DayCalendar.from_journal(DATA, END), WeekStart.MONDAY)
    assert same(ys, [headline(w) for w in weekly])
    assert same(ys[:2], [100.0, 100 * 6 / 7])
    assert not by_gid(figure(built, style), "attendance.weekly_pda")


def test_sunday_weeks(style):
    data = journal(MONDAY, "a" * 21, meetings=[plus(MONDAY, 6)], week_start=WeekStart.SUNDAY)
    fig = build_chart("attendance", data, MONDAY, plus(MONDAY, 20), style)
    bars = rects(one(fig, "attendance.meetings"))
    # weeks start on Sundays: 4 Jan, 11 Jan (holds the meeting on Sunday 11 Jan), 18 Jan, 25 Jan
    assert [y1 for *_, y1 in bars] == [0, 1, 0, 0]
    assert int(bars[0][0]) == x_of(D(2026, 1, 4))


def test_summary_words_and_numbers():
    text = chart_summary("attendance", DATA, MONDAY, END)
    assert text.startswith("From 5 January 2026 to 11 February 2026 you logged 7 meetings.")
    assert "3 of the 5 complete weeks had at least one meeting (60%)." in text
    assert "one missed week doesn't wipe it out" in text
    for word in ("fail", "relapse", "broke", "lost"):
        assert word not in text.lower()


def test_a_fall_in_strength_is_described_kindly():
    meetings = [plus(MONDAY, 7 * i) for i in range(10)]
    data = journal(MONDAY, "a" * 140, meetings=meetings)
    text = chart_summary("attendance", data, plus(MONDAY, 63), plus(MONDAY, 139))
    assert "Many people go to fewer meetings as time goes on" in text
    assert "fail" not in text.lower()


def test_empty_and_single_day(style):
    empty = journal(D(2026, 3, 1), "a")
    fig = build_chart("attendance", empty, MONDAY, END, style)
    assert "Nothing recorded in this period yet." in texts(fig) and data_gids(fig) == set()
    single = journal(MONDAY, "a", meetings=[MONDAY])
    chart = render_chart("attendance", single, MONDAY, MONDAY, style)
    assert [y1 for *_, y1 in rects(one(chart.figure, "attendance.meetings"))] == [1]
    assert not by_gid(chart.figure, "attendance.weeks_at_threshold")  # the week isn't over
    assert line_xy(one(chart.figure, "attendance.strength")) == ([], [])
    assert chart.summary == "From 5 January 2026 to 5 January 2026 you logged 1 meeting."


def test_hover_text(style):
    chart = render_chart("attendance", DATA, MONDAY, END, style)
    text = chart.describe(x_of(plus(MONDAY, 23)), 0)
    assert text is not None and text.startswith("Week of 26 January 2026: 3 meetings")
    assert "Habit strength:" in text
    assert "so far" in (chart.describe(x_of(END), 0) or "")
    assert chart.describe(x_of(plus(MONDAY, -30)), 0) is None


def test_long_ranges_draw_touching_bars_and_gaps_for_weeks_without(style):
    meetings = [plus(MONDAY, 7 * i) for i in range(120) if i % 10]
    data = journal(MONDAY, "a" * 7 * 120, meetings=meetings)
    fig = build_chart("attendance", data, MONDAY, plus(MONDAY, 7 * 120 - 1), style)
    bars = rects(one(fig, "attendance.meetings"))
    assert bars[0][1] == bars[1][0]  # no gap between weeks
    assert not by_gid(fig, "attendance.weeks_below_threshold")
    assert len(rects(one(fig, "attendance.weeks_at_threshold"))) == 107

"""Year in pixels: each day's cell is the domain's status; meeting and contact marks."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from recovery_journal.charts import build_chart, chart_summary, render_chart
from recovery_journal.charts.calendar import Layout
from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.models import DayStatus
from tests.charts.helpers import by_gid, data_gids, offsets, one, rects, texts
from tests.domain.builders import D, contacts_on, journal

START = D(2026, 1, 5)
END = D(2026, 2, 10)
CODES = "aau?-aaaa" + "a" * 20 + "u" + "-" * 7  # 5 Jan … 10 Feb (37 days)
BASE = journal(START, CODES, meetings=[D(2026, 1, 6), D(2026, 1, 6), D(2026, 2, 1)],
               contacts=[D(2026, 1, 7)])  # fmt: skip
DATA = replace(BASE, contacts=BASE.contacts + contacts_on([D(2026, 1, 8)], two_way=False))


def cell_days(fig, gid, start=START, end=END):
    layout = Layout.for_range(start, end)
    return [layout.day_at(x0 + 0.5, y0 + 0.5) for x0, _, y0, _ in rects(one(fig, gid))]


def test_every_cell_has_the_domain_status_of_its_day(style):
    fig = build_chart("calendar", DATA, START, END, style)
    calendar = DayCalendar.from_journal(DATA, END)
    expected: dict[DayStatus, list[dt.date]] = {s: [] for s in DayStatus}
    day = START
    while day <= END:
        status = calendar.status_on(day)
        assert status is not None
        expected[status].append(day)
        day += dt.timedelta(days=1)
    assert cell_days(fig, "calendar.abstinent") == expected[DayStatus.ABSTINENT]
    assert (
        cell_days(fig, "calendar.used")
        == expected[DayStatus.USED]
        == [
            D(2026, 1, 7),
            D(2026, 2, 3),
        ]
    )
    assert cell_days(fig, "calendar.unknown") == expected[DayStatus.UNKNOWN]
    assert len(expected[DayStatus.UNKNOWN]) == 9  # one "don't remember" + 8 unrecorded days


def test_used_days_carry_a_cross_and_unknown_days_are_hatched(style):
    """In black and white a used day differs from an abstinent one by its ×, not by shade."""
    fig = build_chart("calendar", DATA, START, END, style)
    marks = one(fig, "calendar.used.mark").get_segments()
    used = rects(one(fig, "calendar.used"))
    assert len(used) == 2 and len(marks) == 2 * len(used)  # two strokes a cell
    for index, (x0, x1, y0, y1) in enumerate(used):
        strokes = marks[2 * index : 2 * index + 2]
        for stroke in strokes:
            (ax, ay), (bx, by) = (tuple(p) for p in stroke)
            assert x0 < ax < bx < x1 and y0 < min(ay, by) < max(ay, by) < y1  # inside the cell
        slopes = {(b[1] - a[1]) / (b[0] - a[0]) > 0 for a, b in strokes}
        assert slopes == {True, False}  # one each way: an ×
    assert one(fig, "calendar.unknown").get_hatch()


def test_days_outside_tracking_and_the_range_are_blank(style):
    start = D(2025, 12, 20)  # before tracking start
    fig = build_chart("calendar", DATA, start, END, style)
    drawn = [d for gid in ("calendar.abstinent", "calendar.used", "calendar.unknown")
             for d in cell_days(fig, gid, start)]  # fmt: skip
    assert min(drawn) == START and max(drawn) == END and len(drawn) == len(set(drawn)) == 37


def test_meeting_dots_and_two_way_contact_squares(style):
    fig = build_chart("calendar", DATA, START, END, style)
    layout = Layout.for_range(START, END)
    meetings = [layout.day_at(x, y) for x, y in offsets(one(fig, "calendar.meetings"))]
    contacts = [layout.day_at(x, y) for x, y in offsets(one(fig, "calendar.contacts"))]
    assert meetings == [D(2026, 1, 6), D(2026, 2, 1)]  # one dot a day, however many meetings
    assert contacts == [D(2026, 1, 7)]  # the one-way message is not marked


def test_summary_counts():
    text = chart_summary("calendar", DATA, START, END)
    assert text == (
        "Of the 37 days from 5 January 2026 to 10 February 2026, 26 were abstinent, 2 you "
        "marked as used and 9 are not filled in yet. Dots mark the 2 days with a meeting and "
        "small squares the 1 day you and your sponsor were in touch."
    )


def test_empty_and_single_day(style):
    fig = build_chart("calendar", DATA, D(2025, 1, 1), D(2025, 2, 1), style)
    assert "Nothing recorded in this period yet." in texts(fig) and data_gids(fig) == set()
    chart = render_chart("calendar", DATA, START, START, style)
    assert cell_days(chart.figure, "calendar.abstinent", START, START) == [START]
    assert not rects(one(chart.figure, "calendar.used"))


def test_long_ranges_are_one_block_per_year(style):
    start = D(2021, 3, 1)
    data = journal(start, "a" * 1800)
    end = start + dt.timedelta(days=1799)
    layout = Layout.for_range(start, end)
    assert not layout.single and layout.block_columns == 3 and layout.years == 6
    fig = build_chart("calendar", data, start, end, style)
    assert len(rects(one(fig, "calendar.abstinent"))) == 1800
    assert {str(y) for y in range(2021, 2027)} <= set(texts(fig))


def test_hover(style):
    chart = render_chart("calendar", DATA, START, END, style)
    layout = Layout.for_range(START, END)
    x, y = layout.cell(D(2026, 1, 6))
    assert chart.describe(x + 0.5, y + 0.5) == "Tuesday 6 January 2026 · abstinent · 2 meetings"
    x, y = layout.cell(D(2026, 1, 7))
    assert chart.describe(x + 0.5, y + 0.5) == (
        "Wednesday 7 January 2026 · a day with use · 1 sponsor contact"
    )
    assert chart.describe(-3, 0.5) is None
    assert len(by_gid(chart.figure, "calendar.meetings")) == 1


dates = st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 12, 31))


@given(dates, st.integers(min_value=0, max_value=4000), st.integers(min_value=0, max_value=4000))
def test_every_day_of_a_range_has_its_own_cell(first, length, pick):
    last = first + dt.timedelta(days=length)
    day = first + dt.timedelta(days=pick % (length + 1))
    layout = Layout.for_range(first, last)
    x, y = layout.cell(day)
    assert layout.day_at(x + 0.5, y + 0.5) == day
    assert 0 <= x < layout.width and 0 <= y < layout.height

"""Craving and confidence: weekly means of the rated days, with gaps for unrated weeks."""

from __future__ import annotations

import math
from dataclasses import replace

from recovery_journal.charts import build_chart, chart_summary, render_chart
from recovery_journal.charts.wellbeing import week_x
from recovery_journal.domain.models import DayRecord, DayStatus
from tests.charts.helpers import data_gids, line_xy, one, texts, x_of
from tests.domain.builders import MONDAY, D, journal, plus

A = DayStatus.ABSTINENT
DAYS = (
    DayRecord(MONDAY, A, craving=2, confidence=8),
    DayRecord(plus(MONDAY, 1), A, craving=5),
    DayRecord(plus(MONDAY, 2), A),
    DayRecord(plus(MONDAY, 9), A),  # week 2: no ratings
    DayRecord(plus(MONDAY, 15), A, craving=0, confidence=9),
    DayRecord(plus(MONDAY, 16), A, craving=1, confidence=10),
)
DATA = replace(journal(MONDAY), days=DAYS)
END = plus(MONDAY, 20)


def test_lines_are_weekly_means_with_gaps(style):
    fig = build_chart("wellbeing", DATA, MONDAY, END, style)
    xs, craving = line_xy(one(fig, "wellbeing.craving"))
    _, confidence = line_xy(one(fig, "wellbeing.confidence"))
    assert xs == [week_x(plus(MONDAY, 7 * i)) for i in range(3)]
    assert craving[0] == 3.5 and math.isnan(craving[1]) and craving[2] == 0.5
    assert confidence[0] == 8.0 and math.isnan(confidence[1]) and confidence[2] == 9.5


def test_ratings_outside_the_range_are_left_out(style):
    fig = build_chart("wellbeing", DATA, plus(MONDAY, 1), END, style)
    _, craving = line_xy(one(fig, "wellbeing.craving"))
    _, confidence = line_xy(one(fig, "wellbeing.confidence"))
    assert craving[0] == 5.0 and math.isnan(confidence[0])


def test_summary():
    assert chart_summary("wellbeing", DATA, MONDAY, END) == (
        "From 5 January 2026 to 25 January 2026 you rated craving or confidence in 2 weeks. "
        "Over those days, craving averaged 2.0 and confidence averaged 9.0 out of 10. "
        "In the week of 19 January 2026: craving 0.5 and confidence 9.5."
    )


def test_empty_and_single_day(style):
    unrated = replace(DATA, days=(DayRecord(MONDAY, A),))
    fig = build_chart("wellbeing", unrated, MONDAY, END, style)
    assert any(t.startswith("Nothing recorded in this period yet.") for t in texts(fig))
    assert data_gids(fig) == set()
    chart = render_chart("wellbeing", DATA, MONDAY, MONDAY, style)
    assert line_xy(one(chart.figure, "wellbeing.craving"))[1] == [2.0]


def test_hover(style):
    chart = render_chart("wellbeing", DATA, MONDAY, END, style)
    assert chart.describe(x_of(plus(MONDAY, 3)), 5) == (
        "Week of 5 January 2026\nCraving 3.5 (2 days rated)\nConfidence 8.0 (1 day rated)"
    )
    assert chart.describe(x_of(plus(MONDAY, 9)), 5) == "Week of 12 January 2026: no ratings"
    assert chart.describe(x_of(D(2025, 1, 1)), 5) is None

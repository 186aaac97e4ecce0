"""The sponsor relationship chart: check-in scores, the four areas, sponsor changes."""

from __future__ import annotations

from dataclasses import replace

from recovery_journal.charts import build_chart, chart_summary, render_chart
from recovery_journal.charts.alliance import NOT_VALIDATED, area_cells
from recovery_journal.charts.alliance import series as alliance_series
from recovery_journal.domain.alliance import alliance_score, area_scores
from recovery_journal.domain.models import Sponsor
from tests.charts.helpers import array, by_gid, data_gids, line_xy, rects, texts, x_of
from tests.domain.builders import D, checkin, journal

START, END = D(2026, 1, 1), D(2026, 3, 31)
JAN = checkin(D(2026, 1, 10), 3, 3, 3, 1, 3, 3, 3, 3)  # 75.0
FEB_FIRST = checkin(D(2026, 2, 10), 1, 1, 1, 3, 1, 1, 1, 1)  # 25.0, replaced the same day
FEB = checkin(D(2026, 2, 10), 4, 4, 2, 2, 4, 4, 4, 4)  # 87.5
MAR_FEW = checkin(D(2026, 3, 5), 4, 4, 4, 0, 4)  # 5 answers: no score
MAR = checkin(D(2026, 3, 20), 2, 2, 2, 2, 2, 2, 2, 2)  # 50.0
SPONSORS = (
    Sponsor("a", "Alex", D(2025, 6, 1), D(2026, 2, 28)),
    Sponsor("b", "Bo", D(2026, 3, 1)),
)
DATA = replace(
    journal(START, "a" * 90, checkins=[JAN, FEB_FIRST, FEB, MAR_FEW, MAR]), sponsors=SPONSORS
)


def test_score_line_is_the_domain_score_of_each_check_in_and_breaks_at_a_new_sponsor(style):
    fig = build_chart("alliance", DATA, START, END, style)
    lines = by_gid(fig, "alliance.score")
    assert len(lines) == 2
    (x1, y1), (x2, y2) = (line_xy(line) for line in lines)
    assert x1 == [x_of(D(2026, 1, 10)), x_of(D(2026, 2, 10))]
    assert y1 == [alliance_score(JAN.answers), alliance_score(FEB.answers)] == [75.0, 87.5]
    assert (x2, y2) == ([x_of(D(2026, 3, 20))], [50.0])  # the unscored check-in is left out


def test_sponsor_change_is_a_vertical_line_at_its_date(style):
    fig = build_chart("alliance", DATA, START, END, style)
    changes = by_gid(fig, "alliance.sponsor_change")
    assert changes and {tuple(line_xy(c)[0]) for c in changes} == {(x_of(D(2026, 3, 1)),) * 2}
    assert "New sponsor: Bo" in texts(fig)


def test_the_first_sponsor_starting_inside_the_range_is_marked_too(style):
    fig = build_chart("alliance", DATA, D(2025, 5, 1), END, style)
    xs = sorted({line_xy(c)[0][0] for c in by_gid(fig, "alliance.sponsor_change")})
    assert xs == [x_of(D(2025, 6, 1)), x_of(D(2026, 3, 1))]
    assert "Sponsor: Alex" in texts(fig)


def test_four_areas_are_the_domain_area_scores(style):
    fig = build_chart("alliance", DATA, START, END, style)
    for area in ("bond", "respect", "goals", "tasks"):
        (strip,) = by_gid(fig, f"alliance.area.{area}")
        expected = [
            area_scores(c.answers)[area]
            for c in (JAN, FEB, MAR_FEW, MAR)
            if area_scores(c.answers)[area] is not None
        ]
        assert array(strip) == expected
    bond = rects(by_gid(fig, "alliance.area.bond")[0])
    assert round(bond[0][0]) == x_of(D(2026, 1, 10))  # each cell starts at its check-in
    assert array(by_gid(fig, "alliance.area.respect")[0]) == [75.0, 50.0, 100.0, 50.0]


def test_area_cells_reach_to_the_next_check_in_but_not_past_a_sponsor_change():
    built = alliance_series(DATA, START, END)
    bond = area_cells(built)["bond"]
    assert [(a, b) for a, b, _ in bond] == [
        (D(2026, 1, 10), D(2026, 2, 10)),
        (D(2026, 2, 10), D(2026, 3, 1)),
        (D(2026, 3, 5), D(2026, 3, 20)),
        (D(2026, 3, 20), D(2026, 4, 1)),
    ]


def test_area_cells_stop_after_45_days():
    data = replace(DATA, checkins=(JAN, checkin(D(2026, 6, 1), 2, 2, 2, 2, 2, 2, 2, 2)))
    bond = area_cells(alliance_series(data, START, D(2026, 6, 30)))["bond"]
    assert (bond[0][0], bond[0][1]) == (D(2026, 1, 10), D(2026, 2, 24))


def test_summary_says_the_items_are_not_validated():
    text = chart_summary("alliance", DATA, START, END)
    assert text.startswith("From 1 January 2026 to 31 March 2026 you did 4 relationship check-ins.")
    assert "The latest, on 20 March 2026, scored 50 out of 100." in text
    assert "1 check-in had fewer than 6 answers, so it has no score." in text
    assert "Bo became a new sponsor on 1 March 2026." in text
    assert text.endswith(NOT_VALIDATED)


def test_empty_range_and_single_check_in(style):
    fig = build_chart("alliance", DATA, D(2025, 1, 1), D(2025, 3, 1), style)
    assert "Nothing recorded in this period yet." in "\n".join(texts(fig))
    assert data_gids(fig) == set()
    single = render_chart("alliance", DATA, D(2026, 1, 10), D(2026, 1, 10), style)
    (line,) = by_gid(single.figure, "alliance.score")
    assert line_xy(line) == ([x_of(D(2026, 1, 10))], [75.0])


def test_hover(style):
    chart = render_chart("alliance", DATA, START, END, style)
    text = chart.describe(x_of(D(2026, 2, 11)), 80)
    assert text == (
        "Check-in on 10 February 2026: 88 out of 100\n"
        "Feeling cared for: 100, Respect: 50, Shared goals: 100, Working together: 100"
    )
    assert "no score" in (chart.describe(x_of(D(2026, 3, 5)), 0) or "")

"""The days-abstinent chart plots exactly the domain's monthly and rolling 30-day PDA."""

from __future__ import annotations

import datetime as dt

from recovery_journal.charts import build_chart, chart_summary, render_chart
from recovery_journal.charts.pda import series
from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.pda import headline, monthly_pda_series, pda_last_days
from tests.charts.helpers import by_gid, data_gids, inside, line_xy, one, rects, same, texts, x_of
from tests.domain.builders import D, journal

START = D(2026, 1, 5)
END = D(2026, 3, 10)
# Jan 5–31: 25 abstinent, 2 used; Feb: 10 of 28 days recorded (9 abstinent, 1 used);
# Mar 1–10: all abstinent.
CODES = "aaaaaaaaaauaaaaaaaaauaaaaaa" + "aaaaaaaaau" + "-" * 18 + "a" * 10
DATA = journal(START, CODES)


def months(data=DATA, end=END):
    return monthly_pda_series(DayCalendar.from_journal(data, end))


def test_known_months_are_bars_at_their_observed_pda(style):
    fig = build_chart("pda", DATA, START, END, style)
    known = [m for m in months() if m.enough_recorded]
    assert [m.end.month for m in known] == [1, 3]
    bars = rects(one(fig, "pda.months"))
    assert same([y1 for _, _, _, y1 in bars], [m.pda_observed for m in known])
    assert same([y1 for _, _, _, y1 in bars], [100 * 25 / 27, 100.0])
    assert all(y0 == 0 for _, _, y0, _ in bars)
    for (x0, x1, _, _), month in zip(bars, known, strict=True):
        assert inside(x0, month.end.replace(day=1), month.end) and x0 < x1


def test_a_month_under_eight_in_ten_days_is_a_band_from_low_to_high(style):
    fig = build_chart("pda", DATA, START, END, style)
    low = [m for m in months() if not m.enough_recorded]
    assert [m.end.month for m in low] == [2]
    (band,) = rects(one(fig, "pda.low_coverage"))
    assert same([band[2], band[3]], [low[0].pda_low, low[0].pda_high])
    assert same([band[2], band[3]], [100 * 9 / 28, 100 * 27 / 28])
    assert one(fig, "pda.low_coverage").get_hatch()  # drawn hatched, never as a solid bar
    assert inside(band[0], D(2026, 2, 1), D(2026, 2, 28))
    # the band's month is not among the solid bars
    assert not any(
        inside(x0, D(2026, 2, 1), D(2026, 2, 28)) for x0, *_ in rects(one(fig, "pda.months"))
    )


def test_rolling_line_is_the_domain_30_day_pda_of_each_day_with_gaps_when_unrecorded(style):
    fig = build_chart("pda", DATA, START, END, style)
    xs, ys = line_xy(one(fig, "pda.rolling"))
    dates = [START + dt.timedelta(days=i) for i in range((END - START).days + 1)]
    assert xs == [x_of(d) for d in dates]
    expected = [headline(pda_last_days(DayCalendar.from_journal(DATA, d), 30)) for d in dates]
    assert same(ys, expected)
    assert any(v is None for v in expected)  # February's gap really is a gap


def test_range_shows_whole_calendar_months_overlapping_it(style):
    fig = build_chart("pda", DATA, D(2026, 2, 20), END, style)
    bars = rects(one(fig, "pda.months"))
    assert len(bars) == 1 and inside(bars[0][0], D(2026, 3, 1), D(2026, 3, 31))
    assert len(rects(one(fig, "pda.low_coverage"))) == 1
    xs, _ = line_xy(one(fig, "pda.rolling"))
    assert xs[0] == x_of(D(2026, 2, 20))


def test_summary_numbers_come_from_the_domain():
    text = chart_summary("pda", DATA, START, D(2026, 1, 31))
    assert text == (
        "From 5 January 2026 to 31 January 2026, 93% of the days you recorded were abstinent "
        "(25 of 27 days)."
    )


def test_summary_with_unrecorded_days_and_a_low_coverage_month():
    text = chart_summary("pda", DATA, START, END)
    # 44 abstinent, 3 used, 18 unknown of 65 days: coverage 0.72, so a range, not one figure
    assert "fewer than 8 in 10 days are recorded, so there is no single figure" in text
    assert "between 68% and 95% of the days were abstinent" in text
    assert "18 days aren't filled in yet" in text
    assert "1 month has fewer than 8 in 10 days recorded; it is shown as a range." in text


def test_summary_gives_a_range_when_the_period_is_mostly_unrecorded():
    data = journal(START, "aaau" + "-" * 10)
    text = chart_summary("pda", data, START, START + dt.timedelta(days=13))
    assert "there is no single figure: between 21% and 93%" in text


def test_empty_range_is_a_kind_message_and_no_data(style):
    data = journal(D(2026, 3, 1), "aaaa")
    fig = build_chart("pda", data, D(2026, 1, 1), D(2026, 1, 31), style)
    assert "Nothing recorded in this period yet." in texts(fig)
    assert data_gids(fig) == set()
    assert chart_summary("pda", data, D(2026, 1, 1), D(2026, 1, 31)) == (
        "Nothing recorded in this period yet."
    )


def test_a_tracked_range_with_nothing_recorded_is_empty_too(style):
    data = journal(START, "a", tracking_start=START)
    fig = build_chart("pda", data, D(2026, 2, 1), D(2026, 2, 10), style)
    assert data_gids(fig) == set()


def test_single_day(style):
    data = journal(START, "a")
    chart = render_chart("pda", data, START, START, style)
    (bar,) = rects(one(chart.figure, "pda.months"))
    assert bar[3] == 100.0
    xs, ys = line_xy(one(chart.figure, "pda.rolling"))
    assert (xs, ys) == ([x_of(START)], [100.0])
    assert chart.summary.startswith("On 5 January 2026, 100% of the days you recorded")


def test_hover_describes_the_month_and_the_30_days(style):
    chart = render_chart("pda", DATA, START, END, style)
    text = chart.describe(x_of(D(2026, 2, 14)), 50)
    assert text is not None
    assert "February 2026: between 32% and 96% abstinent (10 of 28 days recorded)" in text
    assert "30 days to 14 February 2026" in text
    assert chart.describe(x_of(D(2025, 6, 1)), 50) is None


def test_series_keeps_only_months_overlapping_the_range():
    built = series(DATA, D(2026, 2, 1), END)
    assert [m.end.month for m in built.months] == [2, 3]
    assert len(by_gid(build_chart("pda", DATA, START, END), "pda.rolling")) == 1

"""The chart registry, ranges, series helpers, styles and saving PNG/SVG files."""

from __future__ import annotations

import datetime as dt
import stat
import subprocess
import sys
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from recovery_journal.charts import (
    CHART_NAMES,
    CHARTS,
    build_chart,
    chart_range,
    chart_summary,
    range_for,
    render_chart,
)
from recovery_journal.charts.export import figure_bytes, format_for, save_figure
from recovery_journal.charts.series import (
    date_of,
    day_number,
    days_since_contact_series,
)
from recovery_journal.charts.style import ChartStyle
from recovery_journal.domain.contacts import summarize_contacts, two_way_contacts
from recovery_journal.services.demo import generate_demo
from tests.domain.builders import D, journal

TODAY = D(2026, 3, 15)
DEMO = generate_demo(TODAY)


def test_the_seven_charts_in_trends_order():
    assert CHART_NAMES == (
        "pda",
        "calendar",
        "attendance",
        "contacts",
        "alliance",
        "wellbeing",
        "network",
    )
    assert all(CHARTS[name].title for name in CHART_NAMES)


@pytest.mark.parametrize(
    ("key", "start"),
    [
        ("3m", D(2025, 12, 16)),
        ("6m", D(2025, 9, 16)),
        ("1y", D(2025, 3, 16)),
        ("all", D(2024, 1, 1)),
    ],
)
def test_range_for(key, start):
    assert range_for(TODAY, key, D(2024, 1, 1)) == start


def test_range_for_never_starts_before_tracking_start_and_handles_none():
    assert range_for(TODAY, "1y", D(2026, 1, 1)) == D(2026, 1, 1)
    assert range_for(TODAY, "3m", None) == D(2025, 12, 16)
    assert range_for(TODAY, "all", None) == TODAY
    assert range_for(TODAY, "all", D(2027, 1, 1)) == TODAY
    assert range_for(D(2026, 3, 31), "1y", None) == D(2025, 4, 1)  # whole months back
    with pytest.raises(ValueError, match="unknown range"):
        range_for(TODAY, "2w", None)


def test_chart_range_uses_the_journal_tracking_start():
    data = journal(D(2026, 2, 1), "aaa")
    assert chart_range(data, TODAY, "1y") == (D(2026, 2, 1), TODAY)


@pytest.mark.parametrize("name", CHART_NAMES)
@pytest.mark.parametrize("dark", [False, True])
def test_every_chart_builds_from_the_demo_in_both_styles(name, dark):
    style = ChartStyle.for_theme(dark)
    start, end = chart_range(DEMO, TODAY, "1y")
    chart = render_chart(name, DEMO, start, end, style)
    assert isinstance(chart.figure, Figure)
    assert chart.figure.get_facecolor() == to_rgba(style.background)
    assert chart.summary and "PDA" not in chart.summary and "relapse" not in chart.summary
    assert chart.summary == chart_summary(name, DEMO, start, end)
    assert build_chart(name, DEMO, start, end, style).axes


def test_titles_can_be_left_to_the_app(style):
    titled = build_chart("pda", DEMO, D(2026, 1, 1), TODAY, style)
    bare = build_chart("pda", DEMO, D(2026, 1, 1), TODAY, style.with_(titles=False))
    assert titled.axes[0].get_title(loc="left") == "Days abstinent each month"
    assert bare.axes[0].get_title(loc="left") == ""


def test_day_numbers_match_matplotlib_dates():
    from matplotlib.dates import date2num

    for day in (D(1970, 1, 1), D(2026, 3, 15), D(2040, 2, 29)):
        assert day_number(day) == date2num(day)
        assert date_of(day_number(day) + 0.99) == day


contact_days = st.lists(st.integers(min_value=0, max_value=60), max_size=12)


@settings(max_examples=60, deadline=None)
@given(contact_days, contact_days)
def test_days_since_contact_series_matches_the_domain_day_by_day(two_way, one_way):
    start = D(2026, 1, 1)
    base = journal(start, "a", contacts=[start + dt.timedelta(days=i) for i in two_way])
    extra = journal(start, contacts=[start + dt.timedelta(days=i) for i in one_way]).contacts
    data = replace(base, contacts=base.contacts + tuple(replace(c, two_way=False) for c in extra))
    end = start + dt.timedelta(days=70)
    days = [start + dt.timedelta(days=i) for i in range(71)]
    got = days_since_contact_series(two_way_contacts(data, end), days)
    expected = [
        summarize_contacts(two_way_contacts(data, d), start).days_since_contact for d in days
    ]
    assert got == expected


def test_png_and_svg_bytes(style):
    fig = build_chart("pda", DEMO, D(2025, 3, 16), TODAY, style)
    png = figure_bytes(fig, "png", style)
    svg = figure_bytes(fig, "svg", style)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg and b"<path" in svg
    assert b"pda.months" in svg  # data artists keep their ids in the vector file


def test_save_figure_is_private_and_replaces(tmp_path, style):
    fig = build_chart("calendar", DEMO, D(2026, 1, 1), TODAY, style)
    target = tmp_path / "chart.png"
    target.write_bytes(b"old")
    target.chmod(0o644)
    assert save_figure(fig, target, style) == "png"
    assert target.read_bytes().startswith(b"\x89PNG")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]
    assert save_figure(fig, tmp_path / "chart.SVG", style) == "svg"
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        format_for(tmp_path / "chart.pdf")


def test_charts_never_import_pyplot_or_qt_and_load_matplotlib_only_when_drawing():
    code = (
        "import sys, datetime as dt\n"
        "import recovery_journal.charts as c\n"
        "assert 'matplotlib' not in sys.modules, 'imported early'\n"
        "from recovery_journal.services.demo import generate_demo\n"
        "data = generate_demo(dt.date(2026, 3, 15))\n"
        "for name in c.CHART_NAMES:\n"
        "    c.build_chart(name, data, dt.date(2025, 3, 16), dt.date(2026, 3, 15))\n"
        "assert 'matplotlib' in sys.modules\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

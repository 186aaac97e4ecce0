"""A report over two years (the demo journal, "since you started recording"): the runs that
ended are one table row each, the day grid is one legible chart a year, a used day differs
from an abstinent one in black and white by its mark, and no legend runs past the margin."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from recovery_journal.charts import CHART_NAMES, render_chart
from recovery_journal.charts.calendar import Layout, cell_size
from recovery_journal.charts.calendar import series as calendar_series
from recovery_journal.charts.report import build_report_pages, gather_report, period_for_range
from recovery_journal.charts.report.content import review_charts
from recovery_journal.charts.report.embed import EmbeddedFigure
from recovery_journal.charts.report.layout import MARGIN_X, PAGE_W, TEXT_W
from recovery_journal.charts.report.pages import chart_style
from recovery_journal.charts.report.words import earlier_run_cells, earlier_runs
from recovery_journal.charts.style import ChartStyle
from recovery_journal.domain.models import DayStatus
from recovery_journal.services.demo import generate_demo

TODAY = dt.date(2026, 3, 31)


@pytest.fixture(scope="module")
def demo():
    return generate_demo(TODAY)


@pytest.fixture(scope="module")
def content(demo):
    return gather_report(demo, period_for_range(demo, TODAY, "all"))


@pytest.fixture(scope="module")
def pages(demo, content):
    return build_report_pages(demo, content, prepared_on=TODAY)


def _texts(page) -> list[str]:
    return [text.get_text() for text in page.texts]


def test_runs_that_ended_are_one_row_each_not_a_heading_each(content, pages):
    runs = earlier_runs(content)
    assert len(runs) > 10  # the demo's unsteady first months
    ended = {(r.run_start, r.run_end) for r in content.milestones if r.run_days is not None}
    assert {(run.start, run.end) for run in runs} == ended
    for run in runs:
        assert run.days == (run.end - run.start).days + 1 and run.milestones
    words = [text for page in pages for text in _texts(page)]
    assert not [text for text in words if text.startswith("The run from")]
    assert words.count("Runs that ended in this period") == 1
    rows = [
        text
        for page in pages
        for text in page.texts
        if text.get_gid() == "run.cell" and text.get_text() == earlier_run_cells(runs[0])[0]
    ]
    assert rows  # the first run's row is there
    lines = [t.get_text() for page in pages for t in page.texts if t.get_gid() == "run.milestones"]
    joined = " ".join(lines)
    for run in runs:
        assert earlier_run_cells(run)[-1] in joined
    assert len(runs) <= len(lines) <= len(runs) + 3  # a long list of milestones may wrap
    # compact: all of them on one or two pages, not a page of headings per few runs
    holding = {id(page) for page in pages for t in page.texts if t.get_gid() == "run.cell"}
    assert len(holding) <= 2


def test_the_day_grid_is_one_chart_a_year_with_readable_cells(content, pages):
    parts = review_charts(content.period.start, content.period.end)
    grids = [part for part in parts if part.name == "calendar"]
    assert [part.title for part in grids] == [
        "Day by day, 2024",
        "Day by day, 2025",
        "Day by day, 2026",
    ]
    assert grids[0].start == content.period.start and grids[-1].end == content.period.end
    titles = [
        text.get_text()
        for page in pages
        for text in page.texts
        if text.get_gid() == "chart.calendar.title"
    ]
    assert titles == [part.title for part in grids]
    style = chart_style()
    for part in grids:
        layout = Layout.for_range(part.start, part.end)
        assert layout.block_rows <= 12
        assert cell_size(layout, style, TEXT_W) * 72 >= 12  # at least 12 pt a day
    # a year (13 month rows) stays one chart
    year = review_charts(dt.date(2025, 3, 16), dt.date(2026, 3, 15))
    assert [part.title for part in year if part.name == "calendar"] == [""]


def _grey(figure) -> np.ndarray:
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    rgba = np.asarray(canvas.buffer_rgba(), dtype=float)
    return rgba[..., 0] * 0.299 + rgba[..., 1] * 0.587 + rgba[..., 2] * 0.114


def test_in_black_and_white_a_used_day_differs_from_an_abstinent_one_by_its_mark(demo):
    """Both diagonals of a used day's cell are crossed by a light stroke (an ×); an
    abstinent day's cell is one even shade. Their fills alone are nearly the same grey."""
    start, end = dt.date(2024, 4, 1), dt.date(2024, 12, 31)
    figure = render_chart("calendar", demo, start, end, chart_style()).figure
    grey = _grey(figure)
    ax = figure.axes[0]
    layout = Layout.for_range(start, end)
    shown = calendar_series(demo, start, end)
    plain = [
        (day, status)
        for day, status in shown.days
        if day not in shown.meetings and day not in shown.contacts  # no dot over the cell
    ]

    def quarter_points(day: dt.date) -> list[float]:
        """The grey at 30 % and 70 % along both diagonals of the day's cell."""
        x, y = layout.cell(day)
        x0, x1, y0, y1 = x + 0.08, x + 0.92, y + 0.08, y + 0.92  # the cell as drawn
        values = []
        for fx, fy in ((0.3, 0.3), (0.7, 0.7), (0.3, 0.7), (0.7, 0.3)):
            px, py = ax.transData.transform((x0 + (x1 - x0) * fx, y0 + (y1 - y0) * fy))
            values.append(grey[round(grey.shape[0] - py), round(px)])
        return values

    used = [quarter_points(day) for day, status in plain if status == DayStatus.USED][:8]
    abstinent = [quarter_points(day) for day, s in plain if s == DayStatus.ABSTINENT][:8]
    assert len(used) >= 3 and len(abstinent) >= 5
    assert min(min(points) for points in used) > 170  # light strokes along both diagonals
    assert max(max(points) for points in abstinent) < 130  # an even darker shade


@pytest.mark.parametrize("name", CHART_NAMES)
@pytest.mark.parametrize(
    ("width", "size"),
    [(TEXT_W, 8.5), (4.0, 9.0), (6.0, 13.5), (8.0, 10.0), (8.0, 18.0)],
    ids=["report", "narrow", "150%", "window", "200%"],
)
def test_no_legend_runs_past_the_edge(demo, name, width, size):
    style = ChartStyle.light(width_in=width, base_size=size, titles=False)
    figure = render_chart(name, demo, dt.date(2024, 4, 1), TODAY, style).figure
    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw(renderer)
    for legend in figure.legends:
        box = legend.get_window_extent(renderer)
        assert box.x1 / figure.dpi <= figure.get_figwidth() + 0.01, name
        assert box.y0 >= 0
        for ax in figure.axes:  # below the plot, never over it
            assert box.y1 <= ax.get_window_extent(renderer).y0 + 1, name


def test_no_legend_runs_past_the_page_margin(pages):
    for page in pages:
        for artist in page.artists:
            if not isinstance(artist, EmbeddedFigure):
                continue
            chart = artist.inner
            renderer = FigureCanvasAgg(chart).get_renderer()
            chart.draw(renderer)
            for legend in chart.legends:
                right = legend.get_window_extent(renderer).x1 / chart.dpi
                assert MARGIN_X + right <= PAGE_W - MARGIN_X + 0.01

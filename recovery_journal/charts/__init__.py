"""Charts of the Trends view, the ``chart`` command and the report.

One module per chart; each offers ``series(data, start, end)`` (only domain figures),
``figure(series, style)`` (a ``matplotlib.figure.Figure``, never pyplot), ``summary(series)``
(plain words, also for screen readers) and ``describe(series, x, y)`` (hover text). This
package imports matplotlib only when a figure is first built, so the app starts fast.

    fig = build_chart("pda", data, start, end, ChartStyle.light())
    text = chart_summary("pda", data, start, end)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from recovery_journal.charts import (
    alliance,
    attendance,
    calendar,
    contacts,
    network,
    pda,
    wellbeing,
)
from recovery_journal.charts.series import RANGE_KEYS, chart_range, range_for
from recovery_journal.charts.style import ChartStyle
from recovery_journal.domain.models import JournalData

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "CHARTS",
    "CHART_NAMES",
    "RANGE_KEYS",
    "Chart",
    "ChartSpec",
    "ChartStyle",
    "build_chart",
    "chart_range",
    "chart_summary",
    "range_for",
    "render_chart",
]


@dataclass(frozen=True, slots=True)
class Chart:
    """One rendered chart: the figure, its plain-words summary and its hover text."""

    name: str
    title: str
    figure: Figure
    summary: str
    describe: Callable[[float, float], str | None]
    #: For charts whose height should follow the width (the calendar grid), else ``None``.
    height_for_width: Callable[[float], float] | None = None


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """A chart builder: call it with ``(data, start, end, style)`` to get a Figure."""

    name: str
    title: str
    series: Callable[[JournalData, dt.date, dt.date], Any]
    figure: Callable[..., Figure]
    summary: Callable[[Any], str]
    describe: Callable[[Any, float, float], str | None]
    height_for_width: Callable[[Any, ChartStyle, float], float] | None = None

    def __call__(
        self, data: JournalData, start: dt.date, end: dt.date, style: ChartStyle, **options: Any
    ) -> Figure:
        return self.figure(self.series(data, start, end), style, **options)

    def render(
        self, data: JournalData, start: dt.date, end: dt.date, style: ChartStyle, **options: Any
    ) -> Chart:
        built = self.series(data, start, end)
        sizer = self.height_for_width
        return Chart(
            name=self.name,
            title=self.title,
            figure=self.figure(built, style, **options),
            summary=self.summary(built),
            describe=lambda x, y: self.describe(built, x, y),
            height_for_width=None if sizer is None else lambda w: sizer(built, style, w),
        )


def _spec(name: str, module: Any) -> ChartSpec:
    return ChartSpec(
        name,
        module.TITLE,
        module.series,
        module.figure,
        module.summary,
        module.describe,
        getattr(module, "height_for_width", None),
    )


#: Every chart by its command-line name, in the order of the Trends view.
CHARTS: dict[str, ChartSpec] = {
    "pda": _spec("pda", pda),
    "calendar": _spec("calendar", calendar),
    "attendance": _spec("attendance", attendance),
    "contacts": _spec("contacts", contacts),
    "alliance": _spec("alliance", alliance),
    "wellbeing": _spec("wellbeing", wellbeing),
    "network": _spec("network", network),
}
CHART_NAMES: tuple[str, ...] = tuple(CHARTS)


def build_chart(
    name: str, data: JournalData, start: dt.date, end: dt.date, style: ChartStyle | None = None
) -> Figure:
    """The chart ``name`` over ``start … end`` (measures as of ``end``)."""
    return CHARTS[name](data, start, end, style or ChartStyle.light())


def render_chart(
    name: str,
    data: JournalData,
    start: dt.date,
    end: dt.date,
    style: ChartStyle | None = None,
    **options: Any,
) -> Chart:
    """Figure, summary and hover text of one chart, from one pass over the measures."""
    return CHARTS[name].render(data, start, end, style or ChartStyle.light(), **options)


def chart_summary(name: str, data: JournalData, start: dt.date, end: dt.date) -> str:
    """The plain-words summary shown under the chart (and read by screen readers)."""
    spec = CHARTS[name]
    return spec.summary(spec.series(data, start, end))

"""Days abstinent: PDA per calendar month as bars and the rolling 30-day PDA as a line.

A month with less than 8 in 10 days recorded is never drawn as if known: it becomes a hatched
band from ``pda_low`` (every unrecorded day counted as use) to ``pda_high`` (every unrecorded
day counted as abstinent). The rolling line has a gap wherever its 30 days are less than 8 in
10 recorded. Every figure comes from ``domain.pda``.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recovery_journal.charts.series import day_number, tracked_days
from recovery_journal.charts.style import LOW_COVERAGE_HATCH, ChartStyle
from recovery_journal.charts.words import (
    NOTHING_YET,
    long_date,
    month_name,
    percent,
    plural,
)
from recovery_journal.domain.dates import month_end, month_start
from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.models import JournalData
from recovery_journal.domain.pda import (
    PdaWindow,
    headline,
    monthly_pda_series,
    pda_window,
    rolling_pda,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = "Days abstinent each month"


@dataclass(frozen=True, slots=True)
class PdaSeries:
    start: dt.date
    end: dt.date
    months: tuple[PdaWindow, ...]  # calendar months overlapping the range (domain windows)
    days: tuple[dt.date, ...]  # tracked days of the range
    rolling: tuple[PdaWindow, ...]  # the 30 days ending on each of ``days``
    overall: PdaWindow  # the whole range

    @property
    def is_empty(self) -> bool:
        return self.overall.known == 0

    @property
    def low_coverage_months(self) -> tuple[PdaWindow, ...]:
        return tuple(m for m in self.months if m.days and not m.enough_recorded)


def series(data: JournalData, start: dt.date, end: dt.date) -> PdaSeries:
    calendar = DayCalendar.from_journal(data, end)
    months = tuple(w for w in monthly_pda_series(calendar) if w.end >= start and w.days)
    days = tracked_days(calendar, start, end)
    return PdaSeries(
        start=start,
        end=end,
        months=months,
        days=tuple(days),
        rolling=tuple(rolling_pda(calendar, days)),
        overall=pda_window(calendar, start, end),
    )


def rolling_values(s: PdaSeries) -> list[float]:
    """The line's y values: observed PDA where the 30 days are >= 80% recorded, else NaN."""
    return [math.nan if (v := headline(w)) is None else v for w in s.rolling]


def _month_bounds(window: PdaWindow) -> tuple[float, float]:
    first = month_start(window.end)
    days = (month_end(first) - first).days + 1
    pad = days * 0.12
    return day_number(first) + pad, day_number(first) + days - pad


def figure(s: PdaSeries, style: ChartStyle) -> Figure:
    from recovery_journal.charts import draw

    if s.is_empty:
        return draw.empty_figure(style, TITLE, s.start, s.end)
    return draw.build(style, lambda: _draw(s, style))


def _draw(s: PdaSeries, style: ChartStyle) -> Figure:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from recovery_journal.charts import draw

    fig, (ax,) = draw.new_figure(style, 3.6)
    draw.add_title(fig, ax, style, TITLE, s.start, s.end)
    draw.style_axes(ax, style)
    first = month_start(s.months[0].end) if s.months else s.start
    last = month_end(s.end)
    draw.date_axis(ax, min(first, s.start), last)
    draw.percent_axis(ax, "Days abstinent")

    known = [m for m in s.months if m.enough_recorded]
    low = list(s.low_coverage_months)
    if known:
        edges = [_month_bounds(m) for m in known]
        draw.bars(
            ax,
            [a for a, _ in edges],
            [b for _, b in edges],
            [0.0] * len(known),
            [m.pda_observed or 0.0 for m in known],
            gid="pda.months",
            facecolors=style.abstinent,
            zorder=2,
        )
    if low:
        edges = [_month_bounds(m) for m in low]
        draw.bars(
            ax,
            [a for a, _ in edges],
            [b for _, b in edges],
            [m.pda_low or 0.0 for m in low],
            [m.pda_high or 0.0 for m in low],
            gid="pda.low_coverage",
            facecolors=style.unknown_fill,
            edgecolors=style.unknown_hatch,
            hatchcolor=style.unknown_hatch,
            hatch=LOW_COVERAGE_HATCH,
            linewidths=0.8,
            zorder=2,
        )
    x = [day_number(d) for d in s.days]
    y = rolling_values(s)
    ax.plot(
        x,
        y,
        color=style.ink,
        linewidth=1.8,
        solid_capstyle="round",
        marker="o" if len(x) <= 2 else None,
        markersize=4,
        gid="pda.rolling",
        zorder=3,
    )
    handles = [
        Patch(facecolor=style.abstinent, label="Each month"),
        Line2D([], [], color=style.ink, linewidth=1.8, label="Last 30 days, day by day"),
    ]
    if low:
        handles.insert(
            1,
            Patch(
                facecolor=style.unknown_fill,
                edgecolor=style.unknown_hatch,
                hatch=LOW_COVERAGE_HATCH,
                label="Fewer than 8 in 10 days recorded: the possible range",
            ),
        )
    draw.legend_below(fig, style, handles)
    return fig


def summary(s: PdaSeries) -> str:
    overall = s.overall
    if s.is_empty:
        return NOTHING_YET
    when = f"From {long_date(overall.start or s.start)} to {long_date(s.end)}"
    if overall.start == s.end:
        when = f"On {long_date(s.end)}"
    value = headline(overall)
    if value is not None:
        first = (
            f"{when}, {percent(value)} of the days you recorded were abstinent "
            f"({overall.abstinent} of {plural(overall.known, 'day')})."
        )
    else:
        first = (
            f"{when}, fewer than 8 in 10 days are recorded, so there is no single figure: "
            f"between {percent(overall.pda_low or 0.0)} and {percent(overall.pda_high or 0.0)} "
            "of the days were abstinent."
        )
    parts = [first]
    if overall.unknown:
        verb = "isn't" if overall.unknown == 1 else "aren't"
        parts.append(
            f"{plural(overall.unknown, 'day')} {verb} filled in yet; you can add them from the "
            "Calendar when you're ready."
        )
    low = len(s.low_coverage_months)
    if low:
        verb = "has" if low == 1 else "have"
        parts.append(
            f"{plural(low, 'month')} {verb} fewer than 8 in 10 days recorded; "
            f"{'it is' if low == 1 else 'they are'} shown as a range."
        )
    return " ".join(parts)


def describe(s: PdaSeries, x: float, y: float) -> str | None:
    """Hover text for the point ``x`` (a date number) of the chart."""
    from recovery_journal.charts.series import date_of

    day = date_of(x + 0.5)
    parts = []
    for month in s.months:
        if month_start(month.end) <= day <= month_end(month.end):
            parts.append(_describe_month(month))
    if s.days and s.days[0] <= day <= s.days[-1]:
        window = s.rolling[(day - s.days[0]).days]
        value = headline(window)
        if value is not None:
            parts.append(f"30 days to {long_date(day)}: {percent(value)} abstinent")
        else:
            parts.append(f"30 days to {long_date(day)}: fewer than 8 in 10 days recorded")
    return "\n".join(parts) or None


def _describe_month(month: PdaWindow) -> str:
    name = month_name(month.end)
    if month.end < month_end(month.end):
        name += " so far"
    recorded = f"{month.known} of {plural(month.days, 'day')} recorded"
    value = headline(month)
    if value is not None:
        return f"{name}: {percent(value)} abstinent ({recorded})"
    return (
        f"{name}: between {percent(month.pda_low or 0.0)} and {percent(month.pda_high or 0.0)} "
        f"abstinent ({recorded})"
    )

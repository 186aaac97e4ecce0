"""The recovery network over time: how many people in it support your recovery, and how many
drink or use heavily or make recovery harder, day by day (``domain.network``), as steps.

Readable without colour: the supportive line is solid and thick, the other dashed and thin,
each labelled in the legend; names never appear (the chart can go into a report).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from recovery_journal.charts.series import date_of, day_number, days_in
from recovery_journal.charts.style import ChartStyle
from recovery_journal.charts.words import NOTHING_YET, long_date, plural
from recovery_journal.domain.models import JournalData
from recovery_journal.domain.network import NetworkCounts, network_series

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = "The people around you"
EMPTY_HINT = "Add the people in your life on the Network page to see this."
DASHES = (0, (5, 3))


@dataclass(frozen=True, slots=True)
class NetworkSeries:
    start: dt.date
    end: dt.date
    days: tuple[dt.date, ...]
    counts: tuple[NetworkCounts, ...]  # as of each day

    @property
    def is_empty(self) -> bool:
        return not self.days or all(c.people == 0 for c in self.counts)


def series(data: JournalData, start: dt.date, end: dt.date) -> NetworkSeries:
    """The counts on each day of ``start … end`` (from the first entry on)."""
    entries = [e for e in data.person_entries if e.date <= end]
    if not entries:
        return NetworkSeries(start, end, (), ())
    first = max(start, min(e.date for e in entries))
    days = days_in(first, end)
    return NetworkSeries(first, end, tuple(days), tuple(network_series(entries, days)))


def figure(s: NetworkSeries, style: ChartStyle) -> Figure:
    from recovery_journal.charts import draw

    if s.is_empty:
        return draw.empty_figure(style, TITLE, s.start, s.end, EMPTY_HINT)
    return draw.build(style, lambda: _draw(s, style))


def _draw(s: NetworkSeries, style: ChartStyle) -> Figure:
    from matplotlib.lines import Line2D

    from recovery_journal.charts import draw

    fig, (ax,) = draw.new_figure(style, 3.0)
    draw.add_title(fig, ax, style, TITLE, s.start, s.end)
    draw.style_axes(ax, style)
    draw.date_axes((ax,), s.start, s.end + dt.timedelta(days=1))
    xs = [float(day_number(d)) for d in s.days] + [float(day_number(s.end) + 1)]
    supportive = [float(c.supportive) for c in s.counts]
    linked = [float(c.use_linked) for c in s.counts]
    people = [float(c.people) for c in s.counts]
    lines: tuple[tuple[list[float], str, float, Any, str], ...] = (
        (people, style.muted, 1.0, ":", "network.all"),
        (supportive, style.abstinent, 2.4, "-", "network.supportive"),
        (linked, style.used, 1.4, DASHES, "network.use_linked"),
    )
    for values, color, width, dashes, gid in lines:
        ax.step(
            xs,
            [*values, values[-1]],
            where="post",
            zorder=3,
            color=color,
            linewidth=width,
            linestyle=dashes,
            gid=gid,
        )
    draw.count_axis(ax, max(max(people), 2.0), "People")
    handles = [
        Line2D([], [], color=style.abstinent, linewidth=2.4, label="Support your recovery"),
        Line2D(
            [],
            [],
            color=style.used,
            linewidth=1.4,
            linestyle=DASHES,
            label="Drink or use heavily, or make recovery harder",
        ),
        Line2D([], [], color=style.muted, linewidth=1.0, linestyle=":", label="Everyone"),
    ]
    draw.legend_below(fig, style, handles)
    return fig


def summary(s: NetworkSeries) -> str:
    if s.is_empty:
        return f"{NOTHING_YET} {EMPTY_HINT}"
    first, last = s.counts[0], s.counts[-1]
    parts = [
        f"On {long_date(s.end)}, {plural(last.people, 'person', 'people')} were in your "
        f"network: {last.supportive} supporting your recovery and {last.use_linked} drinking or "
        "using heavily or making recovery harder."
    ]
    if s.start < s.end:
        parts.append(f"On {long_date(s.start)} it was {first.supportive} and {first.use_linked}.")
    return " ".join(parts)


def describe(s: NetworkSeries, x: float, _y: float) -> str | None:
    day = date_of(x)
    if not s.days or not s.days[0] <= day <= s.days[-1]:
        return None
    c = s.counts[(day - s.days[0]).days]
    return (
        f"{long_date(day)}: {plural(c.people, 'person', 'people')}, {c.supportive} supporting, "
        f"{c.use_linked} drinking or using heavily or making recovery harder"
    )

"""Craving and confidence (0–10) over time: the mean of each week's rated days. A week with no
rating leaves a gap in its line rather than a guess."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recovery_journal.charts.series import (
    WeeklyRatings,
    date_of,
    day_number,
    rating_means,
    weekly_rating_means,
    weeks_overlapping,
)
from recovery_journal.charts.style import ChartStyle
from recovery_journal.charts.words import NOTHING_YET, long_date, one_decimal, plural
from recovery_journal.domain.dates import week_start_of
from recovery_journal.domain.day_calendar import tracking_start_of
from recovery_journal.domain.models import JournalData, WeekStart

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = "Craving and confidence"
CRAVING_LABEL = "Craving: how strong urges were (weekly average)"
CONFIDENCE_LABEL = "Confidence you'd stay abstinent (weekly average)"


@dataclass(frozen=True, slots=True)
class WellbeingSeries:
    start: dt.date
    end: dt.date
    week_start: WeekStart
    weeks: tuple[WeeklyRatings, ...]
    craving_mean: float | None  # over every rated day of the range
    confidence_mean: float | None

    @property
    def is_empty(self) -> bool:
        return not any(w.craving_days or w.confidence_days for w in self.weeks)

    @property
    def rated_weeks(self) -> list[WeeklyRatings]:
        return [w for w in self.weeks if w.craving_days or w.confidence_days]


def series(data: JournalData, start: dt.date, end: dt.date) -> WellbeingSeries:
    week_start = data.settings.week_start
    tracking_start = tracking_start_of(data, end)
    if tracking_start is None or tracking_start > end:
        return WellbeingSeries(start, end, week_start, (), None, None)
    begin = max(start, tracking_start)
    weeks = weeks_overlapping(begin, end, week_start)
    craving, confidence = rating_means(data, begin, end)
    return WellbeingSeries(
        start=begin,
        end=end,
        week_start=week_start,
        weeks=tuple(weekly_rating_means(data, weeks, begin, end)),
        craving_mean=craving,
        confidence_mean=confidence,
    )


def week_x(week: dt.date) -> float:
    return day_number(week) + 3.5


def values(s: WellbeingSeries, which: str) -> list[float]:
    """``craving`` or ``confidence`` per week, NaN for weeks without that rating."""
    out = []
    for week in s.weeks:
        value = week.craving if which == "craving" else week.confidence
        out.append(math.nan if value is None else value)
    return out


def figure(s: WellbeingSeries, style: ChartStyle) -> Figure:
    from recovery_journal.charts import draw

    if s.is_empty:
        return draw.empty_figure(
            style, TITLE, s.start, s.end, "You can rate craving and confidence on Today."
        )
    return draw.build(style, lambda: _draw(s, style))


def _draw(s: WellbeingSeries, style: ChartStyle) -> Figure:
    from recovery_journal.charts import draw

    fig, (ax,) = draw.new_figure(style, 3.4)
    draw.add_title(fig, ax, style, TITLE, s.start, s.end)
    draw.style_axes(ax, style)
    draw.date_axis(ax, s.weeks[0].week, s.weeks[-1].week + dt.timedelta(days=6))
    ax.set_ylim(-0.3, 10.6)
    ax.set_yticks([0, 5, 10])
    ax.set_ylabel("0 to 10")
    x = [week_x(w.week) for w in s.weeks]
    few = len(s.rated_weeks) <= 30
    ax.plot(
        x,
        values(s, "confidence"),
        color=style.sky,
        linewidth=2.2,
        marker="o" if few else None,
        markersize=4,
        label=CONFIDENCE_LABEL,
        gid="wellbeing.confidence",
        zorder=3,
    )
    ax.plot(
        x,
        values(s, "craving"),
        color=style.ink,
        linewidth=1.5,
        linestyle=(0, (4, 2)),
        marker="D" if few else None,
        markersize=3.5,
        label=CRAVING_LABEL,
        gid="wellbeing.craving",
        zorder=3,
    )
    draw.legend_below(fig, style, ax.get_legend_handles_labels()[0])
    return fig


def summary(s: WellbeingSeries) -> str:
    if s.is_empty:
        return f"{NOTHING_YET} You can rate craving and confidence on Today."
    rated = s.rated_weeks
    parts = [
        f"From {long_date(s.start)} to {long_date(s.end)} you rated craving or confidence "
        f"in {plural(len(rated), 'week')}."
    ]
    averages = []
    if s.craving_mean is not None:
        averages.append(f"craving averaged {one_decimal(s.craving_mean)}")
    if s.confidence_mean is not None:
        averages.append(f"confidence averaged {one_decimal(s.confidence_mean)}")
    if averages:
        parts.append(f"Over those days, {' and '.join(averages)} out of 10.")
    last = rated[-1]
    latest = []
    if last.craving is not None:
        latest.append(f"craving {one_decimal(last.craving)}")
    if last.confidence is not None:
        latest.append(f"confidence {one_decimal(last.confidence)}")
    parts.append(f"In the week of {long_date(last.week)}: {' and '.join(latest)}.")
    return " ".join(parts)


def describe(s: WellbeingSeries, x: float, y: float) -> str | None:
    week = week_start_of(date_of(x), s.week_start)
    for item in s.weeks:
        if item.week != week:
            continue
        lines = [f"Week of {long_date(week)}"]
        if item.craving is not None:
            lines.append(
                f"Craving {one_decimal(item.craving)} ({plural(item.craving_days, 'day')} rated)"
            )
        if item.confidence is not None:
            lines.append(
                f"Confidence {one_decimal(item.confidence)} "
                f"({plural(item.confidence_days, 'day')} rated)"
            )
        return "\n".join(lines) if len(lines) > 1 else f"{lines[0]}: no ratings"
    return None

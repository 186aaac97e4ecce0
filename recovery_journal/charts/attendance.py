"""Meetings: meetings per week as bars with the one-a-week line, a strip that sets apart the
weeks at the threshold, and the attendance strength (a habit score that one missed week after a
long run does not wipe out). Weekly PDA may be overlaid on the strength panel.

A fall in attendance is not framed as failure: the words describe, they do not judge.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recovery_journal.charts.series import date_of, day_number, weeks_overlapping
from recovery_journal.charts.style import ChartStyle
from recovery_journal.charts.words import NOTHING_YET, long_date, percent, plural, whole
from recovery_journal.domain.attendance import meeting_events, strength_series
from recovery_journal.domain.dated_events import percent_weeks_with
from recovery_journal.domain.dates import week_start_of
from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.models import JournalData, WeekStart
from recovery_journal.domain.pda import PdaWindow, headline, weekly_pda_series

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = "Meetings each week"
THRESHOLD_LABEL = "1 meeting\na week"
#: A fall in strength of this many points over the range brings a kind, neutral sentence.
DECLINE_NOTE_POINTS = 20.0


@dataclass(frozen=True, slots=True)
class AttendanceSeries:
    start: dt.date
    end: dt.date
    week_start: WeekStart
    weeks: tuple[dt.date, ...]  # starts of the tracked weeks overlapping the range
    meetings: tuple[int, ...]  # meetings in each of ``weeks`` (domain ``count_in_week``)
    strength: tuple[tuple[dt.date, float], ...]  # (week start, 0–100), complete weeks in range
    weekly_pda: tuple[PdaWindow, ...]  # the domain's weekly PDA for ``weeks``
    meetings_in_range: int
    weeks_at_threshold_pct: float | None  # domain ``percent_weeks_with`` over complete weeks

    @property
    def is_empty(self) -> bool:
        return not self.weeks

    @property
    def current_week(self) -> dt.date:
        """The week holding ``end``: still in progress, so not judged against the threshold."""
        return week_start_of(self.end, self.week_start)

    @property
    def complete_weeks(self) -> list[tuple[dt.date, int]]:
        return [
            (week, count)
            for week, count in zip(self.weeks, self.meetings, strict=True)
            if week != self.current_week
        ]

    @property
    def weeks_at_threshold(self) -> list[dt.date]:
        return [week for week, count in self.complete_weeks if count >= 1]

    @property
    def weeks_below_threshold(self) -> list[dt.date]:
        return [week for week, count in self.complete_weeks if count < 1]


def series(data: JournalData, start: dt.date, end: dt.date) -> AttendanceSeries:
    calendar = DayCalendar.from_journal(data, end)
    events = meeting_events(data, end)
    week_start = data.settings.week_start
    first_day = calendar.first_day
    if first_day is None:
        return AttendanceSeries(start, end, week_start, (), (), (), (), 0, None)
    begin = max(start, first_day)
    weeks = weeks_overlapping(begin, end, week_start)
    first_week = weeks[0]
    strength = tuple(
        (week, value)
        for week, value in strength_series(events, calendar.tracking_start)
        if week >= first_week
    )
    weekly = tuple(
        window
        for window in weekly_pda_series(calendar, week_start)
        if week_start_of(window.end, week_start) >= first_week
    )
    return AttendanceSeries(
        start=begin,
        end=end,
        week_start=week_start,
        weeks=tuple(weeks),
        meetings=tuple(events.count_in_week(week) for week in weeks),
        strength=strength,
        weekly_pda=weekly,
        meetings_in_range=events.count_between(begin, end),
        weeks_at_threshold_pct=percent_weeks_with(
            events, [week for week in weeks if week != week_start_of(end, week_start)]
        ),
    )


def week_x(week: dt.date) -> float:
    """Where a week sits on the x-axis: its middle."""
    return day_number(week) + 3.5


def weekly_pda_values(s: AttendanceSeries) -> list[float]:
    return [math.nan if (v := headline(w)) is None else v for w in s.weekly_pda]


def figure(s: AttendanceSeries, style: ChartStyle, *, overlay_pda: bool = False) -> Figure:
    from recovery_journal.charts import draw

    if s.is_empty:
        return draw.empty_figure(style, TITLE, s.start, s.end)
    return draw.build(style, lambda: _draw(s, style, overlay_pda))


def _draw(s: AttendanceSeries, style: ChartStyle, overlay_pda: bool) -> Figure:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from recovery_journal.charts import draw

    fig, (top, bottom) = draw.new_figure(style, 4.4, (2.4, 1.0), right_in=0.95)
    draw.add_title(fig, top, style, TITLE, s.start, s.end)
    for ax in (top, bottom):
        draw.style_axes(ax, style)
    draw.date_axes((top, bottom), s.weeks[0], s.weeks[-1] + dt.timedelta(days=6))

    heights = [float(n) for n in s.meetings]
    dense = len(s.weeks) > draw.DENSE_WEEKS
    x0, x1 = draw.week_edges(s.weeks, dense)
    draw.bars(
        top,
        x0,
        x1,
        [0.0] * len(heights),
        heights,
        gid="attendance.meetings",
        facecolors=style.meeting,
        zorder=2,
    )
    scale = max(max(heights, default=0.0), 2.0)
    draw.count_axis(top, scale, "Meetings")
    # a strip under the bars: filled for complete weeks at the threshold, outlined otherwise
    strip_low, strip_high = -0.16 * scale, -0.08 * scale
    top.set_ylim(-0.2 * scale, top.get_ylim()[1])
    top.axhline(0, color=style.grid, linewidth=0.8, zorder=1)
    at, below = s.weeks_at_threshold, s.weeks_below_threshold
    if at:
        x0, x1 = draw.week_edges(at, dense)
        draw.bars(
            top,
            x0,
            x1,
            [strip_low] * len(at),
            [strip_high] * len(at),
            gid="attendance.weeks_at_threshold",
            facecolors=style.meeting,
            alpha=0.45,
            zorder=2,
        )
    if below and not dense:  # long ranges: a week without is simply a gap in the strip
        x0, x1 = draw.week_edges(below)
        draw.bars(
            top,
            x0,
            x1,
            [strip_low] * len(below),
            [strip_high] * len(below),
            gid="attendance.weeks_below_threshold",
            facecolors="none",
            edgecolors=style.muted,
            linewidths=0.7,
            zorder=2,
        )
    draw.threshold(top, 1.0, THRESHOLD_LABEL, style)

    draw.percent_axis(bottom, "Habit")
    bottom.set_yticks([0, 50, 100])
    bottom.yaxis.set_major_formatter("{x:.0f}")
    bottom.plot(
        [week_x(w) for w, _ in s.strength],
        [v for _, v in s.strength],
        color=style.meeting,
        linewidth=2.0,
        marker="o" if len(s.strength) <= 2 else None,
        markersize=4,
        gid="attendance.strength",
        zorder=3,
    )
    handles: list[object] = [
        Patch(facecolor=style.meeting, label="Meetings that week"),
        Patch(facecolor=style.meeting, alpha=0.45, label="A week with at least 1"),
        Patch(
            facecolor="none",
            edgecolor="none" if dense else style.muted,
            label="A gap: a week without" if dense else "A week without",
        ),
        Line2D([], [], color=style.meeting, linewidth=2, label="Meeting habit strength (0–100)"),
    ]
    if overlay_pda:
        dotted = (0, (1.5, 1.5))
        bottom.plot(
            [week_x(week_start_of(w.end, s.week_start)) for w in s.weekly_pda],
            weekly_pda_values(s),
            color=style.abstinent,
            linewidth=1.5,
            linestyle=dotted,
            gid="attendance.weekly_pda",
            zorder=3,
        )
        handles.append(
            Line2D(
                [],
                [],
                color=style.abstinent,
                linewidth=1.5,
                linestyle=dotted,
                label="Days abstinent that week (%)",
            )
        )
    draw.legend_below(fig, style, handles)
    return fig


def summary(s: AttendanceSeries) -> str:
    if s.is_empty:
        return NOTHING_YET
    complete = s.complete_weeks
    parts = [
        f"From {long_date(s.start)} to {long_date(s.end)} you logged "
        f"{plural(s.meetings_in_range, 'meeting')}."
    ]
    if complete and s.weeks_at_threshold_pct is not None:
        at = len(s.weeks_at_threshold)
        parts.append(
            f"{at} of the {plural(len(complete), 'complete week')} had at least one meeting "
            f"({percent(s.weeks_at_threshold_pct)})."
        )
    if s.strength:
        latest = s.strength[-1][1]
        parts.append(
            f"Your meeting habit strength is {whole(latest)} out of 100; it builds week by week, "
            "and one missed week doesn't wipe it out."
        )
        if s.strength[0][1] - latest >= DECLINE_NOTE_POINTS:
            parts.append(
                "Many people go to fewer meetings as time goes on; your sponsor can help you "
                "find the rhythm that suits you now."
            )
    return " ".join(parts)


def describe(s: AttendanceSeries, x: float, y: float) -> str | None:
    day = date_of(x)  # bars span whole days: the day under the pointer
    week = week_start_of(day, s.week_start)
    if week not in s.weeks:
        return None
    index = s.weeks.index(week)
    count = s.meetings[index]
    lines = [f"Week of {long_date(week)}: {plural(count, 'meeting')}"]
    if week == s.current_week:
        lines[0] += " so far"
    for strength_week, value in s.strength:
        if strength_week == week:
            lines.append(f"Habit strength: {whole(value)} out of 100")
    for window in s.weekly_pda:
        if week_start_of(window.end, s.week_start) == week and (v := headline(window)) is not None:
            lines.append(f"Days abstinent: {percent(v)}")
    return "\n".join(lines)

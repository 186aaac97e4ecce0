"""Sponsor contact: two-way contacts per week as bars, one-way contacts set apart as outlined
bars on top (they never count in contact figures), and the days since the last two-way contact
with the person's contact-gap setting as a labelled line."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recovery_journal.charts.series import (
    date_of,
    day_number,
    days_since_contact_series,
    one_way_contacts,
    tracked_days,
    weeks_overlapping,
)
from recovery_journal.charts.style import ChartStyle
from recovery_journal.charts.words import NOTHING_YET, long_date, percent, plural
from recovery_journal.domain.contacts import summarize_contacts, two_way_contacts
from recovery_journal.domain.dated_events import percent_weeks_with
from recovery_journal.domain.dates import week_start_of
from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.models import JournalData, WeekStart

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = "Contact with your sponsor"


@dataclass(frozen=True, slots=True)
class ContactsSeries:
    start: dt.date
    end: dt.date
    week_start: WeekStart
    gap_days: int  # the ``contact_gap_days`` setting
    weeks: tuple[dt.date, ...]
    two_way: tuple[int, ...]  # two-way contacts per week (domain count_in_week)
    one_way: tuple[int, ...]  # one-way contacts per week, set apart
    days: tuple[dt.date, ...]  # tracked days of the range
    days_since: tuple[int | None, ...]  # days since the last two-way contact, as of each day
    two_way_in_range: int
    one_way_in_range: int
    weeks_with_contact_pct: float | None  # complete weeks of the range, domain rule
    days_since_at_end: int | None  # domain ``summarize_contacts`` as of ``end``

    @property
    def is_empty(self) -> bool:
        return not self.weeks

    @property
    def current_week(self) -> dt.date:
        return week_start_of(self.end, self.week_start)

    @property
    def complete_weeks(self) -> list[dt.date]:
        return [week for week in self.weeks if week != self.current_week]


def series(data: JournalData, start: dt.date, end: dt.date) -> ContactsSeries:
    calendar = DayCalendar.from_journal(data, end)
    settings = data.settings
    two_way = two_way_contacts(data, end)
    one_way = one_way_contacts(data, end)
    first_day = calendar.first_day
    if first_day is None:
        return ContactsSeries(
            start,
            end,
            settings.week_start,
            settings.contact_gap_days,
            (),
            (),
            (),
            (),
            (),
            0,
            0,
            None,
            None,
        )
    begin = max(start, first_day)
    weeks = weeks_overlapping(begin, end, settings.week_start)
    days = tracked_days(calendar, begin, end)
    current = week_start_of(end, settings.week_start)
    return ContactsSeries(
        start=begin,
        end=end,
        week_start=settings.week_start,
        gap_days=settings.contact_gap_days,
        weeks=tuple(weeks),
        two_way=tuple(two_way.count_in_week(week) for week in weeks),
        one_way=tuple(one_way.count_in_week(week) for week in weeks),
        days=tuple(days),
        days_since=tuple(days_since_contact_series(two_way, days)),
        two_way_in_range=two_way.count_between(begin, end),
        one_way_in_range=one_way.count_between(begin, end),
        weeks_with_contact_pct=percent_weeks_with(two_way, [w for w in weeks if w != current]),
        days_since_at_end=summarize_contacts(two_way, calendar.tracking_start).days_since_contact,
    )


def days_since_values(s: ContactsSeries) -> list[float]:
    return [math.nan if value is None else float(value) for value in s.days_since]


def figure(s: ContactsSeries, style: ChartStyle) -> Figure:
    from recovery_journal.charts import draw

    if s.is_empty:
        return draw.empty_figure(style, TITLE, s.start, s.end)
    return draw.build(style, lambda: _draw(s, style))


def _draw(s: ContactsSeries, style: ChartStyle) -> Figure:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    from recovery_journal.charts import draw

    fig, (top, bottom) = draw.new_figure(style, 4.4, (2.0, 1.4), right_in=0.8)
    draw.add_title(fig, top, style, TITLE, s.start, s.end)
    for ax in (top, bottom):
        draw.style_axes(ax, style)
    draw.date_axes((top, bottom), s.weeks[0], s.weeks[-1] + dt.timedelta(days=6))

    dense = len(s.weeks) > draw.DENSE_WEEKS
    x0, x1 = draw.week_edges(s.weeks, dense)
    two = [float(n) for n in s.two_way]
    draw.bars(
        top,
        x0,
        x1,
        [0.0] * len(two),
        two,
        gid="contacts.two_way",
        facecolors=style.contact,
        zorder=2,
    )
    stacked = [(a, b, h, h + n) for a, b, h, n in zip(x0, x1, two, s.one_way, strict=True) if n]
    if stacked:
        draw.bars(
            top,
            [a for a, _, _, _ in stacked],
            [b for _, b, _, _ in stacked],
            [c for _, _, c, _ in stacked],
            [d for _, _, _, d in stacked],
            gid="contacts.one_way",
            facecolors=draw.tint(style.contact, style.background, 0.3),
            edgecolors=style.contact,
            linewidths=0.0 if dense else 1.0,
            zorder=2,
        )
    peak = max((t + o for t, o in zip(two, s.one_way, strict=True)), default=0.0)
    draw.count_axis(top, max(peak, 2.0), "Contacts")

    values = days_since_values(s)
    xs = [day_number(d) + 0.5 for d in s.days]
    bottom.fill_between(xs, values, 0, color=style.ink, alpha=0.08, linewidth=0, zorder=2)
    bottom.plot(
        xs,
        values,
        color=style.ink,
        linewidth=1.0,
        marker="o" if len(values) <= 2 else None,
        markersize=4,
        gid="contacts.days_since",
        zorder=3,
    )
    finite = [v for v in values if not math.isnan(v)]
    top_days = max([*finite, float(s.gap_days) if s.gap_days > 0 else 0.0, 7.0])
    bottom.set_ylim(0, top_days * 1.18)
    bottom.yaxis.set_major_locator(MaxNLocator(nbins=3, integer=True, min_n_ticks=2))
    bottom.set_ylabel("Days since")
    if s.gap_days > 0:
        draw.threshold(bottom, float(s.gap_days), f"{s.gap_days} days", style)
    handles: list[object] = [
        Patch(facecolor=style.contact, label="Two-way contacts that week"),
        Line2D([], [], color=style.ink, linewidth=1.4, label="Days since the last two-way contact"),
    ]
    if stacked:
        handles.insert(
            1,
            Patch(
                facecolor=draw.tint(style.contact, style.background, 0.3),
                edgecolor=style.contact,
                label="One-way (not counted)",
            ),
        )
    draw.legend_below(fig, style, handles)
    return fig


def summary(s: ContactsSeries) -> str:
    if s.is_empty:
        return NOTHING_YET
    parts = [
        f"From {long_date(s.start)} to {long_date(s.end)} you and your sponsor were in touch "
        f"both ways {plural(s.two_way_in_range, 'time')}."
    ]
    complete = s.complete_weeks
    if complete and s.weeks_with_contact_pct is not None:
        with_contact = sum(
            1 for week, n in zip(s.weeks, s.two_way, strict=True) if n and week in complete
        )
        parts.append(
            f"{with_contact} of the {plural(len(complete), 'complete week')} had at least one "
            f"two-way contact ({percent(s.weeks_with_contact_pct)})."
        )
    if s.one_way_in_range:
        many = "They are" if s.one_way_in_range > 1 else "It is"
        parts.append(
            f"{plural(s.one_way_in_range, 'message')} went one way; {many.lower()} shown "
            "lighter, on top, and not counted here."
        )
    if s.days_since_at_end is None:
        parts.append("There is no two-way contact logged yet.")
    elif s.days_since_at_end == 0:
        parts.append(f"You were in touch on {long_date(s.end)}.")
    else:
        parts.append(
            f"On {long_date(s.end)} your last two-way contact was "
            f"{plural(s.days_since_at_end, 'day')} earlier."
        )
    return " ".join(parts)


def describe(s: ContactsSeries, x: float, y: float) -> str | None:
    day = date_of(x)  # bars span whole days: the day under the pointer
    week = week_start_of(day, s.week_start)
    if week not in s.weeks:
        return None
    index = s.weeks.index(week)
    line = f"Week of {long_date(week)}: {plural(s.two_way[index], 'two-way contact')}"
    if s.one_way[index]:
        line += f", {s.one_way[index]} one-way"
    lines = [line]
    if s.days and s.days[0] <= day <= s.days[-1]:
        since = s.days_since[(day - s.days[0]).days]
        if since is not None:
            lines.append(f"{long_date(day)}: {plural(since, 'day')} since a two-way contact")
    return "\n".join(lines)

"""Everything a review shows, as plain data, gathered in one place from the domain.

The PDF report and the review screen both read a :class:`ReportContent`, so they show the same
figures, and tests compare them with the domain directly. Nothing here computes a measure:
the period's figures are the domain's ``review.period_figures`` and the "as of" figures
``compute_stats(data, end)``; this module adds the period, the talking points and, only when
asked, the notes.

Privacy: day notes and journal entries are read **only** when ``include_notes`` is true; the
names of the people in the recovery network only when ``include_names`` is (with
``include_network``).
Substances, amounts, meeting notes (which may hold other members' stories), contact and
check-in notes, the call list and memory anchors are never part of a review.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from recovery_journal.charts.report.period import ReportPeriod
from recovery_journal.domain.formatting import printable
from recovery_journal.domain.models import JournalData, WeekStart
from recovery_journal.domain.pda import PdaWindow
from recovery_journal.domain.review import (
    MilestoneReached,
    WeekRow,
    WeeksMeeting,
    period_figures,
)
from recovery_journal.domain.stats import Stats, compute_stats

#: The charts of a review, by their name in ``charts.CHARTS``, in reading order.
REPORT_CHARTS: tuple[str, ...] = (
    "calendar",
    "pda",
    "attendance",
    "contacts",
    "alliance",
    "wellbeing",
)


#: The day-by-day grid is one chart a calendar year once it would have more month rows than
#: this, so its cells stay large enough to read on an A4 page (and on the review screen).
CALENDAR_MONTH_ROWS = 13


@dataclass(frozen=True, slots=True)
class ChartPart:
    """One chart of a review: ``name`` in ``charts.CHARTS`` over ``start … end``; ``title``
    when it is one part of a longer chart (``Day by day, 2025``)."""

    name: str
    start: dt.date
    end: dt.date
    title: str = ""


def review_charts(
    start: dt.date, end: dt.date, names: tuple[str, ...] | list[str] = REPORT_CHARTS
) -> list[ChartPart]:
    """The charts of a review over ``start … end``, in reading order: the day grid split by
    calendar year when the period is longer than a year or so, every other chart whole."""
    parts = []
    for name in names:
        rows = (end.year - start.year) * 12 + end.month - start.month + 1
        if name == "calendar" and rows > CALENDAR_MONTH_ROWS:
            for year in range(start.year, end.year + 1):
                first, last = max(start, dt.date(year, 1, 1)), min(end, dt.date(year, 12, 31))
                parts.append(ChartPart(name, first, last, f"Day by day, {year}"))
        else:
            parts.append(ChartPart(name, start, end))
    return parts


@dataclass(frozen=True, slots=True)
class DayNote:
    date: dt.date
    text: str


@dataclass(frozen=True, slots=True)
class JournalText:
    date: dt.date
    title: str
    body: str


@dataclass(frozen=True, slots=True)
class ReportContent:
    period: ReportPeriod
    week_start: WeekStart
    tracking_start: dt.date | None
    stats: Stats  # every measure as of ``period.end``
    window: PdaWindow  # days over the period (the domain's clipped window)
    meetings: int  # meetings dated in the period
    meeting_days: int  # distinct dates among them
    meeting_weeks: WeeksMeeting
    contacts: int  # two-way contacts (records) dated in the period
    contact_weeks: WeeksMeeting
    checkins: int  # relationship check-ins dated in the period
    weeks: tuple[WeekRow, ...]
    milestones: tuple[MilestoneReached, ...]  # the domain's ``review.milestones_in_period``
    talking_points: str
    include_notes: bool
    day_notes: tuple[DayNote, ...]  # empty unless ``include_notes``
    journal: tuple[JournalText, ...]  # empty unless ``include_notes``
    include_network: bool = False  # the network chart and figures (no names)
    network_people: tuple[tuple[str, tuple[str, ...]], ...] = ()  # names: only if asked

    @property
    def as_of(self) -> dt.date:
        return self.period.end

    @property
    def is_empty(self) -> bool:
        """Nothing at all is recorded in the period."""
        return self.window.known == 0 and not self.meetings and not self.contacts


def gather_report(
    data: JournalData,
    period: ReportPeriod,
    *,
    include_notes: bool = False,
    include_network: bool = False,
    include_names: bool = False,
) -> ReportContent:
    """Everything the report and the review screen show for ``period``. The names of the
    people in the network are read only with ``include_network`` and ``include_names``."""
    from recovery_journal.charts.report.network_section import people_groups

    start, end = period.start, period.end
    settings = data.settings
    figures = period_figures(data, start, end)
    return ReportContent(
        period=period,
        week_start=settings.week_start,
        tracking_start=figures.tracking_start,
        stats=compute_stats(data, end),
        window=figures.window,
        meetings=figures.meetings,
        meeting_days=figures.meeting_days,
        meeting_weeks=figures.meeting_weeks,
        contacts=figures.contacts,
        contact_weeks=figures.contact_weeks,
        checkins=figures.checkins,
        weeks=figures.weeks,
        milestones=figures.milestones,
        talking_points=printable(settings.talking_points).strip(),
        include_notes=include_notes,
        day_notes=tuple(_day_notes(data, start, end)) if include_notes else (),
        journal=tuple(_journal(data, start, end)) if include_notes else (),
        include_network=include_network,
        network_people=people_groups(data, end) if include_network and include_names else (),
    )


def _day_notes(data: JournalData, start: dt.date, end: dt.date) -> list[DayNote]:
    notes = [
        DayNote(d.date, printable(d.note).strip()) for d in data.days if start <= d.date <= end
    ]
    return sorted((n for n in notes if n.text), key=lambda n: n.date)


def _entry_date(created_at: dt.datetime, date: dt.date | None) -> dt.date:
    return date if date is not None else created_at.astimezone().date()


def _journal(data: JournalData, start: dt.date, end: dt.date) -> list[JournalText]:
    entries = []
    for entry in data.journal_entries:
        day = _entry_date(entry.created_at, entry.date)
        if start <= day <= end and (entry.body.strip() or entry.title.strip()):
            entries.append((day, entry.created_at, entry))
    entries.sort(key=lambda item: (item[0], item[1]))
    return [
        JournalText(day, printable(e.title).strip(), printable(e.body).strip())
        for day, _, e in entries
    ]

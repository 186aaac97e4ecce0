"""The figures of a review period: what the review screen and the PDF report count.

A period is ``start … end`` inclusive, ``end`` being the as-of date of every "as of" figure.
Everything here is built from the domain's own measures: the clipped PDA window (§2), event
counts, the complete-weeks rule of §4/§8.7, weekly windows and milestones (§3). The report and
the review screen read these figures and only put them into words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from recovery_journal.domain.attendance import meeting_events
from recovery_journal.domain.contacts import two_way_contacts
from recovery_journal.domain.dated_events import (
    DatedEvents,
    percent_weeks_with,
    recent_tracked_weeks,
)
from recovery_journal.domain.dates import ONE_DAY, last_complete_week, week_start_of
from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.milestones import Milestone, milestones_reached, run_anchor
from recovery_journal.domain.models import JournalData, WeekStart
from recovery_journal.domain.pda import PdaWindow, pda_window, weekly_pda_series
from recovery_journal.domain.runs import breaks_run, summarize_runs


@dataclass(frozen=True, slots=True)
class WeekRow:
    """One calendar week of the period: the domain's weekly window (clipped to tracking start
    and the as-of date) and the meetings and two-way contacts dated in that week."""

    week: dt.date  # first day of the week (the person's week start)
    window: PdaWindow
    meetings: int
    contacts: int
    complete: bool  # False for the week that holds the as-of date (still going)

    @property
    def clipped_start(self) -> bool:
        """The week starts before tracking start, so it counts fewer than 7 days."""
        return self.window.start is not None and self.window.start > self.week


@dataclass(frozen=True, slots=True)
class WeeksMeeting:
    """How many of the period's complete weeks had at least one event (MEASURES §4, §8.7)."""

    weeks: int
    met: int
    percent: float | None  # the domain's ``percent_weeks_with``; ``None`` with no weeks


@dataclass(frozen=True, slots=True)
class MilestoneReached:
    """A milestone whose date falls in the period, and what it counts from.

    ``source`` is ``"run"`` (a run without use, ``run_start`` … ``run_end``) or
    ``"sobriety"`` (the declared sobriety date, ``run_start``).
    """

    milestone: Milestone
    source: str
    run_start: dt.date
    run_end: dt.date | None  # None while the run goes on


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    """Every count of a review period (``start … end``)."""

    tracking_start: dt.date | None
    window: PdaWindow  # days over the period (the domain's clipped window)
    meetings: int  # meetings dated in the period
    meeting_days: int  # distinct dates among them
    meeting_weeks: WeeksMeeting
    contacts: int  # two-way contacts (records) dated in the period
    contact_weeks: WeeksMeeting
    checkins: int  # relationship check-ins dated in the period
    weeks: tuple[WeekRow, ...]
    milestones: tuple[MilestoneReached, ...]


def period_figures(data: JournalData, start: dt.date, end: dt.date) -> PeriodFigures:
    """The figures of ``start … end`` as of ``end``."""
    week_start = data.settings.week_start
    calendar = DayCalendar.from_journal(data, end)
    meetings = meeting_events(data, end)
    contacts = two_way_contacts(data, end)
    weeks = _week_rows(calendar, meetings, contacts, start, week_start)
    complete = _complete_weeks(weeks, end, week_start, calendar.tracking_start)
    return PeriodFigures(
        tracking_start=calendar.tracking_start,
        window=pda_window(calendar, start, end),
        meetings=meetings.count_between(start, end),
        meeting_days=len({d for d in meetings.dates if start <= d <= end}),
        meeting_weeks=_weeks_meeting(meetings, complete),
        contacts=contacts.count_between(start, end),
        contact_weeks=_weeks_meeting(contacts, complete),
        checkins=sum(1 for c in data.checkins if start <= c.date <= end),
        weeks=tuple(weeks),
        milestones=tuple(milestones_in_period(data, start, end)),
    )


def _week_rows(
    calendar: DayCalendar,
    meetings: DatedEvents,
    contacts: DatedEvents,
    start: dt.date,
    week_start: WeekStart,
) -> list[WeekRow]:
    first_week = week_start_of(start, week_start)
    current = week_start_of(calendar.as_of, week_start)
    rows = []
    for window in weekly_pda_series(calendar, week_start):
        week = week_start_of(window.end, week_start)
        if week < first_week:
            continue
        rows.append(
            WeekRow(
                week=week,
                window=window,
                meetings=meetings.count_in_week(week),
                contacts=contacts.count_in_week(week),
                complete=week != current,
            )
        )
    return rows


def _complete_weeks(
    rows: list[WeekRow], as_of: dt.date, week_start: WeekStart, tracking_start: dt.date | None
) -> list[dt.date]:
    """The period's complete weeks by the domain's rule: the complete weeks before the week of
    ``as_of`` that overlap the period, minus those that end before tracking start."""
    if not rows:
        return []
    last = last_complete_week(as_of, week_start)
    count = (last - rows[0].week).days // 7 + 1
    if count <= 0:
        return []
    return recent_tracked_weeks(as_of, week_start, count, tracking_start)


def _weeks_meeting(events: DatedEvents, weeks: list[dt.date]) -> WeeksMeeting:
    met = sum(1 for week in weeks if events.count_in_week(week))
    return WeeksMeeting(weeks=len(weeks), met=met, percent=percent_weeks_with(events, weeks))


def milestones_in_period(data: JournalData, start: dt.date, end: dt.date) -> list[MilestoneReached]:
    """Milestones that fall in ``start … end``: of the run going on at ``end``, of every run
    that ended inside the period (a day with use does not take back a milestone already
    reached), and of the sobriety date. A run's milestones come from ``run_anchor`` as of its
    last day."""
    breaks_runs = data.settings.unknown_breaks_runs
    calendar = DayCalendar.from_journal(data, end)
    reached: list[MilestoneReached] = []
    first = calendar.first_day
    if first is not None:
        day = max(start, first + ONE_DAY)
        while day <= end:
            ended = breaks_run(calendar.status_on(day), breaks_runs) and not breaks_run(
                calendar.status_on(day - ONE_DAY), breaks_runs
            )
            if ended:
                last_day = day - ONE_DAY
                run = summarize_runs(DayCalendar.from_journal(data, last_day), breaks_runs).current
                if run.days and run.start is not None:
                    anchor = run_anchor(last_day, run.days)
                    reached += [
                        MilestoneReached(m, "run", run.start, last_day)
                        for m in milestones_reached(anchor, start, last_day, first_day_counts=True)
                    ]
            day += ONE_DAY
    current = summarize_runs(calendar, breaks_runs).current
    if current.days and current.start is not None:
        anchor = run_anchor(end, current.days)
        reached += [
            MilestoneReached(m, "run", current.start, None)
            for m in milestones_reached(anchor, start, end, first_day_counts=True)
        ]
    sobriety = data.settings.sobriety_date
    if sobriety is not None and sobriety <= end:
        reached += [
            MilestoneReached(m, "sobriety", sobriety, None)
            for m in milestones_reached(sobriety, start, end)
        ]
    reached.sort(key=lambda r: (r.milestone.date, r.source))
    return reached

"""Milestones and the sobriety-date counter (MEASURES §3).

Milestones are counted from an *anchor* date. Month and year milestones always fall on its
anniversaries (the same day of the month, clamped, see ``dates.add_months``): a run that
began on 19 April 2025 and a sobriety date of 19 April 2025 both reach "1 year" on
19 April 2026, as people count. Day milestones follow how each number is counted:

- a sobriety date counts completed days (``as_of - sobriety_date``, 0 on the date itself), so
  "7 days" falls 7 days after it;
- a run counts its days inclusively (MEASURES §3: its first day is day 1), so with the run's
  first day as anchor (``first_day_counts=True``) "1 day" is that first day and "7 days" falls
  6 days after it — the day the run's own count reaches 7.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, count

from recovery_journal.domain.dates import add_months
from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.models import DayStatus

_DAY_MILESTONES = (1, 7, 30, 60, 90)
_MONTH_MILESTONES = (6, 9, 12, 18)


@dataclass(frozen=True, slots=True)
class Milestone:
    label: str
    date: dt.date
    unit: str  # "days" or "months"
    amount: int


def _month_label(months: int) -> str:
    if months % 12 == 0:
        years = months // 12
        return "1 year" if years == 1 else f"{years} years"
    return f"{months} months"


def milestones_from(anchor: dt.date, *, first_day_counts: bool = False) -> Iterator[Milestone]:
    """Every milestone counted from ``anchor``, in date order (endless: yearly after 18 months)."""
    shift = 1 if first_day_counts else 0
    for days in _DAY_MILESTONES:
        label = "1 day" if days == 1 else f"{days} days"
        yield Milestone(label, anchor + dt.timedelta(days=days - shift), "days", days)
    for months in chain(_MONTH_MILESTONES, (12 * years for years in count(2))):
        yield Milestone(_month_label(months), add_months(anchor, months), "months", months)


def next_milestone(anchor: dt.date, as_of: dt.date, *, first_day_counts: bool = False) -> Milestone:
    """The first milestone that falls after ``as_of``."""
    return next(
        m for m in milestones_from(anchor, first_day_counts=first_day_counts) if m.date > as_of
    )


def milestones_reached(
    anchor: dt.date, start: dt.date, end: dt.date, *, first_day_counts: bool = False
) -> list[Milestone]:
    """Milestones that fall within ``start … end`` inclusive (e.g. for a review period)."""
    reached: list[Milestone] = []
    for milestone in milestones_from(anchor, first_day_counts=first_day_counts):
        if milestone.date > end:
            return reached
        if milestone.date >= start:
            reached.append(milestone)
    return reached  # pragma: no cover - the milestone sequence is endless


def run_anchor(as_of: dt.date, run_days: int) -> dt.date:
    """The first day of a run of ``run_days`` days ending at ``as_of`` (tomorrow for an empty
    run); use it with ``first_day_counts=True``."""
    return as_of - dt.timedelta(days=run_days - 1)


@dataclass(frozen=True, slots=True)
class SobrietyCounter:
    """The declared sobriety date as of a day.

    ``days`` is ``as_of - sobriety_date`` completed days (``None`` while the date is still
    ahead). ``latest_used_since`` is the latest recorded ``used`` day on or after the sobriety
    date, so the product can *offer* to move the date; it never moves it itself.
    """

    sobriety_date: dt.date
    days: int | None
    latest_used_since: dt.date | None
    next_milestone: Milestone | None


def sobriety_counter(calendar: DayCalendar, sobriety_date: dt.date) -> SobrietyCounter:
    as_of = calendar.as_of
    if sobriety_date > as_of:
        return SobrietyCounter(sobriety_date, None, None, None)
    latest_used = None
    first = calendar.first_day
    if first is not None:
        for offset in range(len(calendar.statuses) - 1, -1, -1):
            day = first + dt.timedelta(days=offset)
            if day < sobriety_date:
                break
            if calendar.statuses[offset] is DayStatus.USED:
                latest_used = day
                break
    return SobrietyCounter(
        sobriety_date=sobriety_date,
        days=(as_of - sobriety_date).days,
        latest_used_since=latest_used,
        next_milestone=next_milestone(sobriety_date, as_of),
    )

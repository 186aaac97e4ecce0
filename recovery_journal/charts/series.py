"""Series the charts need that the domain does not offer as such, built only from domain calls.

Each helper here walks dates and asks the domain for the measure at each step (or, where one
domain call per day would be too slow, follows the domain definition in one sweep and is
tested against the domain function day by day). The rolling 30-day PDA is the domain's
``pda.rolling_pda``. Nothing in this module imports matplotlib.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from recovery_journal.domain.dated_events import DatedEvents
from recovery_journal.domain.dates import (
    ONE_DAY,
    add_months,
    week_start_of,
    week_starts,
)
from recovery_journal.domain.day_calendar import DayCalendar, tracking_start_of
from recovery_journal.domain.models import JournalData, WeekStart

#: The range keys of the Trends view and ``chart --range``.
RANGE_KEYS: tuple[str, ...] = ("3m", "6m", "1y", "all")
_RANGE_MONTHS = {"3m": 3, "6m": 6, "1y": 12}
_EPOCH = dt.date(1970, 1, 1)


def range_for(as_of: dt.date, key: str, tracking_start: dt.date | None) -> dt.date:
    """First day of the range ``key`` ending at ``as_of``.

    ``3m``/``6m``/``1y`` are whole calendar months back (2026-03-15 → 2025-03-16 for ``1y``),
    never earlier than tracking start; ``all`` starts at tracking start. Without a tracking
    start (or one after ``as_of``) the windowed ranges keep their calendar start and ``all``
    is the single day ``as_of``.
    """
    if key == "all":
        if tracking_start is None or tracking_start > as_of:
            return as_of
        return tracking_start
    if key not in _RANGE_MONTHS:
        raise ValueError(f"unknown range {key!r}; use one of {', '.join(RANGE_KEYS)}")
    start = add_months(as_of, -_RANGE_MONTHS[key]) + ONE_DAY
    if tracking_start is not None and start < tracking_start <= as_of:
        return tracking_start
    return start


def chart_range(data: JournalData, as_of: dt.date, key: str) -> tuple[dt.date, dt.date]:
    """``(start, end)`` of the range ``key`` ending at ``as_of`` for this journal."""
    return range_for(as_of, key, tracking_start_of(data, as_of)), as_of


def day_number(day: dt.date) -> int:
    """matplotlib's date number for a day (days since 1970-01-01, its default epoch)."""
    return (day - _EPOCH).days


def date_of(number: float) -> dt.date:
    """The day whose date number is ``number`` (the inverse of :func:`day_number`)."""
    return _EPOCH + dt.timedelta(days=int(number // 1))


def days_in(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every date from ``first`` through ``last`` inclusive (empty when ``last < first``)."""
    return [first + dt.timedelta(days=offset) for offset in range((last - first).days + 1)]


def weeks_overlapping(start: dt.date, end: dt.date, week_start: WeekStart) -> list[dt.date]:
    """Starts of the weeks that hold at least one day of ``start … end``."""
    return list(week_starts(week_start_of(start, week_start), end))


# --- PDA ------------------------------------------------------------------------------------
def tracked_days(calendar: DayCalendar, start: dt.date, end: dt.date) -> list[dt.date]:
    """Days of ``start … end`` from tracking start through ``as_of``."""
    first = calendar.first_day
    if first is None:
        return []
    return days_in(max(start, first), min(end, calendar.as_of))


# --- contacts ---------------------------------------------------------------------------------
def one_way_contacts(data: JournalData, as_of: dt.date) -> DatedEvents:
    """One-way contacts (a text with no answer), which never count in contact measures."""
    dates = (contact.date for contact in data.contacts if not contact.two_way)
    return DatedEvents(dates, as_of, data.settings.week_start)


def days_since_contact_series(contacts: DatedEvents, days: Sequence[dt.date]) -> list[int | None]:
    """For each day, ``days_since_contact`` as of that day (MEASURES §8.9): days since the
    latest two-way contact on or before it, ``None`` before the first one.

    One sweep over the sorted contact dates (the domain figure for each day, without building
    the contact index once per day); tests hold it to ``summarize_contacts`` day by day.
    """
    dates = contacts.dates
    result: list[int | None] = []
    for day in days:
        index = bisect_right(dates, day)
        result.append(None if index == 0 else (day - dates[index - 1]).days)
    return result


# --- daily self-ratings ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class WeeklyRatings:
    """Mean craving and confidence (0–10) over the rated days of one week; ``None`` when no
    day of the week carries that rating."""

    week: dt.date
    craving: float | None
    craving_days: int
    confidence: float | None
    confidence_days: int


def _mean(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None


def weekly_rating_means(
    data: JournalData, weeks: Sequence[dt.date], start: dt.date, end: dt.date
) -> list[WeeklyRatings]:
    """Weekly means of the daily craving and confidence ratings (MEASURES §6) for each week
    in ``weeks``, counting only days inside ``start … end``."""
    cravings: dict[dt.date, list[int]] = {week: [] for week in weeks}
    confidences: dict[dt.date, list[int]] = {week: [] for week in weeks}
    week_start = data.settings.week_start
    for day in data.days:
        if not start <= day.date <= end:
            continue
        week = week_start_of(day.date, week_start)
        if week not in cravings:
            continue
        if day.craving is not None:
            cravings[week].append(day.craving)
        if day.confidence is not None:
            confidences[week].append(day.confidence)
    return [
        WeeklyRatings(
            week=week,
            craving=_mean(cravings[week]),
            craving_days=len(cravings[week]),
            confidence=_mean(confidences[week]),
            confidence_days=len(confidences[week]),
        )
        for week in weeks
    ]


def rating_means(data: JournalData, start: dt.date, end: dt.date) -> tuple[float | None, ...]:
    """Mean craving and mean confidence over every rated day in ``start … end``."""
    cravings = [d.craving for d in data.days if start <= d.date <= end and d.craving is not None]
    confidences = [
        d.confidence for d in data.days if start <= d.date <= end and d.confidence is not None
    ]
    return _mean(cravings), _mean(confidences)

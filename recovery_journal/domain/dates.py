"""Calendar arithmetic: weeks that begin on the person's chosen weekday, and calendar months."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

from recovery_journal.domain.models import WeekStart

ONE_DAY = dt.timedelta(days=1)
ONE_WEEK = dt.timedelta(days=7)

_FIRST_WEEKDAY = {WeekStart.MONDAY: 0, WeekStart.SUNDAY: 6}


def week_start_of(day: dt.date, week_start: WeekStart) -> dt.date:
    """The first day of the week that contains ``day``."""
    return day - dt.timedelta(days=(day.weekday() - _FIRST_WEEKDAY[week_start]) % 7)


def week_end_of(day: dt.date, week_start: WeekStart) -> dt.date:
    """The last day of the week that contains ``day``."""
    return week_start_of(day, week_start) + dt.timedelta(days=6)


def week_starts(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """Week starts from ``first`` up to and including ``last`` (both already week starts)."""
    week = first
    while week <= last:
        yield week
        week += ONE_WEEK


def last_complete_week(as_of: dt.date, week_start: WeekStart) -> dt.date:
    """Start of the last complete week: the one just before the week that contains ``as_of``."""
    return week_start_of(as_of, week_start) - ONE_WEEK


def complete_weeks_before(as_of: dt.date, week_start: WeekStart, count: int) -> list[dt.date]:
    """Starts of the ``count`` complete weeks before the week containing ``as_of``, oldest first."""
    last = last_complete_week(as_of, week_start)
    return [last - ONE_WEEK * back for back in range(count - 1, -1, -1)]


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole calendar months, clamped to the end of a shorter month.

    2026-01-15 + 6 months is 2026-07-15; 2026-01-31 + 1 month is 2026-02-28 (29 in a leap
    year), because that month has no 31st and the milestone should still fall inside it.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last_day = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last_day))

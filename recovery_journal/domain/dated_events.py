"""Dated events (meetings, two-way contacts) indexed once for window and per-week counts."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable

from recovery_journal.domain.dates import (
    complete_weeks_before,
    last_complete_week,
    week_start_of,
    week_starts,
)
from recovery_journal.domain.models import WeekStart


class DatedEvents:
    """Event dates on or before ``as_of`` (later ones are ignored, MEASURES §8.2)."""

    __slots__ = ("_per_week", "as_of", "dates", "week_start")

    def __init__(self, dates: Iterable[dt.date], as_of: dt.date, week_start: WeekStart) -> None:
        self.as_of = as_of
        self.week_start = week_start
        self.dates: tuple[dt.date, ...] = tuple(sorted(d for d in dates if d <= as_of))
        self._per_week = Counter(week_start_of(d, week_start) for d in self.dates)

    def count_between(self, start: dt.date, end: dt.date) -> int:
        return bisect_right(self.dates, end) - bisect_left(self.dates, start)

    def count_in_last(self, days: int) -> int:
        """Events in the ``days``-day window ending at ``as_of`` (not clipped at tracking start)."""
        return self.count_between(self.as_of - dt.timedelta(days=days - 1), self.as_of)

    def distinct_days_in_last(self, days: int) -> int:
        first = bisect_left(self.dates, self.as_of - dt.timedelta(days=days - 1))
        return len(set(self.dates[first:]))

    @property
    def latest(self) -> dt.date | None:
        return self.dates[-1] if self.dates else None

    def count_in_week(self, week: dt.date) -> int:
        """Events in the week that starts on ``week``."""
        return self._per_week.get(week, 0)

    def per_week(self, first_week: dt.date, last_week: dt.date) -> list[tuple[dt.date, int]]:
        """(week start, count) for each week from ``first_week`` through ``last_week``."""
        return [(week, self.count_in_week(week)) for week in week_starts(first_week, last_week)]


def recent_tracked_weeks(
    as_of: dt.date, week_start: WeekStart, count: int, tracking_start: dt.date | None
) -> list[dt.date]:
    """The ``count`` complete weeks before the week of ``as_of``, minus those that end before
    tracking start (MEASURES §8.7); none without a tracking start."""
    if tracking_start is None:
        return []
    weeks = complete_weeks_before(as_of, week_start, count)
    return [week for week in weeks if week + dt.timedelta(days=6) >= tracking_start]


def percent_weeks_with(events: DatedEvents, weeks: list[dt.date]) -> float | None:
    """Share of ``weeks`` holding at least one event, in percent; ``None`` for no weeks."""
    if not weeks:
        return None
    return 100 * sum(1 for week in weeks if events.count_in_week(week)) / len(weeks)


def tracked_complete_weeks(
    tracking_start: dt.date | None, as_of: dt.date, week_start: WeekStart
) -> list[dt.date]:
    """Every complete week from the week containing tracking start through the last complete
    week before the week containing ``as_of`` (MEASURES §8.8)."""
    if tracking_start is None:
        return []
    first = week_start_of(tracking_start, week_start)
    return list(week_starts(first, last_complete_week(as_of, week_start)))

"""The day-by-day status calendar every day measure reads, built once per ``as_of``.

Statuses are held in one list from tracking start to ``as_of`` with running totals, so the
counts of any window cost two look-ups instead of a scan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import chain

from recovery_journal.domain.models import DayStatus, JournalData


def tracking_start_of(data: JournalData, as_of: dt.date) -> dt.date | None:
    """Tracking start as of a date (MEASURES §1, §8.1, §8.2).

    The setting wins when set. Otherwise it is the earliest date of any day record, meeting,
    sponsor contact or check-in dated on or before ``as_of``; later records are ignored like
    every other record after ``as_of``, so with none left there is no tracking start.
    """
    if data.settings.tracking_start is not None:
        return data.settings.tracking_start
    dated = chain(
        (day.date for day in data.days),
        (meeting.date for meeting in data.meetings),
        (contact.date for contact in data.contacts),
        (checkin.date for checkin in data.checkins),
    )
    return min((date for date in dated if date <= as_of), default=None)


@dataclass(frozen=True, slots=True)
class DayCounts:
    abstinent: int
    used: int
    unknown: int

    @property
    def days(self) -> int:
        return self.abstinent + self.used + self.unknown

    @property
    def known(self) -> int:
        return self.abstinent + self.used


class DayCalendar:
    """Status of every day from tracking start through ``as_of``; a missing day is unknown.

    Day records before tracking start or after ``as_of`` are left out. If two records share a
    date (storage forbids it), the one later in the list wins.
    """

    __slots__ = ("_abstinent_before", "_statuses", "_used_before", "as_of", "tracking_start")

    def __init__(
        self, as_of: dt.date, tracking_start: dt.date | None, recorded: dict[dt.date, DayStatus]
    ) -> None:
        self.as_of = as_of
        self.tracking_start = tracking_start
        span = 0 if tracking_start is None else max(0, (as_of - tracking_start).days + 1)
        statuses = [DayStatus.UNKNOWN] * span
        if tracking_start is not None:
            for date, status in recorded.items():
                offset = (date - tracking_start).days
                if 0 <= offset < span:
                    statuses[offset] = status
        abstinent_before = [0] * (span + 1)
        used_before = [0] * (span + 1)
        abstinent = used = 0
        for index, status in enumerate(statuses, start=1):
            if status is DayStatus.ABSTINENT:
                abstinent += 1
            elif status is DayStatus.USED:
                used += 1
            abstinent_before[index] = abstinent
            used_before[index] = used
        self._statuses: tuple[DayStatus, ...] = tuple(statuses)
        self._abstinent_before = abstinent_before
        self._used_before = used_before

    @classmethod
    def from_journal(cls, data: JournalData, as_of: dt.date) -> DayCalendar:
        recorded = {day.date: day.status for day in data.days}
        return cls(as_of, tracking_start_of(data, as_of), recorded)

    @property
    def statuses(self) -> tuple[DayStatus, ...]:
        """Statuses from tracking start through ``as_of``, one per day (empty when none)."""
        return self._statuses

    @property
    def first_day(self) -> dt.date | None:
        """Tracking start when it is on or before ``as_of``, else ``None``."""
        return self.tracking_start if self._statuses else None

    def status_on(self, date: dt.date) -> DayStatus | None:
        """The day's status, or ``None`` when the date is outside tracking start … ``as_of``."""
        if self.tracking_start is None:
            return None
        offset = (date - self.tracking_start).days
        return self._statuses[offset] if 0 <= offset < len(self._statuses) else None

    def counts(self, start: dt.date, end: dt.date) -> DayCounts:
        """Counts of each status over ``start … end``, clipped to tracking start … ``as_of``."""
        if self.tracking_start is None:
            return DayCounts(0, 0, 0)
        first = max(0, (start - self.tracking_start).days)
        stop = min(len(self._statuses), (end - self.tracking_start).days + 1)
        if stop <= first:
            return DayCounts(0, 0, 0)
        abstinent = self._abstinent_before[stop] - self._abstinent_before[first]
        used = self._used_before[stop] - self._used_before[first]
        return DayCounts(abstinent, used, stop - first - abstinent - used)

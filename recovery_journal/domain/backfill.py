"""Marking a range of days in one action (Timeline Followback back-fill): which days change.

Days after today are left out; a day already recorded with the same status is left alone;
days already recorded with another status change only when the person says so (and then keep
their note and ratings, ``days.with_status``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from recovery_journal.domain.models import DayRecord, DayStatus, JournalData


@dataclass(frozen=True, slots=True)
class BackfillPlan:
    status: DayStatus
    dates: tuple[dt.date, ...]  # every date chosen
    empty: tuple[dt.date, ...]  # no record yet
    different: tuple[DayRecord, ...]  # recorded with another status
    same: int  # already recorded with this status
    future: int  # after today: left out

    @property
    def first(self) -> dt.date | None:
        """The earliest day that would change."""
        dates = [*self.empty, *(r.date for r in self.different)]
        return min(dates, default=None)


def plan_backfill(
    data: JournalData, dates: Sequence[dt.date], status: DayStatus, today: dt.date
) -> BackfillPlan:
    recorded = {d.date: d for d in data.days}
    empty: list[dt.date] = []
    different: list[DayRecord] = []
    same = future = 0
    for day in dates:
        if day > today:
            future += 1
            continue
        record = recorded.get(day)
        if record is None:
            empty.append(day)
        elif record.status == status:
            same += 1
        else:
            different.append(record)
    return BackfillPlan(status, tuple(dates), tuple(empty), tuple(different), same, future)

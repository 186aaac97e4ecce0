"""Marking a range of days in one action (Timeline Followback back-fill), and undoing it.

Days after today are left out; a day already recorded with the same status is left alone;
days already recorded with another status change only when the person says so. New days are
added in one write (one save); changed days keep their note and ratings.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recovery_journal.domain.models import DayRecord, DayStatus, JournalData

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession


@dataclass(frozen=True, slots=True)
class BackfillPlan:
    status: DayStatus
    empty: tuple[dt.date, ...]  # no record yet
    different: tuple[DayRecord, ...]  # recorded with another status
    same: int  # already recorded with this status
    future: int  # after today: left out

    @property
    def first(self) -> dt.date | None:
        dates = [*self.empty, *(r.date for r in self.different)]
        return min(dates, default=None)


def plan_backfill(
    session: JournalSession, dates: Sequence[dt.date], status: DayStatus, today: dt.date
) -> BackfillPlan:
    recorded = {d.date: d for d in session.data().days}
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
    return BackfillPlan(status, tuple(empty), tuple(different), same, future)


@dataclass(frozen=True, slots=True)
class BackfillDone:
    """What was written, so it can be taken back."""

    added: tuple[dt.date, ...]
    replaced: tuple[DayRecord, ...]  # the records as they were before

    @property
    def count(self) -> int:
        return len(self.added) + len(self.replaced)


def with_status(record: DayRecord, status: DayStatus) -> DayRecord:
    """The record with a new status; what was used and how much only stay on a used day."""
    if status == DayStatus.USED:
        return dataclasses.replace(record, status=status)
    return dataclasses.replace(record, status=status, substances=(), amount="")


def apply_backfill(session: JournalSession, plan: BackfillPlan, *, replace: bool) -> BackfillDone:
    if plan.empty:
        session.add_all(
            JournalData(days=tuple(DayRecord(date=day, status=plan.status) for day in plan.empty))
        )
    replaced: tuple[DayRecord, ...] = ()
    if replace:
        for record in plan.different:
            session.save_day(with_status(record, plan.status))
        replaced = plan.different
    return BackfillDone(plan.empty, replaced)


def undo_backfill(session: JournalSession, done: BackfillDone) -> None:
    for day in done.added:
        if session.get_day(day) is not None:
            session.delete_day(day)
    for record in done.replaced:
        session.save_day(record)

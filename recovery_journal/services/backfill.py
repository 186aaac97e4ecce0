"""The calendar's back-fill as a use case: mark many days in one change, and take it back.

Applying a plan and undoing it are each one :meth:`RecordsMixin.write_many`: every record is
validated first, then written in one transaction and saved once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recovery_journal.domain.backfill import BackfillPlan, plan_backfill
from recovery_journal.domain.days import with_status
from recovery_journal.domain.models import DayRecord
from recovery_journal.domain.validation import Record

if TYPE_CHECKING:
    from recovery_journal.services.records import RecordsMixin


@dataclass(frozen=True, slots=True)
class BackfillDone:
    """What a back-fill wrote, so it can be taken back and done again."""

    plan: BackfillPlan
    replace: bool  # days recorded with another status were changed too
    added: tuple[dt.date, ...]
    replaced: tuple[DayRecord, ...]  # the records as they were before

    @property
    def count(self) -> int:
        return len(self.added) + len(self.replaced)


def apply_backfill(session: RecordsMixin, plan: BackfillPlan, *, replace: bool) -> BackfillDone:
    """Add the days not filled in yet (and, with ``replace``, change those recorded with
    another status) as one change; nothing is written when nothing would change."""
    replaced = plan.different if replace else ()
    put: list[Record] = [DayRecord(date=day, status=plan.status) for day in plan.empty]
    put += [with_status(record, plan.status) for record in replaced]
    if put:
        session.write_many(put=put)
    return BackfillDone(plan, replace, plan.empty, replaced)


def undo_backfill(session: RecordsMixin, done: BackfillDone) -> None:
    """Remove the days the back-fill added (those still recorded) and put the changed ones
    back as they were, as one change."""
    still = (session.get_day(day) for day in done.added)  # one indexed read each
    delete: list[Record] = [record for record in still if record is not None]
    put: list[Record] = list(done.replaced)
    if delete or put:
        session.write_many(put=put, delete=delete)


def redo_backfill(session: RecordsMixin, done: BackfillDone, today: dt.date) -> BackfillDone:
    """Do the back-fill again on the journal as it is now (planned afresh, so a day recorded
    meanwhile is changed only as the person first chose)."""
    plan = plan_backfill(session.data(), done.plan.dates, done.plan.status, today)
    return apply_backfill(session, plan, replace=done.replace)

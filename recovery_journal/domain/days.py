"""Rules about single day records (MEASURES.md §1)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from recovery_journal.domain.models import DayRecord, DayStatus

#: A day entered more than this many days after its date is retrospective.
RETROSPECTIVE_AFTER_DAYS = 2


def is_retrospective(record: DayRecord, tz: dt.tzinfo | None = None) -> bool:
    """True when the day was entered more than 2 days after its date, counting by the date
    it was entered on in ``tz`` (default: this computer's time zone)."""
    if record.entered_at is None:
        return False
    entered = record.entered_at.astimezone(tz).date()
    return (entered - record.date).days > RETROSPECTIVE_AFTER_DAYS


def with_status(record: DayRecord, status: DayStatus) -> DayRecord:
    """The record with a new status; what was used and how much only stay on a used day
    (the note and the ratings stay as they are)."""
    if status == DayStatus.USED:
        return dataclasses.replace(record, status=status)
    return dataclasses.replace(record, status=status, substances=(), amount="")

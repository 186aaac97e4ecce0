"""Small builders for hand-made journals in the domain tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from recovery_journal.domain.models import (
    AllianceCheckin,
    ContactMode,
    DayRecord,
    DayStatus,
    Fellowship,
    JournalData,
    Meeting,
    Settings,
    SponsorContact,
)

D = dt.date
MONDAY = D(2026, 1, 5)  # a Monday; 2026-01-04 is a Sunday

_CODES = {"a": DayStatus.ABSTINENT, "u": DayStatus.USED, "?": DayStatus.UNKNOWN}


def day_records(start: dt.date, codes: str) -> tuple[DayRecord, ...]:
    """One record per code from ``start``: a abstinent, u used, ? recorded unknown, - none.

    Spaces are ignored so weeks can be written apart: "aaaaaaa aaaaaau".
    """
    codes = codes.replace(" ", "")
    return tuple(
        DayRecord(start + dt.timedelta(days=i), _CODES[code])
        for i, code in enumerate(codes)
        if code != "-"
    )


def meetings_on(dates: Iterable[dt.date]) -> tuple[Meeting, ...]:
    return tuple(Meeting(date, Fellowship.AA) for date in dates)


def contacts_on(dates: Iterable[dt.date], two_way: bool = True) -> tuple[SponsorContact, ...]:
    return tuple(SponsorContact(date, ContactMode.PHONE, two_way=two_way) for date in dates)


def checkin(date: dt.date, *values: int | None, **answers: int | None) -> AllianceCheckin:
    """A check-in with answers in item order (B1 B2 R1 R2 G1 G2 T1 T2), or by item id."""
    items = ("B1", "B2", "R1", "R2", "G1", "G2", "T1", "T2")
    merged: dict[str, int | None] = dict(zip(items, values, strict=False))
    merged.update(answers)
    return AllianceCheckin(date, merged)


def journal(
    start: dt.date = MONDAY,
    codes: str = "",
    *,
    meetings: Iterable[dt.date] = (),
    contacts: Iterable[dt.date] = (),
    checkins: Iterable[AllianceCheckin] = (),
    **settings: Any,
) -> JournalData:
    return JournalData(
        settings=Settings(**settings),
        days=day_records(start, codes),
        meetings=meetings_on(meetings),
        contacts=contacts_on(contacts),
        checkins=tuple(checkins),
    )


def plus(date: dt.date, days: int) -> dt.date:
    return date + dt.timedelta(days=days)

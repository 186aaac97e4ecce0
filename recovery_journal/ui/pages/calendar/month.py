"""What the month grid shows for each day, as plain data (no Qt here, so it is quick to test).

A day's status is the one recorded (MEASURES §1); a day with no record is not filled in. Days
before tracking start are outside every window and days after today cannot be filled in; the
grid dims both. Holidays come from the ``holidays`` package for the country in Settings (none
for an empty or unknown code); anchors are the person's own memory aids.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from recovery_journal.domain.dates import week_start_of
from recovery_journal.domain.days import is_retrospective
from recovery_journal.domain.formatting import long_date, plural
from recovery_journal.domain.models import (
    AnchorEvent,
    DayRecord,
    DayStatus,
    JournalData,
    WeekStart,
)

#: Back-filling further back than this brings a gentle word about memory.
FAR_BACK_DAYS = 30
WEEKS_SHOWN = 6


@lru_cache(maxsize=64)
def _holidays_of(country: str, year: int) -> tuple[tuple[dt.date, str], ...]:
    try:
        import holidays
    except ImportError:  # pragma: no cover - a declared dependency
        return ()
    try:
        found = holidays.country_holidays(country, years=year)
    except NotImplementedError:  # an unknown or unsupported code: simply no holidays
        return ()
    return tuple(sorted((day, str(name)) for day, name in found.items()))


def holiday_names(country: str, years: range | tuple[int, ...]) -> dict[dt.date, list[str]]:
    """Public holidays by date for ``country`` (an ISO code such as "GB"); empty for none."""
    code = country.strip().upper()
    names: dict[dt.date, list[str]] = defaultdict(list)
    if not code:
        return names
    for year in years:
        for day, name in _holidays_of(code, year):
            for part in name.split(";"):
                names[day].append(part.strip())
    return names


@dataclass(frozen=True, slots=True)
class DayCell:
    date: dt.date
    in_month: bool
    record: DayRecord | None
    counted: bool  # inside tracking start … today: counted in the figures
    future: bool
    meetings: int = 0
    contacts_two_way: int = 0
    contacts_one_way: int = 0
    holidays: tuple[str, ...] = ()
    anchors: tuple[AnchorEvent, ...] = field(default=())

    @property
    def status(self) -> DayStatus | None:
        """The recorded status, or None when the day is not filled in."""
        return None if self.record is None else self.record.status

    @property
    def retrospective(self) -> bool:
        return self.record is not None and is_retrospective(self.record)

    @property
    def labels(self) -> tuple[str, ...]:
        """Anchors first (the person's own), then holidays."""
        return tuple(a.label for a in self.anchors) + self.holidays


def first_shown(year: int, month: int, week_start: WeekStart) -> dt.date:
    return week_start_of(dt.date(year, month, 1), week_start)


def month_cells(
    data: JournalData,
    year: int,
    month: int,
    today: dt.date,
    tracking_start: dt.date | None,
    holidays: Mapping[dt.date, list[str]] | None = None,
) -> list[DayCell]:
    """The six weeks shown for a month, from the first day of the week that holds the 1st."""
    first = first_shown(year, month, data.settings.week_start)
    last = first + dt.timedelta(days=7 * WEEKS_SHOWN - 1)
    days = {d.date: d for d in data.days if first <= d.date <= last}
    meetings: dict[dt.date, int] = defaultdict(int)
    for meeting in data.meetings:
        if first <= meeting.date <= last:
            meetings[meeting.date] += 1
    two_way: dict[dt.date, int] = defaultdict(int)
    one_way: dict[dt.date, int] = defaultdict(int)
    for contact in data.contacts:
        if first <= contact.date <= last:
            (two_way if contact.two_way else one_way)[contact.date] += 1
    anchors: dict[dt.date, list[AnchorEvent]] = defaultdict(list)
    for event in data.anchor_events:
        if first <= event.date <= last:
            anchors[event.date].append(event)
    holidays = holidays or {}
    cells = []
    for offset in range(7 * WEEKS_SHOWN):
        day = first + dt.timedelta(days=offset)
        cells.append(
            DayCell(
                date=day,
                in_month=day.month == month,
                record=days.get(day),
                counted=tracking_start is not None and tracking_start <= day <= today,
                future=day > today,
                meetings=meetings.get(day, 0),
                contacts_two_way=two_way.get(day, 0),
                contacts_one_way=one_way.get(day, 0),
                holidays=tuple(holidays.get(day, ())),
                anchors=tuple(anchors.get(day, ())),
            )
        )
    return cells


STATUS_WORDS: Mapping[DayStatus | None, str] = {
    DayStatus.ABSTINENT: "Abstinent",
    DayStatus.USED: "Used",
    DayStatus.UNKNOWN: "Not sure",
    None: "Not filled in yet",
}


def describe(cell: DayCell, tracking_start: dt.date | None) -> str:
    """The day in words, for the tooltip and for screen readers."""
    parts = [long_date(cell.date, weekday=True)]
    if cell.future:
        parts.append("This day hasn't come yet.")
    else:
        parts.append(STATUS_WORDS[cell.status] + ".")
        if cell.record is None and not cell.counted and tracking_start is not None:
            parts.append("Before your tracking start, so not counted — you can still fill it in.")
        if cell.retrospective and cell.record is not None and cell.record.entered_at:
            entered = cell.record.entered_at.astimezone().date()
            parts.append(f"Filled in later, on {long_date(entered)}.")
    marks = []
    if cell.meetings:
        marks.append(plural(cell.meetings, "meeting", "meetings"))
    if cell.contacts_two_way:
        marks.append(plural(cell.contacts_two_way, "sponsor contact", "sponsor contacts"))
    if cell.contacts_one_way:
        marks.append(
            plural(cell.contacts_one_way, "one-way message to your sponsor", "one-way messages")
        )
    if marks:
        parts.append(", ".join(marks).capitalize() + ".")
    for event in cell.anchors:
        parts.append(f"Your anchor: {event.label}.")
    for name in cell.holidays:
        parts.append(f"Holiday: {name}.")
    return " ".join(parts)

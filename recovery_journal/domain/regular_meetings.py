"""Regular meetings: when each one meets next, and Today's "Did you go to … yesterday?".

A regular meeting meets on its weekdays at its local time (``RegularMeeting``). Its times
are wall-clock times in the person's time zone: :func:`next_occurrence` finds the next one
after a moment, across midnight, week ends and daylight-saving changes, for a scheduler (the
reminder before a meeting). Today offers, for each regular meeting that met yesterday, to log
it with one click, unless a meeting of that name is already logged that day or the person
answered "no" (kept as :func:`decline_key` in the settings; old answers are dropped by
:func:`kept_declines`, since only yesterday is ever asked about).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from recovery_journal.domain.models import Meeting, RegularMeeting, Weekday
from recovery_journal.domain.reminders import local_time_on

#: Declined offers older than this are forgotten (only yesterday is ever offered).
DECLINES_KEPT_DAYS = 14

_WEEKDAYS = tuple(Weekday)  # Monday first, as ``date.weekday()``


def weekday_of(day: dt.date) -> Weekday:
    return _WEEKDAYS[day.weekday()]


def meets_on(meeting: RegularMeeting, day: dt.date) -> bool:
    """True when ``meeting`` meets on ``day``'s weekday."""
    return weekday_of(day) in meeting.weekdays


def next_occurrence(meeting: RegularMeeting, after: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """The first start of ``meeting`` strictly after ``after`` (timezone-aware), as an aware
    datetime in ``zone``, the person's time zone. Wall-clock times are read as the daily
    reminder reads them (``reminders.local_time_on``): a time that happens twice (clocks going
    back) is the first of the two; a time the clocks skip is the moment of the jump."""
    if after.utcoffset() is None:
        raise ValueError("after must be timezone-aware")
    if not meeting.weekdays:
        raise ValueError("a regular meeting meets on at least one weekday")
    start = after.astimezone(zone).date()
    for offset in range(15):  # every weekday twice, should a whole date be skipped
        day = start + dt.timedelta(days=offset)
        if meets_on(meeting, day):
            when = local_time_on(day, meeting.time, zone)
            if when is not None and when > after:
                return when
    raise AssertionError("unreachable: every weekday occurs within fifteen days")


def decline_key(day: dt.date, regular_id: int) -> str:
    """How a "no" to the offer of ``regular_id`` for ``day`` is kept in the settings."""
    return f"{day.isoformat()}/{regular_id}"


def kept_declines(keys: Iterable[str], today: dt.date) -> tuple[str, ...]:
    """The declined offers still worth keeping on ``today`` (an unreadable one is dropped)."""
    kept = []
    for key in keys:
        try:
            day = dt.date.fromisoformat(key.partition("/")[0])
        except ValueError:
            continue
        if (today - day).days <= DECLINES_KEPT_DAYS:
            kept.append(key)
    return tuple(kept)


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def offers(
    regulars: Iterable[RegularMeeting],
    meetings: Iterable[Meeting],
    declined: Iterable[str],
    day: dt.date,
) -> list[RegularMeeting]:
    """The regular meetings to ask about on ``day`` ("Did you go to … yesterday?"): those that
    met the day before, with no meeting of the same name logged that day and no "no" given,
    in order of their time."""
    yesterday = day - dt.timedelta(days=1)
    logged = [m.name for m in meetings if m.date == yesterday]
    answered = set(declined)
    found = [
        r
        for r in regulars
        if meets_on(r, yesterday)
        and r.id is not None
        and decline_key(yesterday, r.id) not in answered
        and not any(_same_name(r.name, name) for name in logged)
    ]
    return sorted(found, key=lambda r: (r.time, r.name.casefold()))

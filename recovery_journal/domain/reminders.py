"""Reminders: when the next one is due, in the person's own time zone.

A reminder is a *rule* that, asked at a moment, names its next *occasion*: when it is due (an
aware instant), the local date it belongs to and what it says. The app keeps one timer, armed
for the earliest occasion of all rules (:func:`earliest`); the daily reminder
(:class:`DailyRule`) is the first rule, and reminders before regular meetings can join as
further rules without changing the scheduler.

The daily reminder is a local wall-clock time ("20:00 wherever this computer is"), so it
follows daylight-saving changes and travel. Two choices written down here:

- **A time the clocks skip** (02:30 on the night the clocks go forward) is due at the moment
  the clocks jump, the first moment the wall clock reads that time or later. A date the
  clocks skip entirely (as in Samoa in 2011) has no reminder.
- **A time that happens twice** (02:30 on the night the clocks go back) is due the first time
  only.

A day that is *settled* (its reminder was shown, or the day was filled in — see
``docs/security.md`` for why these two are kept as one) gets no reminder. A reminder whose
time passed while the app wasn't running is due at once, on that same date only — unless
the person turned the reminder on or moved its time after that time (``changed_at``):
turning on a 20:00 reminder at 21:00 starts tomorrow, and typing a new time digit by digit
never makes a passing value count.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

#: The words of a new reminder: discreet (nothing about recovery, substances or days).
DEFAULT_TEXT = "Time for your journal"
DEFAULT_TIME = dt.time(20, 0)
TEXT_MAX_LENGTH = 80

ONE_DAY = dt.timedelta(days=1)
_ONE_SECOND = dt.timedelta(seconds=1)
_SPACES = re.compile(r"\s+")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class DailyReminder:
    """The person's daily reminder: off by default; a local time and its words."""

    enabled: bool = False
    at: dt.time = DEFAULT_TIME
    text: str = DEFAULT_TEXT


@dataclass(frozen=True, slots=True)
class Occasion:
    """One reminder to show. ``due`` is aware and may be in the past (missed while the app
    wasn't running: show it now). ``day`` is the local date it belongs to."""

    key: str
    day: dt.date
    due: dt.datetime
    text: str


class ReminderRule(Protocol):
    """Anything that reminds: asked at ``now``, its next occasion (``None``: nothing ahead)."""

    def next_occasion(self, now: dt.datetime, zone: dt.tzinfo) -> Occasion | None: ...


def clean_text(text: str) -> str:
    """The reminder's words as shown: one line, spaces collapsed, at most
    ``TEXT_MAX_LENGTH`` characters; empty words become the default."""
    printable = "".join(ch if ch.isprintable() else " " for ch in text)
    line = _SPACES.sub(" ", printable).strip()[:TEXT_MAX_LENGTH].strip()
    return line or DEFAULT_TEXT


def local_time_on(day: dt.date, at: dt.time, zone: dt.tzinfo) -> dt.datetime | None:
    """The instant ``day`` at wall-clock ``at`` in ``zone`` (aware, in ``zone``).

    An ambiguous time (clocks going back) gives its first instant; a time in a gap (clocks
    going forward) gives the moment of the jump; ``None`` when the whole date is skipped.
    """
    naive = dt.datetime.combine(day, at.replace(tzinfo=None))
    first = naive.replace(tzinfo=zone, fold=0)
    if _wall(first.astimezone(dt.UTC), zone) == naive:
        return first
    # In a gap: fold=0 and fold=1 read the time with the offsets before and after the jump,
    # which puts the jump between them. Find the first second whose wall time is >= naive.
    low, high = sorted(
        (first.astimezone(dt.UTC), naive.replace(tzinfo=zone, fold=1).astimezone(dt.UTC))
    )
    while high - low > _ONE_SECOND:
        middle = low + (high - low) / 2
        if _wall(middle, zone) >= naive:
            high = middle
        else:
            low = middle
    jump = high.replace(microsecond=0)
    if _wall(jump, zone) < naive:
        jump += _ONE_SECOND
    local = jump.astimezone(zone)
    return local if local.date() == day else None


def _wall(instant: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    return instant.astimezone(zone).replace(tzinfo=None, fold=0)


def local_date(now: dt.datetime, zone: dt.tzinfo) -> dt.date:
    return now.astimezone(zone).date()


@dataclass(frozen=True, slots=True)
class DailyRule:
    """The daily reminder, with the one date that needs none (``settled_on``) and the moment
    the person last turned it on or moved its time (``changed_at``: a time before that moment
    doesn't remind)."""

    reminder: DailyReminder
    settled_on: dt.date | None = None
    changed_at: dt.datetime | None = None
    key: str = "daily"

    def next_occasion(self, now: dt.datetime, zone: dt.tzinfo) -> Occasion | None:
        if not self.reminder.enabled:
            return None
        today = local_date(now, zone)
        # Today (perhaps already past: then it is due now), else the next date it exists on.
        for day in (today, today + ONE_DAY, today + 2 * ONE_DAY):
            if day == self.settled_on:
                continue
            due = local_time_on(day, self.reminder.at, zone)
            if due is None or (self.changed_at is not None and due < self.changed_at):
                continue
            return Occasion(self.key, day, due.astimezone(dt.UTC), clean_text(self.reminder.text))
        return None


def earliest(rules: Iterable[ReminderRule], now: dt.datetime, zone: dt.tzinfo) -> Occasion | None:
    """The first occasion of all ``rules`` (on a tie, the earlier rule's)."""
    found = earliest_of([(None, rules)], now, zone)
    return found[0] if found is not None else None


def earliest_of(
    groups: Iterable[tuple[T, Iterable[ReminderRule]]], now: dt.datetime, zone: dt.tzinfo
) -> tuple[Occasion, T] | None:
    """The first occasion of all rules, with the owner of the group it came from (the app
    asks that owner to note the occasion as shown)."""
    found: tuple[Occasion, T] | None = None
    for owner, rules in groups:
        for rule in rules:
            occasion = rule.next_occasion(now, zone)
            if occasion is not None and (found is None or occasion.due < found[0].due):
                found = (occasion, owner)
    return found


def is_due(occasion: Occasion, now: dt.datetime) -> bool:
    return occasion.due <= now


def current_settled(
    settled_on: dt.date | None, now: dt.datetime, zone: dt.tzinfo
) -> dt.date | None:
    """The settled date while it still means something (today or later), else ``None``: a
    settled date that has passed is forgotten."""
    if settled_on is None or settled_on < local_date(now, zone):
        return None
    return settled_on


def current_change(
    changed_at: dt.datetime | None, now: dt.datetime, zone: dt.tzinfo
) -> dt.datetime | None:
    """The moment of the last change while it still matters (today), else ``None``."""
    if changed_at is None or local_date(changed_at, zone) < local_date(now, zone):
        return None
    return changed_at


def settled_until(settled_on: dt.date, zone: dt.tzinfo) -> dt.datetime:
    """When a settled date has passed (the next local midnight, or the first moment after it),
    so it can be forgotten then."""
    day = settled_on + ONE_DAY
    while True:
        start = local_time_on(day, dt.time(0, 0), zone)
        if start is not None:
            return start.astimezone(dt.UTC)
        day += ONE_DAY

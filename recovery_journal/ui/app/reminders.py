"""The reminder timer: one single-shot ``QTimer``, armed for the moment the domain names.

``ReminderScheduler.rearm`` asks ``domain.reminders`` for the earliest occasion of every
source (the daily reminder first; reminders before regular meetings can be added with
``add_source``), shows what is due now, and arms the timer for what comes next. There is no
polling: the timer is re-armed when it fires, when a setting changes, when today's day is
filled in, and when the wall clock jumps (the computer woke from sleep, or the time was set:
``wake.WakeWatcher``), because a ``QTimer`` counts elapsed time, not wall time.

Everything the timer needs while the journal is locked comes from the window preferences
(``Prefs``): nothing here reads the journal.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, QTimeZone, Signal

from recovery_journal.domain.reminders import (
    DailyRule,
    Occasion,
    ReminderRule,
    current_change,
    current_settled,
    earliest_of,
    is_due,
    local_date,
    settled_until,
)
from recovery_journal.ui.app.prefs import Prefs

#: The longest a QTimer can wait (its interval is a signed 32-bit count of milliseconds).
MAX_WAIT_MS = 2**31 - 1
#: More than this many occasions due at once means a source doesn't record what was shown.
MAX_DUE_AT_ONCE = 8

Now = Callable[[], dt.datetime]
Zone = Callable[[], dt.tzinfo]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def local_zone() -> dt.tzinfo:
    """This computer's time zone, read afresh each time (it changes when people travel)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # only once a reminder is on

    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        # No zone database entry: the current offset, which is right until the next change.
        return dt.datetime.now().astimezone().tzinfo or dt.UTC


class ReminderSource(Protocol):
    """Reminders of one kind: their rules now, and noting that an occasion was shown."""

    def rules(self) -> Iterable[ReminderRule]: ...

    def shown(self, occasion: Occasion) -> None: ...


class DailySource:
    """The daily reminder, kept in the window preferences."""

    def __init__(self, prefs: Prefs) -> None:
        self.prefs = prefs

    def rules(self) -> Iterable[ReminderRule]:
        prefs = self.prefs
        reminder = prefs.daily_reminder()
        if not reminder.enabled:
            return []
        return [DailyRule(reminder, prefs.reminder_settled_on(), prefs.reminder_changed_at())]

    def shown(self, occasion: Occasion) -> None:
        self.prefs.set_reminder_settled_on(occasion.day)


class ReminderScheduler(QObject):
    """Emits ``remind(occasion)`` when an occasion is due; ``next_wake`` is when it looks
    again (``None``: nothing ahead)."""

    remind = Signal(object)

    def __init__(
        self,
        prefs: Prefs,
        *,
        now: Now = utc_now,
        zone: Zone = local_zone,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self._now = now
        self._zone = zone
        self.daily = DailySource(prefs)
        self._sources: list[ReminderSource] = [self.daily]
        self.next_wake: dt.datetime | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may be 5 % early
        self.timer.timeout.connect(self.rearm)

    def add_source(self, source: ReminderSource) -> None:
        self._sources.append(source)
        self.rearm()

    def rearm(self) -> None:
        """Show what is due now, then wait for the next occasion (or for today's settled date
        to pass, so it is forgotten at midnight)."""
        self.timer.stop()
        self.next_wake = None
        noted = self.prefs.reminder_settled_on() or self.prefs.reminder_changed_at()
        if noted is None and not any(list(source.rules()) for source in self._sources):
            return  # nothing to wait for (the usual case: reminders off)
        now, zone = self._now(), self._zone()
        self._forget_passed_day(now, zone)
        upcoming: Occasion | None = None
        for _ in range(MAX_DUE_AT_ONCE):
            found = earliest_of(((s, s.rules()) for s in self._sources), now, zone)
            if found is None or not is_due(found[0], now):
                upcoming = found[0] if found is not None else None
                break
            occasion, source = found
            source.shown(occasion)
            self.remind.emit(occasion)
        wakes = [upcoming.due] if upcoming is not None else []
        settled = self.prefs.reminder_settled_on()
        if settled is not None:
            wakes.append(settled_until(settled, zone))
        self.next_wake = min(wakes) if wakes else None
        if self.next_wake is not None:
            wait = (self.next_wake - now).total_seconds() * 1000
            self.timer.start(min(MAX_WAIT_MS, max(0, math.ceil(wait))))

    def day_filled_in(self, day: dt.date) -> None:
        """Today's day is filled in: no reminder today (a past or future day changes nothing)."""
        if not self.prefs.daily_reminder().enabled:
            return
        if day != local_date(self._now(), self._zone()):
            return
        if self.prefs.reminder_settled_on() != day:
            self.prefs.set_reminder_settled_on(day)
            self.rearm()

    def local_today(self) -> dt.date:
        return local_date(self._now(), self._zone())

    def _forget_passed_day(self, now: dt.datetime, zone: dt.tzinfo) -> None:
        """What was noted about a day that has passed is forgotten."""
        settled = self.prefs.reminder_settled_on()
        if settled is not None and current_settled(settled, now, zone) is None:
            self.prefs.set_reminder_settled_on(None)
        changed = self.prefs.reminder_changed_at()
        if changed is not None and current_change(changed, now, zone) is None:
            self.prefs.set_reminder_changed_at(None)

"""The reminder timer: one single-shot QTimer armed from the domain's answer, with a wall
clock the test moves (never a real wait)."""

from __future__ import annotations

import datetime as dt

import pytest

from recovery_journal.domain.reminders import DailyReminder, Occasion
from recovery_journal.ui.app.reminder_options import ReminderOptions
from recovery_journal.ui.app.reminders import MAX_WAIT_MS, ReminderScheduler
from recovery_journal.ui.app.wake import WakeWatcher
from tests.ui.conftest import TODAY
from tests.ui.tray_fakes import PARIS, WITH_TRAY, WallClock

HOUR_MS = 3_600_000
TOMORROW = TODAY + dt.timedelta(days=1)


@pytest.fixture
def wall() -> WallClock:
    clock = WallClock(dt.datetime(2026, 3, 18, 9, 0, tzinfo=PARIS))
    return clock


@pytest.fixture
def scheduler(qtbot, prefs, wall):
    made = ReminderScheduler(prefs, now=wall, zone=lambda: PARIS)
    yield made
    made.timer.stop()


def _turn_on(prefs, at=dt.time(20, 0), text="Time for your journal") -> None:
    prefs.set_daily_reminder(DailyReminder(enabled=True, at=at, text=text))


def _reminders(scheduler) -> list[Occasion]:
    shown: list[Occasion] = []
    scheduler.remind.connect(shown.append)
    return shown


def _fire(scheduler) -> None:
    """What the QTimer does when its time comes."""
    scheduler.timer.timeout.emit()


def test_off_by_default_nothing_is_armed(scheduler, prefs):
    assert not prefs.daily_reminder().enabled
    scheduler.rearm()
    assert not scheduler.timer.isActive() and scheduler.next_wake is None


def test_one_single_shot_timer_is_armed_for_the_reminder_time(scheduler, prefs, wall):
    _turn_on(prefs)
    scheduler.rearm()
    assert scheduler.timer.isActive() and scheduler.timer.isSingleShot()
    assert scheduler.timer.interval() == 11 * HOUR_MS  # 09:00 → 20:00
    assert scheduler.next_wake == dt.datetime(2026, 3, 18, 20, 0, tzinfo=PARIS)


def test_when_it_fires_the_reminder_shows_once_and_the_next_is_tomorrow(scheduler, prefs, wall):
    shown = _reminders(scheduler)
    _turn_on(prefs, text="Write a line")
    scheduler.rearm()
    wall.set_local(TODAY, 20, 0)
    _fire(scheduler)
    assert [(o.day, o.text) for o in shown] == [(TODAY, "Write a line")]
    assert prefs.reminder_settled_on() == TODAY
    # Next it wakes at midnight, only to forget that today was settled…
    assert scheduler.timer.interval() == 4 * HOUR_MS
    wall.set_local(TOMORROW, 0, 0)
    _fire(scheduler)
    assert prefs.reminder_settled_on() is None
    assert "settled" not in prefs.path.read_text()
    # … then waits for tomorrow's time.
    assert scheduler.timer.interval() == 20 * HOUR_MS
    assert len(shown) == 1


def test_a_timer_that_fires_early_just_waits_again(scheduler, prefs, wall):
    shown = _reminders(scheduler)
    _turn_on(prefs)
    scheduler.rearm()
    wall.set_local(TODAY, 19, 0)  # e.g. the clock was set back an hour meanwhile
    _fire(scheduler)
    assert shown == [] and scheduler.timer.interval() == HOUR_MS


def test_a_day_already_filled_in_gets_no_reminder(scheduler, prefs, wall):
    shown = _reminders(scheduler)
    _turn_on(prefs)
    scheduler.rearm()
    wall.set_local(TODAY, 10, 0)
    scheduler.day_filled_in(TODAY)
    assert prefs.reminder_settled_on() == TODAY
    assert scheduler.next_wake == dt.datetime(2026, 3, 19, 0, 0, tzinfo=PARIS)
    wall.set_local(TODAY, 20, 0)
    _fire(scheduler)
    assert shown == []
    scheduler.day_filled_in(TODAY - dt.timedelta(days=3))  # an earlier day: changes nothing
    assert prefs.reminder_settled_on() == TODAY


def test_filling_in_a_day_writes_nothing_while_the_reminder_is_off(scheduler, prefs):
    scheduler.day_filled_in(TODAY)
    assert prefs.reminder_settled_on() is None
    assert not prefs.path.exists() or "settled" not in prefs.path.read_text()


def test_started_after_the_reminder_time_it_reminds_at_once(scheduler, prefs, wall):
    shown = _reminders(scheduler)
    _turn_on(prefs)
    wall.set_local(TODAY, 21, 30)  # the computer was off at 20:00
    scheduler.rearm()
    assert [o.day for o in shown] == [TODAY]
    assert scheduler.next_wake == dt.datetime(2026, 3, 19, 0, 0, tzinfo=PARIS)
    scheduler.rearm()  # started again the same evening: not twice
    assert len(shown) == 1


def test_turning_it_on_after_todays_time_waits_for_tomorrow(qtbot, scheduler, prefs, wall):
    shown = _reminders(scheduler)
    options = ReminderOptions(prefs, support=lambda: WITH_TRAY, now=wall, zone=lambda: PARIS)
    options.changed.connect(scheduler.rearm)
    wall.set_local(TODAY, 21, 0)
    options.set_reminder(DailyReminder(enabled=True, at=dt.time(20, 0)))
    assert shown == []
    wall.set_local(TOMORROW, 0, 0)
    _fire(scheduler)
    assert scheduler.next_wake == dt.datetime(2026, 3, 19, 20, 0, tzinfo=PARIS)
    options.set_reminder(DailyReminder(enabled=False, at=dt.time(20, 0)))
    assert not scheduler.timer.isActive()


def test_across_the_spring_clock_change_it_keeps_the_local_time(scheduler, prefs, wall):
    saturday = dt.date(2026, 3, 28)
    _turn_on(prefs)
    prefs.set_reminder_settled_on(saturday)
    wall.set_local(saturday, 21, 0)
    scheduler.rearm()
    wall.set_local(saturday + dt.timedelta(days=1), 0, 0)
    _fire(scheduler)
    # Midnight to 20:00 on the day the clocks go forward is 19 hours, not 20.
    assert scheduler.timer.interval() == 19 * HOUR_MS
    assert scheduler.next_wake == dt.datetime(2026, 3, 29, 18, 0, tzinfo=dt.UTC)


def test_waking_from_sleep_rearms_the_timer(qtbot, scheduler, prefs, wall):
    _turn_on(prefs)
    scheduler.rearm()
    assert scheduler.timer.interval() == 11 * HOUR_MS
    watcher = WakeWatcher()
    watcher.woke.connect(scheduler.rearm)
    wall.set_local(TODAY, 19, 0)  # slept from 10:00 to 19:00: the QTimer didn't count that
    watcher.on_sleep(True)  # going to sleep changes nothing
    assert scheduler.timer.interval() == 11 * HOUR_MS
    watcher.on_sleep(False)
    assert scheduler.timer.interval() == HOUR_MS
    watcher.deleteLater()


def test_the_clock_watch_is_armed_where_the_system_has_one():
    import sys

    watcher = WakeWatcher()
    try:
        assert watcher.watches_clock == sys.platform.startswith("linux")
        if watcher.watches_clock:
            assert watcher.clock.changed() is False  # nothing happened to the clock
    finally:
        watcher.clock.close()
        watcher.deleteLater()


def test_a_wait_longer_than_a_qtimer_can_count_is_capped(scheduler, prefs, wall):
    class FarAway:
        def rules(self):
            return [self]

        def next_occasion(self, now, zone):
            return Occasion("far", TODAY, now + dt.timedelta(days=40), "Far away")

        def shown(self, occasion):
            raise AssertionError("not due yet")

    scheduler.add_source(FarAway())
    assert scheduler.timer.interval() == MAX_WAIT_MS


def test_other_reminders_plug_in_as_sources(scheduler, prefs, wall):
    """How reminders before regular meetings will join: a source with its own rules."""

    class MeetingSource:
        def __init__(self) -> None:
            self.shown_days: list[dt.date] = []

        def rules(self):
            return [self]

        def next_occasion(self, now, zone):
            due = dt.datetime(2026, 3, 18, 18, 30, tzinfo=PARIS)
            if TODAY in self.shown_days:
                return None
            return Occasion("meeting", TODAY, due.astimezone(dt.UTC), "Meeting at 19:00")

        def shown(self, occasion):
            self.shown_days.append(occasion.day)

    shown = _reminders(scheduler)
    _turn_on(prefs)
    meetings = MeetingSource()
    scheduler.add_source(meetings)
    assert scheduler.next_wake == dt.datetime(2026, 3, 18, 18, 30, tzinfo=PARIS)
    wall.set_local(TODAY, 18, 30)
    _fire(scheduler)
    assert [o.text for o in shown] == ["Meeting at 19:00"]
    assert meetings.shown_days == [TODAY]
    assert scheduler.next_wake == dt.datetime(2026, 3, 18, 20, 0, tzinfo=PARIS)

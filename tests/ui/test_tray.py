"""The tray: closing to it (locked), its menu (Open, Log today, Get help now, Quit), starting
in it at login, and what it knows while locked. The tray itself is faked (offscreen has none);
the window, the journal and the preferences are real."""

from __future__ import annotations

import datetime as dt

import pytest

from recovery_journal.domain.models import (
    CallListPerson,
    DayRecord,
    DayStatus,
    Fellowship,
    Person,
    PersonEntry,
    RegularMeeting,
    Weekday,
)
from recovery_journal.domain.reminders import DailyReminder
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.app.background import KEEPS_RUNNING
from recovery_journal.ui.app.tray import TOOLTIP
from tests.conftest import FAST_KDF
from tests.ui.conftest import PASSPHRASE, TODAY, unlock
from tests.ui.tray_fakes import NO_TRAY, PARIS, WITH_TRAY, FakeTray, WallClock, make_background

SECRET_NOTE = "Marker-note-only-in-the-journal"
SECRET_NAME = "Robin-Marker"


@pytest.fixture
def wall() -> WallClock:
    return WallClock(dt.datetime(2026, 3, 18, 9, 0, tzinfo=PARIS))


@pytest.fixture
def with_tray(prefs, wall, told):
    return lambda **options: make_background(prefs, wall, told, **options)


def _reminders_on(prefs) -> None:
    prefs.set_daily_reminder(DailyReminder(enabled=True, at=dt.time(20, 0)))


def _tray(launcher) -> FakeTray:
    tray = launcher.background.tray
    assert isinstance(tray, FakeTray)
    return tray


def test_with_the_reminder_off_there_is_no_tray_and_closing_quits(
    qtbot, launch, journal, with_tray
):
    launcher = launch(journal[0], background=with_tray())
    window = launcher.window
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.shell is not None)
    assert launcher.background.tray is None
    window.close()
    assert window.controller is None  # closed for good, as before


def test_closing_keeps_it_in_the_tray_locked_and_says_so_once(
    qtbot, launch, journal, prefs, told, with_tray
):
    _reminders_on(prefs)
    launcher = launch(journal[0], background=with_tray())
    window = launcher.window
    tray = _tray(launcher)
    assert tray.visible and tray.icon.toolTip() == TOOLTIP
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.shell is not None)
    window.close()
    assert not window.isVisible()
    assert window.controller is not None and not window.controller.is_unlocked  # no key held
    assert window.shell is None  # every page, and what it showed, is gone
    assert told == [KEEPS_RUNNING]

    tray.open_action.trigger()
    assert window.isVisible() and window.stack.currentWidget() is window.unlock_view
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.shell is not None)
    window.close()
    assert not window.isVisible() and told == [KEEPS_RUNNING]  # said once only


def test_quit_in_the_tray_or_the_file_menu_ends_the_app(qtbot, launch, journal, prefs, with_tray):
    _reminders_on(prefs)
    launcher = launch(journal[0], background=with_tray())
    finished: list[int] = []
    launcher.finished.connect(finished.append)
    window = launcher.window
    window.close()  # to the tray
    _tray(launcher).quit_action.trigger()
    assert finished == [0] and window.controller is None
    # The journal file is let go: another copy can open it now.
    JournalSession.open(journal[0], PASSPHRASE).close()

    second = launch(journal[0], background=with_tray())
    second.finished.connect(finished.append)
    second.window.quit_action.trigger()
    assert finished == [0, 0]


def test_log_today_unlocks_then_shows_today(qtbot, launch, journal, prefs, with_tray):
    _reminders_on(prefs)
    launcher = launch(journal[0], background=with_tray())
    window = launcher.window
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.shell is not None)
    window.show_page("calendar")
    window.close()  # to the tray, locked, on the Calendar
    _tray(launcher).log_action.trigger()
    assert window.isVisible() and window.shell is None  # the unlock window first
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.shell is not None)
    assert window.shell.current_key == "today"

    today = window.shell.page("today")
    today.show_day(TODAY - dt.timedelta(days=4))
    window.show_page("sponsor")
    _tray(launcher).log_action.trigger()  # unlocked: straight to today's date
    assert window.shell.current_key == "today" and today.day == TODAY


def test_get_help_now_works_while_locked_without_unlocking(
    qtbot, launch, journal, prefs, with_tray
):
    session = JournalSession.open(journal[0], PASSPHRASE)
    session.add_call_person(CallListPerson(name=SECRET_NAME, phone="0123"))
    session.close()
    _reminders_on(prefs)
    launcher = launch(journal[0], background=with_tray())
    window = launcher.window
    window.close()  # in the tray; never unlocked
    _tray(launcher).help_action.trigger()
    help_dialog = window.help_dialog
    assert help_dialog is not None and help_dialog.isVisible()
    assert window.controller is None  # nothing was opened or unlocked
    texts = " ".join(
        label.text() for label in help_dialog.findChildren(type(help_dialog.emergency))
    )
    assert "Your call list is kept inside your journal" in texts
    assert SECRET_NAME not in texts
    assert help_dialog.helpline_texts()  # the helpline table needs no key
    help_dialog.close()


def test_at_login_it_starts_in_the_tray_locked(qtbot, launch, journal, prefs, with_tray):
    _reminders_on(prefs)
    launcher = launch(journal[0], tray=True, background=with_tray())
    window = launcher.window
    assert window is not None and not window.isVisible()
    assert window.controller is None  # no key, no decrypted data, not even the file open
    assert _tray(launcher).visible
    _tray(launcher).open_action.trigger()
    assert window.isVisible() and window.stack.currentWidget() is window.unlock_view


@pytest.mark.parametrize("case", ["reminder off", "no journal yet"])
def test_at_login_with_nothing_to_remind_of_it_stays_out_of_the_way(
    qtbot, journal, tmp_path, prefs, wall, case
):
    from recovery_journal.ui.app.application import Launcher

    path = journal[0]
    if case == "no journal yet":
        _reminders_on(prefs)
        path = tmp_path / "none" / "journal.rjvault"
    background = make_background(prefs, wall, [])
    launcher = Launcher(path, prefs=prefs, tray=True, background=background)
    finished: list[int] = []
    launcher.finished.connect(finished.append)
    launcher.start()
    assert finished == [0]
    assert launcher.window is None and launcher.wizard is None and background.tray is None
    launcher.cleanup()


def test_at_login_without_a_tray_it_shows_the_window_after_waiting(
    qtbot, launch, journal, prefs, with_tray
):
    _reminders_on(prefs)
    launcher = launch(journal[0], tray=True, background=with_tray(support=NO_TRAY, tray_waits=(0,)))
    window = launcher.window
    assert not window.isVisible()  # waiting a moment for the tray to appear
    qtbot.waitUntil(window.isVisible)
    assert launcher.background.tray is None
    window.close()
    assert window.controller is None  # no tray: closing quits


def test_a_day_filled_in_today_means_no_reminder_even_after_a_restart(
    qtbot, launch, journal, prefs, wall, told
):
    _reminders_on(prefs)
    launcher = launch(journal[0], background=make_background(prefs, wall, told))
    window = launcher.window
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.shell is not None)
    today = window.shell.page("today")
    today.form.status_buttons[DayStatus.ABSTINENT].click()
    qtbot.waitUntil(lambda: prefs.reminder_settled_on() == TODAY)
    launcher.cleanup()

    # The next start, locked (as at login): it knows from the preferences alone.
    again = make_background(prefs, wall, told)
    restarted = launch(journal[0], tray=True, background=again)
    wall.set_local(TODAY, 20, 0)
    again.scheduler.timer.timeout.emit()
    assert _tray(restarted).messages == []
    assert restarted.window.controller is None
    # Tomorrow is another day.
    wall.set_local(TODAY + dt.timedelta(days=1), 20, 0)
    again.scheduler.timer.timeout.emit()
    assert _tray(restarted).messages == ["Time for your journal"]


def test_a_day_not_filled_in_is_reminded_of(qtbot, launch, journal, prefs, wall, told):
    _reminders_on(prefs)
    launcher = launch(journal[0], tray=True, background=make_background(prefs, wall, told))
    wall.set_local(TODAY, 20, 0)
    launcher.background.scheduler.timer.timeout.emit()
    assert _tray(launcher).messages == ["Time for your journal"]
    # Clicking the notification is "Log today".
    _tray(launcher).icon.messageClicked.emit()
    assert launcher.window.isVisible()


def test_the_tray_and_the_reminder_never_show_journal_content(
    qtbot, launch, tmp_path, prefs, wall, told, monkeypatch
):
    path = tmp_path / "journal" / "journal.rjvault"
    session, _code = JournalSession.create(path, PASSPHRASE, kdf=FAST_KDF)
    session.set_clock(lambda: TODAY)
    session.save_day(
        DayRecord(date=TODAY - dt.timedelta(days=1), status=DayStatus.USED, note=SECRET_NOTE)
    )
    session.add_call_person(CallListPerson(name=SECRET_NAME, phone="0123"))
    session.add_person(Person("p", SECRET_NAME), PersonEntry(TODAY, "p"))  # the network's names
    session.add_regular_meeting(
        RegularMeeting(SECRET_NOTE, Fellowship.AA, (Weekday.MONDAY,), dt.time(19, 0))
    )
    session.close()
    _reminders_on(prefs)
    background = make_background(prefs, wall, told)
    launcher = launch(path, background=background)
    window = launcher.window
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.shell is not None)
    background.options.set_start_at_login(True)
    wall.set_local(TODAY, 20, 0)
    background.scheduler.timer.timeout.emit()
    tray = _tray(launcher)
    assert tray.messages == ["Time for your journal"]
    shown = [tray.icon.toolTip(), *(a.text() for a in tray.menu.actions()), *tray.messages]
    on_disk = [prefs.path.read_text()]
    from recovery_journal.services import autostart

    on_disk.append(autostart.entry_path().read_text())
    for text in shown + on_disk:
        assert SECRET_NOTE not in text and SECRET_NAME not in text
        assert "used" not in text.lower() and "abstinent" not in text.lower()


def test_the_demo_journal_has_no_tray_or_reminder(qtbot, launch, tmp_path, prefs):
    _reminders_on(prefs)
    launcher = launch(tmp_path / "never-made.rjvault", demo=True)
    window = launcher.window
    qtbot.waitUntil(lambda: window.shell is not None, timeout=20_000)
    assert launcher.background is None and window.background is None
    assert prefs.reminder_settled_on() is None


@pytest.mark.parametrize("support", [WITH_TRAY, NO_TRAY])
def test_without_a_tray_closing_quits_even_with_the_reminder_on(
    qtbot, launch, journal, prefs, with_tray, support
):
    _reminders_on(prefs)
    launcher = launch(journal[0], background=with_tray(support=support))
    window = launcher.window
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.shell is not None)
    window.close()
    assert (window.controller is None) == (support is NO_TRAY)


def test_a_second_start_shows_the_running_window(qtbot, launch, journal, prefs, with_tray):
    _reminders_on(prefs)
    launcher = launch(journal[0], tray=True, background=with_tray())
    window = launcher.window
    launcher.activate("tray")  # another start at login: nothing to do
    assert not window.isVisible()
    launcher.activate("open")  # chosen from the applications menu
    assert window.isVisible()
    assert window.controller is None or not window.controller.is_unlocked


def test_the_clock_and_sleep_watch_starts_with_the_reminder(qtbot, prefs, wall):
    from recovery_journal.ui.app.background import Background

    background = Background(
        prefs, support=lambda: WITH_TRAY, now=wall, zone=lambda: PARIS, tell=[].append,
        tray_factory=FakeTray, tray_waits=(),
    )  # fmt: skip
    background.refresh()
    assert background.wake is None  # the reminder is off: nothing watched, nothing armed
    _reminders_on(prefs)
    background.refresh()
    assert background.wake is not None
    assert background.scheduler.timer.interval() == 11 * 3_600_000
    wall.set_local(TODAY, 19, 0)  # asleep since the morning
    background.wake.on_sleep(False)
    assert background.scheduler.timer.interval() == 3_600_000
    background.close()

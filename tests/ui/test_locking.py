"""Auto-lock after idle minutes (with a fake clock), on the system's say-so, and Ctrl+L;
one running copy per journal."""

from __future__ import annotations

from PySide6.QtCore import Qt

from recovery_journal.domain.models import DayStatus
from recovery_journal.services.errors import SessionLockedError
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.common.messages import ALREADY_OPEN
from recovery_journal.ui.lock.unlock import UnlockView
from tests.ui.conftest import PASSPHRASE, TODAY, open_journal, unlock


def _assert_locked(window) -> None:
    session = window.controller.session
    assert not session.is_unlocked
    try:
        session.data()
    except SessionLockedError:
        pass
    else:  # pragma: no cover - the assertion's message
        raise AssertionError("the journal is still readable after locking")
    assert window.shell is None  # no page (and none of its contents) is left
    assert window.stack.currentWidget() is window.unlock_view
    assert window.unlock_view.title.text() == "Your journal is locked"
    assert window.save_status.text() == "Locked"


def test_idle_minutes_lock_the_journal_and_unlocking_returns(qtbot, launch, journal, clock):
    path, _code = journal
    window = open_journal(qtbot, launch, path)
    window.show_page("meetings")
    window.controller.session.update_settings(autolock_minutes=5)
    clock.advance(4 * 60)
    window.idle.check()
    assert window.controller.session.is_unlocked  # not yet
    qtbot.keyClick(window, Qt.Key.Key_Shift)  # any key press counts as activity
    clock.advance(4 * 60)
    window.idle.check()
    assert window.controller.session.is_unlocked
    clock.advance(60)
    window.idle.check()
    _assert_locked(window)
    assert not window.lock_action.isEnabled()

    unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.shell is not None)
    assert window.shell.current_key == "meetings"  # back where they were


def test_auto_lock_can_be_switched_off(qtbot, launch, journal, clock):
    window = open_journal(qtbot, launch, journal[0])
    window.controller.session.update_settings(autolock_minutes=0)
    clock.advance(24 * 3600)
    window.idle.check()
    assert window.controller.session.is_unlocked


def test_the_note_being_typed_is_saved_before_locking(qtbot, launch, journal):
    path, _code = journal
    window = open_journal(qtbot, launch, path)
    today = window.shell.page("today")
    today.form.status_buttons[DayStatus.ABSTINENT].click()
    qtbot.keyClicks(today.form.note, "typed just before the lock")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    _assert_locked(window)
    unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.shell is not None)
    assert window.controller.session.get_day(TODAY).note == "typed just before the lock"
    assert window.shell.page("today").form.note.toPlainText() == "typed just before the lock"


def test_the_system_sleeping_locks_the_journal(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    window.system_lock.on_sleep(True)
    _assert_locked(window)


def test_a_second_copy_is_refused_kindly(qtbot, launch, journal, told):
    path, _code = journal
    first = JournalSession.open(path, PASSPHRASE)  # another running copy holds the journal
    try:
        finished = []
        launcher = launch(path)
        launcher.finished.connect(finished.append)
        launcher.start()  # started again, now with the listener connected
        assert told[-1] == ALREADY_OPEN
        assert "already open" in told[-1]
        assert finished == [5]
    finally:
        first.close()


def test_a_copy_that_opens_the_journal_first_wins_at_unlock(qtbot, launch, journal, told):
    """The other copy may open it between the start-up check and the unlock."""
    path, _code = journal
    launcher = launch(path)
    finished = []
    launcher.finished.connect(finished.append)
    other = JournalSession.open(path, PASSPHRASE)
    try:
        unlock(qtbot, launcher.window, PASSPHRASE)
        assert told == [ALREADY_OPEN]
        assert finished == [5]
        assert isinstance(launcher.window.stack.currentWidget(), UnlockView)
    finally:
        other.close()


def test_locking_closes_open_dialogs_and_drops_what_they_show(qtbot, launch, journal):
    from recovery_journal.ui.dialogs.meeting import MeetingDialog

    window = open_journal(qtbot, launch, journal[0])
    today = window.shell.page("today")
    today.meeting_button.click()
    dialog = next(d for d in window.findChildren(MeetingDialog) if d.isVisible())
    dialog.name.setText("half-typed")
    window.show_help()
    window.lock()
    _assert_locked(window)
    assert not dialog.isVisible()
    assert window.help_dialog is None

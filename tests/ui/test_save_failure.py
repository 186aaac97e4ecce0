"""A failed save is shown plainly, the change is kept in memory and saved on a retry."""

from __future__ import annotations

from recovery_journal.domain.models import DayStatus
from recovery_journal.services.session import JournalSession
from recovery_journal.vault import atomic
from tests.ui.conftest import PASSPHRASE, TODAY, open_journal


def test_a_failed_save_is_shown_kept_and_retried(qtbot, launch, journal, monkeypatch):
    path, _code = journal
    window = open_journal(qtbot, launch, path)
    today = window.shell.page("today")
    status = window.save_status
    window.controller.retry_timer.setInterval(50)

    writes: list[object] = []

    def disk_full(*_args, **_kwargs):
        writes.append(_args)
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(atomic.os, "write", disk_full)
        today.form.status_buttons[DayStatus.ABSTINENT].click()
        qtbot.waitUntil(lambda: not status.saved)
        assert "couldn't be saved because the disk is full" in status.text()
        assert "Your changes are safe in the app" in status.text()
        assert status.retry.isVisible()
        # Kept in memory: the page and the session still have it; figures still work.
        assert window.controller.session.get_day(TODAY).status == DayStatus.ABSTINENT
        assert "1 day" in today.run_card.plain_text()
        # Retries keep failing while the disk is full (wait for two, not for a time).
        retries: list[int] = []
        window.controller.retry_timer.timeout.connect(lambda: retries.append(len(writes)))
        qtbot.waitUntil(lambda: len(retries) >= 2)
        assert not status.saved and len(writes) > retries[0]  # the second retry wrote too
    # Space is back: the timer's retry saves without anyone doing anything.
    qtbot.waitUntil(lambda: status.saved)
    assert status.text().startswith("All changes saved")
    assert not status.retry.isVisible()
    window.close()
    reopened = JournalSession.open(path, PASSPHRASE)
    try:
        assert reopened.get_day(TODAY).status == DayStatus.ABSTINENT
    finally:
        reopened.close()


def test_try_again_now_saves(qtbot, launch, journal, monkeypatch):
    path, _code = journal
    window = open_journal(qtbot, launch, path)
    today = window.shell.page("today")
    status = window.save_status

    def broken(*_args, **_kwargs):
        raise OSError(5, "Input/output error")

    with monkeypatch.context() as patch:
        patch.setattr(atomic.os, "write", broken)
        today.form.status_buttons[DayStatus.USED].click()
        qtbot.waitUntil(lambda: not status.saved)
        assert status.text().startswith("Not saved yet.")
    status.retry.click()
    assert status.saved

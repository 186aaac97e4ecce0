"""Unlocking: a wrong then the right passphrase, and the recovery code forcing a new one."""

from __future__ import annotations

import pytest

from recovery_journal.services.errors import WrongSecretError
from recovery_journal.services.session import JournalSession
from tests.ui.conftest import PASSPHRASE, open_journal, settle, unlock

NEW_PASSPHRASE = "a brand new evening walk"


def test_wrong_then_right_passphrase(qtbot, launch, journal):
    path, _code = journal
    window = launch(path).window
    view = window.unlock_view
    assert window.isVisible() and window.stack.currentWidget() is view
    assert not window.lock_action.isEnabled()  # nothing to lock yet

    unlock(qtbot, window, "not my passphrase")
    assert window.shell is None
    message = view.message.text()
    assert "didn't open your journal" in message and "Nothing has changed" in message
    assert "recovery code" in message  # points to the way out
    assert view.secret.isEnabled()

    unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.shell is not None)
    assert window.stack.currentWidget() is window.shell
    assert view.secret.text() == ""  # the passphrase does not linger in the field
    assert window.lock_action.isEnabled()


def test_key_derivation_runs_on_a_worker_with_a_busy_indication(qtbot, launch, journal):
    path, _code = journal
    window = launch(path).window
    view = window.unlock_view
    view.secret.setText(PASSPHRASE)
    view.unlock_button.click()
    assert view.is_busy and view.busy.isVisible()  # the window still runs its event loop
    assert not view.secret.isEnabled() and not view.unlock_button.isEnabled()
    qtbot.waitUntil(lambda: window.shell is not None)
    assert not view.busy.isVisible()


def test_recovery_code_forces_a_new_passphrase_and_shows_a_new_code(qtbot, launch, journal):
    path, code = journal
    launcher = launch(path)
    window = launcher.window
    unlock(qtbot, window, code.lower().replace("-", " "), code=True)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is not window.unlock_view)
    reset = window.stack.currentWidget()
    assert reset.accessibleName() == "Choose a new passphrase"
    assert window.shell is None  # nothing of the journal before a new passphrase

    reset.fields.first.setText(NEW_PASSPHRASE)
    reset.fields.second.setText("something else entirely")
    reset.set_button.click()
    assert reset.message.isVisible()
    reset.fields.second.setText(NEW_PASSPHRASE)
    reset.set_button.click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is not reset)
    view = window.stack.currentWidget()
    assert view.accessibleName() == "Your new recovery code"
    new_code = view.panel.code
    assert new_code != code
    assert not view.continue_button.isEnabled()
    view.panel.check.setText(new_code.split("-")[-1])
    view.continue_button.click()
    qtbot.waitUntil(lambda: window.shell is not None)
    launcher.cleanup()

    with pytest.raises(WrongSecretError):
        JournalSession.open(path, PASSPHRASE)
    with pytest.raises(WrongSecretError):
        JournalSession.open(path, code, recovery_code=True)
    JournalSession.open(path, NEW_PASSPHRASE).close()
    JournalSession.open(path, new_code, recovery_code=True).close()


def test_an_empty_passphrase_is_asked_for_kindly(qtbot, launch, journal):
    path, _code = journal
    window = launch(path).window
    window.unlock_view.unlock_button.click()
    assert window.unlock_view.message.text() == "Please type your passphrase first."
    assert not window.unlock_view.is_busy


@pytest.mark.parametrize("size", [(1366, 768), (900, 600)])
def test_an_error_message_gets_its_full_height_and_nothing_overlaps(qtbot, launch, journal, size):
    path, _code = journal
    window = launch(path).window
    window.resize(*size)
    view = window.unlock_view
    view.toggle_recovery_mode()  # the longer intro: two lines in the column
    view._failed(WrongSecretError("A recovery code has 32 letters and digits."), True)
    settle(qtbot)
    for label in (view.message, view.intro):
        assert label.height() >= label.heightForWidth(label.width())
    assert view.message.text().endswith("32 letters and digits.")
    assert view.logo.geometry().bottom() < view.title.geometry().top()
    assert view.logo.height() == view.logo.pixmap().height()
    assert view.title.geometry().bottom() <= view.intro.geometry().top()


def test_older_backups_that_keep_an_old_secret_are_named_after_unlocking(
    qtbot, launch, journal, monkeypatch
):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from recovery_journal.vault import Vault

    path, _code = journal
    session = JournalSession.open(path, PASSPHRASE)
    session.update_settings(country="GB")  # a save: leaves a backup under the current key
    with monkeypatch.context() as patch:
        patch.setattr(Vault, "rewrap_backups", lambda self, *a, **k: [])
        session._vault.rotate_keys(PASSPHRASE, session.database.to_bytes())  # backups missed
    session.close()

    window = open_journal(qtbot, launch, path)

    def told():
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.windowTitle() == "Older backups" and w.isVisible()
        ]

    qtbot.waitUntil(lambda: bool(told()))
    assert "still opens with a passphrase" in told()[0].text()
    window.close()

"""Settings › Reminders and the wizard's last page: off by default, kept outside the journal,
start at login as an autostart entry, and a desktop without a tray said so once."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QWizard

from recovery_journal.domain.reminders import DEFAULT_TEXT
from recovery_journal.services import autostart
from recovery_journal.ui.lock.wizard import FirstRunWizard
from recovery_journal.ui.pages.settings.settings_dialog import SettingsDialog
from tests.ui.conftest import unlock
from tests.ui.tray_fakes import NO_TRAY, PARIS, WITH_TRAY, FakeTray, WallClock, make_background


@pytest.fixture
def wall() -> WallClock:
    return WallClock(dt.datetime(2026, 3, 18, 9, 0, tzinfo=PARIS))


def _settings(qtbot, launch, journal, prefs, wall, told, support=WITH_TRAY):
    background = make_background(prefs, wall, told, support=support)
    launcher = launch(journal[0], background=background)
    window = launcher.window
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.shell is not None)
    window.show_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    tab = dialog.reminders
    assert tab is not None and dialog.tabs.tabText(dialog.tabs.indexOf(tab)) == "Reminders"
    dialog.tabs.setCurrentWidget(tab)
    return background, dialog, tab.fields


def test_turning_the_reminder_on_and_changing_it(qtbot, launch, journal, prefs, wall, told):
    background, dialog, fields = _settings(qtbot, launch, journal, prefs, wall, told)
    assert not fields.enabled.isChecked() and not fields.details.isEnabled()
    assert fields.words.text() == DEFAULT_TEXT
    assert background.tray is None  # off: no tray icon
    fields.enabled.setChecked(True)
    assert prefs.daily_reminder().enabled and fields.details.isEnabled()
    assert isinstance(background.tray, FakeTray) and background.tray.visible
    assert background.scheduler.next_wake == dt.datetime(2026, 3, 18, 20, 0, tzinfo=PARIS)

    fields.time.setTime(QTime(7, 45))  # already past at 09:00: from tomorrow
    assert prefs.daily_reminder().at == dt.time(7, 45)
    assert background.scheduler.next_wake == dt.datetime(2026, 3, 19, 7, 45, tzinfo=PARIS)
    fields.time.setTime(QTime(2, 0))  # typed digit by digit, passing an earlier time…
    fields.time.setTime(QTime(21, 0))  # … still reminds today at the time chosen
    assert background.scheduler.next_wake == dt.datetime(2026, 3, 18, 21, 0, tzinfo=PARIS)
    assert background.tray.messages == []  # and nothing popped up while choosing
    fields.words.setText("  Five   minutes\tfor me ")
    fields.words.editingFinished.emit()
    assert prefs.daily_reminder().text == "Five minutes for me"
    assert fields.words.text() == "Five minutes for me"
    fields.words.setText("")
    fields.words.editingFinished.emit()
    assert prefs.daily_reminder().text == DEFAULT_TEXT

    fields.show_now.click()
    assert background.tray.messages == [DEFAULT_TEXT]
    fields.enabled.setChecked(False)
    assert not prefs.daily_reminder().enabled and not background.tray.visible
    # Nothing of this went into the journal.
    assert "reminder" not in repr(dialog.controller.settings()).lower()


def test_start_at_login_writes_and_removes_the_autostart_entry(
    qtbot, launch, journal, prefs, wall, told
):
    _background, _dialog, fields = _settings(qtbot, launch, journal, prefs, wall, told)
    fields.enabled.setChecked(True)
    fields.at_login.setChecked(True)
    entry = autostart.entry_path()
    assert entry.is_file() and "--tray" in entry.read_text()
    fields.at_login.setChecked(False)
    assert not entry.exists()
    fields.at_login.setChecked(True)
    fields.enabled.setChecked(False)  # start at login is there for the reminder: off too
    assert not entry.exists() and not fields.at_login.isChecked()


def test_an_autostart_entry_that_cant_be_written_is_explained(
    qtbot, launch, journal, prefs, wall, told, tmp_path, monkeypatch
):
    _background, _dialog, fields = _settings(qtbot, launch, journal, prefs, wall, told)
    blocked = tmp_path / "blocked-config"
    blocked.mkdir()
    (blocked / "autostart").write_text("a file where the folder should be")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocked))
    fields.enabled.setChecked(True)
    fields.at_login.setChecked(True)
    assert fields.message.isVisibleTo(fields)
    assert "couldn't turn on starting at login" in fields.message.text()
    assert not fields.at_login.isChecked()  # shows what is true


def test_a_desktop_without_a_tray_is_said_so_once_and_the_rest_works(
    qtbot, launch, journal, prefs, wall, told
):
    _background, dialog, fields = _settings(
        qtbot, launch, journal, prefs, wall, told, support=NO_TRAY
    )
    note = fields.support_note
    assert note is not None and "no tray area" in note.text()
    assert sum("no tray area" in label.text() for label in dialog.findChildren(type(note))) == 1
    assert not fields.show_now.isEnabled()
    fields.enabled.setChecked(True)  # can still be chosen (a tray may come later)
    assert prefs.daily_reminder().enabled


def test_with_a_tray_nothing_is_said(qtbot, launch, journal, prefs, wall, told):
    _background, _dialog, fields = _settings(qtbot, launch, journal, prefs, wall, told)
    assert fields.support_note is None


def test_the_wizard_offers_the_reminder_last_and_keeps_it(qtbot, tmp_path, prefs, wall):
    from tests.conftest import FAST_KDF

    background = make_background(prefs, wall, [])
    wizard = FirstRunWizard(
        tmp_path / "journal.rjvault",
        kdf=lambda: FAST_KDF,
        prefs=prefs,
        reminders=background.options,
    )
    qtbot.addWidget(wizard)
    page = wizard.reminder
    ids = wizard.pageIds()
    assert wizard.page(ids[-1]) is page  # the last page
    assert wizard.page(ids[-2]) is wizard.about
    fields = page.fields
    assert not fields.enabled.isChecked()
    fields.enabled.setChecked(True)
    fields.time.setTime(QTime(21, 15))
    assert prefs.daily_reminder().enabled and prefs.daily_reminder().at == dt.time(21, 15)
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "&Open my journal"


def test_the_reminders_tab_is_named_reachable_and_has_its_own_alt_keys(
    qtbot, launch, journal, prefs, wall, told
):
    from tests.ui.test_accessibility import _check, _mnemonics

    _background, dialog, fields = _settings(qtbot, launch, journal, prefs, wall, told)
    fields.enabled.setChecked(True)
    _check(dialog)
    letters = _mnemonics(dialog)
    assert {"r", "t", "w", "l", "s"} <= set(letters)
    assert len(letters) == len(set(letters)), sorted(letters)

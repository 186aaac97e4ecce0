"""The offline help screen, settings saved as they change, and the places in the sidebar."""

from __future__ import annotations

import datetime as dt
import importlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from recovery_journal.domain.models import CallListPerson, Theme, WeekStart
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.app.pages import PAGES
from recovery_journal.ui.common import helplines
from recovery_journal.ui.dialogs.call_person import CallPersonDialog
from recovery_journal.ui.pages.help.help_screen import HelpDialog
from recovery_journal.ui.pages.settings.settings_dialog import SettingsDialog
from tests.ui.conftest import PASSPHRASE, TODAY, open_journal


def test_every_helpline_says_when_it_was_last_checked_or_that_it_was_not():
    table = helplines.countries()
    assert len(table) >= 5
    for country in table:
        assert country.emergency and country.helplines
        for line in country.helplines:
            assert line.phone and line.name and line.source.startswith("https://")
            if line.last_checked is not None:
                assert dt.date(2026, 1, 1) <= line.last_checked <= dt.date.today()


def test_a_helpline_not_yet_checked_asks_to_confirm_it_locally(qtbot, launch, journal):
    window = launch(journal[0]).window
    window.unlock_view.help_button.click()
    dialog = window.help_dialog
    assert dialog is not None
    unchecked = [
        (country, line)
        for country in helplines.countries()
        for line in country.helplines
        if line.last_checked is None
    ]
    if not unchecked:
        return
    country, line = unchecked[0]
    dialog.country.setCurrentIndex(dialog.country.findData(country.code))
    texts = dialog.helpline_texts()
    at = texts.index(f"{line.name}: {line.phone}")
    assert "Not yet checked — please confirm this number locally." in texts[at + 1]
    assert "Last checked" not in texts[at + 1]


def test_help_shows_the_call_list_the_emergency_number_and_helplines(qtbot, launch, journal):
    path, _code = journal
    session = JournalSession.open(path, PASSPHRASE)
    session.update_settings(country="IE", emergency_number="112")
    session.add_call_person(CallListPerson(name="Robin", role="Sponsor", phone="087 000 0000"))
    session.close()
    window = open_journal(qtbot, launch, path)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.help_dialog
    assert isinstance(dialog, HelpDialog) and dialog.isVisible()
    assert "call 112 now" in dialog.emergency.text()
    assert [label.text() for label in dialog.people] == ["Robin (Sponsor): 087 000 0000"]
    shown = "\n".join(dialog.helpline_texts())
    assert "Samaritans: 116 123" in shown
    assert "Last checked" in shown
    dialog.country.setCurrentIndex(dialog.country.findData("US"))
    assert "988" in "\n".join(dialog.helpline_texts())


def test_help_works_on_the_unlock_screen_without_the_call_list(qtbot, launch, journal, monkeypatch):
    monkeypatch.setattr(helplines, "system_country_code", lambda: "IE")
    window = launch(journal[0]).window
    window.unlock_view.help_button.click()
    dialog = window.help_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.people == []
    assert dialog.country.currentData() == "IE"  # from the computer's locale
    assert "112" in dialog.emergency.text()
    assert dialog.guessed_note is not None
    assert dialog.helpline_texts()  # the bundled table needs no unlocking


def test_help_without_a_country_uses_the_locale_never_the_first_in_the_list(
    qtbot, launch, journal, monkeypatch
):
    monkeypatch.setattr(helplines, "system_country_code", lambda: "NZ")
    window = open_journal(qtbot, launch, journal[0])
    assert window.controller.settings().country == ""
    window.show_help()
    assert window.help_dialog.country.currentData() == "NZ"
    assert "111" in window.help_dialog.emergency.text()

    monkeypatch.setattr(helplines, "system_country_code", lambda: "JP")  # not in the table
    window.show_help()
    dialog = window.help_dialog
    assert dialog.country.currentText() == "Choose your country…"
    assert "local emergency number" in dialog.emergency.text()
    assert dialog.helpline_texts() == ["Choose your country to see its helplines."]
    assert dialog.guessed_note is None
    dialog.country.setCurrentIndex(dialog.country.findData("AU"))
    assert any("000" in text for text in dialog.helpline_texts())


def test_help_labels_show_no_text_cursor(qtbot, launch, journal):
    window = launch(journal[0]).window
    window.show_help()
    for label in window.help_dialog.findChildren(QLabel):
        assert not label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
        assert label.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_settings_are_saved_as_they_change(qtbot, launch, journal):
    path, _code = journal
    window = open_journal(qtbot, launch, path)
    dialog = SettingsDialog(window.controller, window)
    qtbot.addWidget(dialog)
    dialog.autolock.setValue(15)
    dialog.week_start.setCurrentIndex(dialog.week_start.findData(WeekStart.SUNDAY))
    dialog.backups.setValue(20)
    dialog.country.setCurrentIndex(dialog.country.findData("NZ"))
    assert dialog.emergency.text() == "111"  # offered from the table while empty
    dialog.sobriety.enabled.setChecked(True)
    settings = window.controller.settings()
    assert (settings.autolock_minutes, settings.week_start, settings.backups_kept) == (
        15,
        WeekStart.SUNDAY,
        20,
    )
    assert (settings.country, settings.emergency_number) == ("NZ", "111")
    assert settings.sobriety_date == TODAY


def test_a_future_date_is_refused_next_to_the_field(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    dialog = SettingsDialog(window.controller, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    dialog.sobriety.edit.setMaximumDate(dialog.sobriety.edit.date().addDays(30))
    dialog.sobriety.enabled.setChecked(True)
    dialog.sobriety.edit.setDate(dialog.sobriety.edit.date().addDays(3))
    message = dialog._messages["sobriety_date"]
    assert message.isVisible() and message.text() == "The date can't be in the future."
    assert window.controller.settings().sobriety_date == TODAY  # the last good value stays


def test_the_call_list_can_be_added_to_and_changed(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    controller = window.controller
    dialog = CallPersonDialog(controller, None, window)  # record dialogs delete themselves
    dialog.try_save()
    assert dialog._messages["name"].text() == "Please give a name."
    dialog.name.setText("Sam")
    dialog.phone.setText("0808 157 0000")
    dialog.try_save()
    person = controller.data().call_list[0]
    edit = CallPersonDialog(controller, person, window)
    edit.role.setText("Friend from the group")
    edit.try_save()
    assert [(p.name, p.role) for p in controller.data().call_list] == [
        ("Sam", "Friend from the group")
    ]


def test_removing_someone_from_the_call_list_can_be_undone(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    controller = window.controller
    controller.session.add_call_person(CallListPerson(name="Sam", phone="0808 157 0000"))
    dialog = SettingsDialog(controller, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    dialog.people.setCurrentRow(0)
    dialog.safety.remove_person.click()
    assert controller.data().call_list == () and dialog.people.count() == 0
    assert dialog.safety.people_undo.label.text() == "Removed Sam from your call list."
    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # in the dialog
    assert [p.name for p in controller.data().call_list] == ["Sam"]
    assert dialog.people.count() == 1
    assert window.undo_action.text() == "&Undo"  # nothing left to undo
    assert window.redo_action.text() == "&Redo remove from the call list"


def test_choosing_a_theme_saves_it_and_keeps_the_page(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    window.show_page("meetings")
    dialog = SettingsDialog(window.controller, window)
    qtbot.addWidget(dialog)
    dialog.theme_changed.connect(window._apply_theme)
    try:
        dialog.theme_buttons[Theme.DARK].click()
        assert window.controller.settings().theme == Theme.DARK
        assert window.prefs.theme() == Theme.DARK  # the unlock screen uses it next time
        app = QApplication.instance()
        assert app.palette().window().color().lightness() < 128
        assert window.shell.current_key == "meetings"
    finally:
        dialog.theme_buttons[Theme.SYSTEM].click()


def test_every_place_is_built_from_its_registry_entry(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    for spec in PAGES:
        module, _, name = spec.view.partition(":")
        assert type(window.shell.page(spec.key)) is getattr(importlib.import_module(module), name)


def test_changing_the_passphrase_runs_in_the_background(qtbot, launch, journal):
    from recovery_journal.services.errors import WrongSecretError
    from recovery_journal.ui.dialogs.secrets import ChangePassphraseDialog

    path, _code = journal
    window = open_journal(qtbot, launch, path)
    dialog = ChangePassphraseDialog(window.controller, window)  # deletes itself when closed
    dialog.show()
    dialog.fields.first.setText("another quiet morning")
    dialog.fields.second.setText("another quiet morning")
    dialog.ok.click()  # no current passphrase yet: refused inline, nothing runs
    assert not dialog.working and "current passphrase" in dialog.message.text()
    dialog.current.setText("not my passphrase")
    dialog.ok.click()
    qtbot.waitUntil(lambda: not dialog.working)
    assert "isn't your current passphrase" in dialog.message.text()
    dialog.current.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok.click()
        assert dialog.working and dialog.busy.isVisible()
    window.close()
    JournalSession.open(path, "another quiet morning").close()
    try:
        JournalSession.open(path, PASSPHRASE).close()
    except WrongSecretError:
        pass
    else:  # pragma: no cover - the assertion's message
        raise AssertionError("the old passphrase still opens the journal")

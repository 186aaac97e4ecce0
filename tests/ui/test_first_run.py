"""First run: the wizard makes the journal, shows the recovery code once and opens Today."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWizard

from recovery_journal.services.session import JournalSession
from recovery_journal.ui.lock.recovery_code import last_group
from recovery_journal.ui.lock.wizard import FirstRunWizard
from tests.ui.conftest import PASSPHRASE, TODAY, open_journal


def _next(wizard: FirstRunWizard) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()


def test_wizard_makes_the_journal_and_opens_today(qtbot, launch, tmp_path):
    path = tmp_path / "new" / "journal.rjvault"
    launcher = launch(path)
    wizard = launcher.wizard
    assert isinstance(wizard, FirstRunWizard)
    assert not path.exists()
    qtbot.addWidget(wizard)

    _next(wizard)  # the welcome page: what the app is and its promise
    page = wizard.passphrase
    assert wizard.currentPage() is page
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    page.fields.first.setText("short")
    assert not page.isComplete()  # too short: the button stays off
    page.fields.first.setText(PASSPHRASE)
    page.fields.second.setText(PASSPHRASE + "x")
    assert not page.isComplete()
    assert page.fields.message.isVisible()  # "The two passphrases are not the same yet."
    page.fields.second.setText(PASSPHRASE)
    assert page.isComplete()
    commit.click()
    # The journal is made on a worker thread while the page shows that it is busy.
    assert wizard.creating and page.busy.isVisible()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.code)
    assert path.exists()

    panel = wizard.code.panel
    assert panel is not None and panel.code.count("-") == 7
    assert not wizard.code.isComplete()
    panel.check.setText("ZZZZ" if last_group(panel.code) != "ZZZZ" else "YYYY")
    assert not wizard.code.isComplete()
    assert panel.message.isVisible()
    panel.check.setText(last_group(panel.code).lower())  # any case will do
    assert wizard.code.isComplete()
    _next(wizard)

    about = wizard.about
    about.sobriety.enabled.setChecked(True)
    about.fellowship_boxes["NA"].setChecked(True)
    about.sponsor_name.setText("Robin")
    about.sponsor_phone.setText("07700 900123")
    about.country.setCurrentIndex(about.country.findData("GB"))
    assert about.emergency.text() == "999 or 112"  # filled in from the helpline table
    _next(wizard)
    assert wizard.currentPage() is wizard.reminder  # offered last, and off unless turned on
    assert not wizard.reminder.fields.enabled.isChecked()
    wizard.button(QWizard.WizardButton.FinishButton).click()

    window = launcher.window
    assert window is not None
    qtbot.waitUntil(lambda: window.shell is not None and window.isVisible())
    assert window.shell.current_key == "today"
    data = window.controller.data()
    assert data.settings.sobriety_date == TODAY
    assert data.settings.fellowships == ("NA",)
    assert data.settings.country == "GB"
    assert [s.name for s in data.sponsors] == ["Robin"]
    assert [(p.name, p.phone) for p in data.call_list] == [("Robin", "07700 900123")]

    recovery_code = panel.code
    launcher.cleanup()
    reopened = JournalSession.open(path, recovery_code, recovery_code=True)
    try:
        assert reopened.settings().country == "GB"
    finally:
        reopened.close()


def test_saving_the_code_to_a_file_also_confirms_it(qtbot, launch, tmp_path):
    launcher = launch(tmp_path / "new" / "journal.rjvault")
    wizard = launcher.wizard
    qtbot.addWidget(wizard)
    _next(wizard)
    wizard.passphrase.fields.first.setText(PASSPHRASE)
    wizard.passphrase.fields.second.setText(PASSPHRASE)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.code)
    panel = wizard.code.panel
    target = tmp_path / "code.txt"
    panel.save_to(target)
    assert wizard.code.isComplete()
    assert panel.code in target.read_text()
    assert target.stat().st_mode & 0o777 == 0o600


def test_closing_the_wizard_early_makes_nothing(qtbot, launch, tmp_path):
    finished = []
    path = tmp_path / "new" / "journal.rjvault"
    launcher = launch(path)
    launcher.finished.connect(finished.append)
    launcher.wizard.reject()
    assert finished == [0]
    assert not path.exists()


def _to_code_page(qtbot, wizard: FirstRunWizard) -> None:
    _next(wizard)
    wizard.passphrase.fields.first.setText(PASSPHRASE)
    wizard.passphrase.fields.second.setText(PASSPHRASE)
    cancel = wizard.button(QWizard.WizardButton.CancelButton)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert wizard.creating and not cancel.isEnabled()  # nothing to cancel while it is made
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.code)


def _close_answering(wizard: FirstRunWizard, answer: str) -> None:
    """Close the wizard's window and answer the question it asks."""
    asked: list[str] = []

    def click() -> None:
        box = wizard.leave_box
        assert box is not None
        asked.append(box.text())
        next(b for b in box.buttons() if b.accessibleName() == answer).click()

    QTimer.singleShot(0, click)
    wizard.close()
    assert asked and "won't be shown again" in asked[0]


def test_the_recovery_code_page_cannot_be_escaped_silently(qtbot, launch, tmp_path, prefs):
    finished: list[int] = []
    path = tmp_path / "new" / "journal.rjvault"
    launcher = launch(path)
    launcher.finished.connect(finished.append)
    wizard = launcher.wizard
    qtbot.addWidget(wizard)
    _to_code_page(qtbot, wizard)
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    assert prefs.code_unconfirmed(path)  # noted until the person confirms it

    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible() and wizard.currentPage() is wizard.code and finished == []

    _close_answering(wizard, "Go back")
    assert wizard.isVisible() and finished == []

    _close_answering(wizard, "I've kept it")
    assert finished == [0]
    assert prefs.code_unconfirmed(path)  # never confirmed: the next unlock offers a new one


def test_a_confirmed_code_clears_the_note_and_later_pages_keep_escape(
    qtbot, launch, tmp_path, prefs
):
    path = tmp_path / "new" / "journal.rjvault"
    wizard = launch(path).wizard
    qtbot.addWidget(wizard)
    _to_code_page(qtbot, wizard)
    panel = wizard.code.panel
    panel.check.setText(last_group(panel.code))
    assert not prefs.code_unconfirmed(path)
    _next(wizard)
    assert wizard.currentPage() is wizard.about
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible()


def test_the_next_unlock_offers_a_new_code_when_it_was_never_confirmed(
    qtbot, launch, journal, prefs
):
    path, _old_code = journal
    prefs.set_code_unconfirmed(path, True)
    window = open_journal(qtbot, launch, path)
    box = window.code_offer
    assert box is not None and box.isVisible()
    assert "new recovery code" in box.text()
    make = next(b for b in box.buttons() if b.accessibleName() == "Make a new recovery code")
    make.click()
    qtbot.waitUntil(lambda: window.new_code_dialog is not None)
    dialog = window.new_code_dialog
    new_code = dialog.panel.code
    dialog.panel.check.setText(last_group(new_code))
    assert not prefs.code_unconfirmed(path)
    dialog.done_button.click()
    window.close()
    reopened = JournalSession.open(path, new_code, recovery_code=True)
    reopened.close()


def test_no_offer_when_the_code_was_confirmed(qtbot, launch, journal):
    path, _code = journal
    window = open_journal(qtbot, launch, path)
    assert window.code_offer is None


def test_a_new_code_from_settings_also_clears_the_unconfirmed_mark(qtbot, launch, journal, prefs):
    from PySide6.QtWidgets import QApplication

    from recovery_journal.ui.dialogs import secrets
    from recovery_journal.ui.lock.recovery_code import RecoveryCodeDialog

    path, _old_code = journal
    prefs.set_code_unconfirmed(path, True)
    window = open_journal(qtbot, launch, path)
    if window.code_offer is not None:
        window.code_offer.close()  # decline the offer at unlock; use Settings instead
    assert prefs.code_unconfirmed(path)
    asking = secrets.issue_new_recovery_code(window.controller, window)
    asking.current.setText(PASSPHRASE)
    asking.ok.click()

    def shown():
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, RecoveryCodeDialog)]
        return found[0] if found and found[0].isVisible() else None

    qtbot.waitUntil(lambda: shown() is not None)
    dialog = shown()
    dialog.panel.check.setText(last_group(dialog.panel.code))
    assert not prefs.code_unconfirmed(path)
    dialog.done_button.click()
    window.close()

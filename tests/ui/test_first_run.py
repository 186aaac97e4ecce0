"""First run: the wizard makes the journal, shows the recovery code once and opens Today."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from recovery_journal.services.session import JournalSession
from recovery_journal.ui.recovery_code import last_group
from recovery_journal.ui.wizard import FirstRunWizard
from tests.ui.conftest import PASSPHRASE, TODAY


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
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.code, timeout=10_000)
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
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.code, timeout=10_000)
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

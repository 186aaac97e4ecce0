"""Issue 10 in the app: no save dialog writes over the journal (1), an unconfirmed save shows
in the status bar (4), a new recovery code asks for the passphrase and is offered again when
one was never shown (5), and a read-only journal opens with a banner (12)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from recovery_journal.domain.models import DayRecord, DayStatus
from recovery_journal.services.demo import generate_demo
from recovery_journal.services.session import JournalSession, SaveState
from recovery_journal.ui.app.file_actions import ActionFailed, export_to, write_backup
from recovery_journal.ui.app.shell import READ_ONLY_BANNER
from recovery_journal.ui.common.save_status import SaveStatus
from recovery_journal.ui.lock.recovery_code import RecoveryCodeDialog, RecoveryCodePanel, last_group
from recovery_journal.vault import backups
from recovery_journal.vault.lock import lock_path
from tests.conftest import FAST_KDF
from tests.hostile import FIXTURES
from tests.ui.conftest import PASSPHRASE, TODAY, open_journal, unlock


def _all_files(folder):
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def window(qtbot, launch, journal):
    window = open_journal(qtbot, launch, journal[0])
    window.controller.session.save_day(DayRecord(date=TODAY, status=DayStatus.ABSTINENT))
    window.controller.session.save_day(DayRecord(date=TODAY, status=DayStatus.USED))
    return window


def _protected(path, tmp_path):
    link = tmp_path / "innocent.json"
    link.symlink_to(path)
    return [
        path,
        link,
        lock_path(path),
        backups.backup_dir(path),
        backups.backup_dir(path) / "inside.json",
        *backups.list_backups(path),
    ]


# -- item 1 ---------------------------------------------------------------------------------------
def test_export_and_backup_never_write_over_the_journal(window, tmp_path):
    path = window.controller.session.path
    before = _all_files(path.parent)
    for target in _protected(path, tmp_path):
        for kind in ("json", "csv"):
            with pytest.raises(ActionFailed, match="wasn't written"):
                export_to(window.controller, target, kind)
        with pytest.raises(ActionFailed, match="wasn't written"):
            write_backup(window.controller, target)
    assert _all_files(path.parent) == before


def test_saving_a_chart_over_the_journal_is_refused(qtbot, tmp_path, monkeypatch):
    from recovery_journal.ui.pages.trends.view import TrendsView

    session, _ = JournalSession.create(tmp_path / "j.rjvault", "a long passphrase", kdf=FAST_KDF)
    try:
        session.add_all(generate_demo(TODAY))
        view = TrendsView(session, lambda: TODAY)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        qtbot.waitUntil(lambda: view.is_complete)
        link = tmp_path / "chart.png"
        link.symlink_to(session.path)
        before = session.path.read_bytes()
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(link), ""))
        )
        warnings = []
        monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: warnings.append(a)))
        view.save_chart("pda", "png")
        assert warnings and "is your journal itself" in warnings[0][2]
        assert session.path.read_bytes() == before
    finally:
        session.close()


def test_saving_the_report_over_a_backup_is_refused(qtbot, tmp_path):
    from recovery_journal.ui.pages.review.export_dialog import ExportReportDialog

    session, _ = JournalSession.create(tmp_path / "j.rjvault", "a long passphrase", kdf=FAST_KDF)
    try:
        session.save_day(DayRecord(date=TODAY, status=DayStatus.ABSTINENT))
        session.save_day(DayRecord(date=TODAY, status=DayStatus.USED))
        backup = backups.list_backups(session.path)[-1]
        renamed = backup.with_suffix(".pdf")
        backup.rename(renamed)  # a backup given a .pdf name: still an encrypted journal file
        before = renamed.read_bytes()
        dialog = ExportReportDialog(session, lambda: TODAY)
        qtbot.addWidget(dialog)
        dialog.ask_path = lambda suggested: renamed
        assert dialog.save() is None
        assert "wasn't saved" in dialog.status.text()
        assert renamed.read_bytes() == before
    finally:
        session.close()


def test_the_recovery_code_is_never_saved_over_a_journal(qtbot, journal):
    path, _ = journal
    before = path.read_bytes()
    panel = RecoveryCodePanel("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789")
    qtbot.addWidget(panel)
    with pytest.raises(OSError, match="encrypted journal file"):
        panel.save_to(path)
    assert path.read_bytes() == before


# -- item 4 ---------------------------------------------------------------------------------------
def test_the_status_bar_says_when_a_save_was_not_confirmed(qtbot):
    status = SaveStatus()
    qtbot.addWidget(status)
    status.show_state(SaveState(saved=True, at=None, durable=True))
    assert status.text() == "All changes saved"
    status.show_state(SaveState(saved=True, at=None, durable=False))
    assert "couldn't confirm it reached the disk" in status.text()
    assert "couldn't confirm" in status.accessibleName()


# -- item 5 ---------------------------------------------------------------------------------------
def _new_code_dialog(window):
    from recovery_journal.ui.dialogs.secrets import issue_new_recovery_code

    return issue_new_recovery_code(window.controller, window)


def _shown_code(qtbot):
    def shown():
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, RecoveryCodeDialog)]
        return found[0] if found and found[0].isVisible() else None

    qtbot.waitUntil(lambda: shown() is not None)
    return shown()


def test_a_new_recovery_code_from_settings_needs_the_passphrase(qtbot, window, journal):
    path, old_code = journal
    asking = _new_code_dialog(window)
    asking.current.setText("not my passphrase")
    asking.ok.click()
    qtbot.waitUntil(lambda: not asking.working)
    assert "isn't your current passphrase" in asking.message.text()
    assert asking.isVisible()
    asking.current.setText(PASSPHRASE)
    asking.ok.click()
    dialog = _shown_code(qtbot)
    code = dialog.panel.code
    dialog.panel.check.setText(last_group(code))
    dialog.done_button.click()
    window.close()
    JournalSession.open(path, code, recovery_code=True).close()


def test_a_code_that_was_never_shown_is_offered_again_at_unlock(qtbot, launch, journal):
    path, _ = journal
    session = JournalSession.open(path, PASSPHRASE)
    session.new_recovery_code()  # ... and the program stops before showing it
    session.close()
    window = open_journal(qtbot, launch, path)
    box = window.code_offer
    assert box is not None and "stopped before you could see it" in box.informativeText()
    make = next(b for b in box.buttons() if b.accessibleName() == "Make a new recovery code")
    make.click()
    qtbot.waitUntil(lambda: window.new_code_dialog is not None)
    dialog = window.new_code_dialog
    dialog.panel.check.setText(last_group(dialog.panel.code))
    dialog.done_button.click()
    assert not window.controller.session.recovery_code_unseen
    window.close()


# -- item 12 --------------------------------------------------------------------------------------
def test_a_newer_minor_version_opens_read_only_with_a_banner(qtbot, launch, tmp_path):
    path = tmp_path / "journal" / "journal.rjvault"
    path.parent.mkdir()
    shutil.copyfile(FIXTURES / "newer-minor.rjvault", path)
    before = path.read_bytes()
    launcher = launch(path)
    window = launcher.window
    unlock(qtbot, window, "hostile fixture passphrase")
    qtbot.waitUntil(lambda: window.shell is not None)
    banner = window.shell.read_only_banner
    assert banner.accessibleName() == READ_ONLY_BANNER and banner.isVisibleTo(window)
    window.controller.session.save_day(
        DayRecord(date=dt.date(2026, 3, 17), status=DayStatus.ABSTINENT)
    )
    qtbot.waitUntil(lambda: not window.save_status.saved)
    assert "reading only" in window.save_status.text()
    window._confirm_close_unsaved = lambda: True  # "Quit anyway" (the app asks, as it should)
    window.close()
    assert path.read_bytes() == before

"""Make the README's screenshots: the first-run wizard, the unlock screen and Today (light and
dark), from the demo journal, offscreen.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Everything happens in a private temporary folder that is removed at the end; the person's own
journal and settings are never touched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1366, 768)
WIZARD_SIZE = (900, 680)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="rj-screenshots-"))
    os.environ["HOME"] = str(scratch / "home")  # the unlock screen shows ~/… paths
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "home" / ".config")
    os.environ["XDG_DATA_HOME"] = str(scratch / "home" / ".local" / "share")
    try:
        shoot(args.out, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


def shoot(out: Path, scratch: Path) -> None:
    from PySide6.QtWidgets import QApplication, QWidget, QWizard

    from recovery_journal.domain.models import Theme
    from recovery_journal.services.session import JournalSession, kdf_for_memory
    from recovery_journal.ui.app.application import make_application
    from recovery_journal.ui.app.demo import DemoJournal
    from recovery_journal.ui.app.main_window import MainWindow
    from recovery_journal.ui.app.prefs import Prefs
    from recovery_journal.ui.common.theme import apply_theme
    from recovery_journal.ui.lock.wizard import FirstRunWizard

    app = make_application(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    prefs = Prefs(scratch / "prefs.ini")
    today = dt.date.today()

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def save(widget: QWidget, name: str) -> None:
        settle()
        path = out / name
        widget.grab().save(str(path))
        print(f"wrote {path}")

    # -- the first-run wizard -------------------------------------------------------------------
    wizard = FirstRunWizard(scratch / "new" / "journal.rjvault", kdf=lambda: kdf_for_memory(19))
    wizard.resize(*WIZARD_SIZE)
    wizard.show()
    save(wizard, "wizard-welcome.png")
    wizard.button(QWizard.WizardButton.NextButton).click()
    wizard.passphrase.fields.first.setText("quiet river morning lantern")
    wizard.passphrase.fields.second.setText("quiet river morning lantern")
    save(wizard, "wizard-passphrase.png")
    wizard.button(QWizard.WizardButton.CommitButton).click()
    while wizard.currentPage() is not wizard.code:
        app.processEvents()
    save(wizard, "wizard-recovery-code.png")
    from recovery_journal.ui.lock.recovery_code import last_group

    assert wizard.code.panel is not None
    wizard.code.panel.check.setText(last_group(wizard.code.panel.code))
    wizard.button(QWizard.WizardButton.NextButton).click()  # the details
    wizard.button(QWizard.WizardButton.NextButton).click()  # the daily reminder, offered last
    wizard.reminder.fields.enabled.setChecked(True)
    save(wizard, "wizard-reminder.png")
    wizard.reject()

    # -- the unlock screen ----------------------------------------------------------------------
    from recovery_journal.services.paths import default_vault_path

    path = default_vault_path()
    JournalSession.create(path, "quiet river morning lantern", kdf=kdf_for_memory(19))[0].close()
    window = MainWindow(path, prefs=prefs)
    window.resize(*SIZE)
    window.show()
    save(window, "unlock.png")
    window.close()

    # -- Today, from the demo journal (shown as the app looks every day), light then dark -------
    for theme, name in ((Theme.LIGHT, "today-light.png"), (Theme.DARK, "today-dark.png")):
        apply_theme(theme)
        demo = DemoJournal(today)
        try:
            window = MainWindow(demo.path, prefs=prefs)
            window.resize(*SIZE)
            window.open_session(demo.open())
            window.show()
            save(window, name)
            if theme == Theme.LIGHT:
                window.show_help()
                assert window.help_dialog is not None
                save(window.help_dialog, "help.png")
                save(_reminder_settings(window, prefs), "settings-reminders.png")
            window.close()
        finally:
            demo.remove()
    apply_theme(Theme.SYSTEM)
    QApplication.processEvents()


def _reminder_settings(window: Any, prefs: Any) -> Any:
    """Settings › Reminders as on a desktop with a tray (offscreen has none)."""
    from recovery_journal.ui.app.reminder_options import ReminderOptions
    from recovery_journal.ui.app.tray import DesktopSupport
    from recovery_journal.ui.pages.settings.settings_dialog import SettingsDialog

    support = DesktopSupport(tray=True, messages=True, autostart=True)
    options = ReminderOptions(prefs, support=lambda: support)
    dialog = SettingsDialog(window.controller, window, reminders=options)
    assert dialog.reminders is not None
    dialog.tabs.setCurrentWidget(dialog.reminders)
    dialog.show()
    return dialog


if __name__ == "__main__":
    raise SystemExit(main())

"""Looking after the recovery code from the main window, once a journal is open.

- a recovery code that was shown but never confirmed as kept (the first-run wizard was closed on
  that page): offer a new one, kindly, once per run;
- making a new code on a worker thread and showing it once;
- backups that a change of passphrase or code could not reach: say so once, plainly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from recovery_journal.ui.app.main_window import MainWindow


class RecoveryCodeCare:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        #: The offer to make a new recovery code (when the last one was never confirmed).
        self.code_offer: QMessageBox | None = None
        self.new_code_dialog: QWidget | None = None
        self._code_offered = False
        self._told_old_backups = False

    def tell_about_old_backups(self) -> None:
        """Backups that a change of passphrase or recovery code could not reach still open
        with the old one (rare: an interrupted change); say so once, plainly."""
        window = self.window
        left = window.controller.session.unrewrapped_backups if window.controller else []
        if window.demo or not left or self._told_old_backups:
            return
        self._told_old_backups = True
        box = QMessageBox(window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Older backups")
        box.setText(
            f"{len(left)} older backup{'s' if len(left) != 1 else ''} still "
            f"open{'s' if len(left) == 1 else ''} with a passphrase or recovery code you "
            "have since replaced."
        )
        box.setInformativeText(
            "Your journal itself is fine. If the old passphrase or code is no longer safe, "
            "you can delete these files:\n" + "\n".join(str(path) for path in left)
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def offer_new_code(self) -> None:
        """Once per run, when the journal's recovery code was shown but never confirmed as
        kept (the first-run wizard was closed on that page): offer a new one, kindly."""
        window = self.window
        session = window.controller.session if window.controller is not None else None
        if window.demo or self._code_offered or session is None or session.read_only:
            return
        unseen = session.recovery_code_unseen  # a new code was made but never shown
        if not (unseen or window.prefs.code_unconfirmed(window.vault_path)):
            return
        self._code_offered = True
        box = QMessageBox(window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Your recovery code")
        box.setText("Would you like to make a new recovery code?")
        why = (
            "A new recovery code was made, but the app stopped before you could see it, so you "
            "may not have a code that works."
            if unseen
            else "When your journal was made, its recovery code wasn't confirmed as kept."
        )
        box.setInformativeText(
            f"{why} The code is your way back in if you ever forget your passphrase. A new one "
            "takes a moment, and the old one then stops working."
        )
        make = box.addButton("&Make a new recovery code", QMessageBox.ButtonRole.AcceptRole)
        make.setAccessibleName("Make a new recovery code")
        later = box.addButton("&Not now", QMessageBox.ButtonRole.RejectRole)
        later.setAccessibleName("Not now")
        box.setDefaultButton(make)
        box.setEscapeButton(later)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        make.clicked.connect(self.make_new_code)
        box.finished.connect(lambda _result: setattr(self, "code_offer", None))
        self.code_offer = box
        box.open()

    def make_new_code(self) -> None:
        """A new recovery code on a worker thread, then shown once (``RecoveryCodeDialog``)."""
        from recovery_journal.ui.common.messages import open_error_text
        from recovery_journal.ui.common.worker import run_in_background
        from recovery_journal.ui.lock.recovery_code import RecoveryCodeDialog

        window = self.window
        controller = window.controller
        if controller is None or not controller.is_unlocked:
            return
        busy = QMessageBox(window)
        busy.setWindowTitle("Your recovery code")
        busy.setText("Making a new recovery code…")
        busy.setStandardButtons(QMessageBox.StandardButton.NoButton)
        busy.show()

        def done(code: str) -> None:
            busy.done(0)
            busy.deleteLater()
            dialog = RecoveryCodeDialog(
                code, window, intro="Your old recovery code no longer opens your journal."
            )
            dialog.panel.confirmed_changed.connect(self.note_code_confirmed)
            self.new_code_dialog = dialog
            dialog.finished.connect(lambda _result: setattr(self, "new_code_dialog", None))
            dialog.open()

        def failed(error: BaseException) -> None:
            busy.done(0)
            busy.deleteLater()
            box = QMessageBox(QMessageBox.Icon.Warning, "Your recovery code", "", parent=window)
            box.setText(open_error_text(error))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

        run_in_background(controller.session.new_recovery_code, done, failed)

    def note_code_confirmed(self, confirmed: bool) -> None:
        prefs, path = self.window.prefs, self.window.vault_path
        controller = self.window.controller
        if confirmed and controller is not None and controller.is_unlocked:
            controller.session.recovery_code_seen()
        if confirmed and prefs.code_unconfirmed(path):
            prefs.set_code_unconfirmed(path, False)

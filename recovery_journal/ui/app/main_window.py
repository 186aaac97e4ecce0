"""The one window: the unlock screen while locked, the journal (sidebar and pages) while open.

At start it shows only the unlock screen (imported cheaply, so it appears fast). Unlocking runs
on a worker thread. Locking — by Ctrl+L, after idle minutes, or when the computer sleeps —
drops the keys and the decrypted journal, destroys every page and shows the unlock screen;
unlocking again returns to the same place.

Its parts: ``WindowActions`` (menus, toolbar, the file actions), ``WindowStack`` (what the
window shows: unlock screen, busy page, passphrase reset, journal shell) and
``RecoveryCodeCare`` (offering a new recovery code, telling about old backups).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QWidget,
)

from recovery_journal.ui.app.code_care import RecoveryCodeCare
from recovery_journal.ui.app.prefs import Prefs
from recovery_journal.ui.app.window_actions import WindowActions
from recovery_journal.ui.app.window_stack import WindowStack
from recovery_journal.ui.common import icons
from recovery_journal.ui.common.save_status import SaveStatus
from recovery_journal.ui.lock.unlock import UnlockView

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession
    from recovery_journal.ui.app.controller import JournalController
    from recovery_journal.ui.app.shell import JournalShell

APP_TITLE = "Recovery Journal"


class MainWindow(QMainWindow):
    """``already_open`` fires when another running copy holds the journal (the app then says
    so and exits); ``journal_opened(controller)`` once a journal is open; ``quit_requested``
    when the person chose Quit and the window closed (the app then exits, even while the tray
    would keep it running)."""

    already_open = Signal()
    journal_opened = Signal(object)
    quit_requested = Signal()

    def __init__(
        self,
        vault_path: Path,
        *,
        prefs: Prefs | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        idle_clock: Callable[[], float] = time.monotonic,
        demo: bool = False,
    ) -> None:
        super().__init__()
        self.vault_path = vault_path
        self.prefs = prefs or Prefs()
        self._today = today
        self._idle_clock = idle_clock
        self.demo = demo
        self.controller: JournalController | None = None
        self.shell: JournalShell | None = None
        self._page_to_return = "today"
        self._help: QWidget | None = None
        self.idle: Any = None
        self.system_lock: Any = None
        self.code_care = RecoveryCodeCare(self)
        #: ``ui.app.background.Background`` while the app may keep running in the tray.
        self.background: Any = None
        self._quitting = False

        self.setWindowTitle(APP_TITLE + (" — Demo journal" if demo else ""))
        self.setWindowIcon(icons.app_icon())
        self.setAccessibleName(APP_TITLE)
        self.unlock_view = UnlockView(self._open_file, vault_path, self)
        self.unlock_view.opened.connect(self._on_opened)
        self.unlock_view.already_open.connect(self.already_open.emit)
        self.unlock_view.help_requested.connect(self.show_help)
        self.stack = WindowStack(self.unlock_view, self)
        self.setCentralWidget(self.stack)
        self.save_status = SaveStatus(self)
        self.save_status.retry_requested.connect(self._retry_save)
        self.statusBar().addWidget(self.save_status, 1)
        self.statusBar().setSizeGripEnabled(False)
        self.menus = WindowActions(self)
        # The actions by name, as the window's own (tests and scripts drive them).
        self.lock_action = self.menus.lock_action
        self.settings_action = self.menus.settings_action
        self.quit_action = self.menus.quit_action
        self.help_action = self.menus.help_action
        self.page_actions = self.menus.page_actions
        self.undo_action = self.menus.undo_action
        self.redo_action = self.menus.redo_action
        self._set_unlocked_actions(False)
        geometry = self.prefs.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            height = self.fontMetrics().height()
            self.resize(height * 72, height * 44)

    def _set_unlocked_actions(self, unlocked: bool) -> None:
        self.menus.set_unlocked(unlocked, demo=self.demo)

    # -- opening --------------------------------------------------------------------------------
    def show_preparing(self, text: str) -> None:
        """A busy page while the journal is being made (the demo)."""
        self.stack.show_busy(text)

    def _open_file(self, secret: str, recovery_code: bool) -> Any:
        """Runs on a worker thread: at start opens the file, after a lock unlocks it."""
        if self.controller is not None:
            self.controller.session.unlock(secret, recovery_code=recovery_code, read_all=True)
            return None
        from recovery_journal.services.session import JournalSession

        return JournalSession.open(
            self.vault_path, secret, recovery_code=recovery_code, read_all=True
        )

    def _on_opened(self, result: Any, recovery_code: bool) -> None:
        if self.controller is None:
            self.open_session(result)
            return
        self.controller.unlocked()
        self._after_unlock()

    def open_session(self, session: JournalSession) -> None:
        """Show an open journal (from the unlock screen, the first-run wizard or the demo)."""
        from recovery_journal.ui.app.controller import JournalController

        self.controller = JournalController(session, clock=self._today, demo=self.demo)
        self.controller.help_requested.connect(self.show_help)
        self.controller.recovery_code_confirmed.connect(lambda: self._note_code_confirmed(True))
        self.controller.save_state_changed.connect(self._show_save_state)
        self.controller.undo_failed.connect(self._tell_undo_failed)
        self.menus.follow(self.controller)
        if not self.demo:
            self.prefs.set_last_vault(session.path)
            self._apply_theme()
        self._after_unlock()
        self.journal_opened.emit(self.controller)

    def _after_unlock(self) -> None:
        controller = self.controller
        assert controller is not None
        if controller.session.recovered and not controller.session.read_only:
            self._show_reset_passphrase()
            return
        self._show_shell()

    def _show_reset_passphrase(self) -> None:
        assert self.controller is not None
        self.stack.show_reset_passphrase(
            self.controller.session,
            code_confirmed=self._note_code_confirmed,
            lock=self.lock,
            then=self._show_shell,
        )

    def _show_shell(self) -> None:
        assert self.controller is not None
        self.shell = self.stack.show_shell(self.controller, self._page_to_return)
        self._set_unlocked_actions(True)
        if self.demo:
            self.save_status.show_demo()
        else:
            self._show_save_state(self.controller.save_state)
        self._start_watchers()
        self.code_care.offer_new_code()
        self.code_care.tell_about_old_backups()

    @property
    def code_offer(self) -> QMessageBox | None:
        return self.code_care.code_offer

    @property
    def new_code_dialog(self) -> QWidget | None:
        return self.code_care.new_code_dialog

    def _note_code_confirmed(self, confirmed: bool) -> None:
        self.code_care.note_code_confirmed(confirmed)

    # -- locking --------------------------------------------------------------------------------
    def _start_watchers(self) -> None:
        if self.demo:
            return
        from recovery_journal.ui.lock.autolock import IdleWatcher, SystemLockWatcher

        if self.idle is None:
            self.idle = IdleWatcher(self._autolock_minutes, clock=self._idle_clock, parent=self)
            self.idle.idle.connect(self.lock)
            self.system_lock = SystemLockWatcher(self)
            self.system_lock.lock_now.connect(self.lock)
        self.idle.start()

    def _autolock_minutes(self) -> int:
        if self.controller is None or not self.controller.is_unlocked:
            return 0
        return self.controller.settings().autolock_minutes

    def lock(self) -> None:
        from recovery_journal.ui.common.worker import busy_count

        controller = self.controller
        if controller is None or not controller.is_unlocked or self.demo:
            return
        if busy_count():  # a passphrase change is running; the idle check comes back soon
            return
        if self.idle is not None:
            self.idle.stop()
        if self.shell is not None:
            self._page_to_return = self.shell.current_key or "today"
        self._close_dialogs()
        controller.lock()
        self._drop_journal_widgets()
        self.unlock_view.reset(locked=True)
        self.stack.show_unlock()
        self.unlock_view.secret.setFocus()
        self._set_unlocked_actions(False)
        self.save_status.show_locked()

    def _drop_journal_widgets(self) -> None:
        self.stack.drop_journal_widgets()
        self.shell = None

    def _close_dialogs(self) -> None:
        """Dialogs may show journal contents: close them (a half-filled form is let go)."""
        from PySide6.QtWidgets import QDialog

        for dialog in self.findChildren(QDialog):
            if dialog is self._help:
                continue
            if dialog.isVisible():
                dialog.reject()
                if dialog.isVisible():
                    dialog.done(0)
            dialog.deleteLater()
        if self._help is not None:
            self._help.close()
            self._help.deleteLater()
            self._help = None

    # -- save state -----------------------------------------------------------------------------
    def _show_save_state(self, state: Any) -> None:
        if self.demo or self.controller is None or not self.controller.is_unlocked:
            return
        self.save_status.show_state(state)

    def _retry_save(self) -> None:
        if self.controller is not None:
            self.controller.retry_save()

    def _tell_undo_failed(self, text: str) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Undo")
        box.setText(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- places and dialogs ---------------------------------------------------------------------
    def return_to_page(self, key: str) -> None:
        """The place to show after the next unlock."""
        self._page_to_return = key

    def show_page(self, key: str) -> None:
        if self.shell is not None:
            self.shell.show_page(key)
            self.shell.focus_page()

    def show_help(self) -> None:
        from recovery_journal.ui.pages.help.help_screen import HelpDialog

        if self._help is not None:
            self._help.close()
            self._help.deleteLater()
        controller = self.controller if self.controller and self.controller.is_unlocked else None
        self._help = HelpDialog(controller, self)
        self._help.show()
        self._help.raise_()
        self._help.activateWindow()

    @property
    def help_dialog(self) -> QWidget | None:
        return self._help

    def show_settings(self) -> None:
        if self.controller is None or not self.controller.is_unlocked:
            return
        from recovery_journal.ui.pages.settings.settings_dialog import SettingsDialog

        options = self.background.options if self.background is not None else None
        dialog = SettingsDialog(self.controller, self, reminders=options)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.theme_changed.connect(self._apply_theme)
        dialog.open()

    def _apply_theme(self) -> None:
        from recovery_journal.ui.common.theme import apply_theme

        if self.controller is None or not self.controller.is_unlocked:
            return
        theme = self.controller.settings().theme
        if theme != self.prefs.theme():
            self.prefs.set_theme(theme)
            apply_theme(theme)
            if self.shell is not None:  # icons are tinted for the palette: rebuild them
                key = self.shell.current_key
                self._drop_journal_widgets()
                self._page_to_return = key
                self._show_shell()

    # -- closing --------------------------------------------------------------------------------
    def quit_app(self) -> None:
        """File › Quit and the tray's Quit: close for good, then end the app."""
        if self.close_for_good():
            self.quit_requested.emit()

    def close_for_good(self) -> bool:
        """Close the window (and the journal) even while the tray would keep it running;
        False when the person chose to keep it open."""
        self._quitting = True
        try:
            return self.close()
        finally:
            self._quitting = False

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting and self.background is not None and self.background.close_to_tray():
            event.ignore()  # kept running in the tray, locked and hidden
            return
        controller = self.controller
        if controller is not None and controller.is_unlocked and not self.demo:
            controller.about_to_lock.emit()
            if not controller.save_state.saved:
                controller.retry_save()
            if not controller.save_state.saved and not self._confirm_close_unsaved():
                event.ignore()
                return
        self.prefs.set_geometry(self.saveGeometry())
        if self.idle is not None:
            self.idle.stop()
        if self._help is not None:
            self._help.close()
        if controller is not None:
            self._drop_journal_widgets()
            controller.close()
            self.controller = None
        event.accept()

    def _confirm_close_unsaved(self) -> bool:
        from recovery_journal.ui.common.messages import save_error_text

        assert self.controller is not None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Your latest changes aren't saved yet")
        box.setText(
            "Your latest changes couldn't be saved yet, so they would be lost if you quit now."
        )
        box.setInformativeText(save_error_text(self.controller.save_state.error))
        stay = box.addButton("Keep the app open", QMessageBox.ButtonRole.RejectRole)
        box.addButton("Quit anyway", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(stay)
        box.exec()
        return box.clickedButton() is not stay

"""The one window: the unlock screen while locked, the journal (sidebar and pages) while open.

At start it shows only the unlock screen (imported cheaply, so it appears fast). Unlocking runs
on a worker thread. Locking — by Ctrl+L, after idle minutes, or when the computer sleeps —
drops the keys and the decrypted journal, destroys every page and shows the unlock screen;
unlocking again returns to the same place.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from recovery_journal.ui import icons
from recovery_journal.ui.prefs import Prefs
from recovery_journal.ui.save_status import SaveStatus
from recovery_journal.ui.unlock import UnlockView

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession
    from recovery_journal.ui.controller import JournalController
    from recovery_journal.ui.shell import JournalShell

APP_TITLE = "Recovery Journal"


class MainWindow(QMainWindow):
    """``already_open`` fires when another running copy holds the journal (the app then says
    so and exits)."""

    already_open = Signal()

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
        #: The offer to make a new recovery code (when the last one was never confirmed).
        self.code_offer: QMessageBox | None = None
        self.new_code_dialog: QWidget | None = None
        self._code_offered = False
        self._told_old_backups = False

        self.setWindowTitle(APP_TITLE + (" — Demo journal" if demo else ""))
        self.setWindowIcon(icons.app_icon())
        self.setAccessibleName(APP_TITLE)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.unlock_view = UnlockView(self._open_file, vault_path, self)
        self.unlock_view.opened.connect(self._on_opened)
        self.unlock_view.already_open.connect(self.already_open.emit)
        self.unlock_view.help_requested.connect(self.show_help)
        self.stack.addWidget(self.unlock_view)
        self.save_status = SaveStatus(self)
        self.save_status.retry_requested.connect(self._retry_save)
        self.statusBar().addWidget(self.save_status, 1)
        self.statusBar().setSizeGripEnabled(False)
        self._build_actions()
        self._set_unlocked_actions(False)
        geometry = self.prefs.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            height = self.fontMetrics().height()
            self.resize(height * 72, height * 44)

    # -- menus ----------------------------------------------------------------------------------
    def _action(
        self, text: str, slot: Callable[[], Any], shortcut: Any = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        self.backup_action = self._action(
            "&Back up…", self.back_up, "Ctrl+Shift+B", "Save an encrypted copy of your journal"
        )
        self.import_action = self._action(
            "&Import…", self.import_file, None, "Add records from a Recovery Journal export file"
        )
        self.export_action = self._action(
            "&Export…", self.export_file, None, "Write a readable (not encrypted) copy"
        )
        self.lock_action = self._action(
            "&Lock", self.lock, "Ctrl+L", "Lock your journal now (Ctrl+L)"
        )
        self.lock_action.setIcon(icons.line_icon("lock", self.palette().windowText().color()))
        self.settings_action = self._action(
            "&Settings…", self.show_settings, QKeySequence.StandardKey.Preferences, "Settings"
        )
        if self.settings_action.shortcut().isEmpty():
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        for action in (self.backup_action, self.import_action, self.export_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        from recovery_journal.ui.pages import PAGES

        go_menu = menu.addMenu("&Go")
        self.page_actions: list[QAction] = []
        for number, spec in enumerate(PAGES, start=1):
            action = self._action(
                spec.title, partial(self.show_page, spec.key), f"Alt+{number}", spec.summary
            )
            go_menu.addAction(action)
            self.page_actions.append(action)

        help_menu = menu.addMenu("&Help")
        self.help_action = self._action(
            "Get &help now", self.show_help, QKeySequence.StandardKey.HelpContents
        )
        if self.help_action.shortcut().isEmpty():
            self.help_action.setShortcut(QKeySequence("F1"))
        self.about_action = self._action("&About Recovery Journal", self.show_about)
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.about_action)

        toolbar = QToolBar("Journal", self)
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.lock_action)
        toolbar.setAccessibleName("Journal toolbar")
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        lock_button = toolbar.widgetForAction(self.lock_action)
        if lock_button is not None:
            lock_button.setAccessibleName("Lock your journal")
        menu.setAccessibleName("Menu bar")
        # The "more" arrows Qt shows when a bar is too narrow for its items.
        for owner, name in ((menu, "More menus"), (toolbar, "More tools")):
            for button in owner.findChildren(QToolButton):
                if button.objectName().endswith("_ext_button"):
                    button.setAccessibleName(name)

    def _set_unlocked_actions(self, unlocked: bool) -> None:
        for action in (
            self.backup_action,
            self.import_action,
            self.export_action,
            self.lock_action,
            self.settings_action,
            *self.page_actions,
        ):
            action.setEnabled(unlocked)
        if self.demo:
            self.lock_action.setEnabled(False)
            self.backup_action.setEnabled(False)
            self.import_action.setEnabled(False)
        self.toolbar.setVisible(unlocked and not self.demo)

    # -- opening --------------------------------------------------------------------------------
    def show_preparing(self, text: str) -> None:
        """A busy page while the journal is being made (the demo)."""
        from PySide6.QtWidgets import QVBoxLayout

        from recovery_journal.ui.widgets import BusyRow

        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        busy = BusyRow(text, page)
        busy.start()
        layout.addWidget(busy)
        layout.addStretch(1)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)

    def _open_file(self, secret: str, recovery_code: bool) -> Any:
        """Runs on a worker thread: at start opens the file, after a lock unlocks it."""
        if self.controller is not None:
            self.controller.session.unlock(secret, recovery_code=recovery_code)
            return None
        from recovery_journal.services.session import JournalSession

        return JournalSession.open(self.vault_path, secret, recovery_code=recovery_code)

    def _on_opened(self, result: Any, recovery_code: bool) -> None:
        if self.controller is None:
            self.open_session(result)
            return
        self.controller.unlocked()
        self._after_unlock()

    def open_session(self, session: JournalSession) -> None:
        """Show an open journal (from the unlock screen, the first-run wizard or the demo)."""
        from recovery_journal.ui.controller import JournalController

        self.controller = JournalController(session, clock=self._today, demo=self.demo)
        self.controller.help_requested.connect(self.show_help)
        self.controller.recovery_code_confirmed.connect(lambda: self._note_code_confirmed(True))
        self.controller.save_state_changed.connect(self._show_save_state)
        if not self.demo:
            self.prefs.set_last_vault(session.path)
            self._apply_theme()
        self._after_unlock()

    def _after_unlock(self) -> None:
        controller = self.controller
        assert controller is not None
        if controller.session.recovered:
            self._show_reset_passphrase()
            return
        self._show_shell()

    def _show_reset_passphrase(self) -> None:
        from recovery_journal.ui.recovery_reset import NewCodeView, ResetPassphraseView

        assert self.controller is not None
        reset = ResetPassphraseView(self.controller.session, self)
        self.stack.addWidget(reset)
        self.stack.setCurrentWidget(reset)
        reset.setFocus()

        def show_code(code: str) -> None:
            view = NewCodeView(code, self)
            view.panel.confirmed_changed.connect(self._note_code_confirmed)
            self.stack.addWidget(view)
            self.stack.setCurrentWidget(view)
            reset.deleteLater()
            view.setFocus()

            def proceed() -> None:
                view.deleteLater()
                self._show_shell()

            view.proceed.connect(proceed)

        reset.done.connect(show_code)
        reset.lock_requested.connect(self.lock)

    def _show_shell(self) -> None:
        from recovery_journal.ui.shell import JournalShell

        assert self.controller is not None
        self.shell = JournalShell(self.controller, self)
        self.stack.addWidget(self.shell)
        self.stack.setCurrentWidget(self.shell)
        self.shell.show_page(self._page_to_return)
        self.shell.focus_page()
        self._set_unlocked_actions(True)
        if self.demo:
            self.save_status.show_demo()
        else:
            self._show_save_state(self.controller.save_state)
        self._start_watchers()
        self._offer_new_code()
        self._tell_about_old_backups()

    def _tell_about_old_backups(self) -> None:
        """Backups that a change of passphrase or recovery code could not reach still open
        with the old one (rare: an interrupted change); say so once, plainly."""
        left = self.controller.session.unrewrapped_backups if self.controller else []
        if self.demo or not left or self._told_old_backups:
            return
        self._told_old_backups = True
        box = QMessageBox(self)
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

    # -- a recovery code that was never confirmed -----------------------------------------------
    def _offer_new_code(self) -> None:
        """Once per run, when the journal's recovery code was shown but never confirmed as
        kept (the first-run wizard was closed on that page): offer a new one, kindly."""
        if self.demo or self._code_offered or not self.prefs.code_unconfirmed(self.vault_path):
            return
        self._code_offered = True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Your recovery code")
        box.setText("Would you like to make a new recovery code?")
        box.setInformativeText(
            "When your journal was made, its recovery code wasn't confirmed as kept. The code is "
            "your way back in if you ever forget your passphrase. A new one takes a moment, and "
            "the old one then stops working."
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
        from recovery_journal.ui.messages import open_error_text
        from recovery_journal.ui.recovery_code import RecoveryCodeDialog
        from recovery_journal.ui.worker import run_in_background

        controller = self.controller
        if controller is None or not controller.is_unlocked:
            return
        busy = QMessageBox(self)
        busy.setWindowTitle("Your recovery code")
        busy.setText("Making a new recovery code…")
        busy.setStandardButtons(QMessageBox.StandardButton.NoButton)
        busy.show()

        def done(code: str) -> None:
            busy.done(0)
            busy.deleteLater()
            dialog = RecoveryCodeDialog(
                code, self, intro="Your old recovery code no longer opens your journal."
            )
            dialog.panel.confirmed_changed.connect(self._note_code_confirmed)
            self.new_code_dialog = dialog
            dialog.finished.connect(lambda _result: setattr(self, "new_code_dialog", None))
            dialog.open()

        def failed(error: BaseException) -> None:
            busy.done(0)
            busy.deleteLater()
            box = QMessageBox(QMessageBox.Icon.Warning, "Your recovery code", "", parent=self)
            box.setText(open_error_text(error))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

        run_in_background(controller.session.new_recovery_code, done, failed)

    def _note_code_confirmed(self, confirmed: bool) -> None:
        if confirmed and self.prefs.code_unconfirmed(self.vault_path):
            self.prefs.set_code_unconfirmed(self.vault_path, False)

    # -- locking --------------------------------------------------------------------------------
    def _start_watchers(self) -> None:
        if self.demo:
            return
        from recovery_journal.ui.autolock import IdleWatcher, SystemLockWatcher

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
        from recovery_journal.ui.worker import busy_count

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
        self.stack.setCurrentWidget(self.unlock_view)
        self.unlock_view.secret.setFocus()
        self._set_unlocked_actions(False)
        self.save_status.show_locked()

    def _drop_journal_widgets(self) -> None:
        for index in reversed(range(self.stack.count())):
            widget = self.stack.widget(index)
            if widget is not None and widget is not self.unlock_view:
                self.stack.removeWidget(widget)
                widget.deleteLater()
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

    # -- places and dialogs ---------------------------------------------------------------------
    def show_page(self, key: str) -> None:
        if self.shell is not None:
            self.shell.show_page(key)
            self.shell.focus_page()

    def show_help(self) -> None:
        from recovery_journal.ui.help_screen import HelpDialog

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
        from recovery_journal.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.controller, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.theme_changed.connect(self._apply_theme)
        dialog.open()

    def _apply_theme(self) -> None:
        from recovery_journal.ui.theme import apply_theme

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

    def show_about(self) -> None:
        from recovery_journal.ui.about import show_about

        show_about(self, self.vault_path, demo=self.demo)

    def back_up(self) -> None:
        if self.controller is not None and self.controller.is_unlocked:
            from recovery_journal.ui.file_actions import back_up

            back_up(self.controller, self)

    def import_file(self) -> None:
        if self.controller is not None and self.controller.is_unlocked:
            from recovery_journal.ui.file_actions import import_file

            import_file(self.controller, self)

    def export_file(self) -> None:
        if self.controller is not None and self.controller.is_unlocked:
            from recovery_journal.ui.file_actions import export_file

            export_file(self.controller, self)

    # -- closing --------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
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
        from recovery_journal.ui.messages import save_error_text

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

"""The main window's menus (File, Edit, Go, Help) and its toolbar, with their shortcuts.

The file actions (back up, import, export) and About are done here; the others call the
window's own methods (``lock``, ``show_page``, ``show_settings``, …). The actions that need an
open journal are enabled only while one is open.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMenuBar, QToolBar, QToolButton

from recovery_journal.ui.common import icons
from recovery_journal.ui.common.undo import undo_actions

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController
    from recovery_journal.ui.app.main_window import MainWindow


class WindowActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        menu = window.menuBar()
        self._build_file_menu(menu)
        self._build_edit_menu(menu)
        self._build_go_menu(menu)
        self._build_help_menu(menu)
        self.toolbar = self._build_toolbar()
        menu.setAccessibleName("Menu bar")
        # The "more" arrows Qt shows when a bar is too narrow for its items.
        for owner, name in ((menu, "More menus"), (self.toolbar, "More tools")):
            for button in owner.findChildren(QToolButton):
                if button.objectName().endswith("_ext_button"):
                    button.setAccessibleName(name)

    def _action(
        self, text: str, slot: Callable[[], Any], shortcut: Any = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_file_menu(self, menu: QMenuBar) -> None:
        window = self.window
        file_menu = menu.addMenu("&File")
        self.backup_action = self._action(
            "&Back up…", self._back_up, "Ctrl+Shift+B", "Save an encrypted copy of your journal"
        )
        self.import_action = self._action(
            "&Import…", self._import_file, None, "Add records from a Recovery Journal export file"
        )
        self.export_action = self._action(
            "&Export…", self._export_file, None, "Write a readable (not encrypted) copy"
        )
        self.lock_action = self._action(
            "&Lock", window.lock, "Ctrl+L", "Lock your journal now (Ctrl+L)"
        )
        self.lock_action.setIcon(icons.line_icon("lock", window.palette().windowText().color()))
        self.settings_action = self._action(
            "&Settings…", window.show_settings, QKeySequence.StandardKey.Preferences, "Settings"
        )
        if self.settings_action.shortcut().isEmpty():
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.quit_action = self._action("&Quit", window.quit_app, QKeySequence.StandardKey.Quit)
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        for action in (self.backup_action, self.import_action, self.export_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

    def _build_edit_menu(self, menu: QMenuBar) -> None:
        """Edit › Undo / Redo: the open journal's one undo stack (``controller.undo_stack``),
        their text ("Undo delete the meeting") and enabled state from it."""
        edit_menu = menu.addMenu("&Edit")
        self.undo_group = QUndoGroup(self.window)
        self.undo_action, self.redo_action = undo_actions(self.undo_group, self.window)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

    def follow(self, controller: JournalController) -> None:
        """Undo and Redo act on ``controller``'s stack from now on."""
        self.undo_group.addStack(controller.undo_stack)
        self.undo_group.setActiveStack(controller.undo_stack)

    def _build_go_menu(self, menu: QMenuBar) -> None:
        from recovery_journal.ui.app.pages import PAGES

        go_menu = menu.addMenu("&Go")
        self.page_actions: list[QAction] = []
        for number, spec in enumerate(PAGES, start=1):
            action = self._action(
                spec.title, partial(self.window.show_page, spec.key), f"Alt+{number}", spec.summary
            )
            go_menu.addAction(action)
            self.page_actions.append(action)

    def _build_help_menu(self, menu: QMenuBar) -> None:
        help_menu = menu.addMenu("&Help")
        self.help_action = self._action(
            "Get &help now", self.window.show_help, QKeySequence.StandardKey.HelpContents
        )
        if self.help_action.shortcut().isEmpty():
            self.help_action.setShortcut(QKeySequence("F1"))
        self.about_action = self._action("&About Recovery Journal", self._show_about)
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> QToolBar:
        toolbar = QToolBar("Journal", self.window)
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.lock_action)
        toolbar.setAccessibleName("Journal toolbar")
        self.window.addToolBar(toolbar)
        lock_button = toolbar.widgetForAction(self.lock_action)
        if lock_button is not None:
            lock_button.setAccessibleName("Lock your journal")
        return toolbar

    def set_unlocked(self, unlocked: bool, *, demo: bool) -> None:
        """Enable what needs an open journal; the demo never locks, backs up or imports."""
        for action in (
            self.backup_action,
            self.import_action,
            self.export_action,
            self.lock_action,
            self.settings_action,
            *self.page_actions,
        ):
            action.setEnabled(unlocked)
        if demo:
            self.lock_action.setEnabled(False)
            self.backup_action.setEnabled(False)
            self.import_action.setEnabled(False)
        self.toolbar.setVisible(unlocked and not demo)

    # -- what the file menu and About do ----------------------------------------------------------
    def _open_controller(self) -> JournalController | None:
        controller = self.window.controller
        return controller if controller is not None and controller.is_unlocked else None

    def _back_up(self) -> None:
        if controller := self._open_controller():
            from recovery_journal.ui.app.file_actions import back_up

            back_up(controller, self.window)

    def _import_file(self) -> None:
        if controller := self._open_controller():
            from recovery_journal.ui.app.file_actions import import_file

            import_file(controller, self.window)

    def _export_file(self) -> None:
        if controller := self._open_controller():
            from recovery_journal.ui.app.file_actions import export_file

            export_file(controller, self.window)

    def _show_about(self) -> None:
        from recovery_journal.ui.app.about import show_about

        show_about(self.window, self.window.vault_path, demo=self.window.demo)

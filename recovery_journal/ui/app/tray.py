"""The tray icon, its menu, and the reminder's notification.

Everything here is visible outside the window, on a possibly shared screen, so it says
nothing about recovery and never shows journal content: the tooltip is "Journal", the
notification carries only the person's own reminder words ("Time for your journal" unless
they changed it), and the menu offers Open, Log today, Get help now and Quit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from recovery_journal.services import autostart
from recovery_journal.ui.common import icons

#: What hovering over the tray icon says: discreet, like the notification.
TOOLTIP = "Journal"
#: How long a notification stays (the desktop may choose otherwise).
MESSAGE_MS = 15_000


@dataclass(frozen=True, slots=True)
class DesktopSupport:
    """What this desktop offers: a tray area, notifications from the tray icon, autostart
    entries."""

    tray: bool
    messages: bool
    autostart: bool

    def note(self) -> str | None:
        """Said once, in Settings (and where the wizard offers reminders), when something is
        missing; ``None`` when everything is there."""
        if not self.tray:
            return (
                "Your desktop has no tray area for app icons, so reminders can't appear here "
                "and the app can't keep running in the background. Everything else works as "
                "usual."
            )
        if not self.messages:
            return (
                "Your desktop can't show notifications from the tray, so reminders can't pop "
                "up here. The tray icon and its menu still work."
            )
        return None


def detect_support() -> DesktopSupport:
    tray = QSystemTrayIcon.isSystemTrayAvailable()
    return DesktopSupport(
        tray=tray,
        messages=tray and QSystemTrayIcon.supportsMessages(),
        autostart=autostart.supported(),
    )


class Tray(QObject):
    """The icon and its menu; each menu item only asks (the app decides what happens)."""

    open_requested = Signal()
    log_today_requested = Signal()
    help_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(icons.app_icon(), self)
        self.icon.setToolTip(TOOLTIP)
        self.menu = QMenu()
        self.menu.setAccessibleName("Journal tray menu")
        self.open_action = self._add("&Open", "Open the journal window", self.open_requested.emit)
        self.log_action = self._add(
            "&Log today", "Unlock, then fill in today", self.log_today_requested.emit
        )
        self.help_action = self._add(
            "Get &help now",
            "Helplines and emergency numbers, without unlocking",
            self.help_requested.emit,
        )
        self.menu.addSeparator()
        self.quit_action = self._add("&Quit", "Close the app completely", self.quit_requested.emit)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.log_today_requested)

    def _add(self, text: str, tip: str, then: Callable[[], None]) -> QAction:
        action = self.menu.addAction(text)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: then())
        return action

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()

    def set_visible(self, visible: bool) -> None:
        self.icon.setVisible(visible)

    def is_visible(self) -> bool:
        return self.icon.isVisible()

    def notify(self, text: str) -> bool:
        """Show ``text`` as a notification; False where the desktop can't."""
        if not self.icon.isVisible() or not QSystemTrayIcon.supportsMessages():
            return False
        self.icon.showMessage(text, "", icons.app_icon(), MESSAGE_MS)
        return True

    def close(self) -> None:
        self.icon.hide()
        self.menu.deleteLater()

"""Running in the background while the daily reminder is on: the tray icon and its menu, the
reminder timer, and closing the window to the tray, locked.

While the window is hidden the journal is locked, so the process holds no key and no
decrypted data; what the reminder needs then is in the window preferences (``Prefs``). While
the journal is open, ``Background`` notes in those preferences when today's day is filled in
(only the date that needs no reminder; see docs/security.md), so a locked app started at the
next login knows too.

Without a tray area (or with the reminder off) nothing changes: closing the window quits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from recovery_journal.domain.reminders import Occasion
from recovery_journal.services import autostart
from recovery_journal.ui.app.prefs import Prefs
from recovery_journal.ui.app.reminder_options import ReminderOptions
from recovery_journal.ui.app.reminders import Now, ReminderScheduler, Zone, local_zone, utc_now
from recovery_journal.ui.app.tray import DesktopSupport, Tray, detect_support

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController
    from recovery_journal.ui.app.main_window import MainWindow
    from recovery_journal.ui.app.wake import WakeWatcher

KEEPS_RUNNING = (
    "Recovery Journal keeps running in the tray, locked, so it can remind you each day. "
    "To close it completely, choose Quit from its menu in the tray."
)
#: At login the tray may appear a little after the app: how long to wait for it (seconds,
#: one look each) before showing the window instead.
TRAY_WAITS = (1, 2, 4, 8)


class Background(QObject):
    """Owns the tray, the reminder options and timer; ``attach`` gives it the window."""

    def __init__(
        self,
        prefs: Prefs,
        *,
        support: Callable[[], DesktopSupport] = detect_support,
        now: Now = utc_now,
        zone: Zone = local_zone,
        tell: Callable[[str], None] | None = None,
        tray_factory: Callable[[QObject], Tray] = Tray,
        watch_wake: bool = True,
        tray_waits: tuple[int, ...] = TRAY_WAITS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self._tray_waits = tray_waits
        self._support = support
        self._tell = tell or self._tell_in_box
        self._box: QMessageBox | None = None
        self._tray_factory = tray_factory
        self.window: MainWindow | None = None
        self.tray: Tray | None = None
        self.options = ReminderOptions(prefs, support=support, now=now, zone=zone, parent=self)
        self.options.changed.connect(self.refresh)
        self.options.test_requested.connect(self.show_test)
        self.scheduler = ReminderScheduler(prefs, now=now, zone=zone, parent=self)
        self.scheduler.remind.connect(self._remind)
        self._watch_wake = watch_wake
        self.wake: WakeWatcher | None = None  # made once the reminder is on (quick start-up)

    # -- state ----------------------------------------------------------------------------------
    def support(self) -> DesktopSupport:
        return self._support()

    def keeps_running(self) -> bool:
        """Whether closing the window hides it to the tray (instead of quitting)."""
        demo = self.window is not None and self.window.demo
        return not demo and self.prefs.daily_reminder().enabled and self.support().tray

    def refresh(self) -> None:
        """Follow the options: show or hide the tray icon, re-arm the timer."""
        running = self.keeps_running()
        if self._watch_wake and self.wake is None and self.prefs.daily_reminder().enabled:
            from recovery_journal.ui.app.wake import WakeWatcher

            watcher = WakeWatcher(self)
            watcher.woke.connect(self.scheduler.rearm)
            self.wake = watcher
        if running and self.tray is None:
            self._make_tray()
        if self.tray is not None:
            self.tray.set_visible(running)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(not running)
        self.scheduler.rearm()

    def start(self) -> None:
        """At start-up: the timer, the tray, and an up-to-date autostart entry."""
        if self.options.start_at_login():
            autostart.refresh()
        self.refresh()

    def _make_tray(self) -> None:
        tray = self._tray_factory(self)
        tray.open_requested.connect(self.open_window)
        tray.log_today_requested.connect(self.log_today)
        tray.help_requested.connect(self.show_help)
        tray.quit_requested.connect(self.quit)
        self.tray = tray

    def close(self) -> None:
        self.scheduler.timer.stop()
        if self.wake is not None:
            self.wake.close()
        if self.tray is not None:
            self.tray.close()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(True)

    # -- the window -----------------------------------------------------------------------------
    def attach(self, window: MainWindow) -> None:
        self.window = window
        window.background = self
        window.journal_opened.connect(self._follow)

    def start_in_tray(
        self, show_window: Callable[[], None], waits: tuple[int, ...] | None = None
    ) -> None:
        """Start hidden, locked, with only the tray icon; if no tray appears after the waits,
        ``show_window`` instead (a window nobody can reach would be worse)."""
        waits = self._tray_waits if waits is None else waits
        if self.keeps_running():
            self.refresh()
            return
        if not waits or not self.prefs.daily_reminder().enabled:
            self.refresh()
            show_window()
            return
        rest = waits[1:]
        QTimer.singleShot(waits[0] * 1000, self, lambda: self.start_in_tray(show_window, rest))

    def close_to_tray(self) -> bool:
        """The window is closing: keep running in the tray (True), locked and hidden, or let
        it close (False)."""
        window = self.window
        if window is None or not self.keeps_running():
            return False
        window.lock()
        if window.controller is not None and window.controller.is_unlocked:
            return True  # a passphrase change is still running: stay open for now
        window.hide()
        if not self.prefs.told_about_tray():
            self.prefs.set_told_about_tray()
            self._tell(KEEPS_RUNNING)
        return True

    def _tell_in_box(self, text: str) -> None:
        """A message that doesn't hold anything up (the window is already hidden)."""
        box = QMessageBox(QMessageBox.Icon.Information, "Recovery Journal", text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setModal(False)
        box.finished.connect(lambda _result: setattr(self, "_box", None))
        self._box = box
        box.show()

    def open_window(self) -> None:
        window = self.window
        if window is None:
            return
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def log_today(self) -> None:
        """Open the window on Today, at today's date (after unlocking, if locked)."""
        window = self.window
        if window is None:
            return
        self.open_window()
        window.return_to_page("today")
        controller = window.controller
        if window.shell is None or controller is None or not controller.is_unlocked:
            return
        window.show_page("today")
        show_day = getattr(window.shell.page("today"), "show_day", None)
        if callable(show_day):
            show_day(controller.today())

    def show_help(self) -> None:
        """Works while locked, without unlocking: then without the call list."""
        if self.window is not None:
            self.window.show_help()

    def quit(self) -> None:
        if self.window is not None:
            self.window.quit_app()

    # -- reminders ------------------------------------------------------------------------------
    def _remind(self, occasion: Occasion) -> None:
        self._show(occasion.text)

    def show_test(self) -> None:
        self._show(self.prefs.daily_reminder().text)

    def _show(self, text: str) -> None:
        if self.tray is not None:
            self.tray.notify(text)

    def _follow(self, controller: JournalController) -> None:
        controller.changed.connect(self._check_today)
        controller.today_changed.connect(self._check_today)
        self._check_today()

    def _check_today(self) -> None:
        """Today's day is filled in: settle today, so no reminder comes (also while locked)."""
        window = self.window
        controller = window.controller if window is not None else None
        if controller is None or controller.demo or not controller.is_unlocked:
            return
        if not self.prefs.daily_reminder().enabled:
            return
        today: dt.date = controller.today()
        if self.prefs.reminder_settled_on() == today:
            return
        if controller.session.get_day(today) is not None:
            self.scheduler.day_filled_in(today)

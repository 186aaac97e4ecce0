"""The reminder's options as the wizard and Settings change them: the daily reminder (in the
window preferences) and starting at login (an XDG autostart entry).

They are kept outside the journal because they work while it is locked: the tray process
holds no key. ``changed`` tells the app to re-arm its timer and show or hide the tray icon.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from recovery_journal.domain.reminders import DailyReminder
from recovery_journal.services import autostart
from recovery_journal.ui.app.prefs import Prefs
from recovery_journal.ui.app.reminders import Now, Zone, local_zone, utc_now
from recovery_journal.ui.app.tray import DesktopSupport, detect_support


class ReminderOptions(QObject):
    changed = Signal()
    #: "Show it now": the person wants to see what the reminder looks like.
    test_requested = Signal()

    def __init__(
        self,
        prefs: Prefs,
        *,
        support: Callable[[], DesktopSupport] = detect_support,
        now: Now = utc_now,
        zone: Zone = local_zone,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self._support = support
        self._now = now
        self._zone = zone

    def support(self) -> DesktopSupport:
        return self._support()

    def reminder(self) -> DailyReminder:
        return self.prefs.daily_reminder()

    def set_reminder(self, reminder: DailyReminder) -> None:
        """Keep the new reminder, noting when it was turned on or moved (a time already past
        then starts tomorrow). Turning it off forgets the settled date and removes the
        autostart entry (start at login is there for the reminder); raises
        ``AutostartError`` if that entry can't be removed."""
        old = self.prefs.daily_reminder()
        if reminder == old:
            return
        self.prefs.set_daily_reminder(reminder)
        if reminder.enabled and (not old.enabled or reminder.at != old.at):
            self.prefs.set_reminder_changed_at(self._now())
        try:
            if not reminder.enabled and autostart.supported():
                autostart.disable()
        finally:
            self.changed.emit()

    def start_at_login(self) -> bool:
        return autostart.supported() and autostart.is_enabled()

    def set_start_at_login(self, on: bool) -> None:
        """Write or remove the autostart entry; raises ``AutostartError`` with the reason."""
        if on == self.start_at_login():
            return
        if on:
            autostart.enable()
        else:
            autostart.disable()
        self.changed.emit()

    def show_test(self) -> None:
        self.test_requested.emit()

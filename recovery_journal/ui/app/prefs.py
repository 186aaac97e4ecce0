"""Preferences needed before unlocking: the last journal path, window geometry and theme,
and the daily reminder (which works while the journal is locked).

They live in an ini file in the user config folder. Nothing about the person's recovery is
ever written here (DESIGN.md "The vault"); everything else stays inside the encrypted journal.
What the reminder keeps here, and why it is safe to, is written down in docs/security.md.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from recovery_journal.domain.models import Theme
from recovery_journal.domain.reminders import DEFAULT_TEXT, DEFAULT_TIME, DailyReminder, clean_text
from recovery_journal.services.paths import config_dir


class Prefs:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "window.ini"
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def last_vault(self) -> Path | None:
        value = self._settings.value("journal/last_path", "")
        return Path(str(value)) if value else None

    def set_last_vault(self, path: Path) -> None:
        self._settings.setValue("journal/last_path", str(path))
        self._sync()

    def geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)
        self._sync()

    def theme(self) -> Theme:
        value = str(self._settings.value("window/theme", Theme.SYSTEM.value))
        return Theme(value) if value in Theme._value2member_map_ else Theme.SYSTEM

    def set_theme(self, theme: Theme) -> None:
        self._settings.setValue("window/theme", theme.value)
        self._sync()

    # A journal whose newest recovery code was shown but never confirmed as kept (the wizard
    # was closed on that page). Only the file's path is written: nothing about its contents.
    def code_unconfirmed(self, path: Path) -> bool:
        return _key(path) in self._unconfirmed()

    def set_code_unconfirmed(self, path: Path, unconfirmed: bool) -> None:
        paths = [p for p in self._unconfirmed() if p != _key(path)]
        if unconfirmed:
            paths.append(_key(path))
        self._settings.setValue("journal/code_not_confirmed", paths)
        self._sync()

    def _unconfirmed(self) -> list[str]:
        value = self._settings.value("journal/code_not_confirmed", [])
        if isinstance(value, str):  # an ini list of one comes back as a string
            return [value] if value else []
        if isinstance(value, list | tuple):
            return [str(item) for item in value]
        return []

    # -- the daily reminder ----------------------------------------------------------------------
    def daily_reminder(self) -> DailyReminder:
        value = self._settings.value("reminder/time", "")
        try:
            at = dt.time.fromisoformat(str(value)) if value else DEFAULT_TIME
        except ValueError:
            at = DEFAULT_TIME
        return DailyReminder(
            enabled=_flag(self._settings.value("reminder/enabled", False)),
            at=at.replace(second=0, microsecond=0, tzinfo=None),
            text=clean_text(str(self._settings.value("reminder/text", DEFAULT_TEXT))),
        )

    def set_daily_reminder(self, reminder: DailyReminder) -> None:
        self._settings.setValue("reminder/enabled", reminder.enabled)
        self._settings.setValue("reminder/time", reminder.at.strftime("%H:%M"))
        self._settings.setValue("reminder/text", clean_text(reminder.text))
        if not reminder.enabled:
            self._settings.remove("reminder/settled_on")
            self._settings.remove("reminder/changed_at")
        self._sync()

    def reminder_settled_on(self) -> dt.date | None:
        """The one date that needs no more reminder: its reminder was shown or its day was
        filled in (deliberately not told apart; docs/security.md)."""
        value = str(self._settings.value("reminder/settled_on", ""))
        try:
            return dt.date.fromisoformat(value) if value else None
        except ValueError:
            return None

    def set_reminder_settled_on(self, day: dt.date | None) -> None:
        if day == self.reminder_settled_on():
            return
        if day is None:
            self._settings.remove("reminder/settled_on")
        else:
            self._settings.setValue("reminder/settled_on", day.isoformat())
        self._sync()

    def reminder_changed_at(self) -> dt.datetime | None:
        """When the reminder was last turned on or moved (a time already past then doesn't
        remind that day)."""
        value = str(self._settings.value("reminder/changed_at", ""))
        try:
            moment = dt.datetime.fromisoformat(value) if value else None
        except ValueError:
            return None
        return moment if moment is None or moment.tzinfo is not None else None

    def set_reminder_changed_at(self, moment: dt.datetime | None) -> None:
        if moment == self.reminder_changed_at():
            return
        if moment is None:
            self._settings.remove("reminder/changed_at")
        else:
            stamp = moment.astimezone(dt.UTC).replace(microsecond=0)
            self._settings.setValue("reminder/changed_at", stamp.isoformat())
        self._sync()

    def told_about_tray(self) -> bool:
        """Whether the person was told, once, that closing the window keeps the app in the
        tray."""
        return _flag(self._settings.value("tray/told_keeps_running", False))

    def set_told_about_tray(self) -> None:
        self._settings.setValue("tray/told_keeps_running", True)
        self._sync()

    def _sync(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._settings.sync()


def _flag(value: object) -> bool:
    """An ini file gives booleans back as the text "true" / "false"."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def _key(path: Path) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        return str(path)

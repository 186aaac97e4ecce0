"""A tray that records instead of showing, a wall clock the test sets, and a desktop that
has (or lacks) a tray: for the reminder and tray tests."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from recovery_journal.ui.app.background import Background
from recovery_journal.ui.app.prefs import Prefs
from recovery_journal.ui.app.tray import DesktopSupport, Tray

PARIS = ZoneInfo("Europe/Paris")
WITH_TRAY = DesktopSupport(tray=True, messages=True, autostart=True)
NO_TRAY = DesktopSupport(tray=False, messages=False, autostart=True)


class FakeTray(Tray):
    """The real menu and signals; showing the icon and notifications is only recorded."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.visible = False
        self.messages: list[str] = []

    def set_visible(self, visible: bool) -> None:
        self.visible = visible

    def is_visible(self) -> bool:
        return self.visible

    def notify(self, text: str) -> bool:
        if not self.visible:
            return False
        self.messages.append(text)
        return True


class WallClock:
    """The wall clock (aware), moved by hand; starts on the tests' today, in Paris."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def set_local(self, day: dt.date, hour: int, minute: int = 0) -> None:
        self.now = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=PARIS)


def make_background(
    prefs: Prefs,
    wall: WallClock,
    told: list[str],
    support: DesktopSupport = WITH_TRAY,
    tray_waits: tuple[int, ...] = (),
) -> Background:
    return Background(
        prefs,
        support=lambda: support,
        now=wall,
        zone=lambda: PARIS,
        tell=told.append,
        tray_factory=FakeTray,
        watch_wake=False,
        tray_waits=tray_waits,
    )

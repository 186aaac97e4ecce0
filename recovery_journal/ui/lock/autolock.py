"""Auto-lock: after N idle minutes, and when the computer sleeps or the screen locks.

``IdleWatcher`` notes the time of every key press, click, wheel turn and mouse movement in the
app (an application event filter) and checks every few seconds whether the idle limit has
passed. Its clock is injectable, so tests move time on without waiting.

``SystemLockWatcher`` listens where the system tells us (``session_events``: D-Bus on
Linux, session and power messages on Windows, IOKit and the screen-lock notification on
macOS) and, on every platform, to Qt's application state turning to "suspended". Where
none of these exist, the idle timer still locks.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)

CHECK_INTERVAL_MS = 5_000


class IdleWatcher(QObject):
    """Emits ``idle`` once the app has seen no input for ``minutes()`` minutes (0: never)."""

    idle = Signal()

    def __init__(
        self,
        minutes: Callable[[], int],
        *,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._minutes = minutes
        self._clock = clock
        self._last = clock()
        self._active = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        app = QGuiApplication.instance()
        if app is not None and not self._active:
            app.installEventFilter(self)
        self._active = True
        self.touch()
        self._timer.start()

    def stop(self) -> None:
        app = QGuiApplication.instance()
        if app is not None and self._active:
            app.removeEventFilter(self)
        self._active = False
        self._timer.stop()

    def touch(self) -> None:
        self._last = self._clock()

    def idle_seconds(self) -> float:
        return self._clock() - self._last

    def check(self) -> None:
        if not self._active:
            return
        minutes = self._minutes()
        if minutes > 0 and self.idle_seconds() >= minutes * 60:
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last = self._clock()
        return False


class SystemLockWatcher(QObject):
    """Emits ``lock_now`` when the computer is about to sleep or the screen locks."""

    lock_now = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_state)
        from recovery_journal.ui.lock import session_events

        self._native = session_events.watch(self, self.lock_now.emit)

    def _on_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock_now.emit()

    @Slot(bool)
    def on_sleep(self, starting: bool) -> None:
        if starting:
            self.lock_now.emit()

    @Slot()
    def on_session_lock(self) -> None:
        self.lock_now.emit()

    @Slot(bool)
    def on_screensaver(self, active: bool) -> None:
        if active:
            self.lock_now.emit()

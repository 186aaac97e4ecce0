"""Noticing that the wall clock jumped, so a timer that counts elapsed time can be re-armed.

A ``QTimer`` waits for an amount of elapsed (monotonic) time, which stands still while the
computer sleeps and ignores a clock that is set. ``WakeWatcher.woke`` fires:

- when logind says the computer woke up (``PrepareForSleep(false)`` on the system bus);
- on Linux, when the realtime clock changes discontinuously — it was set by hand or by
  NTP, or the computer resumed — through a ``timerfd`` armed with
  ``TFD_TIMER_CANCEL_ON_SET`` (timerfd_create(2)), read by a ``QSocketNotifier``: the kernel
  wakes it; nothing polls.

Where neither exists the timer still fires, late by the time asleep, and re-arms itself then.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import sys
import time
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal, Slot

CLOCK_REALTIME = 0
TFD_NONBLOCK = 0o4000
TFD_CLOEXEC = 0o2000000
TFD_TIMER_ABSTIME = 1
TFD_TIMER_CANCEL_ON_SET = 2
#: How far ahead the (never expiring) watch timer is set.
WATCH_AHEAD_SECONDS = 10 * 365 * 24 * 3600


class _Timespec(ctypes.Structure):
    _fields_ = [("tv_sec", ctypes.c_long), ("tv_nsec", ctypes.c_long)]


class _Itimerspec(ctypes.Structure):
    _fields_ = [("it_interval", _Timespec), ("it_value", _Timespec)]


class ClockChangeWatch:
    """A Linux timerfd that becomes readable when the realtime clock is changed."""

    def __init__(self) -> None:
        self.fd = -1
        if not sys.platform.startswith("linux"):
            return
        try:
            self._libc: Any = ctypes.CDLL(None, use_errno=True)
            fd = self._libc.timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC)
        except (OSError, AttributeError):
            return
        if fd < 0:
            return
        self.fd = fd
        if not self.arm():
            self.close()

    def arm(self) -> bool:
        """(Re)arm far in the future; a clock change cancels it and makes the fd readable."""
        limit = 2 ** (8 * ctypes.sizeof(ctypes.c_long) - 1) - 1
        when = _Itimerspec()
        when.it_value.tv_sec = min(int(time.time()) + WATCH_AHEAD_SECONDS, limit)
        flags = TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET
        result: int = self._libc.timerfd_settime(self.fd, flags, ctypes.byref(when), None)
        return result == 0

    def changed(self) -> bool:
        """After the fd became readable: True when the clock was changed (then re-armed)."""
        try:
            os.read(self.fd, 8)
        except OSError as error:
            if error.errno != errno.ECANCELED:
                return False
        self.arm()
        return True

    def close(self) -> None:
        if self.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.fd)
        self.fd = -1


def _slot(signature: str) -> Any:
    """Qt's SLOT() form; PySide6 wants it as text although its stubs say bytes."""
    return "1" + signature


class WakeWatcher(QObject):
    """Emits ``woke`` after the computer resumed or the wall clock was set."""

    woke = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = ClockChangeWatch()
        self._notifier: QSocketNotifier | None = None
        if self.clock.fd >= 0:
            self._notifier = QSocketNotifier(self.clock.fd, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._clock_readable)
        self._connect_logind()

    def close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        self.clock.close()

    @property
    def watches_clock(self) -> bool:
        return self.clock.fd >= 0

    def _clock_readable(self) -> None:
        if self.clock.changed():
            self.woke.emit()

    def _connect_logind(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # pragma: no cover - QtDBus ships with PySide6-Essentials
            return
        system = QDBusConnection.systemBus()
        if system.isConnected():
            system.connect(
                "org.freedesktop.login1",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                self,
                _slot("on_sleep(bool)"),
            )

    @Slot(bool)
    def on_sleep(self, starting: bool) -> None:
        if not starting:
            self.woke.emit()

"""Where the system says "the computer is going to sleep" or "the screen is locked".

:func:`watch` starts the listener of this platform and calls ``lock`` on either:

* **Linux** (any system with D-Bus): logind's ``PrepareForSleep`` and session ``Lock``
  signals on the system bus, the desktop screensaver's ``ActiveChanged`` on the session bus.
* **Windows**: ``WTSRegisterSessionNotification`` → ``WM_WTSSESSION_CHANGE`` with
  ``WTS_SESSION_LOCK`` (or the console or remote session disconnecting: switching user), and
  ``WM_POWERBROADCAST`` with ``PBT_APMSUSPEND``, read by a native event filter.
* **macOS**: IOKit's ``IORegisterForSystemPower`` (``kIOMessageSystemWillSleep``, answered
  with ``IOAllowPowerChange`` as Apple's QA1340 asks) and the distributed notification
  ``com.apple.screenIsLocked``, both delivered on the main run loop that Qt runs.

Linux is where this runs every day; the Windows and macOS branches follow the documented
APIs and their decisions are unit-tested with the platform faked, but they have not yet run
there (docs/packaging.md). Wherever a listener cannot start, the idle timer still locks.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication, QObject

Lock = Callable[[], None]

# Windows (winuser.h, wtsapi32.h)
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x0004
WM_WTSSESSION_CHANGE = 0x02B1
WTS_CONSOLE_DISCONNECT = 0x2
WTS_REMOTE_DISCONNECT = 0x4
WTS_SESSION_LOCK = 0x7
NOTIFY_FOR_THIS_SESSION = 0
# macOS (IOKit/IOMessage.h: iokit_common_msg(0x270), iokit_common_msg(0x280))
K_IO_MESSAGE_CAN_SYSTEM_SLEEP = 0xE0000270
K_IO_MESSAGE_SYSTEM_WILL_SLEEP = 0xE0000280
SCREEN_LOCKED_NOTIFICATION = b"com.apple.screenIsLocked"


def system() -> str:
    """``sys.platform``: a seam for tests."""
    return sys.platform


def watch(receiver: QObject, lock: Lock) -> Any:
    """Start listening; keep the returned object alive as long as ``receiver``.

    On Linux ``receiver`` gets the D-Bus signals in its slots ``on_sleep(bool)``,
    ``on_session_lock()`` and ``on_screensaver(bool)``; elsewhere ``lock`` is called.
    """
    name = system()
    try:
        if name == "win32":
            return WindowsSessionEvents(lock)
        if name == "darwin":
            return MacPowerEvents(lock)
        connect_dbus(receiver)
    except (OSError, AttributeError, ImportError):  # pragma: no cover - no such service here
        return None
    return None


# --- Linux: D-Bus -------------------------------------------------------------------------


def _slot(signature: str) -> Any:
    """Qt's SLOT() form; PySide6 wants it as text although its stubs say bytes."""
    return "1" + signature


def connect_dbus(receiver: QObject) -> None:
    from PySide6.QtDBus import QDBusConnection

    system_bus = QDBusConnection.systemBus()
    if system_bus.isConnected():
        login1 = "org.freedesktop.login1"
        system_bus.connect(
            login1, "/org/freedesktop/login1", f"{login1}.Manager", "PrepareForSleep",
            receiver, _slot("on_sleep(bool)"),
        )  # fmt: skip
        system_bus.connect(
            login1, "", f"{login1}.Session", "Lock", receiver, _slot("on_session_lock()")
        )
    session = QDBusConnection.sessionBus()
    if session.isConnected():
        for interface, path in (
            ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
            ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
        ):
            # Any sender: a false alarm only locks the journal, which is always safe.
            session.connect(
                "", path, interface, "ActiveChanged", receiver, _slot("on_screensaver(bool)")
            )


# --- Windows: session and power messages ------------------------------------------------------


def windows_message_locks(message: int, wparam: int) -> bool:
    """Whether a Windows message means "lock now"."""
    if message == WM_WTSSESSION_CHANGE:
        return wparam in (WTS_SESSION_LOCK, WTS_CONSOLE_DISCONNECT, WTS_REMOTE_DISCONNECT)
    return message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND


class _WindowsFilter(QAbstractNativeEventFilter):
    def __init__(self, lock: Lock) -> None:
        super().__init__()
        self._lock = lock

    def nativeEventFilter(self, event_type: Any, message: Any) -> Any:
        if bytes(event_type) == b"windows_generic_MSG":
            from ctypes import wintypes  # type: ignore[attr-defined,unused-ignore]

            msg = wintypes.MSG.from_address(int(message))
            if windows_message_locks(msg.message, msg.wParam):
                self._lock()
        return False, 0


class WindowsSessionEvents:  # pragma: no cover - Windows only: not yet run there
    """Session lock and suspend messages, for as long as this object lives."""

    def __init__(self, lock: Lock) -> None:
        import ctypes

        from PySide6.QtWidgets import QWidget

        self._filter = _WindowsFilter(lock)
        QCoreApplication.instance().installNativeEventFilter(self._filter)  # type: ignore[union-attr]
        # Session notifications go to one window: a hidden native one of our own.
        self._window = QWidget()
        self._hwnd = int(self._window.winId())
        wtsapi32 = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined,unused-ignore]
        wtsapi32.WTSRegisterSessionNotification(self._hwnd, NOTIFY_FOR_THIS_SESSION)
        self._wtsapi32 = wtsapi32

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self._wtsapi32.WTSUnRegisterSessionNotification(self._hwnd)


# --- macOS: IOKit power and the screen-lock notification ------------------------------------


def mac_power_message(message_type: int) -> tuple[bool, bool]:
    """``(lock now, answer with IOAllowPowerChange)`` for an IOKit power message."""
    if message_type == K_IO_MESSAGE_SYSTEM_WILL_SLEEP:
        return True, True
    return False, message_type == K_IO_MESSAGE_CAN_SYSTEM_SLEEP


class MacPowerEvents:  # pragma: no cover - macOS only: not yet run there
    """System sleep (IOKit) and screen lock (distributed notification) while this lives."""

    def __init__(self, lock: Lock) -> None:
        import ctypes
        import ctypes.util

        iokit = ctypes.CDLL(ctypes.util.find_library("IOKit"))
        cf = ctypes.CDLL(ctypes.util.find_library("CoreFoundation"))
        void_p, uint32 = ctypes.c_void_p, ctypes.c_uint32
        iokit.IORegisterForSystemPower.restype = uint32
        iokit.IORegisterForSystemPower.argtypes = [
            void_p, ctypes.POINTER(void_p), void_p, ctypes.POINTER(uint32),
        ]  # fmt: skip
        iokit.IONotificationPortGetRunLoopSource.restype = void_p
        iokit.IONotificationPortGetRunLoopSource.argtypes = [void_p]
        iokit.IOAllowPowerChange.argtypes = [uint32, ctypes.c_long]
        cf.CFRunLoopGetMain.restype = void_p
        cf.CFRunLoopAddSource.argtypes = [void_p, void_p, void_p]
        cf.CFNotificationCenterGetDistributedCenter.restype = void_p
        cf.CFStringCreateWithCString.restype = void_p
        cf.CFStringCreateWithCString.argtypes = [void_p, ctypes.c_char_p, uint32]
        cf.CFNotificationCenterAddObserver.argtypes = [
            void_p, void_p, void_p, void_p, void_p, ctypes.c_long,
        ]  # fmt: skip

        power_callback = ctypes.CFUNCTYPE(None, void_p, uint32, uint32, void_p)
        notification_callback = ctypes.CFUNCTYPE(None, void_p, void_p, void_p, void_p, void_p)

        def on_power(_refcon: Any, _service: int, message_type: int, argument: Any) -> None:
            lock_now, answer = mac_power_message(message_type)
            if lock_now:
                lock()
            if answer:
                iokit.IOAllowPowerChange(self._root_port, argument or 0)

        def on_screen_locked(*_args: Any) -> None:
            lock()

        # Kept on self: ctypes callbacks must outlive every call the system makes to them.
        self._on_power = power_callback(on_power)
        self._on_screen_locked = notification_callback(on_screen_locked)
        port, notifier = void_p(), uint32()
        self._root_port = iokit.IORegisterForSystemPower(
            None, ctypes.byref(port), self._on_power, ctypes.byref(notifier)
        )
        common_modes = void_p.in_dll(cf, "kCFRunLoopCommonModes")
        if self._root_port:
            source = iokit.IONotificationPortGetRunLoopSource(port)
            cf.CFRunLoopAddSource(cf.CFRunLoopGetMain(), source, common_modes)
        utf8 = 0x08000100  # kCFStringEncodingUTF8
        name = cf.CFStringCreateWithCString(None, SCREEN_LOCKED_NOTIFICATION, utf8)
        deliver_immediately = 4  # CFNotificationSuspensionBehaviorDeliverImmediately
        cf.CFNotificationCenterAddObserver(
            cf.CFNotificationCenterGetDistributedCenter(),
            None, self._on_screen_locked, name, None, deliver_immediately,
        )  # fmt: skip

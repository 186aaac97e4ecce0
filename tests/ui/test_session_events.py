"""ui/lock/session_events.py: each platform's "lock now" messages (platform faked)."""

from __future__ import annotations

import ctypes
from ctypes import wintypes

import pytest
from PySide6.QtCore import QByteArray, QObject

from recovery_journal.ui.lock import session_events as events


@pytest.mark.parametrize(
    ("message", "wparam", "locks"),
    [
        (events.WM_WTSSESSION_CHANGE, events.WTS_SESSION_LOCK, True),
        (events.WM_WTSSESSION_CHANGE, events.WTS_CONSOLE_DISCONNECT, True),
        (events.WM_WTSSESSION_CHANGE, 0x8, False),  # WTS_SESSION_UNLOCK
        (events.WM_POWERBROADCAST, events.PBT_APMSUSPEND, True),
        (events.WM_POWERBROADCAST, 0x12, False),  # PBT_APMRESUMEAUTOMATIC
        (0x0100, events.WTS_SESSION_LOCK, False),  # WM_KEYDOWN with the same number
    ],
)
def test_windows_messages_that_lock(message: int, wparam: int, locks: bool) -> None:
    assert events.windows_message_locks(message, wparam) is locks


def test_the_windows_filter_reads_the_msg_structure() -> None:
    calls = []
    native = events._WindowsFilter(lambda: calls.append("lock"))
    msg = wintypes.MSG(message=events.WM_WTSSESSION_CHANGE, wParam=events.WTS_SESSION_LOCK)
    address = ctypes.addressof(msg)
    assert native.nativeEventFilter(QByteArray(b"windows_generic_MSG"), address) == (False, 0)
    assert calls == ["lock"]
    native.nativeEventFilter(QByteArray(b"xcb_generic_event_t"), address)
    assert calls == ["lock"]  # not a Windows message: not read


def test_macos_sleep_locks_and_every_sleep_question_is_answered() -> None:
    assert events.mac_power_message(events.K_IO_MESSAGE_SYSTEM_WILL_SLEEP) == (True, True)
    assert events.mac_power_message(events.K_IO_MESSAGE_CAN_SYSTEM_SLEEP) == (False, True)
    assert events.mac_power_message(0xE0000300) == (False, False)  # kIOMessageSystemHasPoweredOn


@pytest.mark.parametrize("name", ["linux", "win32", "darwin"])
def test_watch_starts_the_listener_of_the_platform(name: str, monkeypatch, qapp) -> None:
    started = []
    monkeypatch.setattr(events, "system", lambda: name)
    monkeypatch.setattr(events, "connect_dbus", lambda receiver: started.append("dbus"))
    monkeypatch.setattr(events, "WindowsSessionEvents", lambda lock: started.append("wts"))
    monkeypatch.setattr(events, "MacPowerEvents", lambda lock: started.append("iokit"))
    events.watch(QObject(), lambda: None)
    assert started == [{"linux": "dbus", "win32": "wts", "darwin": "iokit"}[name]]

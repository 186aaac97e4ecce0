"""Driving the real widgets offscreen: a journal on disk, a launcher, a fake idle clock, and
waits that hold on a busy machine.

No UI test waits for a length of time. It waits for the state it needs: ``qtbot.waitUntil`` on
the condition, ``qtbot.waitSignal`` on the signal, or :func:`settle` before reading geometry.
The ``qtbot`` here only gives those waits a long limit (:data:`PATIENCE_MS`): the limit stops a
test that hangs; it never decides whether a test passes (see docs/testing.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QEvent, QEventLoop
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from recovery_journal.services.session import JournalSession
from recovery_journal.ui.app.application import Launcher
from recovery_journal.ui.app.main_window import MainWindow
from recovery_journal.ui.app.prefs import Prefs
from recovery_journal.ui.common.worker import busy_count
from tests.conftest import FAST_KDF

PASSPHRASE = "steady morning light"
TODAY = dt.date(2026, 3, 18)  # a Wednesday


#: How long a wait may take before the test fails. Long on purpose: CI and the developers share
#: two busy cores, where building six charts can take ten seconds. A hang still fails.
PATIENCE_MS = 60_000


class PatientQtBot(QtBot):
    """pytest-qt's ``qtbot`` with :data:`PATIENCE_MS` as every wait's default limit (5 s in
    pytest-qt, which a loaded machine overruns while the state waited for is still coming)."""

    def waitUntil(self, callback: Callable[[], bool | None], *, timeout: int = PATIENCE_MS):
        return super().waitUntil(callback, timeout=timeout)

    def waitSignal(self, signal: Any, *, timeout: int = PATIENCE_MS, **options: Any):
        return super().waitSignal(signal, timeout=timeout, **options)

    def waitSignals(self, signals: Any, *, timeout: int = PATIENCE_MS, **options: Any):
        return super().waitSignals(signals, timeout=timeout, **options)

    def waitExposed(self, widget: QWidget, *, timeout: int = PATIENCE_MS):
        return super().waitExposed(widget, timeout=timeout)

    def waitActive(self, widget: QWidget, *, timeout: int = PATIENCE_MS):
        return super().waitActive(widget, timeout=timeout)

    def waitCallback(self, *, timeout: int = PATIENCE_MS, **options: Any):
        return super().waitCallback(timeout=timeout, **options)


@pytest.fixture
def qtbot(qapp, request) -> PatientQtBot:
    return PatientQtBot(request)


def settle(qtbot: QtBot) -> None:
    """Let Qt finish what it has started: process events until a whole turn of the event loop
    finds nothing left to do (no layout request, resize, zero-delay timer or queued call).

    Geometry is only final then: a resize or a new message posts layout requests, each layout
    pass may post more, and a page may refit itself on a zero-delay timer. A busy machine
    takes more turns to get there, never a different answer; timers that are not due yet
    (autosave pauses, the idle check) are not waited for.
    """
    dispatcher = QAbstractEventDispatcher.instance()
    assert dispatcher is not None

    def at_rest() -> bool:
        for _turn in range(100):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            if not dispatcher.processEvents(QEventLoop.ProcessEventsFlag.AllEvents):
                return True
        return False  # still busy: waitUntil tries again shortly

    qtbot.waitUntil(at_rest)


class FakeClock:
    """A monotonic clock the test moves on by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(autouse=True)
def private_places(tmp_path, monkeypatch):
    """Config and data folders inside the test's own temporary folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture(autouse=True)
def no_box_left_open() -> Iterator[None]:
    """Each test starts with an empty screen: a message box or dialog one test leaves open
    (a window closed under it) must not answer the next test's search for a box."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.hide()
            widget.deleteLater()


@pytest.fixture
def prefs(tmp_path) -> Prefs:
    return Prefs(tmp_path / "prefs" / "window.ini")


@pytest.fixture
def journal(tmp_path) -> tuple[Path, str]:
    """A journal on disk (closed); returns its path and recovery code."""
    path = tmp_path / "journal" / "journal.rjvault"
    session, code = JournalSession.create(path, PASSPHRASE, kdf=FAST_KDF)
    session.close()
    return path, code


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def told() -> list[str]:
    """Messages the launcher would show in a message box."""
    return []


@pytest.fixture
def launch(qtbot, prefs, clock, told) -> Iterator[Callable[..., Launcher]]:
    started: list[Launcher] = []

    def start(path: Path, **options) -> Launcher:
        launcher = Launcher(
            path,
            prefs=prefs,
            today=lambda: TODAY,
            idle_clock=clock,
            kdf=lambda: FAST_KDF,
            confirm=lambda _parent, text: told.append(text),
            **options,
        )
        launcher.start()
        if launcher.window is not None:
            qtbot.addWidget(launcher.window)
        started.append(launcher)
        return launcher

    yield start
    qtbot.waitUntil(lambda: busy_count() == 0)
    for launcher in started:
        launcher.cleanup()


def unlock(qtbot, window: MainWindow, secret: str = PASSPHRASE, *, code: bool = False) -> None:
    view = window.unlock_view
    if code != view.recovery_mode:
        view.switch_button.click()
    view.secret.setText(secret)
    view.unlock_button.click()
    qtbot.waitUntil(lambda: not view.is_busy)


def open_journal(qtbot, launch, path: Path) -> MainWindow:
    """Start the app on an existing journal and unlock it with the passphrase."""
    launcher = launch(path)
    window = launcher.window
    assert window is not None
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.shell is not None)
    return window

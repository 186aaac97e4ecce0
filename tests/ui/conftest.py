"""Driving the real widgets offscreen: a journal on disk, a launcher, and a fake idle clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from recovery_journal.services.session import JournalSession
from recovery_journal.ui.app.application import Launcher
from recovery_journal.ui.app.main_window import MainWindow
from recovery_journal.ui.app.prefs import Prefs
from recovery_journal.ui.common.worker import busy_count
from tests.conftest import FAST_KDF

PASSPHRASE = "steady morning light"
TODAY = dt.date(2026, 3, 18)  # a Wednesday


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
    qtbot.waitUntil(lambda: busy_count() == 0, timeout=10_000)
    for launcher in started:
        launcher.cleanup()


def unlock(qtbot, window: MainWindow, secret: str = PASSPHRASE, *, code: bool = False) -> None:
    view = window.unlock_view
    if code != view.recovery_mode:
        view.switch_button.click()
    view.secret.setText(secret)
    view.unlock_button.click()
    qtbot.waitUntil(lambda: not view.is_busy, timeout=10_000)


def open_journal(qtbot, launch, path: Path) -> MainWindow:
    """Start the app on an existing journal and unlock it with the passphrase."""
    launcher = launch(path)
    window = launcher.window
    assert window is not None
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.shell is not None, timeout=10_000)
    return window

"""Help › About: what a bug report needs (versions) and where the journal is."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from recovery_journal import __version__
from recovery_journal.ui.app.about import about_box
from tests.ui.conftest import open_journal


def test_about_shows_the_versions_and_the_journal(qtbot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    journal = tmp_path / "journal.rjvault"
    box = about_box(parent, journal)
    text = box.text() + box.informativeText()
    assert __version__ in box.text()
    assert f"Python {platform.python_version()}" in text
    assert f"Qt {qVersion()}" in text
    assert str(journal) in text


def test_about_in_the_demo_says_it_is_made_up(qtbot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = about_box(parent, tmp_path / "demo.rjvault", demo=True)
    assert "made-up" in box.informativeText()
    assert str(tmp_path) not in box.informativeText()


def _about_from_the_menu(qtbot, monkeypatch, window) -> str:
    """Trigger Help › About in ``window``; the text of the box it would show."""
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.informativeText())
        return int(QMessageBox.StandardButton.Close.value)

    monkeypatch.setattr(QMessageBox, "exec", record)
    window.menus.about_action.trigger()
    qtbot.waitUntil(lambda: bool(shown))
    return shown[0]


def test_help_about_in_the_window_names_the_open_journal(qtbot, launch, journal, monkeypatch):
    path, _ = journal
    window = open_journal(qtbot, launch, path)
    text = _about_from_the_menu(qtbot, monkeypatch, window)
    assert f"Your journal is {path}" in text
    assert f"Python {platform.python_version()}" in text


def test_help_about_in_the_demo_window_says_it_is_made_up(qtbot, launch, tmp_path, monkeypatch):
    launcher = launch(tmp_path / "never-made.rjvault", demo=True)
    window = launcher.window
    qtbot.waitUntil(lambda: window.shell is not None)
    text = _about_from_the_menu(qtbot, monkeypatch, window)
    assert "made-up" in text
    assert "never-made" not in text

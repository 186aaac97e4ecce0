"""Help › About: what a bug report needs (versions) and where the journal is."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QWidget

from recovery_journal import __version__
from recovery_journal.ui.about import about_box


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

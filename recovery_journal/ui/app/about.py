"""About Recovery Journal: what it is, what it is not, and its privacy promise."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from recovery_journal import __version__
from recovery_journal.ui.common import icons

ABOUT = (
    "A private journal for your recovery: abstinent days, meetings, contact with your sponsor, "
    "and how things are going over time.\n\n"
    "It is a personal journal, not a clinical service, and it gives no medical advice. "
    "Research findings it mentions describe what was seen in studies, not a promise or a "
    "prediction for you.\n\n"
    "Everything stays on this computer in one encrypted file. The app never connects to the "
    "internet.\n\n"
    "Free software under the GNU General Public License, version 3 or later."
)


def versions() -> str:
    """The versions a bug report needs: the app's, Python's and Qt's (and PySide6's)."""
    return (
        f"Version {__version__} · Python {platform.python_version()} · "
        f"Qt {qVersion()} (PySide6 {PySide6.__version__})"
    )


def journal_place(journal: Path, *, demo: bool) -> str:
    if demo:
        return (
            "This is a demo journal with made-up data, in a temporary folder that is "
            "deleted when you close the app."
        )
    return f"Your journal is {journal}\nIts encrypted backups are in the backups folder beside it."


def about_box(parent: QWidget, journal: Path, *, demo: bool = False) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle("About Recovery Journal")
    box.setIconPixmap(icons.app_icon().pixmap(64, 64))
    box.setText(f"Recovery Journal {__version__}")
    box.setInformativeText(f"{ABOUT}\n\n{journal_place(journal, demo=demo)}\n\n{versions()}")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


def show_about(parent: QWidget, journal: Path, *, demo: bool = False) -> None:
    about_box(parent, journal, demo=demo).exec()

"""About Recovery Journal: what it is, what it is not, and its privacy promise."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from PySide6.QtWidgets import QMessageBox, QWidget

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


def app_version() -> str:
    try:
        return version("recovery-journal")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "development version"


def show_about(parent: QWidget) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle("About Recovery Journal")
    box.setIconPixmap(icons.app_icon().pixmap(64, 64))
    box.setText(f"Recovery Journal {app_version()}")
    box.setInformativeText(ABOUT)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.exec()

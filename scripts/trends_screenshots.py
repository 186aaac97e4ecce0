"""Render the Trends view from the demo journal, light and dark, for the README.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/trends_screenshots.py [OUT_DIR]

Writes ``trends-light.png`` (the top of the page) and ``trends-dark.png`` (scrolled to the
meetings chart) into OUT_DIR (default: docs/screenshots). The journal is the generated demo
(made-up data), opened in a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from recovery_journal.domain.models import Theme
from recovery_journal.services.demo import generate_demo
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.common.theme import apply_theme
from recovery_journal.ui.pages.trends.view import TrendsView
from recovery_journal.vault import KdfParams

TODAY = dt.date(2026, 3, 15)
SIZE = (1280, int(os.environ.get("TRENDS_SHOT_HEIGHT", "1000")))


def settle(view: TrendsView) -> None:
    """Let every chart be built and every layout settle before the picture is taken."""
    deadline = time.monotonic() + 10
    while not view.is_complete and time.monotonic() < deadline:
        QApplication.processEvents()
    for _ in range(10):
        QApplication.processEvents()


def shoot(session: JournalSession, dark: bool, out: Path, scroll_to: str | None = None) -> None:
    apply_theme(Theme.DARK if dark else Theme.LIGHT)
    window = QWidget()
    window.setWindowTitle("Recovery Journal — Trends")
    layout = QVBoxLayout(window)
    view = TrendsView(session, lambda: TODAY, window)
    layout.addWidget(view)
    window.resize(*SIZE)
    window.show()
    view.refresh()
    view.scroll_area.setFocus()  # no keyboard focus ring on a range button in the picture
    settle(view)
    if scroll_to is not None:  # show the middle of the page: more charts, not the same top
        card = view.cards[scroll_to]
        view.scroll_area.verticalScrollBar().setValue(card.y() - 8)
        settle(view)
    image = window.grab()
    image.save(str(out))
    window.close()
    window.deleteLater()
    QApplication.processEvents()


def main() -> int:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        session, _ = JournalSession.create(
            Path(folder) / "demo.rjvault",
            "a long demo passphrase",
            kdf=KdfParams(memory_kib=19 * 1024, iterations=1, lanes=1),
        )
        session.add_all(generate_demo(TODAY))
        try:
            shoot(session, False, out_dir / "trends-light.png")
            shoot(session, True, out_dir / "trends-dark.png", scroll_to="attendance")
        finally:
            session.close()
    del app
    print(f"Wrote {out_dir / 'trends-light.png'} and {out_dir / 'trends-dark.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

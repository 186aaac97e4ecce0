"""Pictures of the Network page (both tabs) and Today's meeting offer, from the demo journal
and a fresh one, light and dark, at 1024×600 and 1366×768, offscreen.

    .venv/bin/python scripts/network_screenshots.py --out FOLDER

Everything happens in a private temporary folder that is removed at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZES = ((1024, 600), (1366, 768))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="where to write the pictures")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="rj-network-shots-"))
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    os.environ["XDG_DATA_HOME"] = str(scratch / "data")
    try:
        shoot(args.out, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


def shoot(out: Path, scratch: Path) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    from recovery_journal.domain.models import Theme
    from recovery_journal.services.session import JournalSession, kdf_for_memory
    from recovery_journal.ui.app.application import make_application
    from recovery_journal.ui.app.demo import DemoJournal
    from recovery_journal.ui.app.main_window import MainWindow
    from recovery_journal.ui.app.prefs import Prefs
    from recovery_journal.ui.common.theme import apply_theme

    app = make_application(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    prefs = Prefs(scratch / "prefs.ini")
    today = dt.date.today()

    def save(widget: QWidget, name: str) -> None:
        for _ in range(8):
            app.processEvents()
        widget.grab().save(str(out / name))
        print(f"wrote {out / name}")

    fresh = scratch / "fresh.rjvault"
    JournalSession.create(fresh, "quiet river morning lantern", kdf=kdf_for_memory(19))[0].close()
    for theme in (Theme.LIGHT, Theme.DARK):
        apply_theme(theme)
        for width, height in SIZES:
            tag = f"{theme.value}-{width}"
            demo = DemoJournal(today)
            try:
                window = MainWindow(demo.path, prefs=prefs)
                window.resize(width, height)
                window.open_session(demo.open())
                window.show()
                save(window, f"today-demo-{tag}.png")
                window.show_page("network")
                save(window, f"network-demo-{tag}.png")
                assert window.shell is not None
                view = window.shell.page("network")
                view.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
                save(window, f"regular-demo-{tag}.png")
                window.show_page("trends")
                save(window, f"trends-demo-{tag}.png")
                window.close()
            finally:
                demo.remove()
            window = MainWindow(fresh, prefs=prefs)
            window.resize(width, height)
            window.open_session(JournalSession.open(fresh, "quiet river morning lantern"))
            window.show()
            window.show_page("network")
            save(window, f"network-fresh-{tag}.png")
            window.close()
    apply_theme(Theme.SYSTEM)
    QApplication.processEvents()


if __name__ == "__main__":
    raise SystemExit(main())

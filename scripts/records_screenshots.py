"""Make the README's screenshots of Calendar, Meetings, Sponsor and Journal, from the demo
journal, offscreen, in the app's own window at 1366×768.

    .venv/bin/python scripts/records_screenshots.py [--out docs/screenshots]

Writes calendar.png, meetings.png, sponsor.png (with the relationship check-in) and
journal.png. Everything happens in a private temporary folder that is removed at the end; the
person's own journal and settings are never touched. Until the four places are registered in
``ui/app/pages.py`` the script registers them itself, for the pictures only.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recovery_journal.domain.models import JournalData

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1366, 768)
TODAY = dt.date(2026, 3, 18)
VIEWS = {
    "calendar": "recovery_journal.ui.pages.calendar.view:CalendarView",
    "meetings": "recovery_journal.ui.pages.meetings.view:MeetingsView",
    "sponsor": "recovery_journal.ui.pages.sponsor.view:SponsorView",
    "journal": "recovery_journal.ui.pages.journal.view:JournalView",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--dark", action="store_true", help="use the dark theme")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="rj-records-screenshots-"))
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    os.environ["XDG_DATA_HOME"] = str(scratch / "data")
    try:
        shoot(args.out, scratch, dark=args.dark)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


def _register_pages() -> None:
    from recovery_journal.ui.app import pages, shell

    specs = tuple(
        dataclasses.replace(spec, view=spec.view or VIEWS.get(spec.key)) for spec in pages.PAGES
    )
    pages.PAGES = specs
    vars(shell)["PAGES"] = specs  # the sidebar reads its own import of the list


def longest_gap(data: JournalData, today: dt.date) -> tuple[dt.date, dt.date]:
    """The longest stretch of days not filled in, more than a month back."""
    recorded = {d.date for d in data.days}
    start = min(recorded)
    best = (today, today)
    day = start
    while day < today - dt.timedelta(days=31):
        if day not in recorded:
            end = day
            while end + dt.timedelta(days=1) not in recorded:
                end += dt.timedelta(days=1)
            if (end - day) > (best[1] - best[0]) or best == (today, today):
                best = (day, end)
            day = end
        day += dt.timedelta(days=1)
    return best


def shoot(out: Path, scratch: Path, *, dark: bool = False) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    from recovery_journal.domain.models import ALLIANCE_ITEMS, Theme
    from recovery_journal.ui.app.application import make_application
    from recovery_journal.ui.app.demo import DemoJournal
    from recovery_journal.ui.app.main_window import MainWindow
    from recovery_journal.ui.app.prefs import Prefs
    from recovery_journal.ui.common.theme import apply_theme
    from recovery_journal.ui.pages.calendar.view import CalendarView
    from recovery_journal.ui.pages.journal.view import JournalView
    from recovery_journal.ui.pages.sponsor.view import SponsorView

    app = make_application(sys.argv[:1])
    _register_pages()
    out.mkdir(parents=True, exist_ok=True)
    apply_theme(Theme.DARK if dark else Theme.LIGHT)
    suffix = "-dark" if dark else ""

    def settle() -> None:
        for _ in range(8):
            app.processEvents()

    def save(widget: QWidget, name: str) -> None:
        settle()
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        print(f"wrote {path}")

    demo = DemoJournal(TODAY)
    try:
        session = demo.open()
        session.update_settings(country="GB")
        window = MainWindow(demo.path, prefs=Prefs(scratch / "prefs.ini"), today=lambda: TODAY)
        window.resize(*SIZE)
        window.open_session(session)
        window.show()
        assert window.shell is not None and window.controller is not None

        # Calendar: a month with days not filled in yet, selected to be marked in one go.
        window.show_page("calendar")
        calendar = window.shell.page("calendar")
        assert isinstance(calendar, CalendarView)
        first, last = longest_gap(window.controller.data(), TODAY)
        calendar.show_date(first)
        calendar.grid.select_range(first, last)
        save(window, "calendar")

        window.show_page("meetings")
        save(window, "meetings")

        # Sponsor: the relationship check-in, partly answered, with its score.
        window.show_page("sponsor")
        sponsor = window.shell.page("sponsor")
        assert isinstance(sponsor, SponsorView)
        sponsor.tabs.setCurrentIndex(1)
        answers = dict(zip(ALLIANCE_ITEMS, (4, 3, 3, 1, 3, None, 3, 4), strict=True))
        for item, value in answers.items():
            sponsor.checkin_form.set_answer(item, value)
        sponsor.history.table.select_row(0)
        save(window, "sponsor")

        window.show_page("journal")
        journal = window.shell.page("journal")
        assert isinstance(journal, JournalView)
        journal.entries.setFocus()
        save(window, "journal")
        window.close()
    finally:
        demo.remove()
    apply_theme(Theme.SYSTEM)
    QApplication.processEvents()


if __name__ == "__main__":
    raise SystemExit(main())

"""The four places inside the real window: registered as the lead will register them, shown
from the sidebar, saving what they hold when left, finding a day note's day in the Calendar
through the window, and every record there after the app restarts.

The registrations below are the ones to put in ``ui/app/pages.py``; until they are there, this
test puts them in place itself (so it also checks that the "module:Class" strings are right).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt

from recovery_journal.domain.models import DayStatus
from recovery_journal.ui.app import pages, shell
from recovery_journal.ui.pages.calendar.view import CalendarView
from recovery_journal.ui.pages.journal.view import JournalView
from recovery_journal.ui.pages.meetings.view import MeetingsView
from recovery_journal.ui.pages.sponsor.view import SponsorView
from tests.ui.conftest import TODAY, open_journal

REGISTRATIONS = {
    "calendar": "recovery_journal.ui.pages.calendar.view:CalendarView",
    "meetings": "recovery_journal.ui.pages.meetings.view:MeetingsView",
    "sponsor": "recovery_journal.ui.pages.sponsor.view:SponsorView",
    "journal": "recovery_journal.ui.pages.journal.view:JournalView",
}
CLASSES = {
    "calendar": CalendarView,
    "meetings": MeetingsView,
    "sponsor": SponsorView,
    "journal": JournalView,
}


@pytest.fixture(autouse=True)
def registered(monkeypatch):
    patched = tuple(
        dataclasses.replace(spec, view=spec.view or REGISTRATIONS.get(spec.key))
        for spec in pages.PAGES
    )
    monkeypatch.setattr(pages, "PAGES", patched)
    monkeypatch.setattr(shell, "PAGES", patched)


def test_the_places_in_the_window(qtbot, launch, journal):
    path, _code = journal
    window = open_journal(qtbot, launch, path)
    for key, kind in CLASSES.items():
        window.show_page(key)
        assert isinstance(window.shell.page(key), kind)
        assert window.shell.current_key == key

    # Write in the Journal, then leave it before the pause is over: it is kept.
    window.show_page("journal")
    journal_page = window.shell.page("journal")
    assert isinstance(journal_page, JournalView)
    journal_page.new_entry()
    qtbot.keyClicks(journal_page.editor.body, "Walked to the lighthouse and back.")
    window.show_page("meetings")
    session = window.controller.session
    assert [e.body for e in session.data().journal_entries] == [
        "Walked to the lighthouse and back."
    ]

    # Mark three days in the Calendar; the day note search finds one through the window.
    window.show_page("calendar")
    calendar = window.shell.page("calendar")
    assert isinstance(calendar, CalendarView)
    calendar.grid.setFocus()
    qtbot.keyClick(calendar.grid, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(calendar.grid, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    calendar.panel.mark_buttons[DayStatus.ABSTINENT].click()
    assert window.controller.stats().pda["30"].abstinent == 3
    day = TODAY - dt.timedelta(days=1)
    record = session.get_day(day)
    assert record is not None
    session.save_day(dataclasses.replace(record, note="Lighthouse again, with Sam."))
    window.show_page("journal")
    journal_page.search.setText("lighthouse")
    journal_page.run_search()
    hit = next(
        journal_page.results.item(i)
        for i in range(journal_page.results.count())
        if journal_page.results.item(i).text().startswith("Day note")
    )
    journal_page.open_hit(hit)
    assert window.shell.current_key == "calendar"
    assert calendar.grid.current == day

    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    window = open_journal(qtbot, launch, path)
    data = window.controller.data()
    assert len(data.journal_entries) == 1
    assert {d.date for d in data.days} == {TODAY - dt.timedelta(days=n) for n in range(3)}

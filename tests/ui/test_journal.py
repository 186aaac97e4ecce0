"""Journal: writing with autosave (the cursor stays put), search over entries and day notes,
a day note opening the Calendar, delete and undo, and everything there after a restart."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from recovery_journal.domain.models import DayRecord, DayStatus, JournalData, JournalEntry
from recovery_journal.ui.pages.calendar.view import CalendarView
from recovery_journal.ui.pages.journal.view import JournalView
from tests.ui.test_accessibility import unnamed_controls, unreachable_controls
from tests.ui.test_journal_support import Journal, page


def _utc(day: dt.date, hour: int = 21) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour)).replace(tzinfo=dt.UTC)


ENTRIES = (
    JournalEntry(
        created_at=_utc(dt.date(2026, 3, 1)),
        title="A good week",
        body="Went to three meetings and called my sponsor twice.",
        tags=("meetings",),
    ),
    JournalEntry(
        created_at=_utc(dt.date(2026, 3, 10)),
        title="Harder today",
        body="Cravings in the evening; walked by the canal until they passed.",
        tags=("cravings",),
        date=dt.date(2026, 3, 9),
    ),
)
DAYS = (
    DayRecord(
        date=dt.date(2026, 3, 4),
        status=DayStatus.ABSTINENT,
        note="Lighthouse walk with my sister.",
    ),
)


@pytest.fixture
def journal(tmp_path):
    journal = Journal(tmp_path, JournalData(journal_entries=ENTRIES, days=DAYS))
    yield journal
    journal.close()


@pytest.fixture
def view(qtbot, journal) -> JournalView:
    view = page(qtbot, journal, JournalView)
    assert isinstance(view, JournalView)
    return view


def _titles(view: JournalView) -> list[str]:
    return [view.model.entry(row).title for row in range(view.model.rowCount())]


def test_the_list_is_newest_first_and_opens_the_newest(view):
    assert _titles(view) == ["Harder today", "A good week"]
    assert view.editor.title.text() == "Harder today"
    assert view.editor.date.value() == dt.date(2026, 3, 9)
    assert view.editor.tags.text() == "cravings"


def test_writing_is_kept_while_typing_and_the_cursor_stays(qtbot, view, journal):
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = view.editor
    assert editor.entry is None and editor.body.hasFocus()
    qtbot.keyClicks(editor.body, "Slept well. ")
    assert journal.session.data().journal_entries == journal.controller.data().journal_entries
    assert len(journal.session.data().journal_entries) == 2  # not yet: a pause first
    qtbot.waitUntil(lambda: len(journal.session.data().journal_entries) == 3)
    assert view.status.text().startswith("Kept at")
    entry = editor.entry
    assert entry is not None and entry.body == "Slept well. "
    assert _titles(view)[0] == ""  # the new entry leads the list (no title yet)
    assert view.entries.currentIndex().row() == 0

    # Move the cursor into the middle, type, let it be kept: the cursor and text stay put.
    cursor = editor.body.textCursor()
    cursor.setPosition(len("Slept well."))
    editor.body.setTextCursor(cursor)
    qtbot.keyClicks(editor.body, " Really")
    position = editor.body.textCursor().position()
    qtbot.waitUntil(lambda: editor.entry.body == "Slept well. Really ")  # kept after the pause
    assert editor.body.textCursor().position() == position
    assert editor.body.toPlainText() == "Slept well. Really "
    qtbot.keyClicks(editor.title, "Rest")
    qtbot.keyClicks(editor.tags, "sleep, #rest, sleep")
    view.flush()  # as when leaving the page or locking
    stored = next(e for e in journal.session.data().journal_entries if e.id == entry.id)
    assert (stored.title, stored.tags) == ("Rest", ("sleep", "rest"))
    assert editor.title.text() == "Rest"  # the field was not refilled by the save

    data = journal.reopen()
    again = next(e for e in data.journal_entries if e.title == "Rest")
    assert again.body == "Slept well. Really " and again.tags == ("sleep", "rest")


def test_an_entry_emptied_is_not_kept_and_says_why(qtbot, view, journal):
    editor = view.editor
    editor.title.clear()
    editor.body.selectAll()
    editor.body.textCursor().removeSelectedText()
    editor.title.textEdited.emit("")
    view.flush()
    assert editor.message.isVisible()
    assert "Write a few words to keep it" in editor.message.text()
    stored = next(e for e in journal.session.data().journal_entries if e.title == "Harder today")
    assert stored.body.startswith("Cravings")


def test_search_finds_an_entry_and_a_day_note(qtbot, view, journal):
    view.search.setFocus()
    qtbot.keyClicks(view.search, "canal")
    qtbot.waitUntil(lambda: view.results.count() == 1)
    assert view.lists.currentWidget() is view.results
    item = view.results.item(0)
    assert "Harder today" in item.text() and "canal" in item.text()
    assert view.found.text().startswith("1 found")
    good_week = next(e for e in journal.session.data().journal_entries if e.title == "A good week")
    view.open_entry(good_week)
    assert view.editor.title.text() == "A good week"
    view.results.itemClicked.emit(item)
    assert view.editor.title.text() == "Harder today"

    view.search.clear()
    qtbot.keyClicks(view.search, "nothing like this")
    view.run_search()
    assert view.results.count() == 0 and "Nothing found" in view.found.text()
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert view.search.text() == ""
    view.run_search()
    assert view.lists.currentWidget() is view.entries


def test_a_day_note_found_opens_that_day_in_the_calendar(qtbot, view, journal):
    calendar = page(qtbot, journal, CalendarView)
    asked: list[str] = []

    def navigate(key: str) -> None:  # as the window does: show the page, then refresh it
        asked.append(key)
        calendar.refresh()

    journal.controller.navigate.connect(navigate)
    qtbot.keyClicks(view.search, "lighthouse")
    view.search.setFocus()
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.results.hasFocus() and view.results.count() == 1
    assert view.results.item(0).text().startswith("Day note")
    qtbot.keyClick(view.results, Qt.Key.Key_Return)
    assert asked == ["calendar"]
    assert calendar.grid.current == dt.date(2026, 3, 4)
    assert "Lighthouse walk" in calendar.panel.details.text()


def test_delete_an_entry_and_bring_it_back(qtbot, view, journal):
    view.entries.setFocus()
    qtbot.keyClick(view.entries, Qt.Key.Key_Delete)
    assert _titles(view) == ["A good week"]
    assert view.editor.title.text() == "A good week"
    assert "Deleted “Harder today”" in view.undo_bar.label.text()
    qtbot.keyClick(view.entries, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _titles(view) == ["Harder today", "A good week"]
    assert view.editor.title.text() == "Harder today"
    data = journal.reopen()
    restored = next(e for e in data.journal_entries if e.title == "Harder today")
    assert restored.date == dt.date(2026, 3, 9) and restored.tags == ("cravings",)


def test_switching_entries_keeps_what_was_typed(qtbot, view, journal):
    editor = view.editor
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.body, " Then slept.")
    view.entries.setCurrentIndex(view.model.index(1, 0))  # before the pause is over
    assert editor.title.text() == "A good week"
    stored = next(e for e in journal.session.data().journal_entries if e.title == "Harder today")
    assert stored.body.endswith("Then slept.")


def test_every_control_is_named_and_reachable(qtbot, view):
    assert not unnamed_controls(view), unnamed_controls(view)
    assert not unreachable_controls(view), unreachable_controls(view)

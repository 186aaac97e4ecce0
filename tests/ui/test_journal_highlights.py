"""Journal search shows the words it found: marked in each result (bold, underlined, on a
highlighter colour) and in the entry opened from a result."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage

from recovery_journal.domain.models import DayRecord, DayStatus, JournalData, JournalEntry
from recovery_journal.domain.search_words import found_spans, search_words
from recovery_journal.ui.pages.journal.delegate import FOUND_ROLE, marker_colour
from recovery_journal.ui.pages.journal.entry_list import unmarked
from recovery_journal.ui.pages.journal.view import JournalView
from tests.ui.conftest import settle
from tests.ui.test_journal_support import Journal, page

ENTRIES = (
    JournalEntry(
        created_at=dt.datetime(2026, 3, 10, 21, tzinfo=dt.UTC),
        title="Harder today",
        body="Cravings in the evening; walked by the canal until they passed. The café was shut.",
    ),
)
DAYS = (DayRecord(date=dt.date(2026, 3, 4), status=DayStatus.ABSTINENT, note="Canal walk."),)


@pytest.fixture
def view(qtbot, tmp_path):
    journal = Journal(tmp_path, JournalData(journal_entries=ENTRIES, days=DAYS))
    view = page(qtbot, journal, JournalView)
    assert isinstance(view, JournalView)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    yield view
    journal.close()


def _marker_pixels(image: QImage, area: QRect, colour: QColor) -> int:
    return sum(
        1
        for x in range(area.left(), area.right())
        for y in range(area.top(), area.bottom())
        if QColor(image.pixel(x, y)) == colour
    )


def test_each_result_marks_the_words_found(qtbot, view):
    qtbot.keyClicks(view.search, "canal walk")
    qtbot.waitUntil(lambda: view.results.count() == 2)
    for row in range(view.results.count()):
        item = view.results.item(row)
        snippet = item.text().split("\n", 1)[1]
        found = item.data(FOUND_ROLE)
        words = sorted({snippet[start : start + length].lower() for start, length in found})
        assert "canal" in words and any(w.startswith("walk") for w in words), words
        assert "\ue000" not in item.text()  # the marks are not shown as characters
    # drawn: the highlighter colour is on screen behind the words (row not selected)
    view.results.clearSelection()
    view.results.setCurrentRow(-1)
    settle(qtbot)
    image = view.results.viewport().grab().toImage()
    marker = marker_colour(dark=False)
    rect = view.results.visualItemRect(view.results.item(0))
    assert _marker_pixels(image, rect, marker) > 20


def test_the_entry_opened_from_a_result_shows_the_words_found(qtbot, view):
    qtbot.keyClicks(view.search, "cafe cravings")
    qtbot.waitUntil(lambda: view.results.count() == 1)
    view.results.itemClicked.emit(view.results.item(0))
    assert view.editor.title.text() == "Harder today"
    assert view.editor.found_marks == ["Cravings", "café"]  # accents and case ignored
    assert view.editor.body.textCursor().position() == 0  # at the first word found
    view.editor.body.textCursor().insertText("Hard. ")  # editing lets the marks go
    assert view.editor.found_marks == []


def test_an_entry_opened_from_the_list_has_no_marks(qtbot, view):
    qtbot.keyClicks(view.search, "canal")
    qtbot.waitUntil(lambda: view.results.count() == 2)
    entry = view.controller.data().journal_entries[0]
    view.open_entry(entry)
    assert view.editor.found_marks == []


def test_the_words_are_found_as_the_search_finds_them():
    text = "Walked by the canal; Ça va. walkers"
    assert search_words("walk ça!") == ["walk", "ça"]
    spans = found_spans(text, "walk ca")
    assert [text[s : s + n] for s, n in spans] == ["Walked", "canal", "Ça", "walkers"]
    assert found_spans(text, "  ") == []
    assert unmarked("a \ue000canal\ue001 walk") == ("a canal walk", [(2, 5)])

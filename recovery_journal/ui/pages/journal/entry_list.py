"""The Journal page's left side: the entries, newest first, or — while something is typed in
the search box — what the search found in entries and day notes (``session.search``, SQLite
FTS5).

``entry_picked(entry)`` when an entry is chosen in the list; ``hit_opened(kind, id, date)``
when a search result is opened (``kind`` is "entry" or "day").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.models import JournalEntry
from recovery_journal.ui.common.record_table import name_clear_button
from recovery_journal.ui.common.widgets import named, wrapped
from recovery_journal.ui.pages.journal.delegate import TwoLineDelegate
from recovery_journal.ui.pages.journal.model import EntriesModel, nice_date

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController

#: Searching starts after this pause in typing.
SEARCH_PAUSE_MS = 150
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class EntryList(QWidget):
    entry_picked = Signal(object)
    hit_opened = Signal(str, object, object)

    def __init__(
        self,
        controller: JournalController,
        before_search: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._before_search = before_search
        self._selecting = False
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.run_search)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.search = named(QLineEdit(self), "Search entries and day notes")
        self.search.setPlaceholderText("Search entries and day notes…")
        self.search.setClearButtonEnabled(True)
        name_clear_button(self.search, "Clear the search")
        self.search.setToolTip("Search your entries and the notes of your days (Ctrl+F)")
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._enter_results)
        column.addWidget(self.search)
        self.lists = QStackedWidget(self)
        self.model = EntriesModel(self)
        self.entries = named(QListView(self.lists), "Journal entries, newest first")
        self.entries.setModel(self.model)
        self.entries.setItemDelegate(TwoLineDelegate(self.entries))
        self.entries.setUniformItemSizes(True)
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entries.selectionModel().currentChanged.connect(lambda cur, _prev: self._picked(cur))
        self.results = named(QListWidget(self.lists), "Search results")
        self.results.setItemDelegate(TwoLineDelegate(self.results, second_lines=2))
        self.results.setUniformItemSizes(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.itemActivated.connect(self.open_hit)
        self.results.itemClicked.connect(self.open_hit)
        self.lists.addWidget(self.entries)
        self.lists.addWidget(self.results)
        column.addWidget(self.lists, 1)
        self.found = QLabel(self)
        self.found.setWordWrap(True)
        column.addWidget(self.found)
        self.empty = wrapped(
            "No entries yet. Press “New entry” and write a few words — about today, about "
            "anything. It is kept as you type.",
            self,
            muted=True,
        )
        column.addWidget(self.empty)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.search.clear)

    @property
    def searching(self) -> bool:
        return bool(self.search.text().strip())

    # -- the entries ----------------------------------------------------------------------------
    def set_entries(self, entries: tuple[JournalEntry, ...]) -> None:
        """Show ``entries`` (the selection is kept by the caller, not re-picked)."""
        self._selecting = True
        self.model.set_entries(entries)
        self._selecting = False

    def show_empty(self, no_entries: bool) -> None:
        self.empty.setVisible(no_entries and not self.searching)
        if self.searching:
            self._search_timer.start()  # later, never while a result is being opened

    def select_row(self, row: int) -> None:
        self._selecting = True
        index = self.model.index(row, 0)
        self.entries.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.entries.scrollTo(index)
        self._selecting = False

    def select_entry(self, entry: JournalEntry | None) -> None:
        row = self.model.row_of(entry.id) if entry is not None else None
        if row is None:
            self._selecting = True
            self.entries.selectionModel().clearSelection()
            self._selecting = False
        elif self.entries.currentIndex().row() != row:
            self.select_row(row)

    def _picked(self, index: Any) -> None:
        if self._selecting or not index.isValid():
            return
        self.entry_picked.emit(self.model.entry(index.row()))

    # -- searching ------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.search.text().strip()
        if not text:
            self.lists.setCurrentWidget(self.entries)
            self.found.setText("")
            self.empty.setVisible(self.model.rowCount() == 0)
            return
        self._before_search()
        hits = self.controller.session.search(text)
        self.results.clear()
        today = self.controller.today()
        for hit in hits:
            if hit.kind == "day":
                top = f"Day note · {nice_date(hit.date, today)}"
            else:
                top = f"{hit.title or 'Journal entry'} · {nice_date(hit.date, today)}"
            snippet = " ".join(hit.snippet.split())
            item = QListWidgetItem(f"{top}\n{snippet}", self.results)
            item.setData(HIT_ROLE, (hit.kind, hit.id, hit.date))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{top}: {snippet}")
            tip = "Opens this day in the Calendar" if hit.kind == "day" else "Opens this entry"
            item.setToolTip(tip)
        self.lists.setCurrentWidget(self.results)
        self.empty.hide()
        if hits:
            count = len(hits)
            more = " (the best 100)" if count >= 100 else ""
            self.found.setText(
                f"{count} found{more}. Day notes open in the Calendar."
                if any(h.kind == "day" for h in hits)
                else f"{count} found{more}."
            )
        else:
            self.found.setText(
                f"Nothing found for “{text}”. Try fewer words, or the start of a word."
            )
        self.found.setAccessibleName(self.found.text())

    def _enter_results(self) -> None:
        self.run_search()
        if self.results.count():
            self.results.setFocus()
            self.results.setCurrentRow(0)

    def open_hit(self, item: QListWidgetItem) -> None:
        kind, hit_id, day = item.data(HIT_ROLE)
        self.hit_opened.emit(kind, hit_id, day)

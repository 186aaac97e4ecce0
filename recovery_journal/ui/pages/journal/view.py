"""Journal: longer entries in your own words, with tags and an optional day, and search.

The list on the left holds the entries, newest first; the editor on the right the one open.
What is typed is kept automatically after a short pause (and when leaving the page, locking or
closing) through ``session.update_journal_entry``, without touching the text being edited, so
the cursor stays where it is. The search box looks through entries and day notes at once
(``session.search``, SQLite FTS5); a day note found opens that day in the Calendar.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.models import JournalEntry
from recovery_journal.domain.validation import validate_journal_entry
from recovery_journal.ui.app.navigation import show_in_calendar
from recovery_journal.ui.common.completion import used_texts
from recovery_journal.ui.common.feedback import Undoable, UndoBar, UndoStack
from recovery_journal.ui.common.messages import unexpected_text
from recovery_journal.ui.common.record_table import name_clear_button
from recovery_journal.ui.common.widgets import heading, named, wrapped
from recovery_journal.ui.pages.journal.delegate import TwoLineDelegate
from recovery_journal.ui.pages.journal.editor import EntryEditor
from recovery_journal.ui.pages.journal.model import EntriesModel, entry_title, nice_date

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController

#: Typing is kept after this pause.
AUTOSAVE_MS = 800
#: Searching starts after this pause in typing.
SEARCH_PAUSE_MS = 150
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class JournalView(QWidget):
    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setAccessibleName("Journal")
        self.undo_stack = UndoStack()
        self._selecting = False
        self._shown: tuple[JournalEntry, ...] | None = None
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(AUTOSAVE_MS)
        self._save_timer.timeout.connect(self.flush)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.run_search)

        layout = QVBoxLayout(self)
        space = self.fontMetrics().height()
        layout.setContentsMargins(space, space // 2, space, space // 2)
        layout.setSpacing(space // 2)
        bar = QHBoxLayout()
        bar.addWidget(heading("Journal", 1, self), 1)
        self.new_button = named(QPushButton("&New entry", self), "New entry", "Ctrl+N")
        self.new_button.setToolTip("Start a new entry (Ctrl+N)")
        self.new_button.clicked.connect(self.new_entry)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        left = QWidget(split)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.search = named(QLineEdit(left), "Search entries and day notes")
        self.search.setPlaceholderText("Search entries and day notes…")
        self.search.setClearButtonEnabled(True)
        name_clear_button(self.search, "Clear the search")
        self.search.setToolTip("Search your entries and the notes of your days (Ctrl+F)")
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._enter_results)
        column.addWidget(self.search)
        self.lists = QStackedWidget(left)
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
        self.found = QLabel(left)
        self.found.setWordWrap(True)
        column.addWidget(self.found)
        self.empty = wrapped(
            "No entries yet. Press “New entry” and write a few words — about today, about "
            "anything. It is kept as you type.",
            left,
            muted=True,
        )
        column.addWidget(self.empty)

        right = QWidget(split)
        editor_column = QVBoxLayout(right)
        editor_column.setContentsMargins(space, 0, 0, 0)
        self.editor = EntryEditor(controller.today(), right)
        self.editor.edited.connect(self._edited)
        editor_column.addWidget(self.editor, 1)
        bottom = QHBoxLayout()
        self.status = QLabel(right)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        bottom.addWidget(self.status, 1)
        self.delete_button = named(QPushButton("De&lete entry", right), "Delete this entry")
        self.delete_button.setToolTip("Delete this entry (you can undo it)")
        self.delete_button.clicked.connect(self.delete_entry)
        bottom.addWidget(self.delete_button)
        editor_column.addLayout(bottom)
        self.undo_bar = UndoBar(right)
        self.undo_bar.undo_button.clicked.connect(self.undo)
        editor_column.addWidget(self.undo_bar)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([space * 20, space * 40])
        layout.addWidget(split, 1)

        for keys, slot in (
            (QKeySequence.StandardKey.New, self.new_entry),
            (QKeySequence.StandardKey.Find, self.focus_search),
            (QKeySequence.StandardKey.Undo, self.undo),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.entries)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_entry)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.search.clear)

        self.refresh()
        if self.model.rowCount():
            self._select_row(0)
            self.editor.load(self.model.entry(0))
        else:
            self.editor.load(None)
        self.delete_button.setEnabled(self.editor.entry is not None)
        self._show_status("")

    # -- the page protocol ----------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.controller.is_unlocked:
            return
        data = self.controller.data()
        self.model.today = self.controller.today()
        if data.journal_entries != self._shown:
            self._shown = data.journal_entries
            self._selecting = True
            self.model.set_entries(data.journal_entries)
            self._selecting = False
            self.editor.set_known_tags(used_texts(t for e in data.journal_entries for t in e.tags))
            current = self.editor.entry
            if current is not None and self.model.row_of(current.id) is None:
                self.editor.load(None)  # deleted meanwhile
                self._show_status("")
            self._select_entry(self.editor.entry)
        self.empty.setVisible(not data.journal_entries and not self.search.text().strip())
        self.delete_button.setEnabled(self.editor.entry is not None)
        if self.search.text().strip():
            self._search_timer.start()  # later, never while a result is being opened

    def flush(self) -> None:
        """Keep what is typed now."""
        self._save_timer.stop()
        if self.controller.is_unlocked:
            self._save()

    def focus_first(self) -> None:
        if self.editor.entry is None and self.editor.is_blank():
            self.editor.body.setFocus()
        else:
            self.entries.setFocus()

    # -- writing and keeping --------------------------------------------------------------------
    def _edited(self) -> None:
        self._show_status("Not kept yet…")
        self._save_timer.start()

    def _save(self) -> bool:
        editor = self.editor
        if editor.entry is None and editor.is_blank():
            return True  # nothing written yet: nothing to keep
        record = editor.record(now_utc())
        if editor.entry is not None and record == editor.entry:
            return True
        errors = validate_journal_entry(record)
        if errors:
            editor.message.show_message(
                "This entry is empty now. Write a few words to keep it, or delete it."
                if any(e.field == "body" for e in errors)
                else errors[0].message
            )
            self._show_status("")
            return False
        editor.message.clear_message()
        session = self.controller.session
        try:
            if record.id is None:
                stored = session.add_journal_entry(record)
            else:
                stored = session.update_journal_entry(record)
        except Exception as error:  # a storage refusal: say so, keep the text
            editor.message.show_message(unexpected_text(error))
            return False
        editor.stored(stored)
        self.refresh()
        self._select_entry(stored)
        self._show_status(f"Kept at {dt.datetime.now():%H:%M}.")
        return True

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text or "Nothing to keep yet")

    # -- choosing entries -----------------------------------------------------------------------
    def _select_row(self, row: int) -> None:
        self._selecting = True
        index = self.model.index(row, 0)
        self.entries.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.entries.scrollTo(index)
        self._selecting = False

    def _select_entry(self, entry: JournalEntry | None) -> None:
        row = self.model.row_of(entry.id) if entry is not None else None
        if row is None:
            self._selecting = True
            self.entries.selectionModel().clearSelection()
            self._selecting = False
        elif self.entries.currentIndex().row() != row:
            self._select_row(row)

    def _picked(self, index: Any) -> None:
        if self._selecting or not index.isValid():
            return
        self.open_entry(self.model.entry(index.row()))

    def open_entry(self, entry: JournalEntry, *, focus: bool = False) -> None:
        """Keep what is being written, then open ``entry``."""
        self.flush()
        if self.editor.entry is None or self.editor.entry.id != entry.id:
            stored = next(
                (e for e in self.controller.data().journal_entries if e.id == entry.id), entry
            )
            self.editor.load(stored)
            self._show_status("")
        self._select_entry(entry)
        self.delete_button.setEnabled(True)
        if focus:
            self.editor.body.setFocus()

    def new_entry(self) -> None:
        self.flush()
        self.editor.load(None)
        self._select_entry(None)
        self._show_status("")
        self.delete_button.setEnabled(False)
        self.editor.body.setFocus()

    def delete_entry(self) -> None:
        self._save_timer.stop()
        entry = self.editor.entry
        if entry is None or entry.id is None:
            self.editor.load(None)
            return
        row = self.model.row_of(entry.id) or 0
        session = self.controller.session
        kept = self.editor.record(now_utc())  # with what was typed last
        session.delete_journal_entry(entry.id)
        self.editor.load(None)
        self.refresh()
        if self.model.rowCount():
            row = min(row, self.model.rowCount() - 1)
            self._select_row(row)
            self.editor.load(self.model.entry(row))
        self.delete_button.setEnabled(self.editor.entry is not None)

        def undo() -> None:
            self.flush()
            restored = session.add_journal_entry(
                JournalEntry(
                    created_at=kept.created_at,
                    body=kept.body,
                    title=kept.title,
                    tags=kept.tags,
                    date=kept.date,
                )
            )
            self.refresh()
            self.open_entry(restored)

        self.undo_stack.push(Undoable(undo, "Brought back."))
        self.undo_bar.say(f"Deleted “{entry_title(kept)}”.", True)

    def undo(self) -> None:
        step = self.undo_stack.pop()
        if step is None:
            return
        step.undo()
        self.undo_bar.say(step.done, bool(len(self.undo_stack)))

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
        self.flush()
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
        if kind == "day":
            self.flush()
            show_in_calendar(self.controller, day)
            return
        entry = next((e for e in self.controller.data().journal_entries if e.id == hit_id), None)
        if entry is not None:
            self.open_entry(entry)

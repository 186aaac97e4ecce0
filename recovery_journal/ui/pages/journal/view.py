"""Journal: longer entries in your own words, with tags and an optional day, and search.

The list on the left holds the entries, newest first; the editor on the right the one open.
What is typed is kept automatically after a short pause (and when leaving the page, locking or
closing) through ``session.update_journal_entry``, without touching the text being edited, so
the cursor stays where it is. The search box looks through entries and day notes at once
(``session.search``, SQLite FTS5); a day note found opens that day in the Calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.models import JournalEntry
from recovery_journal.services.errors import (
    InvalidRecordError,
    RecordConflictError,
    RecordNotFoundError,
)
from recovery_journal.ui.app.navigation import show_in_calendar
from recovery_journal.ui.common.completion import used_texts
from recovery_journal.ui.common.feedback import UndoBar, delete_with_undo
from recovery_journal.ui.common.widgets import heading, named
from recovery_journal.ui.pages.journal.editor import EntryEditor
from recovery_journal.ui.pages.journal.entry_list import EntryList
from recovery_journal.ui.pages.journal.model import entry_title

if TYPE_CHECKING:
    from recovery_journal.domain.validation import Record
    from recovery_journal.ui.app.controller import JournalController

#: Typing is kept after this pause.
AUTOSAVE_MS = 800


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class JournalView(QWidget):
    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setAccessibleName("Journal")
        self._shown: tuple[JournalEntry, ...] | None = None
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(AUTOSAVE_MS)
        self._save_timer.timeout.connect(self.flush)

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
        left = EntryList(controller, self.flush, split)
        left.entry_picked.connect(self.open_entry)
        left.hit_opened.connect(self._hit_opened)
        self.entry_list = left
        # The list's controls by name, as the page's own (tests drive them).
        self.search, self.lists, self.model = left.search, left.lists, left.model
        self.entries, self.results, self.found = left.entries, left.results, left.found
        self.run_search, self.open_hit = left.run_search, left.open_hit

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
        editor_column.addWidget(self.undo_bar)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([space * 20, space * 40])
        layout.addWidget(split, 1)

        for keys, slot in (
            (QKeySequence.StandardKey.New, self.new_entry),
            (QKeySequence.StandardKey.Find, left.focus_search),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.entries)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_entry)

        self.refresh()
        if self.model.rowCount():
            left.select_row(0)
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
            self.entry_list.set_entries(data.journal_entries)
            self.editor.set_known_tags(used_texts(t for e in data.journal_entries for t in e.tags))
            current = self.editor.entry
            if current is not None and self.model.row_of(current.id) is None:
                self.editor.load(None)  # deleted meanwhile
                self._show_status("")
            self.entry_list.select_entry(self.editor.entry)
        self.delete_button.setEnabled(self.editor.entry is not None)
        self.entry_list.show_empty(not data.journal_entries)

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
        session = self.controller.session
        try:
            if record.id is None:
                stored = session.add_journal_entry(record)
            else:
                stored = session.update_journal_entry(record)
        except InvalidRecordError as error:  # checked first: nothing was written
            editor.message.show_message(
                "This entry is empty now. Write a few words to keep it, or delete it."
                if error.for_field("body")
                else error.errors[0].message
            )
            self._show_status("")
            return False
        except (RecordConflictError, RecordNotFoundError) as error:  # say so, keep the text
            editor.message.show_message(f"{error} Your text is still here.")
            self._show_status("")
            return False
        editor.message.clear_message()
        editor.stored(stored)
        self.refresh()
        self.entry_list.select_entry(stored)
        self._show_status(f"Kept at {dt.datetime.now():%H:%M}.")
        return True

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text or "Nothing to keep yet")

    # -- choosing entries -----------------------------------------------------------------------
    def open_entry(self, entry: JournalEntry, *, focus: bool = False) -> None:
        """Keep what is being written, then open ``entry``."""
        self.flush()
        if self.editor.entry is None or self.editor.entry.id != entry.id:
            stored = next(
                (e for e in self.controller.data().journal_entries if e.id == entry.id), entry
            )
            self.editor.load(stored)
            self._show_status("")
        self.entry_list.select_entry(entry)
        self.delete_button.setEnabled(True)
        if focus:
            self.editor.body.setFocus()

    def new_entry(self) -> None:
        self.flush()
        self.editor.load(None)
        self.entry_list.select_entry(None)
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
        kept = self.editor.record(now_utc())  # with what was typed last: an undo brings it

        def shown(now: Sequence[Record]) -> None:
            self.refresh()
            if now and isinstance(now[0], JournalEntry):
                self.open_entry(now[0])

        if not delete_with_undo(
            self.controller,
            [kept],
            self.undo_bar,
            action="delete the journal entry",
            said=f"Deleted “{entry_title(kept)}”.",
            shown=shown,
        ):
            return
        self.editor.load(None)
        self.refresh()
        if self.model.rowCount():
            row = min(row, self.model.rowCount() - 1)
            self.entry_list.select_row(row)
            self.editor.load(self.model.entry(row))
        self.delete_button.setEnabled(self.editor.entry is not None)

    # -- search results -------------------------------------------------------------------------
    def _hit_opened(self, kind: str, hit_id: int | None, day: dt.date) -> None:
        """A day note found opens that day in the Calendar; an entry opens here."""
        if kind == "day":
            self.flush()
            show_in_calendar(self.controller, day)
            return
        entry = next((e for e in self.controller.data().journal_entries if e.id == hit_id), None)
        if entry is not None:
            self.open_entry(entry)

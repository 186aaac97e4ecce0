"""The list of journal entries (newest first), and the words for an entry and a search hit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from recovery_journal.domain.models import JournalEntry

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def entry_day(entry: JournalEntry) -> dt.date:
    """The day an entry is about: its own date, else the local day it was written."""
    return entry.date or entry.created_at.astimezone().date()


def nice_date(day: dt.date, today: dt.date | None = None) -> str:
    if today is not None and day == today:
        return "Today"
    if today is not None and day == today - dt.timedelta(days=1):
        return "Yesterday"
    return f"{day:%a} {day.day} {day:%B %Y}"


def entry_title(entry: JournalEntry) -> str:
    if entry.title.strip():
        return entry.title.strip()
    body = entry.body.strip()
    first = body.splitlines()[0] if body else ""
    return (first[:60] + "…" if len(first) > 60 else first) or "Untitled entry"


def entry_line(entry: JournalEntry, today: dt.date | None = None) -> str:
    parts = [nice_date(entry_day(entry), today)]
    if entry.tags:
        parts.append(", ".join(f"#{tag}" for tag in entry.tags))
    return " · ".join(parts)


def sort_key(entry: JournalEntry) -> tuple[dt.datetime, int]:
    return (entry.created_at, entry.id or 0)


class EntriesModel(QAbstractListModel):
    """Entries newest first. Changing entries in place (an autosave) updates only their rows,
    so the list keeps its selection and scroll position while someone writes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[JournalEntry] = []
        self.today: dt.date | None = None

    def set_entries(self, entries: Sequence[JournalEntry]) -> None:
        ordered = sorted(entries, key=sort_key, reverse=True)
        if [e.id for e in ordered] == [e.id for e in self._entries]:
            for row, (old, new) in enumerate(zip(self._entries, ordered, strict=True)):
                if old != new:
                    self._entries[row] = new
                    index = self.index(row, 0)
                    self.dataChanged.emit(index, index)
            return
        self.beginResetModel()
        self._entries = ordered
        self.endResetModel()

    def entry(self, row: int) -> JournalEntry:
        return self._entries[row]

    def row_of(self, entry_id: int | None) -> int | None:
        if entry_id is None:
            return None
        return next((row for row, e in enumerate(self._entries) if e.id == entry_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{entry_title(entry)}\n{entry_line(entry, self.today)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{entry_title(entry)}, {entry_line(entry, self.today)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.body[:300] or None
        if role == ENTRY_ROLE:
            return entry
        return None

"""A table model for a list of records, and a filter proxy for it (no widgets here).

Sorting happens in the source model with Python's ``sorted`` on precomputed keys: sorting
through ``QSortFilterProxyModel`` would call back into Python for every comparison (about a
tenth of a second for 2,000 rows). The proxy only filters, and hands ``sort`` to the source,
so a view with sorting enabled and a clickable header works as usual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

#: The record itself, for views that need it (``index.data(RECORD_ROLE)``).
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    """One column: its title, the text of a cell, and a sort key (comparable, never None)."""

    title: str
    text: Callable[[R], str]
    key: Callable[[R], Any]
    tooltip: Callable[[R], str] | None = None
    right: bool = False  # numbers line up on the right
    description: str = ""  # the header's tooltip


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows are records (any frozen dataclass); columns are :class:`Column` s.

    ``search_text(row)``: the words a search looks through, built once per row and cached.
    """

    def __init__(
        self,
        columns: Sequence[Column[R]],
        search: Callable[[R], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._search = search
        self._records: list[R] = []
        self._search_cache: list[str | None] = []
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.DescendingOrder)

    # -- contents -------------------------------------------------------------------------------
    def set_records(self, records: Sequence[R]) -> None:
        """Show ``records`` in the current sort order."""
        self.beginResetModel()
        self._records = self._sorted(list(records))
        self._search_cache = [None] * len(self._records)
        self.endResetModel()

    def records(self) -> list[R]:
        return list(self._records)

    def record(self, row: int) -> R:
        return self._records[row]

    def search_text(self, row: int) -> str:
        cached = self._search_cache[row]
        if cached is None:
            cached = self._search(self._records[row]).casefold()
            self._search_cache[row] = cached
        return cached

    # -- sorting --------------------------------------------------------------------------------
    @property
    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    def _sorted(self, records: list[R]) -> list[R]:
        column, order = self._sort
        if not 0 <= column < len(self.columns):
            return records
        key = self.columns[column].key
        return sorted(records, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = list(self._records)
        self._records = self._sorted(old)
        # Keep every persistent index (selection, current row) on its own record.
        position = {id(record): row for row, record in enumerate(self._records)}
        moved_from = []
        moved_to = []
        for index in self.persistentIndexList():
            new_row = position[id(old[index.row()])]
            moved_from.append(index)
            moved_to.append(self.index(new_row, index.column()))
        self.changePersistentIndexList(moved_from, moved_to)
        self._search_cache = [None] * len(self._records)
        self.layoutChanged.emit()

    # -- the model interface --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(record)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.right else Qt.AlignmentFlag.AlignLeft
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        if role == RECORD_ROLE:
            return record
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.description or None
        return None


class RecordFilter(QSortFilterProxyModel):
    """Rows that pass every named test and contain every word of the search text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._tests: dict[str, Callable[[Any], bool]] = {}

    def source(self) -> RecordTableModel[Any]:
        model = self.sourceModel()
        assert isinstance(model, RecordTableModel)
        return model

    def set_search(self, text: str) -> None:
        words = text.casefold().split()
        if words != self._words:
            self._change(lambda: setattr(self, "_words", words))

    def set_test(self, name: str, test: Callable[[Any], bool] | None) -> None:
        """Add, replace or (with ``None``) remove one named filter."""

        def apply() -> None:
            if test is None:
                self._tests.pop(name, None)
            else:
                self._tests[name] = test

        self._change(apply)

    def _change(self, apply: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            apply()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            apply()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.source()
        if self._tests:
            record = model.record(source_row)
            if not all(test(record) for test in self._tests.values()):
                return False
        if self._words:
            text = model.search_text(source_row)
            return all(word in text for word in self._words)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source sorts (fast); the proxy keeps the source's order.
        self.source().sort(column, order)

    def record(self, row: int) -> Any:
        return self.source().record(self.mapToSource(self.index(row, 0)).row())


# -- small helpers for columns --------------------------------------------------------------------


def date_text(day: dt.date, today: dt.date | None = None) -> str:
    """ "Wed 18 Mar 2026" (the year is left out in the current year when ``today`` is given)."""
    if today is not None and day.year == today.year:
        return f"{day:%a} {day.day} {day:%b}"
    return f"{day:%a} {day.day} {day:%b %Y}"


def time_text(value: dt.time | None) -> str:
    return "" if value is None else f"{value:%H:%M}"


def minutes_text(value: int | None) -> str:
    return "" if value is None else f"{value} min"


def yes_text(value: bool, yes: str = "Yes") -> str:
    return yes if value else ""


def first_line(text: str, limit: int = 80) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


#: Period filters: label, and the number of days ending today (None: everything).
PERIODS: tuple[tuple[str, int | None], ...] = (
    ("All time", None),
    ("Last 30 days", 30),
    ("Last 90 days", 90),
    ("Last year", 365),
)


def period_test(days: int | None, today: dt.date) -> Callable[[Any], bool] | None:
    """Records dated in the ``days`` days ending ``today`` (None: no filter)."""
    if days is None:
        return None
    first = today - dt.timedelta(days=days - 1)
    return lambda record: first <= record.date <= today

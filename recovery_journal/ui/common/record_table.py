"""The table widgets the Meetings and Sponsor pages share.

- :class:`RecordTable`: a ``QTableView`` with the keys of UI.md (Insert adds, Enter or a
  double-click edits, Delete deletes) and the same actions on its context menu.
- :class:`SortHeader`: column titles that also sort from the keyboard.

``records_panel.RecordsPanel`` puts a table together with its search box, filters, buttons
and undo line; ``feedback`` holds the undo line and the questions.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QItemSelectionModel,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStyleOptionHeader,
    QTableView,
    QToolButton,
    QWidget,
)


def name_clear_button(edit: QLineEdit, name: str) -> None:
    """Give the clear button Qt puts in a line edit (``setClearButtonEnabled``) a name, and
    let Tab reach it (it shows only while there is text; Escape clears too)."""
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)


class SortHeader(QHeaderView):
    """Column titles that sort with the keyboard as well: Tab reaches them, Left and Right
    choose a column, Space or Enter sorts by it (again: the other way round)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSectionsClickable(True)
        self.setAccessibleName(f"{name}: column titles")
        self.setAccessibleDescription(
            "Left and Right choose a column; Space sorts by it, again the other way round"
        )
        self.focus_section = 0

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        count = self.count()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and count:
            step = -1 if key == Qt.Key.Key_Left else 1
            self.focus_section = (self.focus_section + step) % count
            self._announce()
            self.viewport().update()
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.sort_by(self.focus_section)
        else:
            super().keyPressEvent(event)

    def sort_by(self, section: int) -> None:
        order = Qt.SortOrder.AscendingOrder
        if self.sortIndicatorSection() == section:
            ascending = self.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            order = Qt.SortOrder.DescendingOrder if ascending else Qt.SortOrder.AscendingOrder
        self.setSortIndicator(section, order)  # the view sorts on this signal
        self._announce()

    def _announce(self) -> None:
        model = self.model()
        if model is None:
            return
        title = str(model.headerData(self.focus_section, Qt.Orientation.Horizontal) or "")
        sorted_by = self.sortIndicatorSection() == self.focus_section
        way = (
            "ascending"
            if self.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            else ("descending")
        )
        self.setAccessibleDescription(
            f"{title}{f', sorted {way}' if sorted_by else ''}. Left and Right choose a "
            "column; Space sorts by it"
        )

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logicalIndex: int) -> None:
        """Qt hands Fusion "ascending" as a downward arrow and "descending" as an upward one;
        turned round here so the arrow points the usual way: ▲ ascending (oldest, A first),
        ▼ descending (newest first, as the tables open)."""
        super().initStyleOptionForIndex(option, logicalIndex)
        if self.style().name().casefold() != "fusion":
            return
        up, down = (
            QStyleOptionHeader.SortIndicator.SortUp,
            QStyleOptionHeader.SortIndicator.SortDown,
        )
        if option.sortIndicator == up:
            option.sortIndicator = down
        elif option.sortIndicator == down:
            option.sortIndicator = up

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:
        super().paintSection(painter, rect, section)
        if self.hasFocus() and section == self.focus_section:
            painter.save()
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
            painter.restore()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()


class RecordTable(QTableView):
    """Rows are selected whole; Insert, Enter and Delete ask for the three actions."""

    add_requested = Signal()
    edit_requested = Signal()
    delete_requested = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in every other control
        self.setShowGrid(False)
        self.setHorizontalHeader(SortHeader(name, self))
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setAccessibleName("Row numbers")
        vertical.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # hidden: Tab never lands on it
        self.setCornerButtonEnabled(False)
        corner = self.findChild(QAbstractButton, "qt_tableview_cornerbutton")
        if corner is not None:  # shown only with row numbers, which are hidden
            corner.setAccessibleName("Select all rows")
            corner.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.verticalHeader().setDefaultSectionSize(round(self.fontMetrics().height() * 1.7))
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.doubleClicked.connect(lambda _index: self.edit_requested.emit())
        self.menu_actions: list[QAction] = []
        self.menu: QMenu | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit()
        elif plain and key == Qt.Key.Key_Delete:
            self.delete_requested.emit()
        elif plain and key == Qt.Key.Key_Insert:
            self.add_requested.emit()
        else:
            super().keyPressEvent(event)

    def selected_rows(self) -> list[int]:
        model = self.selectionModel()
        if model is None:
            return []
        return sorted(index.row() for index in model.selectedRows())

    def current_row(self) -> int | None:
        rows = self.selected_rows()
        current = self.currentIndex()
        if current.isValid() and current.row() in rows:
            return current.row()
        return rows[0] if rows else None

    def select_row(self, row: int) -> None:
        index = self.model().index(row, 0)
        self.setCurrentIndex(index)
        self.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def _sort_menu(self, menu: QMenu) -> None:
        """Sorting from the keyboard: one entry per column (again: the other way round)."""
        menu.setAccessibleName("Sort by")
        header = self.horizontalHeader()
        model = self.model()
        current, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(column == current)
            new_order = Qt.SortOrder.AscendingOrder
            if column == current and order == Qt.SortOrder.AscendingOrder:
                new_order = Qt.SortOrder.DescendingOrder
            action.triggered.connect(
                lambda _c=False, col=column, o=new_order: self.sortByColumn(col, o)
            )

    def fit_columns(self, samples: Sequence[str]) -> None:
        """Size each column for its title and a typical value (the last one stretches)."""
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        model = self.model()
        pad = round(metrics.height() * 1.1)
        for column, sample in enumerate(samples):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            header.resizeSection(column, width + pad)

    def _menu(self, position: QPoint) -> None:
        index = self.indexAt(position)
        if index.isValid() and index.row() not in self.selected_rows():
            self.select_row(index.row())
        menu = QMenu(self)
        menu.setAccessibleName(f"{self.accessibleName()}: actions")
        for action in self.menu_actions:
            menu.addAction(action)
        if self.isSortingEnabled():
            menu.addSeparator()
            self._sort_menu(menu.addMenu("Sort by"))
        self.menu = menu
        menu.popup(self.viewport().mapToGlobal(position))

"""A search box and filters, a record table, Add / Edit / Delete, and an undo line, wired
together: what the Meetings page and the Sponsor page's tabs are made of."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.ui.common.feedback import UndoBar, delete_with_undo
from recovery_journal.ui.common.record_model import RecordFilter, RecordTableModel
from recovery_journal.ui.common.record_table import RecordTable, name_clear_button
from recovery_journal.ui.common.widgets import named, wrapped

if TYPE_CHECKING:
    from recovery_journal.domain.validation import Record
    from recovery_journal.ui.common.undo import StepHost


class RecordsPanel(QWidget):
    """A search box and filters, the table, Add / Edit / Delete, and an undo line.

    The owner calls :meth:`set_records` and connects ``add_requested``, ``edit_requested``
    (with the record) and ``delete_requested`` (with the records); it deletes them with
    :meth:`delete`, a step on the window's ``undo_stack`` that Undo (the button, Ctrl+Z or
    Edit › Undo) takes back.
    """

    add_requested = Signal()
    edit_requested = Signal(object)
    delete_requested = Signal(list)

    def __init__(
        self,
        what: str,
        model: RecordTableModel[Any],
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack,
        plural: str = "",
        search_hint: str = "",
    ) -> None:
        super().__init__(parent)
        self.what = what  # "meeting"
        self.plural = plural or f"{what}s"
        self.model = model
        self.proxy = RecordFilter(self)
        self.proxy.setSourceModel(model)
        self.undo_stack = undo_stack
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.filters = QHBoxLayout()
        self.search = named(QLineEdit(self), f"Search {self.plural}")
        self.search.setPlaceholderText(search_hint or f"Search {self.plural}…")
        self.search.setClearButtonEnabled(True)
        name_clear_button(self.search, "Clear the search")
        self.search.setToolTip(f"Search {self.plural} (Ctrl+F)")
        self.search.textChanged.connect(self._search_changed)
        self.filters.addWidget(self.search, 2)
        layout.addLayout(self.filters)

        self.table = RecordTable(f"{self.plural.capitalize()}", self)
        self.table.setModel(self.proxy)
        column, order = model.sort_state
        self.table.horizontalHeader().setSortIndicator(column, order)
        self.table.setSortingEnabled(True)  # sorts by the indicator: the model's own order
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.count = QLabel(self)
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        bottom.addWidget(self.count, 1)
        self.add_button = named(QPushButton(f"&Add a {what}…", self), f"Add a {what}", "Insert")
        self.add_button.setToolTip(f"Add a {what} (Insert)")
        self.edit_button = named(QPushButton("&Edit…", self), f"Edit the {what}", "Enter")
        self.edit_button.setToolTip(f"Change the selected {what} (Enter)")
        self.delete_button = named(QPushButton("&Delete", self), f"Delete the {what}", "Delete")
        self.delete_button.setToolTip(f"Delete the selected {self.plural} (Delete)")
        for button in (self.add_button, self.edit_button, self.delete_button):
            bottom.addWidget(button)
        layout.addLayout(bottom)
        self.action_row = bottom
        self.undo_bar = UndoBar(self)
        layout.addWidget(self.undo_bar)
        self.empty = wrapped("", self, muted=True)
        self.empty.hide()
        layout.addWidget(self.empty)

        self.add_action = QAction(f"Add a {what}…", self)
        self.add_action.setShortcut(QKeySequence(Qt.Key.Key_Insert))
        self.edit_action = QAction("Edit…", self)
        self.edit_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.delete_action = QAction("Delete", self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.table.menu_actions = [self.add_action, self.edit_action, self.delete_action]
        for action in self.table.menu_actions:
            action.setShortcutVisibleInContextMenu(True)

        self.add_button.clicked.connect(self.add_requested.emit)
        self.add_action.triggered.connect(self.add_requested.emit)
        self.table.add_requested.connect(self.add_requested.emit)
        self.edit_button.clicked.connect(self.request_edit)
        self.edit_action.triggered.connect(self.request_edit)
        self.table.edit_requested.connect(self.request_edit)
        self.delete_button.clicked.connect(self.request_delete)
        self.delete_action.triggered.connect(self.request_delete)
        self.table.delete_requested.connect(self.request_delete)
        for keys, slot in (
            (QKeySequence.StandardKey.Find, self.focus_search),
            (QKeySequence(Qt.Key.Key_Insert), self.add_requested.emit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.search.returnPressed.connect(self.table.setFocus)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.search.clear)
        self.proxy.modelReset.connect(self.show_count)
        self.proxy.rowsInserted.connect(self.show_count)
        self.proxy.rowsRemoved.connect(self.show_count)
        self.proxy.layoutChanged.connect(self.show_count)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(lambda *_a: self._enable())
        self._enable()

    # -- filters --------------------------------------------------------------------------------
    def add_filter(self, name: str, combo: QComboBox, *, tests: bool = True) -> QComboBox:
        """A filter combo box beside the search box. With ``tests``, its items' data are the
        tests (None for "all") and choosing one applies it; otherwise the owner wires it."""
        named(combo, name)
        combo.setToolTip(name)
        if tests:
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, n=name: self._filter_changed(n, c.currentData())
            )
        self.filters.addWidget(combo, 1)
        return combo

    def _filter_changed(self, name: str, test: Callable[[Any], bool] | None) -> None:
        self.proxy.set_test(name, test)
        self.show_count()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self.show_count()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- contents -------------------------------------------------------------------------------
    def set_records(self, records: Sequence[Any], keep: Callable[[Any], Any] | None = None) -> None:
        """Show ``records``; ``keep(record)`` gives a stable identity (e.g. the id) so the
        selection and the current row stay on the same records."""
        chosen: set[Any] = set()
        current = None
        if keep is not None:
            chosen = {keep(record) for record in self.selected_records()}
            record = self.current_record()
            current = None if record is None else keep(record)
        self.model.set_records(records)
        if keep is not None and chosen:
            self._reselect(keep, chosen, current)
        self.show_count()
        self._enable()

    def _reselect(self, keep: Callable[[Any], Any], chosen: set[Any], current: Any) -> None:
        selection = QItemSelection()
        current_index = None
        for source_row, record in enumerate(self.model.records()):
            identity = keep(record)
            if identity not in chosen:
                continue
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if not index.isValid():
                continue
            selection.select(index, index)
            if identity == current:
                current_index = index
        flags = QItemSelectionModel.SelectionFlag
        model = self.table.selectionModel()
        if current_index is not None:
            model.setCurrentIndex(current_index, flags.NoUpdate)
        model.select(selection, flags.ClearAndSelect | flags.Rows)

    def select_where(self, test: Callable[[Any], bool]) -> bool:
        for row in range(self.proxy.rowCount()):
            if test(self.proxy.record(row)):
                self.table.select_row(row)
                return True
        return False

    def selected_records(self) -> list[Any]:
        return [self.proxy.record(row) for row in self.table.selected_rows()]

    def current_record(self) -> Any:
        row = self.table.current_row()
        return None if row is None else self.proxy.record(row)

    def show_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if total == 0:
            text = ""
        elif shown == total:
            text = f"{total} {self.what if total == 1 else self.plural}"
        else:
            text = f"Showing {shown} of {total} {self.plural}"
        self.count.setText(text)
        self.count.setAccessibleName(text)
        self._enable()

    def _enable(self) -> None:
        chosen = bool(self.table.selected_rows())
        for widget in (self.edit_button, self.delete_button):
            widget.setEnabled(chosen)
        self.edit_action.setEnabled(chosen)
        self.delete_action.setEnabled(chosen)

    # -- actions --------------------------------------------------------------------------------
    def request_edit(self) -> None:
        record = self.current_record()
        if record is not None:
            self.edit_requested.emit(record)

    def request_delete(self) -> None:
        records = self.selected_records()
        if records:
            self.delete_requested.emit(records)

    def delete(
        self,
        controller: StepHost,
        records: Sequence[Record],
        *,
        action: str,
        said: str,
        done: str = "Brought back.",
    ) -> bool:
        """Delete ``records`` as one step on the window's undo stack and say ``said``; undoing
        it brings them back, selected. False (and the reason said) when nothing was deleted."""

        def shown(now: Sequence[Record]) -> None:
            ids = {r.id for r in now}
            if ids:
                self.select_where(lambda r: r.id in ids)

        return delete_with_undo(
            controller, records, self.undo_bar, action=action, said=said, done=done, shown=shown
        )

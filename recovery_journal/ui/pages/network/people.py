"""The People tab: everyone in your recovery network, grouped by how they relate to your
recovery as of today, and the dated history of the one selected.

The groups and each person's state come from ``domain.network`` (their latest entry on or
before today). "Makes recovery harder" is the person's own rating, said gently; no one is
judged here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.formatting import short_date
from recovery_journal.domain.network import PersonView
from recovery_journal.domain.network_words import (
    PAST_GROUP,
    RELATIONSHIP_WORDS,
    STANCE_GROUPS,
    STANCE_WORDS,
    USE_WORDS,
)
from recovery_journal.ui.common.widgets import heading, named, wrapped

if TYPE_CHECKING:
    from recovery_journal.domain.models import PersonEntry

KEY_ROLE = Qt.ItemDataRole.UserRole


def group_views(views: list[PersonView]) -> list[tuple[str, list[PersonView]]]:
    """The people with an entry by today, in the groups shown (empty groups left out)."""
    groups: list[tuple[str, list[PersonView]]] = []
    for stance, title in STANCE_GROUPS.items():
        inside = [v for v in views if v.in_network and v.state and v.state.stance == stance]
        if inside:
            groups.append((title, inside))
    past = [v for v in views if v.state is not None and not v.in_network]
    if past:
        groups.append((PAST_GROUP, past))
    later = [v for v in views if v.state is None]
    if later:
        groups.append(("From a later date", later))
    return groups


class PeopleTree(QTreeWidget):
    """The people, grouped; ``person_chosen`` gives the selected person's key (or "")."""

    person_chosen = Signal(str)
    activated_person = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "People in your network", "Grouped by how they relate to your recovery")
        self.setHeaderLabels(["Name", "Who they are", "Their own use", "Since"])
        self.header().setAccessibleName("Columns of the people list")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.currentItemChanged.connect(lambda item, _old: self._chosen(item))
        self.itemActivated.connect(lambda item, _c: self._activated(item))

    def show_views(self, views: list[PersonView], chosen: str | None) -> None:
        self.blockSignals(True)
        self.clear()
        select: QTreeWidgetItem | None = None
        bold = self.font()
        bold.setBold(True)
        for title, group in group_views(views):
            top = QTreeWidgetItem(self, [f"{title} ({len(group)})"])
            top.setFirstColumnSpanned(True)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            top.setFont(0, bold)
            for view in group:
                state = view.state
                item = QTreeWidgetItem(
                    top,
                    [
                        view.person.name,
                        RELATIONSHIP_WORDS[view.person.relationship],
                        "" if state is None else USE_WORDS[state.use],
                        "" if state is None else short_date(state.date),
                    ],
                )
                item.setData(0, KEY_ROLE, view.person.key)
                if view.person.key == chosen:
                    select = item
            top.setExpanded(True)
        for column in range(self.columnCount()):
            self.resizeColumnToContents(column)
        self.blockSignals(False)
        if select is not None:
            self.setCurrentItem(select)
        self._chosen(self.currentItem())

    def current_key(self) -> str:
        item = self.currentItem()
        key = None if item is None else item.data(0, KEY_ROLE)
        return key if isinstance(key, str) else ""

    def select_first(self) -> None:
        for index in range(self.topLevelItemCount()):
            top = self.topLevelItem(index)
            if top is not None and top.childCount():
                self.setCurrentItem(top.child(0))
                return

    def _chosen(self, item: QTreeWidgetItem | None) -> None:
        key = None if item is None else item.data(0, KEY_ROLE)
        self.person_chosen.emit(key if isinstance(key, str) else "")

    def _activated(self, item: QTreeWidgetItem) -> None:
        key = item.data(0, KEY_ROLE)
        if isinstance(key, str):
            self.activated_person.emit(key)


def entry_text(entry: PersonEntry, today: dt.date) -> tuple[str, str]:
    """An entry's date and what it says, in words."""
    if not entry.in_network:
        said = "No longer part of your life"
    else:
        said = f"{STANCE_WORDS[entry.stance]} · {USE_WORDS[entry.use]}"
    if entry.date > today:
        said += " (a later date)"
    return short_date(entry.date), said


class PersonDetails(QWidget):
    """The selected person: who they are, notes, and their dated history, newest first."""

    entry_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = heading("", 2, self)
        self.about = wrapped("", self, muted=True)
        self.notes = wrapped("", self)
        self.history = QTreeWidget(self)
        named(self.history, "Their history", "What you noted about them, newest first")
        self.history.setHeaderLabels(["As of", "What you noted"])
        self.history.header().setAccessibleName("Columns of the history")
        self.history.setRootIsDecorated(False)
        self.history.setWordWrap(True)
        self.history.currentItemChanged.connect(lambda *_a: self.entry_chosen.emit())
        for widget in (self.title, self.about, self.notes):
            layout.addWidget(widget)
        layout.addWidget(heading("History", 3, self))
        layout.addWidget(self.history, 1)
        self.entries: list[PersonEntry] = []

    def show_view(self, view: PersonView | None, today: dt.date) -> None:
        self.history.clear()
        self.entries = []
        if view is None:
            self.title.setText("")
            self.about.setText("Choose someone on the left to see their history.")
            self.notes.setText("")
            return
        self.title.setText(view.person.name)
        self.about.setText(RELATIONSHIP_WORDS[view.person.relationship])
        self.notes.setText(view.person.notes)
        self.notes.setVisible(bool(view.person.notes))
        self.entries = list(reversed(view.entries))
        for entry in self.entries:
            when, said = entry_text(entry, today)
            item = QTreeWidgetItem(self.history, [when, said])
            if entry.note:
                item.setToolTip(1, entry.note)
                child = QTreeWidgetItem(item, ["", entry.note])
                child.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setExpanded(True)
        self.history.resizeColumnToContents(0)
        if self.entries:
            self.history.setCurrentItem(self.history.topLevelItem(0))

    def current_entry(self) -> PersonEntry | None:
        item = self.history.currentItem()
        if item is None:
            return None
        index = self.history.indexOfTopLevelItem(item)
        return self.entries[index] if 0 <= index < len(self.entries) else None


def split(left: QWidget, right: QWidget, parent: QWidget) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Horizontal, parent)
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)
    splitter.setChildrenCollapsible(False)
    return splitter


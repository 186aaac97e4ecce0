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
    QListWidget,
    QListWidgetItem,
    QSplitter,
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


def person_line(view: PersonView) -> str:
    """``Jo — Friend · In recovery · since 3 Mar 2026``."""
    parts = [RELATIONSHIP_WORDS[view.person.relationship]]
    if view.state is not None:
        parts += [USE_WORDS[view.state.use], f"since {short_date(view.state.date)}"]
    return f"{view.person.name} — {' · '.join(parts)}"


class PeopleTree(QListWidget):
    """The people, under a heading line per group; ``person_chosen`` gives the selected
    person's key (or "")."""

    person_chosen = Signal(str)
    activated_person = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "People in your network", "Grouped by how they relate to your recovery")
        self.setUniformItemSizes(True)
        self.currentItemChanged.connect(lambda item, _old: self._chosen(item))
        self.itemActivated.connect(self._activated)

    def show_views(self, views: list[PersonView], chosen: str | None) -> None:
        self.blockSignals(True)
        self.clear()
        select: QListWidgetItem | None = None
        bold = self.font()
        bold.setBold(True)
        for title, group in group_views(views):
            top = QListWidgetItem(f"{title} ({len(group)})", self)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            top.setFont(bold)
            for view in group:
                item = QListWidgetItem("    " + person_line(view), self)
                item.setData(KEY_ROLE, view.person.key)
                if view.person.key == chosen:
                    select = item
        self.blockSignals(False)
        if select is not None:
            self.setCurrentItem(select)
        self._chosen(self.currentItem())

    def current_key(self) -> str:
        item = self.currentItem()
        key = None if item is None else item.data(KEY_ROLE)
        return key if isinstance(key, str) else ""

    def select_first(self) -> None:
        for index in range(self.count()):
            item = self.item(index)
            if item is not None and isinstance(item.data(KEY_ROLE), str):
                self.setCurrentItem(item)
                return

    def _chosen(self, item: QListWidgetItem | None) -> None:
        key = None if item is None else item.data(KEY_ROLE)
        self.person_chosen.emit(key if isinstance(key, str) else "")

    def _activated(self, item: QListWidgetItem) -> None:
        key = item.data(KEY_ROLE)
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
        self.history = QListWidget(self)
        named(self.history, "Their history", "What you noted about them, newest first")
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
            text = f"{when}: {said}" + (f"\n“{entry.note}”" if entry.note else "")
            QListWidgetItem(text, self.history)
        if self.entries:
            self.history.setCurrentRow(0)

    def current_entry(self) -> PersonEntry | None:
        index = self.history.currentRow()
        return self.entries[index] if 0 <= index < len(self.entries) else None


def split(left: QWidget, right: QWidget, parent: QWidget) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Horizontal, parent)
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)
    splitter.setChildrenCollapsible(False)
    return splitter

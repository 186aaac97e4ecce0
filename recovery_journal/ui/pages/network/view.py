"""Network: the people in your recovery network, and the meetings you go to each week.

Two tabs. **People**: everyone you listed, grouped by how they relate to your recovery as of
today, with the figures of ``docs/measures.md`` above and the selected person's dated history
beside; Insert adds someone, "Note a change" (Ctrl+N) adds a dated entry (earlier ones stay),
Enter changes the name or relationship, Delete removes the person with their history (Ctrl+Z
brings them back). **Regular meetings**: ``regular.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from recovery_journal.domain.formatting import format_percent, plural
from recovery_journal.domain.models import Person
from recovery_journal.domain.network import PersonView, people_as_of, summarize_network
from recovery_journal.ui.common.feedback import UndoBar, delete_with_undo
from recovery_journal.ui.common.widgets import heading, named, wrapped
from recovery_journal.ui.pages.network.dialogs import EntryDialog, PersonDialog
from recovery_journal.ui.pages.network.people import PeopleTree, PersonDetails, split
from recovery_journal.ui.pages.network.regular import RegularMeetingsTab

if TYPE_CHECKING:
    from collections.abc import Sequence

    from recovery_journal.domain.models import PersonEntry
    from recovery_journal.domain.network import NetworkSummary
    from recovery_journal.domain.validation import Record
    from recovery_journal.ui.app.controller import JournalController
    from recovery_journal.ui.dialogs.base import RecordDialog

EMPTY_TEXT = (
    "The people around you shape recovery: in studies, having even one more person who "
    "supports it made staying abstinent more likely. List the people who matter in your life "
    "now, for better or worse; only you see this, and you can note changes as they come."
)


def figures_line(summary: NetworkSummary) -> str:
    """The network's figures in words (every number from ``domain.network``)."""
    now = summary.now
    if now.people == 0:
        return "No one is in your network list yet."
    share = "" if now.supportive_share is None else f" ({format_percent(now.supportive_share)})"
    parts = [
        f"{plural(now.people, 'person', 'people')} in your network today",
        f"{now.supportive} supporting your recovery{share}",
        f"{now.abstinent} not drinking or using, or in recovery",
    ]
    if now.use_linked:
        parts.append(f"{now.use_linked} drinking or using heavily, or making recovery harder")
    line = " · ".join(parts) + "."
    if summary.added_supportive:
        who = plural(summary.added_supportive, "supportive person", "supportive people")
        line += f" In the last 90 days, {who} joined."
    return line


class NetworkView(QWidget):
    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setAccessibleName("Network")
        self.dialog: RecordDialog | None = None
        self._views: dict[str, PersonView] = {}
        self._shown: Any = None
        layout = QVBoxLayout(self)
        space = self.fontMetrics().height()
        layout.setContentsMargins(space, space // 2, space, space // 2)
        layout.addWidget(heading("Your recovery network", 1, self))
        self.tabs = named(QTabWidget(self), "Network")
        layout.addWidget(self.tabs, 1)

        people = QWidget(self)
        column = QVBoxLayout(people)
        self.figures = wrapped("", people, muted=True)
        self.figures.setToolTip(
            "Counted as of today from what you noted about each person. Someone counts once "
            'in each figure that fits them; "not sure" counts them only as in your network.'
        )
        column.addWidget(self.figures)
        self.empty = wrapped(EMPTY_TEXT, people)
        column.addWidget(self.empty)
        self.tree = PeopleTree(people)
        self.details = PersonDetails(people)
        column.addWidget(split(self.tree, self.details, people), 1)
        buttons = QHBoxLayout()
        self.add_button = self._button("&Add someone…", "Add someone to your network", "Insert")
        self.change_button = self._button(
            "&Note a change…", "Note how things are with them now", "Ctrl+N"
        )
        self.edit_button = self._button("&Edit…", "Change their name or who they are", "Enter")
        self.correct_button = self._button("Co&rrect entry…", "Correct the chosen entry", "")
        self.delete_button = self._button("&Delete", "Remove them and their history", "Delete")
        buttons.addStretch(1)
        for button in (
            self.add_button,
            self.change_button,
            self.edit_button,
            self.correct_button,
            self.delete_button,
        ):
            buttons.addWidget(button)
        column.addLayout(buttons)
        self.undo_bar = UndoBar(people)
        column.addWidget(self.undo_bar)
        self.tabs.addTab(people, "&People")
        self.regular = RegularMeetingsTab(controller, self)
        self.tabs.addTab(self.regular, "Regular &meetings")

        self.add_button.clicked.connect(self.add_person)
        self.change_button.clicked.connect(self.note_change)
        self.edit_button.clicked.connect(self.edit_person)
        self.correct_button.clicked.connect(self.correct_entry)
        self.delete_button.clicked.connect(self.delete_person)
        self.tree.person_chosen.connect(self._chosen)
        self.tree.activated_person.connect(lambda _key: self.edit_person())
        self.details.entry_chosen.connect(self._enable)
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Insert), self.add_person),
            (QKeySequence("Ctrl+N"), self.note_change),
            (QKeySequence(QKeySequence.StandardKey.Delete), self.delete_person),
        ):
            shortcut = QShortcut(keys, people)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def _button(self, text: str, name: str, keys: str) -> QPushButton:
        button = named(QPushButton(text, self), name, keys)
        button.setToolTip(f"{name} ({keys})" if keys else name)
        return button

    # -- the page protocol ----------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.controller.is_unlocked:
            return
        data = self.controller.data()
        today = self.controller.today()
        key = (data.people, data.person_entries, today)
        if key != self._shown:
            self._shown = key
            views = people_as_of(data, today)
            self._views = {v.person.key: v for v in views}
            self.figures.setText(figures_line(summarize_network(data.person_entries, today)))
            self.tree.show_views(views, self.tree.current_key() or None)
            self.empty.setVisible(not views)
            self.figures.setVisible(bool(views))
            self.tree.setVisible(bool(views))
            self.details.setVisible(bool(views))
        if self.tabs.currentWidget() is self.regular:
            self.regular.refresh()
        self._enable()

    def focus_first(self) -> None:
        if self._views:
            self.tree.setFocus()
            if not self.tree.current_key():
                self.tree.select_first()
        else:
            self.add_button.setFocus()

    # -- state ----------------------------------------------------------------------------------
    def current(self) -> PersonView | None:
        return self._views.get(self.tree.current_key())

    def _chosen(self, key: str) -> None:
        self.details.show_view(self._views.get(key), self.controller.today())
        self._enable()

    def _enable(self) -> None:
        chosen = self.current() is not None
        for button in (self.change_button, self.edit_button, self.delete_button):
            button.setEnabled(chosen)
        self.correct_button.setEnabled(chosen and self.details.current_entry() is not None)

    # -- actions --------------------------------------------------------------------------------
    def _open(self, dialog: RecordDialog) -> None:
        dialog.saved.connect(lambda _r: self._saved())
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: RecordDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.tree.setFocus()

    def _saved(self) -> None:
        self.refresh()

    def add_person(self) -> None:
        dialog = PersonDialog(self.controller, self)
        dialog.saved.connect(lambda person: self._select(person.key))
        self._open(dialog)

    def _select(self, key: str) -> None:
        self.refresh()
        self.tree.show_views(list(self._views.values()), key)

    def _restored(self, records: Sequence[Record]) -> None:
        """After the undo of a delete: show the person brought back."""
        for record in records:
            if isinstance(record, Person):
                self._select(record.key)
                return
        self.refresh()

    def edit_person(self) -> None:
        view = self.current()
        if view is not None:
            self._open(PersonDialog(self.controller, self, view.person))

    def note_change(self) -> None:
        view = self.current()
        if view is not None:
            latest = view.entries[-1] if view.entries else None
            self._open(EntryDialog(self.controller, view.person, self, latest=latest))

    def correct_entry(self) -> None:
        view = self.current()
        entry: PersonEntry | None = self.details.current_entry()
        if view is not None and entry is not None:
            self._open(EntryDialog(self.controller, view.person, self, entry=entry))

    def delete_person(self) -> None:
        view = self.current()
        if view is None:
            return
        name = view.person.name
        if delete_with_undo(
            self.controller,
            [view.person],
            self.undo_bar,
            action=f"remove {name} from your network",
            said=f"Removed {name} and their history from your network.",
            shown=self._restored,
        ):
            self.refresh()

"""The entry being written: title, an optional day, tags and the text.

The editor only shows and collects; the page saves. Its fields are filled only when another
entry is opened, never after a save, so the cursor and the scroll position stay where they are
while the text is saved in the background.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.models import JournalEntry
from recovery_journal.ui.common import theme
from recovery_journal.ui.common.widgets import FieldMessage, OptionalDate, named


def split_tags(text: str) -> tuple[str, ...]:
    """Tags from "walks, family,  work": trimmed, without a leading #, each once."""
    seen: dict[str, None] = {}
    for part in text.split(","):
        tag = part.strip().lstrip("#").strip()
        if tag and tag.casefold() not in {t.casefold() for t in seen}:
            seen[tag] = None
    return tuple(seen)


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip().lstrip("#")]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        before = typed.rsplit(",", 1)[0] + ", " if "," in typed else ""
        return before + str(index.data()) + ", "


class EntryEditor(QWidget):
    """``edited``: the person changed something (the page saves after a short pause)."""

    edited = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entry: JournalEntry | None = None
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        space = self.fontMetrics().height()
        layout.setSpacing(space // 2)
        self.title = named(QLineEdit(self), "Title (optional)")
        self.title.setPlaceholderText("A title (optional)")
        self.title.setFont(theme.scaled_font(self.title.font(), 1.2, bold=True))
        self.title.setFrame(False)
        layout.addWidget(self.title)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        row = QHBoxLayout()
        self.date = OptionalDate("About a particular &day:", today, self)
        row.addWidget(self.date)
        tags_label = QLabel("T&ags:", self)
        self.tags = named(QLineEdit(self), "Tags, separated by commas (optional)")
        self.tags.setPlaceholderText("e.g. family, work (optional)")
        tags_label.setBuddy(self.tags)
        row.addSpacing(space)
        row.addWidget(tags_label)
        row.addWidget(self.tags, 1)
        form.addRow(row)
        layout.addLayout(form)
        self.body = named(QPlainTextEdit(self), "Your entry")
        self.body.setPlaceholderText(
            "Write whatever you like — what happened, how you feel, what helped. It is kept "
            "as you type, and only you can read it."
        )
        self.body.setTabChangesFocus(True)
        self.body.setFont(theme.scaled_font(self.body.font(), 1.08))
        self.body.document().setDocumentMargin(space * 0.75)
        layout.addWidget(self.body, 1)
        self.message = FieldMessage(self)
        layout.addWidget(self.message)
        self._completer_model = QStringListModel(self)
        completer = TagCompleter(self._completer_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.tags.setCompleter(completer)
        self.title.textEdited.connect(lambda _t: self._changed())
        self.tags.textEdited.connect(lambda _t: self._changed())
        self.body.textChanged.connect(self._changed)
        self.date.enabled.toggled.connect(lambda _on: self._changed())
        self.date.edit.dateChanged.connect(lambda _d: self._changed())

    # -- contents -------------------------------------------------------------------------------
    def load(self, entry: JournalEntry | None) -> None:
        """Open ``entry`` (``None``: a new, empty entry)."""
        self._loading = True
        self._entry = entry
        self.title.setText(entry.title if entry else "")
        self.date.set_value(entry.date if entry else None)
        self.tags.setText(", ".join(entry.tags) if entry else "")
        self.body.setPlainText(entry.body if entry else "")
        self.message.clear_message()
        self._loading = False

    def set_known_tags(self, tags: Sequence[str]) -> None:
        self._completer_model.setStringList(list(tags))

    @property
    def entry(self) -> JournalEntry | None:
        """The stored entry the editor shows (``None`` for one not saved yet)."""
        return self._entry

    def stored(self, entry: JournalEntry) -> None:
        """What was just saved becomes the editor's entry (the fields are left alone)."""
        self._entry = entry

    def record(self, now: dt.datetime) -> JournalEntry:
        base = self._entry or JournalEntry(created_at=now, body="")
        return dataclasses.replace(
            base,
            title=self.title.text().strip(),
            body=self.body.toPlainText(),
            tags=split_tags(self.tags.text()),
            date=self.date.value(),
        )

    def is_blank(self) -> bool:
        return not (self.title.text().strip() or self.body.toPlainText().strip())

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

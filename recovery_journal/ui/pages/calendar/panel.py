"""The panel beside the month grid: the chosen day (or range), what can be done with it, the
memory aids of the day, and the figures. It shows; the page acts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.formatting import long_date
from recovery_journal.domain.models import AnchorEvent, DayStatus, JournalData
from recovery_journal.ui.common import theme
from recovery_journal.ui.common.widgets import heading, named, wrapped
from recovery_journal.ui.dialogs.contact import MODE_LABELS
from recovery_journal.ui.dialogs.day_form import ACTIVITIES, MOODS
from recovery_journal.ui.dialogs.meeting import fellowship_text
from recovery_journal.ui.pages.calendar.month import STATUS_WORDS, DayCell

MARKS = (
    (DayStatus.ABSTINENT, "Abstinent"),
    (DayStatus.USED, "Used"),
    (DayStatus.UNKNOWN, "Not sure"),
)
NOTE_PREVIEW = 220


def day_details(cell: DayCell, data: JournalData) -> list[str]:
    """What was recorded on the day, in short lines."""
    lines: list[str] = []
    record = cell.record
    if record is not None:
        ratings = []
        if record.craving is not None:
            ratings.append(f"Craving {record.craving} of 10")
        if record.confidence is not None:
            ratings.append(f"confidence {record.confidence} of 10")
        if record.mood is not None:
            ratings.append(f"mood: {MOODS[record.mood - 1][1].lower()}")
        if ratings:
            lines.append(" · ".join(ratings).capitalize() + ".")
        if record.activities:
            labels = {value: label for value, label, _tip in ACTIVITIES}
            lines.append("Did: " + ", ".join(labels[a].lower() for a in record.activities) + ".")
        if record.status == DayStatus.USED and (record.substances or record.amount):
            lines.append(", ".join([*record.substances, record.amount]).strip(", ") + ".")
        note = record.note.strip()
        if note:
            lines.append(
                "“" + (note if len(note) <= NOTE_PREVIEW else note[:NOTE_PREVIEW] + "…") + "”"
            )
    names = {s.key: s.name for s in data.sponsors}
    for meeting in (m for m in data.meetings if m.date == cell.date):
        when = f", {meeting.time:%H:%M}" if meeting.time else ""
        name = f" · {meeting.name}" if meeting.name else ""
        lines.append(f"Meeting: {fellowship_text(meeting)}{name}{when}.")
    for contact in (c for c in data.contacts if c.date == cell.date):
        who = names.get(contact.sponsor_key or "", "your sponsor")
        kind = "two-way" if contact.two_way else "one-way"
        lines.append(f"Sponsor contact: {MODE_LABELS[contact.mode].lower()} with {who} ({kind}).")
    return lines


class DayPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        space = self.fontMetrics().height()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(space // 2)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

        self.title = heading("", 2, self)
        layout.addWidget(self.title)
        self.status = QLabel(self)
        self.status.setFont(theme.scaled_font(self.status.font(), 1.05, bold=True))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.details = wrapped("", self, muted=True)
        layout.addWidget(self.details)
        self.edit_button = named(
            QPushButton("&Edit this day…", self), "Edit this day", "Enter or a double-click"
        )
        self.edit_button.setToolTip("Fill in or change this day (Enter, or double-click it)")
        layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignLeft)

        layout.addSpacing(space // 2)
        self.mark_label = QLabel(self)
        self.mark_label.setWordWrap(True)
        layout.addWidget(self.mark_label)
        marks = QHBoxLayout()
        self.mark_buttons: dict[DayStatus, QPushButton] = {}
        for status, label in MARKS:
            button = named(QPushButton(label, self), f"Mark as {label.lower()}")
            self.mark_buttons[status] = button
            marks.addWidget(button)
        marks.addStretch(1)
        layout.addLayout(marks)
        self.range_hint = wrapped(
            "Shift with the arrow keys, or a drag, selects several days.", self, muted=True
        )
        layout.addWidget(self.range_hint)

        layout.addSpacing(space // 2)
        layout.addWidget(heading("Memory aids", 3, self))
        self.holidays = wrapped("", self, muted=True)
        layout.addWidget(self.holidays)
        self.anchors = named(QListWidget(self), "Your memory anchors on this day")
        self.anchors.setMaximumHeight(round(space * 4.5))
        layout.addWidget(self.anchors)
        anchor_buttons = QHBoxLayout()
        self.add_anchor = named(
            QPushButton("Add a memory &anchor…", self), "Add a memory anchor on this day"
        )
        self.add_anchor.setToolTip(
            "A birthday, a trip, a first day at work: something that helps you remember"
        )
        self.change_anchor = named(QPushButton("Change…", self), "Change the memory anchor")
        self.delete_anchor = named(QPushButton("Delete", self), "Delete the memory anchor")
        for button in (self.add_anchor, self.change_anchor, self.delete_anchor):
            anchor_buttons.addWidget(button)
        anchor_buttons.addStretch(1)
        layout.addLayout(anchor_buttons)
        self.anchors.currentRowChanged.connect(lambda _r: self._enable_anchor_buttons())

        layout.addSpacing(space // 2)
        layout.addWidget(heading("Your figures", 3, self))
        self.figures = wrapped("", self)
        self.figures.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader can reach it
        layout.addWidget(self.figures)
        layout.addStretch(1)

    # -- showing --------------------------------------------------------------------------------
    def show_day(self, cell: DayCell, data: JournalData, later: str) -> None:
        self.title.setText(long_date(cell.date, weekday=True))
        self.title.setAccessibleName(long_date(cell.date, weekday=True))
        if cell.future:
            self.status.setText("This day hasn't come yet.")
        else:
            self.status.setText(STATUS_WORDS[cell.status])
        lines = day_details(cell, data) if not cell.future else []
        if later:
            lines.insert(0, later)
        self.details.setText("\n".join(lines))
        self.details.setVisible(bool(lines))
        self.edit_button.setEnabled(not cell.future)
        holidays = [f"Holiday: {name}" for name in cell.holidays]
        self.holidays.setText("\n".join(holidays))
        self.holidays.setVisible(bool(holidays))
        self.anchors.clear()
        for event in cell.anchors:
            item = QListWidgetItem(event.label, self.anchors)
            item.setData(Qt.ItemDataRole.UserRole, event)
        self.anchors.setVisible(bool(cell.anchors))
        if cell.anchors:
            self.anchors.setCurrentRow(0)
        self._enable_anchor_buttons()

    def show_selection(self, first: dt.date, last: dt.date, today: dt.date) -> None:
        count = (min(last, today) - first).days + 1
        if first > today:
            self.mark_label.setText("These days haven't come yet.")
            count = 0
        elif first == last:
            self.mark_label.setText("Mark this day as:")
        else:
            self.mark_label.setText(f"Mark these {count} days as:")
        for status, label in MARKS:
            button = self.mark_buttons[status]
            button.setEnabled(count > 0)
            what = "this day" if count == 1 else f"{count} days"
            button.setAccessibleName(f"Mark {what} as {label.lower()}")
            button.setToolTip(f"Mark {what} as {label.lower()}")
        self.range_hint.setVisible(first == last)

    def show_figures(self, lines: list[str]) -> None:
        text = "\n\n".join(line for line in lines if line)
        self.figures.setText(text)
        self.figures.setAccessibleName(text)

    def current_anchor(self) -> AnchorEvent | None:
        item = self.anchors.currentItem()
        event = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return event if isinstance(event, AnchorEvent) else None

    def _enable_anchor_buttons(self) -> None:
        chosen = self.current_anchor() is not None
        self.change_anchor.setVisible(chosen)
        self.delete_anchor.setVisible(chosen)

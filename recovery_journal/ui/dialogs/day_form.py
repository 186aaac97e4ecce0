"""The day's record as a form: status first (three large toggle buttons), then the optional
ratings, activities and a note. It only shows and collects; ``TodayView`` saves."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.models import (
    CONFIDENCE_RANGE,
    CRAVING_RANGE,
    STEP_RANGE,
    Activity,
    DayRecord,
    DayStatus,
)
from recovery_journal.ui.common import theme
from recovery_journal.ui.common.choices import ChipRow, ChoiceRow, RatingSlider
from recovery_journal.ui.common.widgets import FieldMessage, heading, named, wrapped

STATUS_CHOICES = (
    (DayStatus.ABSTINENT, "&Abstinent", "I didn't use", theme.ABSTINENT),
    (DayStatus.USED, "&Used", "I used", theme.USED),
    (DayStatus.UNKNOWN, "&Not sure", "I don't remember or I'm not sure", theme.UNKNOWN),
)

MOODS = (
    (1, "Very low", "Mood 1 of 5"),
    (2, "Low", "Mood 2 of 5"),
    (3, "Okay", "Mood 3 of 5"),
    (4, "Good", "Mood 4 of 5"),
    (5, "Very good", "Mood 5 of 5"),
)

ACTIVITIES = (
    (Activity.STEP_WORK, "Step work", "Working on a step, alone or with your sponsor"),
    (Activity.READING, "Reading", "Recovery reading"),
    (Activity.SERVICE, "Service", "Helping another member"),
    (Activity.MEMBER_CONTACT, "Time with members", "Contact with other members outside meetings"),
    (Activity.MEDITATION, "Meditation", "Meditation or prayer"),
)


def _status_style(colour: QColor) -> str:
    text = "#1f2328" if colour == theme.UNKNOWN else "#ffffff"
    return (
        f"QPushButton:checked {{ background-color: {colour.name()}; color: {text};"
        f" border: 2px solid {colour.darker(140).name()}; font-weight: bold; }}"
    )


class DayForm(QWidget):
    """``edited(now)``: the person changed something; ``now`` False for typing and sliding
    (save after a pause), True for a click (save at once). ``clear_requested``: remove this
    day's record."""

    edited = Signal(bool)
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date = dt.date.today()
        self._base: DayRecord | None = None  # the stored record the form started from
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        self.question = heading("How was today?", 2, self)
        top.addWidget(self.question, 1)
        self.clear_button = named(
            QPushButton("Clear this day", self),
            "Clear this day",
            "Remove what you recorded for this day",
        )
        self.clear_button.setFlat(True)
        self.clear_button.clicked.connect(self.clear_requested.emit)
        top.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        row = QHBoxLayout()
        self.status_group = QButtonGroup(self)
        self.status_group.setExclusive(True)
        self.status_buttons: dict[DayStatus, QPushButton] = {}
        big = theme.scaled_font(self.font(), 1.25, bold=True)
        self._status_labels: dict[DayStatus, tuple[str, str]] = {}
        for status, label, tip, colour in STATUS_CHOICES:
            self._status_labels[status] = (label, tip)
            button = named(QPushButton(label, self), label.replace("&", ""), tip)
            button.setCheckable(True)
            button.setToolTip(tip)
            button.setFont(big)
            button.setMinimumHeight(round(button.fontMetrics().height() * 2.4))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setStyleSheet(_status_style(colour))
            button.clicked.connect(lambda _checked=False, s=status: self._status_clicked(s))
            self.status_group.addButton(button)
            self.status_buttons[status] = button
            row.addWidget(button, 1)  # equal widths: the tick never moves them
        layout.addLayout(row)
        self.hint = wrapped("Choose one to start. Everything below is optional.", self, muted=True)
        layout.addWidget(self.hint)
        # In a narrow window, Today's gentle messages show here: under the status question,
        # so the buttons just clicked don't move.
        self.messages_slot = QVBoxLayout()
        self.messages_slot.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.messages_slot)

        self.details = QWidget(self)
        column = QVBoxLayout(self.details)
        column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        column.addLayout(form)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setVerticalSpacing(round(self.fontMetrics().height() * 0.6))
        column.insertSpacing(0, self.fontMetrics().height() // 2)

        self.used_row = QWidget(self.details)
        self.used_row.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        used = QHBoxLayout(self.used_row)
        used.setContentsMargins(0, 0, 0, 0)
        self.substances = named(QLineEdit(self.used_row), "What you used (optional)")
        self.substances.setPlaceholderText("What (optional), e.g. alcohol, cannabis")
        self.amount = named(QLineEdit(self.used_row), "How much (optional)")
        self.amount.setPlaceholderText("How much (optional)")
        used.addWidget(self.substances, 3)
        used.addWidget(self.amount, 2)
        self.used_label = QLabel("What and how much:", self.details)
        form.addRow(self.used_label, self.used_row)

        self.craving = RatingSlider("Craving", *CRAVING_RANGE, ("None", "Very strong"), self)
        self.craving.setToolTip("How strong were urges to use today?")
        craving_label = QLabel("&Craving:", self.details)
        craving_label.setBuddy(self.craving.slider)
        craving_label.setToolTip(self.craving.toolTip())
        self.craving.show_value_in(craving_label, "&Craving")  # "Craving: 9 of 10"
        self.craving_label = craving_label
        form.addRow(craving_label, self.craving)
        self.confidence = RatingSlider(
            "Confidence", *CONFIDENCE_RANGE, ("Not at all", "Completely"), self
        )
        self.confidence.setToolTip("How confident are you that you will stay abstinent today?")
        confidence_label = QLabel("C&onfidence:", self.details)
        confidence_label.setBuddy(self.confidence.slider)
        confidence_label.setToolTip(self.confidence.toolTip())
        self.confidence.show_value_in(confidence_label, "C&onfidence")
        self.confidence_label = confidence_label
        form.addRow(confidence_label, self.confidence)
        width = max(self.craving.end_width(), self.confidence.end_width())
        self.craving.align_ends(width)
        self.confidence.align_ends(width)
        self.mood = ChoiceRow("Mood", MOODS, self.details)
        form.addRow("Mood:", self.mood)

        self.activities = ChipRow("Recovery activities", ACTIVITIES, self.details)
        self.step = named(QSpinBox(self.activities), "Step number (optional)")
        self.step.setRange(STEP_RANGE[0] - 1, STEP_RANGE[1])
        self.step.setSpecialValueText("Step —")
        self.step.setPrefix("Step ")
        self.step.setToolTip("Which step you worked on (optional)")
        self.activities.add_extra(self.step)  # chips and step wrap together when narrow
        form.addRow("I did:", self.activities)

        self.note = named(QPlainTextEdit(self.details), "Note")
        self.note.setPlaceholderText("Anything you want to remember about this day…")
        self.note.setTabChangesFocus(True)
        lines = self.note.fontMetrics().lineSpacing()
        self.note.setMinimumHeight(lines * 3)
        self.note.setMaximumHeight(lines * 16)
        note_label = QLabel("No&te:", self.details)
        note_label.setBuddy(self.note)
        note_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        column.addWidget(note_label)
        column.addWidget(self.note, 1)
        column.addStretch(0)
        layout.addWidget(self.details, 1)
        self.message = FieldMessage(self)
        layout.addWidget(self.message)

        self.craving.changed.connect(lambda: self._changed(False))
        self.confidence.changed.connect(lambda: self._changed(False))
        self.mood.changed.connect(lambda: self._changed(True))
        self.activities.changed.connect(self._activities_changed)
        self.step.valueChanged.connect(lambda _v: self._changed(True))
        self.note.textChanged.connect(lambda: self._changed(False))
        self.substances.textEdited.connect(lambda _t: self._changed(False))
        self.amount.textEdited.connect(lambda _t: self._changed(False))
        self._show_state()

    # -- loading --------------------------------------------------------------------------------
    def load(self, day: dt.date, record: DayRecord | None, today: dt.date) -> None:
        """Show ``record`` (or an empty day) for ``day``."""
        self._loading = True
        self._date = day
        self._base = record
        self.question.setText(
            "How was today?" if day == today else f"How was {day:%A} {day.day} {day:%B}?"
        )
        status = record.status if record is not None else None
        self.status_group.setExclusive(False)
        for key, button in self.status_buttons.items():
            button.setChecked(key == status)
        self.status_group.setExclusive(True)
        self.craving.set_value(record.craving if record else None)
        self.confidence.set_value(record.confidence if record else None)
        self.mood.set_value(record.mood if record else None)
        self.activities.set_values(record.activities if record else ())
        self.step.setValue(record.step if record and record.step else 0)
        note = record.note if record else ""
        if self.note.toPlainText() != note:
            self.note.setPlainText(note)
        self.substances.setText(", ".join(record.substances) if record else "")
        self.amount.setText(record.amount if record else "")
        self.message.clear_message()
        self._loading = False
        self._show_state()

    @property
    def date(self) -> dt.date:
        return self._date

    def status(self) -> DayStatus | None:
        return next((s for s, b in self.status_buttons.items() if b.isChecked()), None)

    def record(self) -> DayRecord | None:
        """The day as the form shows it (``None`` while no status is chosen)."""
        status = self.status()
        if status is None:
            return None
        base = self._base or DayRecord(date=self._date, status=status)
        used = status == DayStatus.USED
        substances = tuple(s.strip() for s in self.substances.text().split(",") if s.strip())
        activities = self.activities.values()
        step = self.step.value() or None
        return dataclasses.replace(
            base,
            date=self._date,
            status=status,
            craving=self.craving.value(),
            confidence=self.confidence.value(),
            mood=self.mood.value(),
            activities=activities,
            step=step if Activity.STEP_WORK in activities else None,
            note=self.note.toPlainText(),
            substances=substances if used else (),
            amount=self.amount.text().strip() if used else "",
        )

    def saved(self, record: DayRecord | None) -> None:
        """What was just stored becomes the form's base (the form itself is not reloaded)."""
        self._base = record

    # -- editing --------------------------------------------------------------------------------
    def _status_clicked(self, _status: DayStatus) -> None:
        self._show_state()
        self._changed(True)

    def _activities_changed(self) -> None:
        self._show_state()
        self._changed(True)

    def _changed(self, now: bool) -> None:
        if not self._loading:
            self.edited.emit(now)

    def _mark_status(self) -> None:
        """The chosen status carries a tick and says so to screen readers, not only colour."""
        for key, button in self.status_buttons.items():
            label, tip = self._status_labels[key]
            chosen = button.isChecked()
            button.setText(f"✓ {label}" if chosen else label)
            button.setAccessibleDescription(f"{tip} (chosen)" if chosen else tip)

    def _show_state(self) -> None:
        self._mark_status()
        status = self.status()
        self.details.setEnabled(status is not None)
        self.hint.setVisible(status is None)
        self.clear_button.setVisible(self._base is not None)
        used = status == DayStatus.USED
        self.used_row.setVisible(used)
        self.used_label.setVisible(used)
        self.step.setEnabled(Activity.STEP_WORK in self.activities.values())

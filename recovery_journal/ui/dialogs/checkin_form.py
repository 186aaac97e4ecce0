"""The sponsor relationship check-in form (MEASURES §5): the one form, on the Sponsor page and
in the check-in window that Today opens (``ui/dialogs/checkin.py``).

Eight statements in order (B1 … T2), each with five answers from "Not at all true" to
"Completely true" and "Skip", as radio buttons in rows (Tab reaches a row, the arrow keys move
within it). The score and the area scores are the domain's (``alliance_score``,
``area_scores``), shown as the answers change. The statements are the app's own wording and not
a validated test; the form says so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.charts.words import whole
from recovery_journal.domain.alliance import MIN_ANSWERED, alliance_score, area_scores
from recovery_journal.domain.formatting import long_date
from recovery_journal.domain.models import ALLIANCE_ITEMS, AllianceCheckin
from recovery_journal.domain.sponsors import current_sponsor, newest_first
from recovery_journal.domain.validation import FieldError
from recovery_journal.services.errors import (
    InvalidRecordError,
    RecordConflictError,
    RecordNotFoundError,
)
from recovery_journal.ui.common import theme
from recovery_journal.ui.common.widgets import (
    FieldMessage,
    from_qdate,
    heading,
    named,
    to_qdate,
    wrapped,
)

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController

STATEMENTS = {
    "B1": "I feel my sponsor genuinely cares how I am doing.",
    "B2": "I can be honest with my sponsor, even about things I am ashamed of.",
    "R1": "My sponsor and I take each other's views seriously.",
    "R2": "I sometimes feel judged or talked down to by my sponsor.",
    "G1": "My sponsor and I agree on what I am working toward in recovery right now.",
    "G2": "My sponsor understands what matters most to me in my recovery.",
    "T1": "I am clear about what my sponsor and I are working on together.",
    "T2": "The things my sponsor suggests feel useful for my recovery.",
}
SCALE = (
    (0, "Not at all", "Not at all true"),
    (1, "A little", "A little true"),
    (2, "Somewhat", "Somewhat true"),
    (3, "Mostly", "Mostly true"),
    (4, "Completely", "Completely true"),
)
#: What the check-in says while the journal has no sponsor (the page and the window).
NO_SPONSOR_YET = "When you have a sponsor, you can check in here on how it feels between you."
#: The four areas of MEASURES §5 in plain words (the research's "bond", "goals" and "tasks").
AREA_LABELS: Mapping[str, str] = {
    "bond": "Feeling cared for",
    "respect": "Respect",
    "goals": "Shared goals",
    "tasks": "Working together",
}

#: The answer "Skip" (the item stays unanswered); a button id outside 0–4 (and not -1,
#: which Qt reads as "choose an id").
SKIP = 9

#: What the area figures are, in plain words (they describe; they are not a grade).
AREAS_NOTE = (
    "Each area is its two statements; a dash means one of them was skipped. These are a way "
    "to notice how it feels, not a grade."
)

NOT_A_TEST = (
    "These eight statements are this app's own wording, adapted from research on the bond "
    "between two people and their agreement on goals and tasks. They are not a validated "
    "test — just a way to notice how things feel, and something to talk about together."
)


def score_text(score: float | None) -> str:
    """A relationship score as the screen shows it: a whole number, halves up ("82"). The
    stored score and the exports keep the domain's one decimal; this is only for reading."""
    return "—" if score is None else whole(score)


class CheckinForm(QFrame):
    """``saved(checkin)`` after a check-in was stored (added, or changed); ``reset`` when
    the form is back to a new check-in."""

    saved = Signal(object)
    #: The form went back to a new, empty check-in (after saving, or "Stop changing").
    reset = Signal()

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setAccessibleName("Sponsor relationship check-in")
        self._editing: AllianceCheckin | None = None
        self._attempted = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        space = self.fontMetrics().height()
        self.title = heading("How does it feel with your sponsor right now?", 2, self)
        layout.addWidget(self.title)
        self.note_label = wrapped(NOT_A_TEST, self, muted=True)
        layout.addWidget(self.note_label)

        top = QFormLayout()
        top.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.date = named(QDateEdit(self), "Check-in date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("ddd d MMMM yyyy")
        self.date.dateChanged.connect(lambda _d: self._changed())
        date_box = QWidget(self)
        date_column = QVBoxLayout(date_box)
        date_column.setContentsMargins(0, 0, 0, 0)
        date_column.addWidget(self.date)
        self.date_message = FieldMessage(date_box)
        date_column.addWidget(self.date_message)
        self.sponsor = named(QComboBox(self), "Sponsor")
        self.sponsor.currentIndexChanged.connect(lambda _i: self._changed())
        row = QHBoxLayout()
        row.addWidget(date_box)
        sponsor_label = QLabel("Sp&onsor:", self)
        sponsor_label.setBuddy(self.sponsor)
        row.addSpacing(space)
        row.addWidget(sponsor_label)
        row.addWidget(self.sponsor)
        row.addStretch(1)
        date_label = QLabel("&Date:", self)
        date_label.setBuddy(self.date)
        top.addRow(date_label, row)
        layout.addLayout(top)

        answers = [(value, full) for value, _short, full in SCALE] + [(SKIP, "Skip")]
        captions = [label.replace(" true", "\ntrue") for _value, label in answers]
        metrics = self.fontMetrics()
        cell = max(metrics.horizontalAdvance(part) for c in captions for part in c.split("\n"))
        cell += space // 2
        statements = QVBoxLayout()
        statements.setSpacing(0)
        header = QWidget(self)
        grid = self._row_grid(header, cell)
        question = QLabel("How true is each statement for you?", header)
        question.setFont(theme.scaled_font(question.font(), 1.0, bold=True))
        question.setWordWrap(True)
        grid.addWidget(question, 0, 0, Qt.AlignmentFlag.AlignBottom)
        for column, ((value, _label), caption) in enumerate(zip(answers, captions, strict=True)):
            heading_label = QLabel(caption, header)
            heading_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            if value == SKIP:
                heading_label.setToolTip("Leave this statement unanswered")
            grid.addWidget(heading_label, 0, column + 1)
        statements.addWidget(header)
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[str, dict[int, QRadioButton]] = {}
        for row_number, item in enumerate(ALLIANCE_ITEMS, start=1):
            strip = QFrame(self)
            if row_number % 2:  # every other row shaded, to read across easily
                strip.setAutoFillBackground(True)
                shade = strip.palette()
                shade.setColor(QPalette.ColorRole.Window, shade.color(QPalette.ColorRole.Base))
                strip.setPalette(shade)
            grid = self._row_grid(strip, cell)
            statement = wrapped(STATEMENTS[item], strip)
            statement.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            grid.addWidget(statement, 0, 0, Qt.AlignmentFlag.AlignVCenter)
            group = QButtonGroup(self)
            group.setExclusive(True)
            self.groups[item] = group
            self.buttons[item] = {}
            for column, (value, answer) in enumerate(answers, start=1):
                button = named(
                    QRadioButton(strip),
                    f"{STATEMENTS[item]} {answer}",
                    f"Statement {row_number} of 8",
                )
                button.setToolTip(answer)
                group.addButton(button, value)
                self.buttons[item][value] = button
                grid.addWidget(button, 0, column, Qt.AlignmentFlag.AlignCenter)
            self.buttons[item][SKIP].setChecked(True)
            group.idToggled.connect(lambda _id, on: self._changed() if on else None)
            statements.addWidget(strip)
        layout.addLayout(statements)

        self.note = named(QPlainTextEdit(self), "Note (optional)")
        self.note.setPlaceholderText("Anything you'd like to remember or talk about (optional)")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + space // 2)
        layout.addWidget(self.note)

        result = QHBoxLayout()
        scores = QVBoxLayout()
        self.score = QLabel(self)
        self.score.setFont(theme.scaled_font(self.score.font(), 1.1, bold=True))
        self.score.setWordWrap(True)
        self.score.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader can reach it
        self.areas = wrapped("", self, muted=True)
        scores.addWidget(self.score)
        scores.addWidget(self.areas)
        result.addLayout(scores, 1)
        self.cancel_button = named(QPushButton("Stop changing", self), "Stop changing")
        self.cancel_button.setToolTip("Leave this earlier check-in as it was")
        self.cancel_button.clicked.connect(self.start_new)
        self.save_button = named(QPushButton("Save check-&in", self), "Save check-in")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        result.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignBottom)
        result.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(result)
        self.message = FieldMessage(self)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.start_new()

    def _row_grid(self, row: QWidget, cell: int) -> QGridLayout:
        """One row of the statements: the statement, then six answer columns of one width
        (the same in every row, so the columns line up)."""
        space = self.fontMetrics().height()
        grid = QGridLayout(row)
        grid.setContentsMargins(space // 2, space // 3, 0, space // 3)
        grid.setHorizontalSpacing(0)
        grid.setColumnStretch(0, 1)
        for column in range(1, 7):
            grid.setColumnMinimumWidth(column, cell)
            grid.setColumnStretch(column, 0)
        return grid

    # -- contents -------------------------------------------------------------------------------
    def fill_sponsors(self) -> None:
        """The sponsors to choose from (newest first), keeping the choice when possible."""
        data = self.controller.data()
        chosen = self.sponsor.currentData()
        keep = self.sponsor.count() > 0
        self.sponsor.blockSignals(True)
        self.sponsor.clear()
        for sponsor in newest_first(data.sponsors):
            self.sponsor.addItem(sponsor.name, sponsor.key)
        self.sponsor.addItem("I'd rather not say", None)
        if not keep:
            current = current_sponsor(data.sponsors, self.controller.today())
            chosen = current.key if current else None
        self._choose_sponsor(chosen)
        self.sponsor.blockSignals(False)

    def _choose_sponsor(self, key: str | None) -> None:
        for index in range(self.sponsor.count()):
            if self.sponsor.itemData(index) == key:
                self.sponsor.setCurrentIndex(index)
                return
        self.sponsor.setCurrentIndex(self.sponsor.count() - 1)

    def start_new(self) -> None:
        """An empty form for a new check-in today."""
        self._editing = None
        self._attempted = False
        self.title.setText("How does it feel with your sponsor right now?")
        self.sponsor.clear()
        self.fill_sponsors()
        self._load(
            AllianceCheckin(
                date=self.controller.today(),
                answers={},
                sponsor_key=self.sponsor.currentData(),
            )
        )
        self.cancel_button.hide()
        self.reset.emit()

    def edit(self, checkin: AllianceCheckin) -> None:
        """Change an earlier check-in."""
        self._editing = checkin
        self._attempted = False
        self.title.setText(f"Changing your check-in of {long_date(checkin.date)}")
        self.fill_sponsors()
        self._load(checkin)
        self.cancel_button.show()
        self.first_button().setFocus()

    @property
    def editing(self) -> AllianceCheckin | None:
        return self._editing

    def _load(self, checkin: AllianceCheckin) -> None:
        self.date.blockSignals(True)
        self.date.setDate(to_qdate(checkin.date))
        self.date.blockSignals(False)
        self._choose_sponsor(checkin.sponsor_key)
        for item in ALLIANCE_ITEMS:
            answer = checkin.answers.get(item)
            self.buttons[item][SKIP if answer is None else answer].setChecked(True)
        self.note.setPlainText(checkin.note)
        self.message.clear_message()
        self._changed()

    def answers(self) -> dict[str, int | None]:
        return {
            item: (None if group.checkedId() in (SKIP, -1) else group.checkedId())
            for item, group in self.groups.items()
        }

    def set_answer(self, item: str, value: int | None) -> None:
        self.buttons[item][SKIP if value is None else value].setChecked(True)

    def first_button(self) -> QRadioButton:
        item = ALLIANCE_ITEMS[0]
        group = self.groups[item]
        checked = group.checkedButton()
        return checked if isinstance(checked, QRadioButton) else self.buttons[item][SKIP]

    def record(self) -> AllianceCheckin:
        base = self._editing or AllianceCheckin(date=self.controller.today())
        return dataclasses.replace(
            base,
            date=from_qdate(self.date.date()),
            answers=self.answers(),
            sponsor_key=self.sponsor.currentData(),
            note=self.note.toPlainText().strip(),
        )

    # -- the score, as the answers change -------------------------------------------------------
    def _changed(self) -> None:
        answers = self.answers()
        score = alliance_score(answers)
        answered = sum(1 for value in answers.values() if value is not None)
        if score is None:
            self.score.setText(
                f"Answer at least {MIN_ANSWERED} of the 8 statements to see a score "
                f"({answered} answered so far)."
            )
            self.areas.setText("")
        else:
            # On screen a whole number, halves up; the stored score keeps its one decimal.
            self.score.setText(f"Score: {score_text(score)} out of 100")
            areas = area_scores(answers)
            parts = [f"{AREA_LABELS[area]}: {score_text(value)}" for area, value in areas.items()]
            self.areas.setText(" · ".join(parts) + ". " + AREAS_NOTE)
        self.score.setAccessibleName(self.score.text())
        self._show_date_message()

    def _show_date_message(self) -> bool:
        errors = self.controller.session.problems(self.record())
        self.show_errors(errors)
        return not errors

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        """The date's message next to the date; any other below the form (after Save)."""
        date_errors = [e for e in errors if e.field == "date"]
        if date_errors:
            self.date_message.show_message(date_errors[0].message)
        else:
            self.date_message.clear_message()
        other = [e for e in errors if e.field != "date"]
        if other and self._attempted:
            self.message.show_message(other[0].message)
        else:
            self.message.clear_message()

    # -- saving ---------------------------------------------------------------------------------
    def save(self) -> AllianceCheckin | None:
        self._attempted = True
        if not self._show_date_message():
            return None
        record = self.record()
        session = self.controller.session
        try:
            stored = (
                session.update_checkin(record)
                if record.id is not None
                else session.add_checkin(record)
            )
        except InvalidRecordError as error:  # checked again by the service: nothing written
            self.show_errors(error.errors)
            return None
        except (RecordConflictError, RecordNotFoundError) as error:
            self.message.show_message(f"{error} Your answers are still here.")
            return None
        self.start_new()
        self.saved.emit(stored)
        return stored

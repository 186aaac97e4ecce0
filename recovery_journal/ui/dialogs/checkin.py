"""The sponsor relationship check-in: eight statements, each from "Not at all true" to
"Completely true" (MEASURES §5). The product's own wording, not a validated instrument."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from recovery_journal.domain.models import ALLIANCE_ITEMS, AllianceCheckin
from recovery_journal.domain.sponsors import newest_first
from recovery_journal.domain.validation import FieldError, validate_checkin
from recovery_journal.services.ui_support import current_sponsor
from recovery_journal.ui.choices import ChoiceRow
from recovery_journal.ui.dialogs.base import RecordDialog
from recovery_journal.ui.widgets import named, wrapped

if TYPE_CHECKING:
    from recovery_journal.ui.controller import JournalController

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


class CheckinDialog(RecordDialog):
    live_fields = frozenset({"date"})

    def __init__(
        self, controller: JournalController, day: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__("Sponsor relationship check-in", controller, parent)
        data = controller.data()
        self.set_lead(
            "How true is each statement for you right now? There are no right answers, and you "
            "can skip any. These statements are this app's own wording, not a clinical "
            "questionnaire; they are here to help you notice how things feel."
        )
        self.date = self.date_edit("Check-in date", day)
        self.add_row("&Date:", self.date, "date")
        self.sponsor = named(QComboBox(self), "Sponsor")
        for sponsor in newest_first(data.sponsors):
            self.sponsor.addItem(sponsor.name, sponsor.key)
        self.sponsor.addItem("I'd rather not say", None)
        current = current_sponsor(data, day)
        if current is not None:
            self.sponsor.setCurrentIndex(self.sponsor.findData(current.key))
        self.add_row("&Sponsor:", self.sponsor, "sponsor_key")
        self.answers: dict[str, ChoiceRow] = {}
        for item in ALLIANCE_ITEMS:
            row = ChoiceRow(STATEMENTS[item], SCALE, self)
            self.answers[item] = row
            label = wrapped(STATEMENTS[item], self)
            self.form.addRow(label)
            self.add_row("", row, "answers")
        self.note = named(QPlainTextEdit(self), "Note (optional)")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(self.note.fontMetrics().lineSpacing() * 4)
        self.add_row("No&te:", self.note, "note")

    def build_record(self) -> AllianceCheckin:
        return AllianceCheckin(
            date=self.date_of(self.date),
            answers={item: row.value() for item, row in self.answers.items()},
            sponsor_key=self.sponsor.currentData(),
            note=self.note.toPlainText().strip(),
        )

    def validate(self, record: object) -> Sequence[FieldError]:
        assert isinstance(record, AllianceCheckin)
        keys = {s.key for s in self.controller.data().sponsors}
        return validate_checkin(record, self.controller.today(), keys)

    def store(self, record: object) -> AllianceCheckin:
        assert isinstance(record, AllianceCheckin)
        return self.controller.session.add_checkin(record)

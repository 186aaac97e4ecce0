"""The sponsor relationship check-in: eight statements, each from "Not at all true" to
"Completely true" (MEASURES §5). The product's own wording, not a validated instrument.

Opened while the journal has no sponsor, it says so kindly and offers "Add a sponsor…" instead
of the statements; once a sponsor is added, the statements appear.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.models import ALLIANCE_ITEMS, AllianceCheckin
from recovery_journal.domain.sponsors import newest_first
from recovery_journal.domain.validation import FieldError, validate_checkin
from recovery_journal.services.ui_support import current_sponsor
from recovery_journal.ui.common.choices import ChoiceRow
from recovery_journal.ui.common.widgets import named, wrapped
from recovery_journal.ui.dialogs.base import RecordDialog

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
#: What the check-in says while the journal has no sponsor (the page and the dialog).
NO_SPONSOR_YET = "When you have a sponsor, you can check in here on how it feels between you."
LEAD = (
    "How true is each statement for you right now? There are no right answers, and you "
    "can skip any. These statements are this app's own wording, not a clinical "
    "questionnaire; they are here to help you notice how things feel."
)
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
        self._day = day
        self.sponsor_dialog: QWidget | None = None
        self.set_lead(LEAD)
        self.date = self.date_edit("Check-in date", day)
        self.add_row("&Date:", self.date, "date")
        self.sponsor = named(QComboBox(self), "Sponsor")
        self._fill_sponsors()
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

        # No sponsor yet: a calm word and a way to add one, instead of the statements.
        self.no_sponsor = QWidget(self)
        line = QHBoxLayout(self.no_sponsor)
        line.setContentsMargins(0, 0, 0, 0)
        self.add_sponsor_button = named(
            QPushButton("Add a s&ponsor…", self.no_sponsor),
            "Add a sponsor",
            "Opens a short form to add your sponsor; then the check-in is here.",
        )
        self.add_sponsor_button.clicked.connect(self.add_sponsor)
        line.addWidget(self.add_sponsor_button)
        line.addStretch(1)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(outer.indexOf(self.general), self.no_sponsor)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self._show_form(bool(controller.data().sponsors))

    def _fill_sponsors(self) -> None:
        data = self.controller.data()
        self.sponsor.clear()
        for sponsor in newest_first(data.sponsors):
            self.sponsor.addItem(sponsor.name, sponsor.key)
        self.sponsor.addItem("I'd rather not say", None)
        current = current_sponsor(data, self._day)
        if current is not None:
            self.sponsor.setCurrentIndex(self.sponsor.findData(current.key))

    def _show_form(self, form: bool) -> None:
        """The statements (with a sponsor), or the word about adding one (without)."""
        self.has_form = form
        for row in range(self.form.rowCount()):
            self.form.setRowVisible(row, form)
        self.no_sponsor.setVisible(not form)
        self.set_lead(LEAD if form else NO_SPONSOR_YET)
        self.save_button.setVisible(form)
        self.cancel_button.setText("Cancel" if form else "Close")
        self.cancel_button.setAccessibleName("Cancel" if form else "Close")
        if form:
            self.answers[ALLIANCE_ITEMS[0]].setFocus()
        else:
            self.add_sponsor_button.setFocus()
        self.adjustSize()

    def add_sponsor(self) -> None:
        from recovery_journal.ui.dialogs.sponsor import (
            SponsorDialog,  # not at import: a cycle
        )

        dialog = SponsorDialog(self.controller, self)
        dialog.saved.connect(lambda _s: self._sponsor_added())
        dialog.finished.connect(lambda _r: self._sponsor_dialog_closed(dialog))
        self.sponsor_dialog = dialog
        dialog.open()

    def _sponsor_dialog_closed(self, dialog: QWidget) -> None:
        if self.sponsor_dialog is dialog:
            self.sponsor_dialog = None
        if not self.has_form:
            self.add_sponsor_button.setFocus()

    def _sponsor_added(self) -> None:
        self._fill_sponsors()
        self._show_form(True)

    def try_save(self) -> None:
        if self.has_form:  # nothing to save before there is a sponsor and the statements
            super().try_save()

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

"""Dialogs of the Calendar: one day (Today's own day form, in a dialog) and a memory anchor."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.days import is_retrospective
from recovery_journal.domain.formatting import long_date
from recovery_journal.domain.models import AnchorEvent, DayRecord
from recovery_journal.services.errors import (
    InvalidRecordError,
    RecordConflictError,
    RecordNotFoundError,
)
from recovery_journal.ui.common.feedback import ask
from recovery_journal.ui.common.undo import STEP_ERRORS, DeleteStep
from recovery_journal.ui.common.widgets import named, wrapped
from recovery_journal.ui.dialogs.base import RecordDialog
from recovery_journal.ui.dialogs.day_form import DayForm
from recovery_journal.ui.pages.calendar.month import FAR_BACK_DAYS

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController

FAR_BACK_TEXT = (
    "It can be hard to remember that far back, and that's all right. Anchors like birthdays, "
    "holidays or other events on the calendar can help. If you're not sure, “Not sure” is an "
    "honest answer."
)


def _plain(record: DayRecord | None) -> DayRecord | None:
    if record is None:
        return None
    return dataclasses.replace(record, id=None, entered_at=None, updated_at=None)


class DayDialog(QDialog):
    """Fill in or change one day, with Today's form. Saves on Save (not while typing)."""

    def __init__(
        self, controller: JournalController, day: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.day = day
        self.question: QMessageBox | None = None
        title = long_date(day, weekday=True)
        self.setWindowTitle(title)
        self.setAccessibleName(f"The day {title}")
        self.setModal(True)
        layout = QVBoxLayout(self)
        today = controller.today()
        self.stored = controller.session.get_day(day)
        self.far_back = wrapped(FAR_BACK_TEXT, self, muted=True)
        self.far_back.setVisible((today - day).days > FAR_BACK_DAYS)
        layout.addWidget(self.far_back)
        self.later = wrapped("", self, muted=True)
        if self.stored is not None and is_retrospective(self.stored):
            entered = self.stored.entered_at.astimezone().date() if self.stored.entered_at else day
            self.later.setText(f"You filled this day in later, on {long_date(entered)}.")
        self.later.setVisible(bool(self.later.text()))
        layout.addWidget(self.later)
        self.form = DayForm(self)
        self.form.load(day, self.stored, today)
        self.form.clear_requested.connect(self._ask_clear)
        layout.addWidget(self.form, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        line = self.fontMetrics().height()
        self.resize(line * 46, line * 34)

    def try_save(self) -> bool:
        record = self.form.record()
        if record is None:
            if self.stored is None:
                self.form.message.show_message(
                    "Choose how the day was — Abstinent, Used or Not sure — or press Cancel."
                )
                return False
            self.accept()
            return True
        if _plain(record) != _plain(self.stored):
            try:
                self.controller.session.save_day(record)  # checked first
            except InvalidRecordError as error:  # nothing was written; the form stays
                self.form.message.show_message(error.errors[0].message)
                return False
            except (RecordConflictError, RecordNotFoundError) as error:
                self.form.message.show_message(f"{error} What you entered is still here.")
                return False
        self.accept()
        return True

    def _ask_clear(self) -> None:
        def answered(value: str) -> None:
            self.question = None
            record = self.controller.session.get_day(self.day)
            if value != "clear" or record is None:
                return
            try:  # a step on the window's undo stack: Ctrl+Z brings the day back
                deleted = self.controller.session.delete_records([record])
            except STEP_ERRORS as error:
                self.form.message.show_message(f"{error} Nothing was removed.")
                return
            when = long_date(self.day, weekday=True, year=False)
            self.controller.undo_stack.push(DeleteStep(self.controller, f"clear {when}", deleted))
            self.accept()

        self.question = ask(
            self,
            "Clear this day?",
            f"Remove what you recorded for {long_date(self.day, weekday=True)}? The day will "
            "show as not filled in again.",
            [
                ("Keep it", QMessageBox.ButtonRole.RejectRole, "keep"),
                ("Clear the day", QMessageBox.ButtonRole.DestructiveRole, "clear"),
            ],
            answered,
        )


class AnchorDialog(RecordDialog):
    """Add or change a personal memory anchor ("Mum's birthday", "Started the new job")."""

    live_fields = frozenset({"date"})

    def __init__(
        self,
        controller: JournalController,
        day: dt.date,
        parent: QWidget | None = None,
        event: AnchorEvent | None = None,
    ) -> None:
        title = "Change a memory anchor" if event else "Add a memory anchor"
        super().__init__(title, controller, parent)
        self._event = event
        self.set_lead(
            "Something that happened on a day — a birthday, a trip, a first day at work. "
            "Anchors show on the calendar and help you remember the days around them."
        )
        self.date = self.date_edit("Anchor date", event.date if event else day)
        self.add_row("&Date:", self.date, "date")
        self.label = named(QLineEdit(self), "What happened")
        self.label.setPlaceholderText("e.g. Mum's birthday")
        self.label.textEdited.connect(lambda _t: self.check())
        if event is not None:
            self.label.setText(event.label)
        self.add_row("&What happened:", self.label, "label")
        self.label.setFocus()

    def build_record(self) -> AnchorEvent:
        return AnchorEvent(
            date=self.date_of(self.date),
            label=self.label.text().strip(),
            id=self._event.id if self._event else None,
        )

    def store(self, record: object) -> AnchorEvent:
        assert isinstance(record, AnchorEvent)
        if record.id is not None:
            return self.controller.session.update_anchor_event(record)
        return self.controller.session.add_anchor_event(record)

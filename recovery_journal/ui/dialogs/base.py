"""A dialog that adds one record: a form whose fields show the service's messages inline, next
to the field, in words. While the person types the form asks ``session.problems`` (nothing is
written); Save calls the service operation, which checks again and raises a typed error
(shown the same way) instead of writing anything wrong."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.validation import FieldError
from recovery_journal.services.errors import (
    InvalidRecordError,
    RecordConflictError,
    RecordNotFoundError,
)
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


class RecordDialog(QDialog):
    """Subclasses build their fields with :meth:`add_row` and implement ``build_record`` and
    ``store`` (the service operation); ``validate`` asks the session by default."""

    saved = Signal(object)

    def __init__(self, title: str, controller: JournalController, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # no journal text lingers
        self._messages: dict[str, FieldMessage] = {}
        self._attempted = False
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, 2, self))
        self.lead = wrapped("", self)
        self.lead.hide()
        layout.addWidget(self.lead)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)
        self.general = FieldMessage(self)
        layout.addWidget(self.general)
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

    # -- building -------------------------------------------------------------------------------
    def set_lead(self, text: str) -> None:
        """A short paragraph between the title and the fields."""
        self.lead.setText(text)
        self.lead.setVisible(bool(text))

    def add_row(self, label: str, widget: QWidget, field: str | None = None) -> QWidget:
        """A labelled field; with ``field``, validation messages for it show beneath it.
        Returns the row's field widget (for ``form.setRowVisible``)."""
        if field is None:
            self.form.addRow(label, widget)
            return widget
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        message = FieldMessage(box)
        column.addWidget(message)
        self._messages[field] = message
        self.form.addRow(label, box)
        return box

    def date_edit(self, name: str, day: dt.date) -> QDateEdit:
        edit = named(QDateEdit(self), name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("ddd d MMMM yyyy")
        edit.setDate(to_qdate(day))
        edit.dateChanged.connect(lambda _d: self.check())
        return edit

    @staticmethod
    def date_of(edit: QDateEdit) -> dt.date:
        return from_qdate(edit.date())

    def optional_time(self, name: str) -> tuple[QWidget, QCheckBox, QTimeEdit]:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        enabled = named(QCheckBox("At", box), f"{name}: set a time")
        edit = named(QTimeEdit(box), name)
        edit.setDisplayFormat("HH:mm")
        now = QTime.currentTime()
        edit.setTime(QTime(now.hour(), 0))
        edit.setEnabled(False)
        enabled.toggled.connect(edit.setEnabled)
        row.addWidget(enabled)
        row.addWidget(edit)
        row.addStretch(1)
        return box, enabled, edit

    @staticmethod
    def time_of(enabled: QCheckBox, edit: QTimeEdit) -> dt.time | None:
        if not enabled.isChecked():
            return None
        value = edit.time()
        return dt.time(value.hour(), value.minute())

    def optional_minutes(self, name: str) -> QSpinBox:
        spin = named(QSpinBox(self), name)
        spin.setRange(0, 24 * 60)
        spin.setSingleStep(15)
        spin.setSpecialValueText("—")
        spin.setSuffix(" min")
        return spin

    # -- validating and saving ------------------------------------------------------------------
    def build_record(self) -> object:
        raise NotImplementedError

    def validate(self, record: object) -> Sequence[FieldError]:
        """What the service would refuse in ``record`` (nothing is written)."""
        return self.controller.session.problems(record)  # type: ignore[arg-type]

    def store(self, record: object) -> object:
        raise NotImplementedError

    #: Fields whose messages show while typing; the others once Save was pressed.
    live_fields: frozenset[str] = frozenset({"date"})

    def check(self) -> bool:
        """Show the messages for the form as it is; True when it can be saved."""
        errors = list(self.validate(self.build_record()))
        self.show_errors(errors)
        return not errors

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        """Each message next to its field (the first one per field); the rest below."""
        shown: set[str] = set()
        for error in errors:
            field = error.field.split("[")[0].split(".")[0]
            if not self._attempted and field not in self.live_fields:
                continue
            target = self._messages.get(field)
            if target is None:
                self.general.show_message(error.message)
                shown.add("")
            elif field not in shown:
                target.show_message(error.message)
                shown.add(field)
        for field, message in self._messages.items():
            if field not in shown:
                message.clear_message()
        if "" not in shown:
            self.general.clear_message()

    def try_save(self) -> None:
        self._attempted = True
        if not self.check():
            return
        try:
            record = self.store(self.build_record())
        except InvalidRecordError as error:  # checked again by the service: nothing written
            self.show_errors(error.errors)
            return
        except (RecordConflictError, RecordNotFoundError) as error:
            self.general.show_message(f"{error} Nothing was saved; the form is as you left it.")
            return
        self.saved.emit(record)
        self.accept()


def retitle(dialog: QWidget, old: str, new: str) -> None:
    """Change a shared dialog's window title and its heading label."""
    dialog.setWindowTitle(new)
    dialog.setAccessibleName(new)
    for label in dialog.findChildren(QLabel):
        if label.text() == old:
            label.setText(new)
            label.setAccessibleName(new)
            break


def set_time(enabled_box: QCheckBox, edit: QTimeEdit, value: dt.time | None) -> None:
    """Fill a dialog's optional time (the "At" check box and its time field)."""
    enabled_box.setChecked(value is not None)
    if value is not None:
        edit.setTime(QTime(value.hour, value.minute))

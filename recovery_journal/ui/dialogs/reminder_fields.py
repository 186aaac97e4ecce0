"""The daily reminder's fields, where the first-run wizard offers it and in Settings.

Off by default. Each change is kept at once (in the window preferences, outside the journal,
because the reminder works while the journal is locked). The words are discreet by default
and the person is told where they are kept, so they can keep them discreet too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.reminders import (
    DEFAULT_TEXT,
    TEXT_MAX_LENGTH,
    DailyReminder,
    clean_text,
)
from recovery_journal.services.autostart import AutostartError
from recovery_journal.ui.common.widgets import FieldMessage, named, wrapped

if TYPE_CHECKING:
    from recovery_journal.ui.app.reminder_options import ReminderOptions

WORDS_NOTE = (
    "These words show on your screen, where others may see them. They're kept outside your "
    "encrypted journal, because the reminder works while it's locked, so keep them discreet. "
    "The reminder never shows anything from your journal."
)
FILLED_IN_NOTE = "No reminder comes on a day you've already filled in."


class ReminderFields(QWidget):
    def __init__(self, options: ReminderOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.options = options
        reminder = options.reminder()
        support = options.support()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.enabled = named(QCheckBox("&Remind me each day", self), "Remind me each day")
        self.enabled.setChecked(reminder.enabled)
        self.enabled.toggled.connect(self._enabled_toggled)
        layout.addWidget(self.enabled)

        self.details = QWidget(self)
        form = QFormLayout(self.details)
        indent = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        form.setContentsMargins(indent * 2, 0, 0, 0)
        self.time = named(QTimeEdit(self.details), "Reminder time")
        self.time.setDisplayFormat(QLocale().timeFormat(QLocale.FormatType.ShortFormat))
        self.time.setTime(QTime(reminder.at.hour, reminder.at.minute))
        self.time.timeChanged.connect(lambda _t: self._keep(at=self._chosen_time()))
        time_row = QHBoxLayout()
        time_row.addWidget(self.time)
        time_row.addStretch(1)
        time_label = QLabel("At &time:", self.details)
        time_label.setBuddy(self.time)
        form.addRow(time_label, time_row)
        self.words = named(QLineEdit(self.details), "Reminder words")
        self.words.setMaxLength(TEXT_MAX_LENGTH)
        self.words.setPlaceholderText(DEFAULT_TEXT)
        self.words.setText(reminder.text)
        self.words.editingFinished.connect(self._words_finished)
        form.addRow("&Words:", self.words)
        form.addRow(wrapped(WORDS_NOTE, self.details, muted=True))
        self.at_login = named(
            QCheckBox("Start at &login, in the tray and locked", self.details),
            "Start at login, in the tray and locked",
        )
        self.at_login.setChecked(options.start_at_login())
        self.at_login.setVisible(support.autostart)
        self.at_login.toggled.connect(self._login_toggled)
        form.addRow(self.at_login)
        row = QHBoxLayout()
        self.show_now = named(QPushButton("&Show it now", self.details), "Show the reminder now")
        self.show_now.clicked.connect(options.show_test)
        self.show_now.setEnabled(support.messages)
        row.addWidget(self.show_now)
        row.addStretch(1)
        form.addRow(row)
        form.addRow(wrapped(FILLED_IN_NOTE, self.details, muted=True))
        layout.addWidget(self.details)

        self.message = FieldMessage(self)
        layout.addWidget(self.message)
        note = support.note()
        #: What this desktop can't do, said once (``None`` when it can do everything).
        self.support_note = wrapped(note, self) if note else None
        if self.support_note is not None:
            self.support_note.setAccessibleName(note or "")
            layout.addWidget(self.support_note)
        self.details.setEnabled(reminder.enabled)

    def _chosen_time(self) -> dt.time:
        chosen = self.time.time()
        return dt.time(chosen.hour(), chosen.minute())

    def _keep(self, **changes: object) -> None:
        reminder = dataclasses.replace(self.options.reminder(), **changes)  # type: ignore[arg-type]
        try:
            self.options.set_reminder(reminder)
        except AutostartError as error:
            self.message.show_message(error.message)
        else:
            self.message.clear_message()
        self._follow_login()

    def _enabled_toggled(self, on: bool) -> None:
        self.details.setEnabled(on)
        self._keep(enabled=on, at=self._chosen_time(), text=clean_text(self.words.text()))

    def _words_finished(self) -> None:
        text = clean_text(self.words.text())
        if text != self.words.text():
            self.words.setText(text)
        self._keep(text=text)

    def _login_toggled(self, on: bool) -> None:
        try:
            self.options.set_start_at_login(on)
        except AutostartError as error:
            self.message.show_message(error.message)
        else:
            self.message.clear_message()
        self._follow_login()

    def _follow_login(self) -> None:
        """Show what is true on disk (turning the reminder off removes the entry too)."""
        actual = self.options.start_at_login()
        if self.at_login.isChecked() != actual:
            self.at_login.blockSignals(True)
            self.at_login.setChecked(actual)
            self.at_login.blockSignals(False)

    def reminder(self) -> DailyReminder:
        return self.options.reminder()

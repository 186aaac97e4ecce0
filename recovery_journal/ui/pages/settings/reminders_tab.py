"""Settings › Reminders: the daily reminder and starting at login.

Unlike the other tabs, nothing here is stored in the journal: the reminder works while the
journal is locked, so it is kept in the window preferences (docs/security.md says what).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from recovery_journal.ui.common.widgets import wrapped
from recovery_journal.ui.dialogs.reminder_fields import ReminderFields

if TYPE_CHECKING:
    from recovery_journal.ui.app.reminder_options import ReminderOptions

INTRO = "A quiet nudge at a time you choose, to fill in your day."


class RemindersTab(QWidget):
    def __init__(self, options: ReminderOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped(INTRO, self))
        self.fields = ReminderFields(options, self)
        layout.addWidget(self.fields)
        layout.addStretch(1)

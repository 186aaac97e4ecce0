"""The first-run wizard's last page: the daily reminder, offered and off unless turned on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget, QWizardPage

from recovery_journal.ui.dialogs.reminder_fields import ReminderFields

if TYPE_CHECKING:
    from recovery_journal.ui.app.reminder_options import ReminderOptions


class ReminderPage(QWizardPage):
    def __init__(self, options: ReminderOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("A daily reminder (optional)")
        self.setSubTitle(
            "A quiet nudge at a time you choose, to fill in your day. It stays off unless you "
            "turn it on; you can change it later in Settings."
        )
        layout = QVBoxLayout(self)
        self.fields = ReminderFields(options, self)
        layout.addWidget(self.fields)
        layout.addStretch(1)

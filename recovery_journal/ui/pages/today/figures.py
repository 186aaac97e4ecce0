"""Today's side of the page: where the messages go when side by side, the four figure cards
(days without using, days abstinent, meetings, sponsor) and the quick actions.

The figures are always as of today, whichever day the form shows; on another day a line says
so. ``meeting_requested`` and ``contact_requested`` come from the quick-action buttons.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from recovery_journal.domain.attendance import meetings_this_week
from recovery_journal.domain.formatting import long_date
from recovery_journal.ui.common.widgets import named, wrapped
from recovery_journal.ui.pages.today import texts
from recovery_journal.ui.pages.today.cards import FigureCard

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController


class FiguresPanel(QWidget):
    meeting_requested = Signal()
    contact_requested = Signal()

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        space = self.fontMetrics().height()
        side = QVBoxLayout(self)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(space // 2)
        self.messages_slot = QVBoxLayout()
        self.messages_slot.setContentsMargins(0, 0, 0, 0)
        side.addLayout(self.messages_slot)
        self.figures_note = wrapped("", self, muted=True)  # "as of today" on other days
        self.figures_note.hide()
        side.addWidget(self.figures_note)
        self.grid = QGridLayout()
        self.grid.setSpacing(space // 2)
        self.run_card = FigureCard(self)
        self.abstinence_card = FigureCard(self)
        self.meetings_card = FigureCard(self)
        self.sponsor_card = FigureCard(self)
        self.cards = (self.run_card, self.abstinence_card, self.meetings_card, self.sponsor_card)
        side.addLayout(self.grid)
        actions = QHBoxLayout()
        self.meeting_button = named(QPushButton("Log a &meeting…", self), "Log a meeting", "Ctrl+M")
        self.meeting_button.setToolTip("Log a meeting (Ctrl+M)")
        self.meeting_button.setShortcut(QKeySequence("Ctrl+M"))
        self.meeting_button.clicked.connect(self.meeting_requested.emit)
        self.contact_button = named(
            QPushButton("Log a &sponsor contact…", self), "Log a sponsor contact", "Ctrl+K"
        )
        self.contact_button.setToolTip("Log a contact with your sponsor (Ctrl+K)")
        self.contact_button.setShortcut(QKeySequence("Ctrl+K"))
        self.contact_button.clicked.connect(self.contact_requested.emit)
        actions.addWidget(self.meeting_button)
        actions.addWidget(self.contact_button)
        actions.addStretch(1)
        side.addLayout(actions)
        side.addStretch(1)

    def show_figures(self, day: dt.date) -> None:
        controller = self.controller
        stats = controller.stats()
        data = controller.data()
        today = controller.today()
        self.run_card.show_text(texts.run_card(stats, today))
        self.abstinence_card.show_text(texts.abstinence_card(stats))
        self.meetings_card.show_text(texts.meetings_card(stats, meetings_this_week(data, today)))
        self.sponsor_card.show_text(texts.sponsor_card(stats, bool(data.sponsors)))
        if day == today:
            self.figures_note.hide()
        else:
            self.figures_note.setText(
                f"These figures are as of today, {long_date(today, weekday=True, year=False)}."
            )
            self.figures_note.show()

    def arrange_cards(self, columns: int) -> None:
        for card in self.cards:
            self.grid.removeWidget(card)
        for index, card in enumerate(self.cards):
            self.grid.addWidget(card, index // columns, index % columns)
        for column in range(4):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def set_compact(self, compact: bool) -> None:
        for card in self.cards:
            card.set_compact(compact)

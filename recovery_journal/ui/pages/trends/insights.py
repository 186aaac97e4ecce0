"""The Insights section of Trends: every personal insight of MEASURES §7 with its label chip,
its numbers (only once it passes its threshold), what it still needs, and its caveats."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from recovery_journal.domain.insights import CONSISTENT, TENTATIVE, Insight
from recovery_journal.ui.common import theme
from recovery_journal.ui.common.widgets import heading, wrapped
from recovery_journal.ui.pages.trends.insight_text import InsightContent, insight_content

INTRO = (
    "These compare your own weeks with and without something. They show what went together in "
    "your records, not what caused what, and they are yours to talk over with your sponsor."
)


class InsightCard(QFrame):
    def __init__(self, content: InsightContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.setObjectName("insightCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setAccessibleName(f"{content.title}: {content.chip}")
        described = [content.text, *content.numbers, content.needs, " ".join(content.caveats)]
        self.setAccessibleDescription(" ".join(part for part in described if part))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = heading(content.title, 3, self)
        top.addWidget(self.title, 1)
        self.chip = QLabel(content.chip, self)
        self.chip.setObjectName("chip")
        self.chip.setToolTip(content.chip_help)
        self.chip.setAccessibleName(f"Label: {content.chip}")
        self.chip.setAccessibleDescription(content.chip_help)
        self.chip.setStyleSheet(_chip_style(self, content.label))
        top.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.text = wrapped(content.text, self)
        layout.addWidget(self.text)
        self.numbers = [wrapped(f"• {line}", self) for line in content.numbers]
        for label in self.numbers:
            layout.addWidget(label)
        self.needs = wrapped(content.needs, self, muted=True)
        self.needs.setVisible(bool(content.needs))
        layout.addWidget(self.needs)
        self.caveats = wrapped("Keep in mind: " + " ".join(content.caveats), self, muted=True)
        self.caveats.setVisible(bool(content.caveats))
        layout.addWidget(self.caveats)
        for label in (self.text, self.needs, self.caveats, *self.numbers):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


def _chip_style(widget: QWidget, label: str) -> str:
    """A quiet rounded chip; the word carries the meaning, the colour only adds to it."""
    dark = theme.is_dark(widget)
    accent = {TENTATIVE: theme.CONTACT, CONSISTENT: theme.ABSTINENT}.get(label)
    text = widget.palette().color(QPalette.ColorRole.WindowText)
    border = theme.muted_text_colour(widget) if accent is None else QColor(accent)
    fill = QColor(border)
    fill.setAlphaF(0.22 if dark else 0.14)
    return (
        f"QLabel#chip {{ color: {text.name()}; border: 1px solid {border.name()};"
        f" background: rgba({fill.red()}, {fill.green()}, {fill.blue()}, {fill.alphaF():.2f});"
        " border-radius: 9px; padding: 1px 9px; }"
    )


class InsightsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Insights")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading("Patterns in your weeks", 2, self))
        intro = wrapped(INTRO, self, muted=True)
        layout.addWidget(intro)
        self._cards_layout = QVBoxLayout()
        layout.addLayout(self._cards_layout)
        self.cards: list[InsightCard] = []

    def set_insights(self, insights: Iterable[Insight]) -> None:
        for card in self.cards:
            self._cards_layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        for insight in insights:
            card = InsightCard(insight_content(insight), self)
            self._cards_layout.addWidget(card)
            self.cards.append(card)

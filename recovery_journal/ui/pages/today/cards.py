"""A figure card: a title, one large value and a few lines of words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from recovery_journal.ui.common import theme
from recovery_journal.ui.common.widgets import wrapped
from recovery_journal.ui.pages.today.texts import CardText


class FigureCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        self.setPalette(palette)
        # Never squeezed below the height its wrapped lines need (the page scrolls instead).
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader can reach and read it
        layout = QVBoxLayout(self)
        self._layout = layout
        spacing = self.fontMetrics().height() // 2
        self._margin = spacing * 2
        layout.setContentsMargins(spacing * 2, spacing * 2, spacing * 2, spacing * 2)
        layout.setSpacing(spacing)
        self.title = QLabel(self)
        self.title.setFont(theme.scaled_font(self.font(), 1.0, bold=True))
        self.title.setWordWrap(True)
        self.value = QLabel(self)
        self.value.setFont(theme.scaled_font(self.font(), 1.9, bold=True))
        self.value.setWordWrap(True)
        self.body = QVBoxLayout()
        self.body.setSpacing(spacing // 2)
        self.lines: list[QLabel] = []
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addLayout(self.body)
        layout.addStretch(1)
        self.text: CardText | None = None
        self._compact = False

    def set_compact(self, compact: bool) -> None:
        """Only the title, the value and the first line (the rest stays in the tooltip and
        the accessible description): when a message needs the room on a small screen."""
        if compact == self._compact:
            return
        self._compact = compact
        margin = self._margin // 2 if compact else self._margin
        self._layout.setContentsMargins(margin, margin, margin, margin)
        if self.text is not None:
            self.show_text(self.text)

    @property
    def compact(self) -> bool:
        return self._compact

    def show_text(self, text: CardText) -> None:
        self.text = text
        self.title.setText(text.title)
        self.value.setText(text.value)
        while len(self.lines) < len(text.lines):
            label = wrapped("", self)
            self.body.addWidget(label)
            self.lines.append(label)
        shown = 1 if self._compact else len(text.lines)
        for index, label in enumerate(self.lines):
            label.setText(text.lines[index] if index < len(text.lines) else "")
            label.setVisible(index < min(shown, len(text.lines)))
        hidden = text.lines[shown:]
        self.setToolTip("\n".join([*hidden, text.tooltip]) if hidden else text.tooltip)
        self.setAccessibleName(f"{text.title}: {text.value}")
        self.setAccessibleDescription(" ".join(text.lines))

    def plain_text(self) -> str:
        """Everything the card says (tests and screen readers read the same words)."""
        shown = [label.text() for label in self.lines if not label.isHidden()]
        return "\n".join([self.title.text(), self.value.text(), *shown])

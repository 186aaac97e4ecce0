"""Small widgets every screen uses: headings, inline field messages, banners, a busy row.

Sizes come from the system font and layouts only; colours from the palette and ``theme``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QDate, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.ui.common import theme

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, description: str = "") -> W:
    """Give ``widget`` an accessible name (and description) for screen readers."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def heading(text: str, level: int = 1, parent: QWidget | None = None) -> QLabel:
    """A heading label: level 1 for a screen title, 2 for a section, 3 for a card title."""
    label = QLabel(text, parent)
    factor = {1: 1.6, 2: 1.25, 3: 1.05}.get(level, 1.0)
    label.setFont(theme.scaled_font(label.font(), factor, bold=True))
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def wrapped(text: str = "", parent: QWidget | None = None, *, muted: bool = False) -> QLabel:
    """A word-wrapped paragraph; ``muted`` for secondary text (still readable)."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    if muted:
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, theme.muted_text_colour(label))
        label.setPalette(palette)
    return label


class FieldMessage(QLabel):
    """A message next to a form field, in words ("The date can't be in the future").

    Hidden while empty. The text carries the meaning; the colour only adds to it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName("Message")
        self.hide()

    def show_message(self, text: str) -> None:
        palette = self.palette()
        dark = theme.is_dark(self.parentWidget())
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#FF9E5E" if dark else "#A34400"))
        self.setPalette(palette)
        self.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


_TONES = {"care": theme.MEETING, "note": theme.CONTACT, "calm": theme.ABSTINENT}


class Banner(QFrame):
    """A calm message strip with a title, a paragraph and optional buttons.

    ``tone`` picks the accent bar on the left: "care" (blue), "note" (orange) or "calm"
    (green). The title always says what the banner is about; the colour never does alone.
    """

    def __init__(
        self, title: str, text: str = "", tone: str = "care", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)
        outer = QHBoxLayout(self)
        accent = QFrame(self)
        accent.setFixedWidth(max(4, self.fontMetrics().height() // 4))
        accent.setAutoFillBackground(True)
        palette = accent.palette()
        palette.setColor(QPalette.ColorRole.Window, _TONES.get(tone, theme.MEETING))
        accent.setPalette(palette)
        outer.addWidget(accent)
        body = QVBoxLayout()
        self.title = heading(title, 3)
        self.text = wrapped(text)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.addWidget(self.title)
        body.addWidget(self.text)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        body.addLayout(self.buttons)
        outer.addLayout(body, 1)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        self.setPalette(palette)

    def set_text(self, text: str) -> None:
        self.text.setText(text)
        self.text.setVisible(bool(text))
        self.setAccessibleDescription(text)

    def add_button(self, text: str, on_click: Callable[[], object], name: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name or text.replace("&", "").rstrip("…"))
        button.clicked.connect(lambda _checked=False: on_click())
        self.buttons.addWidget(button)
        return button


class BusyRow(QWidget):
    """An indeterminate progress bar and a sentence, shown while slow work runs."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(text)
        self.label = wrapped(text, self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.hide()

    def start(self, text: str | None = None) -> None:
        if text:
            self.label.setText(text)
            self.bar.setAccessibleName(text)
        self.show()

    def stop(self) -> None:
        self.hide()


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class OptionalDate(QWidget):
    """A check box that turns on a date field (dates can't be in the future)."""

    def __init__(self, label: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.enabled = named(QCheckBox(label, self), label.replace("&", ""))
        self.edit = named(QDateEdit(self), label.replace("&", "") + ": date")
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("d MMMM yyyy")
        self.edit.setMaximumDate(to_qdate(today))
        self.edit.setDate(to_qdate(today))
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        row.addWidget(self.enabled)
        row.addWidget(self.edit)
        row.addStretch(1)

    def value(self) -> dt.date | None:
        return from_qdate(self.edit.date()) if self.enabled.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        self.enabled.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(to_qdate(day))


def centred_column(parent: QWidget, width_in_lines: int = 34) -> QVBoxLayout:
    """A column of readable width, centred in ``parent`` (unlock and similar screens).

    The column sits between stretches in a row (not by alignment): a box layout asks an
    aligned item for its height at the *whole* row's width, so wrapped text in a narrower
    column would be given too few lines and overlap. In a row, the column is asked at its own
    width, and every wrapped label gets its full height.
    """
    outer = QVBoxLayout(parent)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    box = QWidget(parent)
    line = parent.fontMetrics().height()
    box.setMaximumWidth(line * width_in_lines)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    row.addStretch(1)
    row.addWidget(box, 100)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return column


class FlowLayout(QLayout):
    """Lays widgets out in a row and wraps them onto the next line when the row is too narrow
    (rows of toggle buttons that must fit a narrow window without a horizontal scroll bar)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(item.sizeHint().width() for item in self._visible())
        width += self._gap() * max(0, len(self._visible()) - 1)
        height = max((item.sizeHint().height() for item in self._visible()), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        return parent.fontMetrics().height() // 3 if parent is not None else 6

    def _place(self, rect: QRect, *, move: bool) -> int:
        gap = self._gap()
        x, y, row_height = rect.x(), rect.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y = rect.x(), y + row_height + gap
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()

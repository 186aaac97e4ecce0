"""The legend under the month grid: each mark drawn as the grid draws it, with its words."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from recovery_journal.domain.models import DayStatus
from recovery_journal.ui.pages.calendar.painting import (
    contact_square,
    fill_day,
    later_triangle,
    meeting_dot,
    question_mark,
)

ITEMS = (
    ("abstinent", "Abstinent"),
    ("used", "Used"),
    ("missing", "Not filled in"),
    ("unsure", "Not sure"),
    ("meeting", "Meeting"),
    ("contact", "Sponsor contact"),
    ("one_way", "One-way message"),
    ("later", "Filled in later"),
)


STATUSES = {
    "abstinent": DayStatus.ABSTINENT,
    "used": DayStatus.USED,
    "missing": None,
    "unsure": DayStatus.UNKNOWN,
}


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        words = ", ".join(label for _key, label in ITEMS)
        self.setAccessibleName("Legend")
        self.setAccessibleDescription(
            "Abstinent days are filled green; used days are orange with a diagonal line; days "
            "not filled in are grey and hatched; not sure days are hatched with a question "
            "mark; a blue dot is a meeting; an orange square a sponsor contact (hollow when "
            "one-way); a corner triangle means filled in later. " + words
        )
        self.setToolTip(self.accessibleDescription())

    def _swatch(self) -> float:
        return self.fontMetrics().height() * 1.15

    def _places(self, width: int) -> tuple[list[tuple[str, str, float, float]], float]:
        """Where each item goes, wrapping to ``width``; and the height needed."""
        metrics = self.fontMetrics()
        swatch = self._swatch()
        row_height = swatch + metrics.height() * 0.5
        gap = metrics.height() * 1.2
        places = []
        x = y = 0.0
        for key, label in ITEMS:
            item = swatch + metrics.height() * 0.4 + metrics.horizontalAdvance(label)
            if x > 0 and x + item > width:
                x, y = 0.0, y + row_height
            places.append((key, label, x, y))
            x += item + gap
        return places, y + row_height

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(self._places(width)[1]) + 1

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 100 else self.fontMetrics().height() * 40
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().height() * 10, self.heightForWidth(self.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.setMinimumHeight(self.heightForWidth(self.width()))
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        swatch = self._swatch()
        text_colour = palette.color(palette.ColorRole.WindowText)
        for key, label, x, top in self._places(self.width())[0]:
            rect = QRectF(x, top + metrics.height() * 0.25, swatch, swatch)
            centre = rect.center()
            if key in STATUSES:
                colour = fill_day(painter, rect, STATUSES[key], True, palette)
                if key == "unsure":
                    question_mark(painter, rect, colour, self.font())
            elif key == "meeting":
                meeting_dot(painter, centre, swatch * 0.6)
            elif key in ("contact", "one_way"):
                contact_square(painter, centre, swatch * 0.55, key == "contact")
            else:
                fill_day(painter, rect, DayStatus.ABSTINENT, True, palette)
                later_triangle(painter, rect, QColor(255, 255, 255, 220), 0.5)
            painter.setPen(text_colour)
            text_x = x + swatch + metrics.height() * 0.4
            painter.drawText(
                QRectF(text_x, rect.top(), metrics.horizontalAdvance(label) + 4, swatch),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                label,
            )
        painter.end()

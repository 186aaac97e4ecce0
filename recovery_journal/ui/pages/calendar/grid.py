"""The month grid: six weeks of days, drawn by hand, used with the keyboard or the mouse.

Keys: the arrows move a day or a week (with Shift they stretch the selection), Page Up and
Page Down move a month, Home and End go to the first and last day of the month, Enter opens
the day, Escape shrinks the selection back to one day. The mouse: a click picks a day,
Shift+click or a drag picks a range, a double-click opens the day.

The grid shows what it is given (:meth:`set_month`); when the current day moves into another
month it asks for that month with ``month_needed`` (answered at once by the page).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFocusEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from recovery_journal.domain.dates import add_months, month_end
from recovery_journal.ui.common import theme
from recovery_journal.ui.pages.calendar.month import WEEKS_SHOWN, DayCell, describe
from recovery_journal.ui.pages.calendar.painting import paint_cell

ONE_DAY = dt.timedelta(days=1)


class MonthGrid(QWidget):
    current_changed = Signal(object)  # dt.date
    selection_changed = Signal(object, object)  # first, last (dt.date)
    activated = Signal(object)  # dt.date: open this day
    month_needed = Signal(int, int)  # year, month

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(False)
        self.setAccessibleName("Month calendar")
        self._cells: list[DayCell] = []
        self._year = 2000
        self._month = 1
        self._today = dt.date.today()
        self._tracking_start: dt.date | None = None
        self._current = self._today
        self._anchor = self._today
        self._dragging = False
        #: The last day the grid moves to (the page sets the end of the current month).
        self.last_date: dt.date | None = None

    # -- contents -------------------------------------------------------------------------------
    def set_month(
        self,
        year: int,
        month: int,
        cells: Sequence[DayCell],
        today: dt.date,
        tracking_start: dt.date | None,
    ) -> None:
        self._year, self._month = year, month
        self._cells = list(cells)
        self._today = today
        self._tracking_start = tracking_start
        self.setAccessibleName(f"Month calendar, {dt.date(year, month, 1):%B %Y}")
        self._announce()
        self.update()

    @property
    def month(self) -> tuple[int, int]:
        return self._year, self._month

    def cells(self) -> list[DayCell]:
        return list(self._cells)

    def cell(self, day: dt.date) -> DayCell | None:
        if not self._cells:
            return None
        offset = (day - self._cells[0].date).days
        return self._cells[offset] if 0 <= offset < len(self._cells) else None

    # -- current day and selection --------------------------------------------------------------
    @property
    def current(self) -> dt.date:
        return self._current

    def selection(self) -> tuple[dt.date, dt.date]:
        return min(self._anchor, self._current), max(self._anchor, self._current)

    def selected_dates(self) -> list[dt.date]:
        first, last = self.selection()
        return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]

    def set_current(self, day: dt.date, *, extend: bool = False) -> None:
        """Move to ``day`` (asking for its month if needed); ``extend`` keeps the anchor."""
        if self.last_date is not None:
            day = min(day, self.last_date)
        old_selection = self.selection()
        old_current = self._current
        self._current = day
        if not extend:
            self._anchor = day
        if (day.year, day.month) != (self._year, self._month):
            self.month_needed.emit(day.year, day.month)
        self.update()
        if day != old_current:
            self.current_changed.emit(day)
        if self.selection() != old_selection:
            self.selection_changed.emit(*self.selection())
        self._announce()

    def select_range(self, first: dt.date, last: dt.date) -> None:
        """Select ``first … last`` (the current day becomes ``last``)."""
        self.set_current(first)
        self.set_current(last, extend=True)

    def collapse(self) -> None:
        self.set_current(self._current)

    # -- geometry -------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(line * 7 * 5, line * (1 + WEEKS_SHOWN * 4))

    def minimumSizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(line * 7 * 3, round(line * (1 + WEEKS_SHOWN * 2.5)))

    def _header_height(self) -> float:
        return self.fontMetrics().height() * 1.6

    def _cell_size(self) -> tuple[float, float]:
        return self.width() / 7, (self.height() - self._header_height()) / WEEKS_SHOWN

    def cell_rect(self, day: dt.date) -> QRect:
        """Where ``day`` is drawn (an empty rectangle when it is not shown)."""
        if not self._cells:
            return QRect()
        offset = (day - self._cells[0].date).days
        if not 0 <= offset < len(self._cells):
            return QRect()
        width, height = self._cell_size()
        row, column = divmod(offset, 7)
        return QRectF(
            column * width, self._header_height() + row * height, width, height
        ).toAlignedRect()

    def date_at(self, point: QPointF) -> dt.date | None:
        if not self._cells or point.y() < self._header_height():
            return None
        width, height = self._cell_size()
        column = int(point.x() // width)
        row = int((point.y() - self._header_height()) // height)
        if not (0 <= column < 7 and 0 <= row < WEEKS_SHOWN):
            return None
        return self._cells[row * 7 + column].date

    # -- painting -------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        small = theme.scaled_font(self.font(), 0.82)
        header = QFont(self.font())
        header.setBold(True)
        width, height = self._cell_size()
        painter.setFont(header)
        painter.setPen(theme.muted_text_colour(self))
        for column, cell in enumerate(self._cells[:7]):
            painter.drawText(
                QRectF(column * width, 0, width, self._header_height()),
                Qt.AlignmentFlag.AlignCenter,
                f"{cell.date:%a}",
            )
        gap = max(2.0, min(width, height) / 22)
        first, last = self.selection()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        for cell in self._cells:
            rect = QRectF(self.cell_rect(cell.date)).adjusted(gap, gap, -gap, -gap)
            if not rect.intersects(QRectF(event.rect())):
                continue
            paint_cell(
                painter, rect, cell, palette, self.font(), small, today=cell.date == self._today
            )
            radius = max(2.0, rect.height() / 12)
            if cell.date == self._today:  # today: a ring inside the day
                painter.setPen(QPen(palette.color(QPalette.ColorRole.WindowText), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(2, 2, -2, -2), radius, radius)
            outside = rect.adjusted(-gap * 0.6, -gap * 0.6, gap * 0.6, gap * 0.6)
            if cell.date == self._current:  # the current day: a strong ring around it
                pen = QPen(highlight, max(2.5, gap * 1.1))
                if not self.hasFocus():
                    pen.setStyle(Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(outside, radius, radius)
            elif first <= cell.date <= last:  # the rest of a range: a lighter ring and veil
                veil = QColor(highlight)
                veil.setAlpha(50)
                painter.setPen(QPen(highlight, max(2.0, gap * 0.8)))
                painter.setBrush(veil)
                painter.drawRoundedRect(outside, radius, radius)
        painter.end()

    # -- keyboard -------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        day = self._current
        moves = {
            Qt.Key.Key_Left: -ONE_DAY,
            Qt.Key.Key_Right: ONE_DAY,
            Qt.Key.Key_Up: -7 * ONE_DAY,
            Qt.Key.Key_Down: 7 * ONE_DAY,
        }
        if key in moves:
            self.set_current(day + moves[key], extend=extend)
        elif key == Qt.Key.Key_PageUp:
            self.set_current(add_months(day, -1), extend=extend)
        elif key == Qt.Key.Key_PageDown:
            self.set_current(add_months(day, 1), extend=extend)
        elif key == Qt.Key.Key_Home:
            self.set_current(day.replace(day=1), extend=extend)
        elif key == Qt.Key.Key_End:
            self.set_current(month_end(day), extend=extend)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(day)
        elif key == Qt.Key.Key_Escape and self._anchor != self._current:
            self.collapse()
        else:
            super().keyPressEvent(event)

    # -- mouse ----------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.date_at(event.position())
        if event.button() != Qt.MouseButton.LeftButton or day is None:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self._dragging = True
        self.set_current(day, extend=extend)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging and event.buttons() & Qt.MouseButton.LeftButton:
            day = self.date_at(event.position())
            if day is not None and day != self._current:
                self.set_current(day, extend=True)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._dragging = False
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        day = self.date_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and day is not None:
            self.set_current(day)
            self.activated.emit(day)

    # -- focus, tooltips, screen readers --------------------------------------------------------
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.date_at(QPointF(event.pos()))
            cell = self.cell(day) if day is not None else None
            if cell is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), describe(cell, self._tracking_start), self)
            return True
        return super().event(event)

    def description(self) -> str:
        """The current day (and the selection) in words."""
        cell = self.cell(self._current)
        text = describe(cell, self._tracking_start) if cell is not None else ""
        first, last = self.selection()
        if first != last:
            count = (last - first).days + 1
            text += f" {count} days selected, {first.day} {first:%B} to {last.day} {last:%B}."
        return text

    def _announce(self) -> None:
        self.setAccessibleDescription(self.description())
        if QAccessible.isActive():
            QAccessible.updateAccessibility(
                QAccessibleEvent(self, QAccessible.Event.DescriptionChanged)
            )

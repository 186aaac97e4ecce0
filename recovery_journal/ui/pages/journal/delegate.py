"""Two-line list items: a bold first line (a title) and a muted second (the date, a snippet).

A search result's second line shows the words found highlighted (``FOUND_ROLE`` holds their
``(start, length)`` in it): bold and underlined, on a soft marker colour unless the row is
selected, so the mark never rests on colour alone."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from recovery_journal.ui.common import theme

#: The words a search found in an item's second line: a list of ``(start, length)``.
FOUND_ROLE = Qt.ItemDataRole.UserRole + 7


def marker_colour(dark: bool) -> QColor:
    """The highlighter behind a word found: soft yellow on light, deep amber on dark (the
    text stays at full contrast on both)."""
    return QColor("#6B5200") if dark else QColor("#FFE08A")


class TwoLineDelegate(QStyledItemDelegate):
    """Draws ``"first\\nsecond"`` texts; the second line may wrap to ``second_lines`` lines."""

    def __init__(self, parent: object = None, second_lines: int = 1) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.second_lines = second_lines

    def _pad(self, option: QStyleOptionViewItem) -> int:
        return max(4, option.fontMetrics.height() // 3)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = QFontMetrics(option.font).lineSpacing()
        pad = self._pad(option)
        return QSize(line * 4, line * (1 + self.second_lines) + pad * 2)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")  # option.text has no "\n"
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        first, _, second = text.partition("\n")
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = (
            text_colour if selected else theme.muted_text_colour(widget) if widget else text_colour
        )
        pad = self._pad(option)
        line = QFontMetrics(option.font).lineSpacing()
        area = option.rect.adjusted(pad * 2, pad, -pad * 2, -pad)
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        metrics = painter.fontMetrics()
        painter.drawText(
            QRect(area.left(), area.top(), area.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(first, Qt.TextElideMode.ElideRight, area.width()),
        )
        painter.setFont(option.font)
        painter.setPen(muted)
        second_rect = QRect(area.left(), area.top() + line, area.width(), line * self.second_lines)
        found = index.data(FOUND_ROLE)
        if found:
            marker = None if selected else marker_colour(theme.is_dark(widget))
            self._draw_found(painter, second_rect, second, found, text_colour, marker, option.font)
            painter.restore()
            return
        if self.second_lines == 1:
            second = painter.fontMetrics().elidedText(
                second, Qt.TextElideMode.ElideRight, area.width()
            )
        painter.drawText(
            second_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            | int(Qt.TextFlag.TextWordWrap),
            second,
        )
        painter.restore()

    def _draw_found(
        self,
        painter: QPainter,
        rect: QRect,
        text: str,
        found: list[tuple[int, int]],
        colour: QColor,
        marker: QColor | None,
        font: QFont,
    ) -> None:
        """``text`` wrapped into ``rect`` with the words found marked."""
        layout = QTextLayout(text, font)
        ranges = []
        for start, length in found:
            mark = QTextCharFormat()
            mark.setFontWeight(QFont.Weight.Bold)
            mark.setFontUnderline(True)
            mark.setForeground(colour)
            if marker is not None:
                mark.setBackground(marker)
            part = QTextLayout.FormatRange()
            part.start, part.length, part.format = start, length, mark
            ranges.append(part)
        layout.setFormats(ranges)
        wrap = QTextOption()
        wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(wrap)
        layout.beginLayout()
        top = 0.0
        for _ in range(self.second_lines):
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(rect.width())
            line.setPosition(QPointF(0, top))
            top += line.height()
        layout.endLayout()
        painter.save()
        painter.setClipRect(rect)
        layout.draw(painter, QPointF(rect.topLeft()))
        painter.restore()

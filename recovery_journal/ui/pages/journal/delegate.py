"""Two-line list items: a bold first line (a title) and a muted second (the date, a snippet)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from recovery_journal.ui.common import theme


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

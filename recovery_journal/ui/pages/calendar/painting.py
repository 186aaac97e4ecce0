"""Drawing one day of the month grid, and the legend's swatches, the same way.

Meaning never rests on colour alone (UI.md): abstinent days are filled, used days carry a
diagonal mark, days not filled in are hatched, "not sure" days are hatched with a question
mark, meetings are round dots and sponsor contacts small squares (hollow for one-way), and a
day filled in later has a small corner triangle.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPalette, QPen

from recovery_journal.domain.models import DayStatus
from recovery_journal.ui.common import theme
from recovery_journal.ui.pages.calendar.month import DayCell

ON_COLOUR = QColor("#ffffff")
DARK_TEXT = QColor("#1f2328")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def unknown_fill(palette: QPalette) -> QColor:
    return QColor("#4a4c50") if is_dark(palette) else QColor("#e4e4e2")


def hatch_colour(palette: QPalette) -> QColor:
    return QColor("#8a8c90") if is_dark(palette) else QColor("#a9a9a6")


def outside_fill(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.AlternateBase)


def fill_day(
    painter: QPainter, rect: QRectF, status: DayStatus | None, counted: bool, palette: QPalette
) -> QColor:
    """The day's background; returns the colour to write on it."""
    radius = max(2.0, rect.height() / 12)
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    painter.setPen(Qt.PenStyle.NoPen)
    if status == DayStatus.ABSTINENT:
        painter.fillPath(path, theme.ABSTINENT)
        return ON_COLOUR
    if status == DayStatus.USED:
        painter.fillPath(path, theme.USED)
        painter.save()
        painter.setClipPath(path)
        pen = QPen(QColor(255, 255, 255, 170), max(2.0, rect.height() / 14))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(rect.bottomLeft(), rect.topRight())  # the diagonal mark
        painter.restore()
        return ON_COLOUR
    if status == DayStatus.UNKNOWN or counted:
        painter.fillPath(path, unknown_fill(palette))
        brush = QBrush(hatch_colour(palette), Qt.BrushStyle.BDiagPattern)
        painter.fillPath(path, brush)
        return palette.color(QPalette.ColorRole.Text) if is_dark(palette) else DARK_TEXT
    painter.fillPath(path, outside_fill(palette))
    return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def question_mark(painter: QPainter, rect: QRectF, colour: QColor, font: QFont) -> None:
    bold = QFont(font)
    bold.setBold(True)
    painter.save()
    painter.setFont(bold)
    painter.setPen(colour)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "?")
    painter.restore()


def meeting_dot(painter: QPainter, centre: QPointF, size: float) -> None:
    painter.setPen(QPen(ON_COLOUR, max(1.0, size / 6)))
    painter.setBrush(theme.MEETING)
    painter.drawEllipse(centre, size / 2, size / 2)


def contact_square(painter: QPainter, centre: QPointF, size: float, two_way: bool) -> None:
    square = QRectF(centre.x() - size / 2, centre.y() - size / 2, size, size)
    if two_way:
        painter.setPen(QPen(ON_COLOUR, max(1.0, size / 6)))
        painter.setBrush(theme.CONTACT)
    else:
        painter.setPen(QPen(theme.CONTACT, max(1.5, size / 4)))
        painter.setBrush(ON_COLOUR)
    painter.drawRect(square)


def later_triangle(painter: QPainter, rect: QRectF, colour: QColor, share: float = 0.2) -> None:
    size = rect.height() * share
    path = QPainterPath()
    path.moveTo(rect.right() - size, rect.top())
    path.lineTo(rect.right(), rect.top())
    path.lineTo(rect.right(), rect.top() + size)
    path.closeSubpath()
    painter.fillPath(path, colour)


def paint_cell(
    painter: QPainter,
    rect: QRectF,
    cell: DayCell,
    palette: QPalette,
    font: QFont,
    small: QFont,
    *,
    today: bool,
) -> None:
    """One day: background, number, label, marks (selection and focus are drawn on top)."""
    painter.save()
    if not cell.in_month:
        painter.setOpacity(0.45)
    if cell.future:
        colour = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        radius = max(2.0, rect.height() / 12)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DotLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, radius, radius)
    else:
        colour = fill_day(painter, rect, cell.status, cell.counted, palette)
    pad = max(3.0, rect.height() / 14)
    number_font = QFont(font)
    number_font.setBold(today or cell.status in (DayStatus.ABSTINENT, DayStatus.USED))
    painter.setFont(number_font)
    painter.setPen(colour)
    line = painter.fontMetrics().height()
    painter.drawText(
        QRectF(rect.left() + pad, rect.top() + pad / 2, rect.width() - 2 * pad, line),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        str(cell.date.day),
    )
    if cell.status == DayStatus.UNKNOWN:
        question_mark(
            painter,
            QRectF(rect.right() - pad - line, rect.top() + pad / 2, line, line),
            colour,
            font,
        )
    if cell.retrospective:
        later_triangle(painter, rect, QColor(colour.red(), colour.green(), colour.blue(), 150))
    labels = cell.labels
    if labels and rect.height() > line * 2.6:
        painter.setFont(small)
        metrics = painter.fontMetrics()
        text = metrics.elidedText(
            " · ".join(labels), Qt.TextElideMode.ElideRight, int(rect.width() - 2 * pad)
        )
        painter.setPen(colour)
        painter.drawText(
            QRectF(
                rect.left() + pad,
                rect.top() + pad / 2 + line,
                rect.width() - 2 * pad,
                metrics.height(),
            ),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
    mark = max(7.0, min(rect.height() / 5, line * 0.85))
    y = rect.bottom() - pad - mark / 2
    x = rect.left() + pad + mark / 2
    for _ in range(min(cell.meetings, 3)):
        meeting_dot(painter, QPointF(x, y), mark)
        x += mark * 1.3
    x = rect.right() - pad - mark / 2
    for two_way, count in ((True, cell.contacts_two_way), (False, cell.contacts_one_way)):
        for _ in range(min(count, 2)):
            contact_square(painter, QPointF(x, y), mark * 0.9, two_way)
            x -= mark * 1.3
    painter.restore()

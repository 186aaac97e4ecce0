"""What a review shows on screen, from one :class:`ReportContent`: the summary cards, the
talking points, the charts (QtAgg canvases, read-only), milestones, and notes only when the
person turned them on for this review.

Used twice: on the Review page (the talking points are edited there, so they are not repeated)
and in the full-screen presentation (larger type, talking points shown). The words come from
``charts.report.words``, the same as the PDF's. matplotlib is imported when charts are built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.charts.report.content import REPORT_CHARTS, review_charts
from recovery_journal.charts.report.words import (
    EARLIER_RUNS_HEADING,
    EARLIER_RUNS_NOTE,
    Card,
    earlier_run_cells,
    earlier_runs,
    milestone_groups,
    next_milestone_text,
    summary_cards,
)
from recovery_journal.charts.style import ABSTINENT, CONTACT, MEETING, SCORE, SKY, ChartStyle
from recovery_journal.charts.words import long_date, plural
from recovery_journal.ui.common import theme
from recovery_journal.ui.common.widgets import heading, wrapped

if TYPE_CHECKING:
    from recovery_journal.charts import Chart
    from recovery_journal.charts.report.content import ReportContent
    from recovery_journal.domain.models import JournalData

ACCENTS = {
    "run": ABSTINENT,
    "abstinent": ABSTINENT,
    "meetings": MEETING,
    "contacts": CONTACT,
    "relationship": SCORE,
    "milestones": SKY,
}
NOTES_HIDDEN = "Your notes and journal text are hidden in this review."


def _text_label(text: str, parent: QWidget, *, selectable: bool = True) -> QLabel:
    label = wrapped(text, parent)
    label.setAccessibleName(text)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SummaryCard(QFrame):
    """One figure in large type, its title above and a line of detail below."""

    def __init__(self, card: Card, scale: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = card.key
        self.setObjectName("reviewCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        row = QHBoxLayout(self)
        accent = QFrame(self)
        accent.setFixedWidth(max(4, self.fontMetrics().height() // 4))
        accent.setAutoFillBackground(True)
        palette = accent.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(ACCENTS.get(card.key, SKY)))
        accent.setPalette(palette)
        row.addWidget(accent)
        column = QVBoxLayout()
        self.title = QLabel(card.title, self)
        self.title.setFont(theme.scaled_font(self.title.font(), 0.95 * scale, bold=True))
        self.value = QLabel(card.value, self)
        self.value.setFont(theme.scaled_font(self.value.font(), 2.0 * scale, bold=True))
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = wrapped(card.detail, self)
        if scale != 1.0:
            self.detail.setFont(theme.scaled_font(self.detail.font(), scale))
        for label in (self.title, self.value, self.detail):
            column.addWidget(label)
        column.addStretch(1)
        row.addLayout(column, 1)
        self.setAccessibleName(f"{card.title}: {card.value}")
        self.setAccessibleDescription(card.detail)


class ChartBox(QFrame):
    """One chart: its title, the figure on a canvas and its summary in words."""

    def __init__(
        self, chart: Chart, scale: float, parent: QWidget | None = None, *, title: str = ""
    ) -> None:
        from recovery_journal.ui.common.chart_canvas import ChartCanvas

        super().__init__(parent)
        self.name = chart.name
        self.chart = chart
        self.setObjectName("reviewChart")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title or chart.title, 2, self, scale=scale))
        self.canvas: Any = ChartCanvas(chart.figure)  # type: ignore[no-untyped-call]
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.canvas.setAccessibleName(f"Chart: {chart.title}")
        self.canvas.setAccessibleDescription(chart.summary)
        self._fit(self.width())
        layout.addWidget(self.canvas)
        self.summary = _text_label(chart.summary, self)
        if scale != 1.0:
            self.summary.setFont(theme.scaled_font(self.summary.font(), scale))
        self.summary.setAccessibleName(f"{chart.title}: in words")
        layout.addWidget(self.summary)
        self.setAccessibleName(chart.title)
        self.setAccessibleDescription(chart.summary)

    def _fit(self, width_px: int) -> None:
        figure = self.chart.figure
        dpi = float(figure.dpi)
        height_in = float(figure.get_size_inches()[1])
        height_for_width = getattr(self.chart, "height_for_width", None)
        if height_for_width is not None and width_px > 0:
            height_in = float(height_for_width(max(width_px, 300) / dpi))
        self.canvas.setFixedHeight(round(height_in * dpi))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if getattr(self.chart, "height_for_width", None) is not None:
            self._fit(self.canvas.width())

    def release(self) -> None:
        """Let go of the figure (matplotlib keeps nothing else)."""
        self.canvas.figure.clear()


def chart_style(widget: QWidget, scale: float) -> ChartStyle:
    """Charts that match the widget: light or dark, the system font size (scaled), no titles
    (the box gives each one)."""
    palette = widget.palette()
    font = widget.font()
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    return ChartStyle.for_theme(
        theme.is_dark(widget),
        background=palette.color(QPalette.ColorRole.Base).name(),
        base_size=size * scale,
        dpi=float(widget.logicalDpiY() or 96),
        titles=False,
    )


class ReviewContent(QWidget):
    """Everything a review shows, rebuilt by :meth:`show_content`."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        large: bool = False,
        show_talking_points: bool = False,
    ) -> None:
        super().__init__(parent)
        self.scale = 1.3 if large else 1.0
        self.show_talking_points = show_talking_points
        self.content: ReportContent | None = None
        self.cards: list[SummaryCard] = []
        self.charts: list[ChartBox] = []
        self.setAccessibleName("Your review")
        layout = QVBoxLayout(self)
        layout.setSpacing(self.fontMetrics().height())
        self.cards_grid = QGridLayout()
        self.cards_grid.setSpacing(self.fontMetrics().height())
        layout.addLayout(self.cards_grid)

        self.talking_title = self._heading("Things you want to talk about")
        self.talking_text = _text_label("", self)
        self._scaled(self.talking_text, 1.1)
        layout.addWidget(self.talking_title)
        layout.addWidget(self.talking_text)

        self.charts_layout = QVBoxLayout()
        self.charts_layout.setSpacing(self.fontMetrics().height())
        layout.addLayout(self.charts_layout)

        self.milestones_title = self._heading("Milestones in this period")
        layout.addWidget(self.milestones_title)
        self.milestones_layout = QVBoxLayout()
        layout.addLayout(self.milestones_layout)

        self.notes_title = self._heading("Your notes and journal")
        layout.addWidget(self.notes_title)
        self.notes_layout = QVBoxLayout()
        layout.addLayout(self.notes_layout)
        layout.addStretch(1)
        self._apply_style()

    def _heading(self, text: str) -> QLabel:
        return heading(text, 2, self, scale=self.scale)

    def _scaled(self, label: QLabel, factor: float = 1.0) -> None:
        if self.scale * factor != 1.0:
            label.setFont(theme.scaled_font(label.font(), self.scale * factor))

    def _apply_style(self) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base).name()
        line = palette.color(QPalette.ColorRole.Mid).name()
        self.setStyleSheet(
            f"QFrame#reviewCard, QFrame#reviewChart {{ background: {base};"
            f" border: 1px solid {line}; border-radius: 10px; }}"
            " QFrame#reviewCard QLabel, QFrame#reviewChart QLabel { background: transparent;"
            " border: none; }"
        )

    # -- showing --------------------------------------------------------------------------------
    def show_content(
        self, content: ReportContent, data: JournalData, *, rebuild_charts: bool = True
    ) -> None:
        self.content = content
        self._show_cards(content)
        points = content.talking_points
        self.talking_title.setVisible(self.show_talking_points)
        self.talking_text.setVisible(self.show_talking_points)
        self.talking_text.setText(
            points or "You didn't write down anything to talk about this time."
        )
        self.talking_text.setAccessibleName(points or "No talking points")
        if rebuild_charts or not self.charts:
            self._show_charts(content, data)
        self._show_milestones(content)
        self._show_notes(content)

    def _show_cards(self, content: ReportContent) -> None:
        for old in self.cards:
            self.cards_grid.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.cards = []
        columns = 3
        for index, card in enumerate(summary_cards(content)):
            widget = SummaryCard(card, self.scale, self)
            self.cards.append(widget)
            self.cards_grid.addWidget(widget, index // columns, index % columns)
            widget.show()

    def _show_charts(self, content: ReportContent, data: JournalData) -> None:
        from recovery_journal.charts import render_chart

        self.release_charts()
        style = chart_style(self, self.scale)
        period = content.period
        names = (*REPORT_CHARTS, "network") if content.include_network else REPORT_CHARTS
        for part in review_charts(period.start, period.end, names):
            chart = render_chart(part.name, data, part.start, part.end, style)
            box = ChartBox(chart, self.scale, self, title=part.title)
            self.charts.append(box)
            self.charts_layout.addWidget(box)
            box.show()

    def release_charts(self) -> None:
        for box in self.charts:
            self.charts_layout.removeWidget(box)
            box.release()
            box.hide()
            box.deleteLater()
        self.charts = []

    def _clear(self, layout: QVBoxLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _show_milestones(self, content: ReportContent) -> None:
        self._clear(self.milestones_layout)
        groups = milestone_groups(content)
        runs = earlier_runs(content)
        if not groups and not runs:
            self._add(self.milestones_layout, "No milestone fell in this period.")
        for group in groups:
            title = self._add(self.milestones_layout, group.title)
            title.setFont(theme.scaled_font(title.font(), 1.0, bold=True))
            self._add(self.milestones_layout, "\n".join(f"•  {line}" for line in group.lines))
        if runs:  # one line a run, as the report's table
            title = self._add(self.milestones_layout, EARLIER_RUNS_HEADING)
            title.setFont(theme.scaled_font(title.font(), 1.0, bold=True))
            self._add(self.milestones_layout, EARLIER_RUNS_NOTE)
            lines = []
            for run in runs:
                start, end, _days, reached = earlier_run_cells(run)
                lines.append(f"•  {start} – {end}, {plural(run.days, 'day')}: {reached}")
            self._add(self.milestones_layout, "\n".join(lines))
        upcoming = next_milestone_text(content)
        if upcoming:
            self._add(self.milestones_layout, upcoming + ".")

    def _show_notes(self, content: ReportContent) -> None:
        self._clear(self.notes_layout)
        self.notes_title.setVisible(content.include_notes)
        if not content.include_notes:
            return
        if not content.day_notes and not content.journal:
            self._add(self.notes_layout, "There are no notes or journal entries in this period.")
        for note in content.day_notes:
            self._add(self.notes_layout, f"{long_date(note.date)} — {note.text}")
        for entry in content.journal:
            title = long_date(entry.date) + (f" — {entry.title}" if entry.title else "")
            label = self._add(self.notes_layout, title)
            label.setFont(theme.scaled_font(label.font(), 1.0, bold=True))
            self._add(self.notes_layout, entry.body)

    def _add(self, layout: QVBoxLayout, text: str) -> QLabel:
        label = _text_label(text, self)
        self._scaled(label)
        layout.addWidget(label)
        label.show()
        return label

    # -- reading (tests, screen readers) -----------------------------------------------------
    def visible_text(self) -> str:
        """Every piece of text shown, one per line (what a sponsor sitting beside you sees)."""
        texts = []
        for label in self.findChildren(QLabel):
            if label.isVisibleTo(self) and label.text():
                texts.append(label.text())
        return "\n".join(texts)

"""One chart in the Trends view: its title, the figure on a QtAgg canvas, a plain-words summary
(also given to screen readers), values on hover, and saving as PNG or SVG."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.charts.style import ChartStyle
from recovery_journal.ui.common import theme
from recovery_journal.ui.common.widgets import heading, named, wrapped

if TYPE_CHECKING:
    from recovery_journal.charts import Chart

#: What each export format is called in the file dialog.
FILE_FILTERS = {"png": "PNG picture (*.png)", "svg": "SVG drawing (*.svg)"}

_DAYS = "Record how a day went on Today, or fill in earlier days from the Calendar."
#: An empty chart says where its records are made, and offers to go there (page, button).
#: No words where the chart's own picture already says where ("… on Today").
WHERE_TO_RECORD: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "calendar": (_DAYS, (("today", "Go to Today"), ("calendar", "Open the Calendar"))),
    "pda": (_DAYS, (("today", "Go to Today"), ("calendar", "Open the Calendar"))),
    "wellbeing": ("", (("today", "Go to Today"),)),
    "attendance": ("Log a meeting from Today (Ctrl+M).", (("today", "Go to Today"),)),
    "contacts": ("Log a sponsor contact from Today (Ctrl+K).", (("today", "Go to Today"),)),
    "alliance": ("", (("sponsor", "Go to Sponsor"),)),
    "network": ("", (("network", "Go to Network"),)),
}


@lru_cache(maxsize=8)
def _matplotlib_knows(family: str) -> bool:
    from matplotlib import font_manager

    return any(entry.name == family for entry in font_manager.fontManager.ttflist)


def style_for(widget: QWidget) -> ChartStyle:
    """The chart style matching the widget: light or dark by the palette's window lightness,
    the card's background, the system font's family and size, the screen's dots per inch."""
    palette = widget.palette()
    font = widget.font()
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    family = font.family()
    families = (family,) if family and _matplotlib_knows(family) else ()
    return ChartStyle.for_theme(
        theme.is_dark(widget),
        background=palette.color(palette.ColorRole.Base).name(),
        base_size=size,
        font_family=families,
        dpi=float(widget.logicalDpiY() or 96),
        titles=False,
    )


class ChartCard(QFrame):
    """A card holding one chart; ``set_chart`` swaps in a freshly built one."""

    save_requested = Signal(str, str)  # chart name, format

    def __init__(
        self,
        name: str,
        title: str,
        parent: QWidget | None = None,
        navigate: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.title_text = title
        self.chart: Chart | None = None
        self.canvas: Any = None
        self.hover_text: str | None = None
        self.setObjectName("chartCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(title)
        self._layout = QVBoxLayout(self)
        self.title = heading(title, 2, self)
        self._layout.addWidget(self.title)
        self._canvas_slot = QVBoxLayout()
        self._layout.addLayout(self._canvas_slot)
        self.summary = wrapped("", self)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(f"{title}: in words")
        self._layout.addWidget(self.summary)
        self.empty_row = self._where_to_record(navigate)
        self._layout.addWidget(self.empty_row)
        self.options = QHBoxLayout()
        self._layout.addLayout(self.options)
        self.saved_note = wrapped("", self, muted=True)
        self.saved_note.hide()
        self.options.addWidget(self.saved_note, 1)
        self.options.addStretch(0)
        self.save_png = self._save_button("png", "Save as PNG…")
        self.save_svg = self._save_button("svg", "Save as SVG…")

    def _save_button(self, fmt: str, text: str) -> QPushButton:
        button = named(
            QPushButton(text, self),
            f"Save the {self.title_text.lower()} chart as {fmt.upper()}",
            "PNG is a picture; SVG is a drawing that stays sharp at any size.",
        )
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.clicked.connect(lambda _checked=False: self.save_requested.emit(self.name, fmt))
        self.options.addWidget(button)
        return button

    def _where_to_record(self, navigate: Callable[[str], object] | None) -> QWidget:
        """Shown while the chart is empty: where its records are made, and a way there."""
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        text, places = WHERE_TO_RECORD.get(self.name, (_DAYS, ()))
        figure_hint = "nothing recorded for these dates yet"
        self.empty_hint = wrapped(text, row)
        self.empty_hint.setVisible(bool(text))
        line.addWidget(self.empty_hint, 1)
        if not text:
            line.addStretch(1)
        self.place_buttons: dict[str, QPushButton] = {}
        go = navigate
        for key, label in places if go is not None else ():
            button = named(
                QPushButton(label, row), label, f"{self.title_text}: {text or figure_hint}"
            )
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, k=key, go=go: go(k))
            self.place_buttons[key] = button
            line.addWidget(button)
        row.hide()
        return row

    @property
    def is_empty(self) -> bool:
        """The chart has nothing to show for the range (it says so in its picture)."""
        return self.chart is not None and bool(figure_message(self.chart.figure))

    def add_option(self, box: QCheckBox) -> None:
        self.options.insertWidget(0, box)

    # -- the chart ----------------------------------------------------------------------------
    def set_chart(self, chart: Chart) -> None:
        from recovery_journal.ui.common.chart_canvas import ChartCanvas

        old = self.canvas
        self.chart = chart
        canvas = ChartCanvas(chart.figure)  # type: ignore[no-untyped-call]
        canvas.setFixedHeight(self._canvas_height(chart, self.canvas_width()))
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        canvas.setAccessibleName(f"Chart: {self.title_text}")
        canvas.setAccessibleDescription(chart.summary)
        canvas.mpl_connect("motion_notify_event", self._on_motion)
        canvas.mpl_connect("figure_leave_event", self._on_leave)
        self._canvas_slot.addWidget(canvas)
        self.canvas = canvas
        if old is not None:
            self._canvas_slot.removeWidget(old)
            old.hide()
            old.deleteLater()
        shown = on_screen_summary(chart)
        self.summary.setText(shown)
        self.summary.setVisible(bool(shown))
        empty = self.is_empty
        self.empty_row.setVisible(empty)
        for button in (self.save_png, self.save_svg):  # nothing to save yet
            button.setEnabled(not empty)
            button.setToolTip(
                "Nothing to save yet: this chart is empty for the dates shown."
                if empty
                else "PNG is a picture; SVG is a drawing that stays sharp at any size."
            )
        self.summary.setAccessibleDescription(chart.summary)
        self.setAccessibleDescription(chart.summary)

    def canvas_width(self) -> int:
        """The width a canvas gets inside this card (before one is laid out)."""
        margins = self._layout.contentsMargins()
        return max(200, self.width() - margins.left() - margins.right())

    @staticmethod
    def _canvas_height(chart: Chart, width_px: int) -> int:
        dpi = float(chart.figure.dpi)
        height_in = float(chart.figure.get_size_inches()[1])
        if chart.height_for_width is not None:
            height_in = chart.height_for_width(width_px / dpi)
        return round(height_in * dpi)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        chart = self.chart
        if chart is not None and self.canvas is not None and chart.height_for_width is not None:
            self.canvas.setFixedHeight(self._canvas_height(chart, self.canvas_width()))

    # -- hover ----------------------------------------------------------------------------------
    def _on_motion(self, event: Any) -> None:
        text = None
        if self.chart is not None and event.inaxes is not None and event.xdata is not None:
            text = self.chart.describe(float(event.xdata), float(event.ydata))
        self.show_hover(text, QPoint(int(event.x), int(event.y)) if text else None)

    def _on_leave(self, _event: Any) -> None:
        self.show_hover(None)

    def show_hover(self, text: str | None, _where: QPoint | None = None) -> None:
        self.hover_text = text
        if text and self.canvas is not None:
            QToolTip.showText(QCursor.pos(), text, self.canvas)
        else:
            QToolTip.hideText()

    # -- saving ---------------------------------------------------------------------------------
    def ask_path(self, fmt: str, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self, f"Save the chart as {fmt.upper()}", suggested, FILE_FILTERS[fmt]
        )
        if not path:
            return None
        chosen = Path(path)
        if chosen.suffix.lower() != f".{fmt}":
            chosen = chosen.with_name(chosen.name + f".{fmt}")
        return chosen

    def save(self, fmt: str, suggested: str, write: Callable[[Path], None]) -> Path | None:
        """Ask where, then ``write(path)``; says plainly what happened."""
        path = self.ask_path(fmt, suggested)
        if path is None:
            return None
        try:
            write(path)
        except (OSError, ValueError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            QMessageBox.warning(
                self,
                "The chart wasn't saved",
                f"The chart couldn't be saved to {path}.\n{reason}\n\nNothing in your journal "
                "changed. You can try another folder.",
            )
            return None
        note = f"Saved to {path} (only you can read it)."
        self.saved_note.setText(note)
        self.saved_note.setAccessibleName(note)
        self.saved_note.show()
        return path


def figure_message(figure: Any) -> str:
    """The words an empty chart draws in its own picture ("Nothing recorded in this period
    yet." and its hint), or "" when the chart has data."""
    found = figure.findobj(lambda artist: artist.get_gid() == "empty.message")
    return "\n".join(str(artist.get_text()) for artist in found)


def on_screen_summary(chart: Chart) -> str:
    """The summary as the card shows it under the figure: without the sentences the empty
    figure already says, so they show once. Screen readers get the whole summary (the canvas's
    and the card's description), and exports and the report keep it whole."""
    message = figure_message(chart.figure)
    if not message:
        return chart.summary
    text = chart.summary
    for line in message.splitlines():
        if line.strip():
            text = text.replace(line.strip(), "")
    return " ".join(text.split())


def suggested_name(name: str, start: dt.date, end: dt.date, fmt: str) -> str:
    return f"recovery-journal-{name}-{start.isoformat()}-to-{end.isoformat()}.{fmt}"


def card_stylesheet(widget: QWidget) -> str:
    palette = widget.palette()
    base = palette.color(palette.ColorRole.Base).name()
    line = palette.color(palette.ColorRole.Mid).name()
    return (
        f"QFrame#chartCard, QFrame#insightCard {{ background: {base}; border: 1px solid {line};"
        " border-radius: 10px; }"
        " QFrame#chartCard QLabel, QFrame#insightCard QLabel { background: transparent; }"
    )


def segmented_stylesheet(widget: QWidget) -> str:
    """Range buttons read as one control; the chosen one is filled (and says so to readers)."""
    palette = widget.palette()
    button = palette.color(palette.ColorRole.Button).name()
    text = palette.color(palette.ColorRole.ButtonText).name()
    line = palette.color(palette.ColorRole.Mid).name()
    chosen = palette.color(palette.ColorRole.Highlight).name()
    chosen_text = palette.color(palette.ColorRole.HighlightedText).name()
    focus = palette.color(palette.ColorRole.Highlight).name()
    return (
        f"QPushButton#rangeButton {{ background: {button}; color: {text};"
        f" border: 1px solid {line}; padding: 4px 12px; margin: 0; border-radius: 0; }}"
        f" QPushButton#rangeButton:checked {{ background: {chosen}; color: {chosen_text};"
        f" border-color: {chosen}; }}"
        f" QPushButton#rangeButton:focus {{ border: 2px solid {focus}; }}"
        ' QPushButton#rangeButton[first="true"] { border-top-left-radius: 6px;'
        " border-bottom-left-radius: 6px; }"
        ' QPushButton#rangeButton[last="true"] { border-top-right-radius: 6px;'
        " border-bottom-right-radius: 6px; }"
    )

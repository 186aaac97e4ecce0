"""Trends: the six charts for a chosen range, each with its summary, hover values and export,
then the personal insights. Light or dark follows the palette.

``TrendsView(session, today)`` with a :class:`~recovery_journal.services.session.JournalSession`
and a callable giving today's date; it also accepts the app's page protocol,
``TrendsView(controller, parent)``. ``refresh()`` re-reads ``session.data()``; charts are rebuilt
only when the journal, the date, the range or the theme changed. matplotlib is imported on the
first refresh, not when this module loads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.charts import CHART_NAMES, CHARTS, range_for
from recovery_journal.charts.words import span
from recovery_journal.domain.attendance import meeting_events
from recovery_journal.domain.contacts import two_way_contacts
from recovery_journal.domain.day_calendar import DayCalendar, tracking_start_of
from recovery_journal.domain.insights import compute_insights
from recovery_journal.domain.models import JournalData
from recovery_journal.ui.app.pages import session_page_args
from recovery_journal.ui.common.keyboard import DateField, add_focus_ring
from recovery_journal.ui.common.widgets import from_qdate, heading, named, to_qdate, wrapped
from recovery_journal.ui.pages.trends.card import (
    ChartCard,
    card_stylesheet,
    segmented_stylesheet,
    style_for,
    suggested_name,
)
from recovery_journal.ui.pages.trends.insights import InsightsPanel

#: The range buttons: key, label on the button, words for screen readers.
RANGES: tuple[tuple[str, str, str], ...] = (
    ("3m", "3 months", "the last 3 months"),
    ("6m", "6 months", "the last 6 months"),
    ("1y", "1 year", "the last year"),
    ("all", "All", "everything since you started"),
    ("custom", "Custom…", "dates you choose"),
)
DEFAULT_RANGE = "1y"
#: Charts built before the view first shows (what fits a screen); the rest follow right after.
FIRST_SCREEN = 2
LATER_MS = 30
#: After the window is resized, the charts are built again for the new width (their legends
#: wrap to fit) once the resizing has paused this long.
RESIZE_PAUSE_MS = 250
TITLES = {
    "pda": "Days abstinent",
    "calendar": "Day by day",
    "attendance": "Meetings",
    "contacts": "Contact with your sponsor",
    "alliance": "Your sponsor relationship",
    "wellbeing": "Craving and confidence",
    "network": "The people around you",
}


class TrendsView(QWidget):
    def __init__(
        self,
        journal: Any,
        today: Callable[[], dt.date] | QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.session, clock, parent = session_page_args(journal, today, parent)
        super().__init__(parent)
        navigate = getattr(journal, "navigate", None)  # with the app: empty charts lead on
        self._today: Callable[[], dt.date] = clock
        self.range_key = DEFAULT_RANGE
        self.overlay_pda = False
        self._built_for: tuple[Any, ...] | None = None
        self._pending: list[Callable[[], None]] = []
        self._generation = 0
        self.start: dt.date | None = None
        self.end: dt.date | None = None
        self.setAccessibleName("Trends")
        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(RESIZE_PAUSE_MS)
        self._resized.timeout.connect(self._width_changed)
        self._built_width = 0.0

        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(heading("Trends", 1, self))
        self.range_label = wrapped("", self, muted=True)
        self.range_label.setAccessibleName("Showing")
        titles.addWidget(self.range_label)
        top.addLayout(titles, 1)
        top.addLayout(self._range_buttons(), 0)
        outer.addLayout(top)
        outer.addLayout(self._custom_row())

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setAccessibleName("Charts and insights")
        content = QWidget(self.scroll_area)
        self.content = content
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setSpacing(self.fontMetrics().height())
        self.cards: dict[str, ChartCard] = {}
        for name in CHART_NAMES:
            card = ChartCard(
                name,
                TITLES.get(name, CHARTS[name].title),
                content,
                navigate.emit if navigate is not None else None,
            )
            card.save_requested.connect(self.save_chart)
            self.cards[name] = card
            self.content_layout.addWidget(card)
        self.pda_overlay = named(
            QCheckBox("Show days abstinent each week", self.cards["attendance"]),
            "Show days abstinent each week on the meetings chart",
        )
        self.pda_overlay.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pda_overlay.toggled.connect(self._toggle_overlay)
        self.cards["attendance"].add_option(self.pda_overlay)
        self.insights = InsightsPanel(content)
        self.content_layout.addWidget(self.insights)
        self.content_layout.addStretch(1)
        self.scroll_area.setWidget(content)
        outer.addWidget(self.scroll_area, 1)
        self._apply_card_style()

    # -- range controls -------------------------------------------------------------------------
    def _range_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(QLabel("Show:", self))
        row.addSpacing(self.fontMetrics().averageCharWidth())
        self.range_buttons: dict[str, QPushButton] = {}
        for key, text, words in RANGES:
            button = named(QPushButton(text, self), f"Show {words}")
            button.setObjectName("rangeButton")
            button.setProperty("first", key == RANGES[0][0])
            button.setProperty("last", key == RANGES[-1][0])
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setChecked(key == self.range_key)
            add_focus_ring(button)
            button.clicked.connect(lambda _checked=False, k=key: self.set_range(k))
            self.range_buttons[key] = button
            row.addWidget(button)
        return row

    def _custom_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.custom_widgets: list[QWidget] = []
        self.from_label = QLabel("From", self)
        self.from_edit = named(DateField(self, "d MMM yyyy"), "Show from this date")
        self.to_label = QLabel("to", self)
        self.to_edit = named(DateField(self, "d MMM yyyy"), "Show up to this date")
        for edit, label in ((self.from_edit, self.from_label), (self.to_edit, self.to_label)):
            label.setBuddy(edit)
            edit.dateChanged.connect(lambda _date: self._custom_changed())
            self.custom_widgets += [label, edit]
        row.addStretch(1)
        for widget in self.custom_widgets:
            row.addWidget(widget)
            widget.hide()
        return row

    def set_range(self, key: str, start: dt.date | None = None, end: dt.date | None = None) -> None:
        """Show ``3m``, ``6m``, ``1y``, ``all`` or ``custom`` (with ``start``/``end``)."""
        self.range_key = key
        for other, button in self.range_buttons.items():  # one chosen; each a Tab stop
            button.setChecked(other == key)
        custom = key == "custom"
        if custom:
            today = self._today()
            first = start or self.start or today - dt.timedelta(days=90)
            last = end or self.end or today
            for edit in (self.from_edit, self.to_edit):
                edit.blockSignals(True)
                edit.setMaximumDate(to_qdate(today))
            self.from_edit.setDate(to_qdate(first))
            self.to_edit.setDate(to_qdate(last))
            for edit in (self.from_edit, self.to_edit):
                edit.blockSignals(False)
        for widget in self.custom_widgets:
            widget.setVisible(custom)
        self.refresh()

    def _custom_changed(self) -> None:
        if self.range_key == "custom":
            self.refresh()

    def _toggle_overlay(self, on: bool) -> None:
        self.overlay_pda = on
        self.refresh()

    # -- building -------------------------------------------------------------------------------
    def current_range(self, data: JournalData) -> tuple[dt.date, dt.date]:
        today = self._today()
        if self.range_key == "custom":
            first, last = from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())
            last = min(last, today)
            return (min(first, last), last)
        return range_for(today, self.range_key, tracking_start_of(data, today)), today

    def refresh(self) -> None:
        """Re-read the journal and rebuild what changed (cheap when nothing did)."""
        self._refresh(progressive=False)

    def _refresh(self, *, progressive: bool) -> None:
        """Rebuild when the journal, date, range, theme or options changed.

        ``progressive``: build the charts of the first screen now and the rest one per turn of
        the event loop, so the view shows at once (used when the page is shown).
        """
        if not self.session.is_unlocked:
            return
        data = self.session.data()
        start, end = self.current_range(data)
        card = self.cards["pda"]
        style = style_for(card)
        key = (self.session.revision, start, end, style, self.overlay_pda)
        if key == self._built_for:
            return
        # the figures start at the cards' width (the canvas keeps them fitted afterwards)
        style = style.with_(width_in=round(card.canvas_width() / style.dpi, 1))
        self._built_width = style.width_in
        self.start, self.end = start, end
        self.range_label.setText(f"{span(start, end)} · figures as of {span(end, end)}")
        steps = [self._chart_step(name, data, start, end, style) for name in self.cards]
        steps.append(lambda: self._build_insights(data, end))
        self._built_for = key
        self._generation += 1
        first = FIRST_SCREEN if progressive else len(steps)
        for step in steps[:first]:
            step()
        self._pending = steps[first:]
        if self._pending:
            generation = self._generation
            QTimer.singleShot(LATER_MS, self, lambda: self._build_next(generation))

    def _chart_step(
        self, name: str, data: JournalData, start: dt.date, end: dt.date, style: Any
    ) -> Callable[[], None]:
        options = {"overlay_pda": self.overlay_pda} if name == "attendance" else {}

        def step() -> None:
            from recovery_journal.charts import render_chart

            self.cards[name].set_chart(render_chart(name, data, start, end, style, **options))

        return step

    def _build_insights(self, data: JournalData, end: dt.date) -> None:
        calendar = DayCalendar.from_journal(data, end)
        meetings, contacts = meeting_events(data, end), two_way_contacts(data, end)
        insights = compute_insights(calendar, meetings, contacts, data.checkins)
        if data.people:  # only for those who keep a network list
            from recovery_journal.domain.insights import eligible_weeks
            from recovery_journal.domain.network_insight import network_insight

            weeks = eligible_weeks(calendar, meetings, contacts)
            insights.append(network_insight(weeks, data.person_entries))
        self.insights.set_insights(insights)

    def _build_next(self, generation: int) -> None:
        if generation != self._generation or not self._pending:
            return  # a newer refresh took over
        self._pending.pop(0)()
        if self._pending:
            QTimer.singleShot(0, self, lambda: self._build_next(generation))

    @property
    def is_complete(self) -> bool:
        """True once every chart and the insights are built for the current range."""
        return self._built_for is not None and not self._pending

    def summaries(self) -> dict[str, str]:
        return {name: card.summary.text() for name, card in self.cards.items()}

    # -- export ---------------------------------------------------------------------------------
    def save_chart(self, name: str, fmt: str) -> None:
        if self.start is None or self.end is None:
            return
        from recovery_journal.charts.export import save_figure

        start, end = self.start, self.end
        data = self.session.data()
        style = style_for(self.cards[name]).with_(titles=True, width_in=9.0, dpi=100.0)
        options = {"overlay_pda": self.overlay_pda} if name == "attendance" else {}

        def write(path: Any) -> None:
            from recovery_journal.services.files import target_problem

            problem = target_problem(path, self.session.path)  # never over the journal
            if problem is not None:
                raise ValueError(f"{problem}.")
            save_figure(CHARTS[name](data, start, end, style, **options), path, style)

        self.cards[name].save(fmt, suggested_name(name, start, end, fmt), write)

    # -- Qt events ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh(progressive=True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self._resized.start()  # rebuilt for the new width once the resizing pauses

    def _width_changed(self) -> None:
        """Charts are laid out for a width (their legends wrap to fit it): build them again
        when the cards are half an inch wider or narrower than they were built for."""
        card = self.cards["pda"]
        width = card.canvas_width() / style_for(card).dpi
        if self._built_for is not None and abs(width - self._built_width) >= 0.5:
            self._built_for = None
            self._refresh(progressive=True)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._apply_card_style()
            if self.isVisible():
                self._refresh(progressive=True)

    def _apply_card_style(self) -> None:
        self.content.setStyleSheet(card_stylesheet(self))
        for button in self.range_buttons.values():
            button.setStyleSheet(segmented_stylesheet(self))

    def focus_first(self) -> None:
        self.range_buttons[self.range_key].setFocus(Qt.FocusReason.OtherFocusReason)

"""Calendar: every day at a glance, and a calm way to fill in days not recorded yet.

The month grid (``grid.MonthGrid``) shows each day's status and marks; the panel beside it the
chosen day, "Mark as" for one day or a range, memory aids and the figures. Enter (or a
double-click, or "Edit this day…") opens the day in Today's own form. Marking days more than
30 days back brings a gentle word first; days already recorded differently are never
changed without asking; a marking can be undone (Ctrl+Z).

Public: ``show_date(date)`` selects a day (other pages use
``ui.app.navigation.show_in_calendar``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.backfill import BackfillPlan, plan_backfill
from recovery_journal.domain.dates import add_months, month_end
from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.formatting import long_date, plural
from recovery_journal.domain.models import AnchorEvent, DayStatus
from recovery_journal.domain.pda import pda_window
from recovery_journal.services.backfill import apply_backfill
from recovery_journal.services.errors import (
    InvalidRecordError,
    RecordConflictError,
    RecordNotFoundError,
)
from recovery_journal.ui.app.navigation import take_pending_date
from recovery_journal.ui.common.feedback import UndoBar, ask, delete_with_undo
from recovery_journal.ui.common.undo import BackfillStep
from recovery_journal.ui.pages.calendar import texts
from recovery_journal.ui.pages.calendar.dialogs import AnchorDialog, DayDialog
from recovery_journal.ui.pages.calendar.grid import MonthGrid
from recovery_journal.ui.pages.calendar.legend import Legend
from recovery_journal.ui.pages.calendar.month import (
    FAR_BACK_DAYS,
    first_shown,
    holiday_names,
    month_cells,
)
from recovery_journal.ui.pages.calendar.month_bar import MonthBar
from recovery_journal.ui.pages.calendar.panel import MARKS, DayPanel

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController

STATUS_NAMES = {status: label.lower() for status, label in MARKS}


def _days(count: int) -> str:
    return plural(count, "day")


class CalendarView(QWidget):
    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setAccessibleName("Calendar")
        self.dialog: QDialog | None = None
        self.question: QMessageBox | None = None
        self._shown_key: tuple[Any, ...] | None = None
        self._calendar_key: tuple[int, dt.date] | None = None
        self._calendar: DayCalendar | None = None

        layout = QVBoxLayout(self)
        space = self.fontMetrics().height()
        layout.setContentsMargins(space, space // 2, space, space // 2)
        layout.setSpacing(space // 2)

        self.month_bar = MonthBar(self)
        layout.addWidget(self.month_bar)
        self.title = self.month_bar.title
        self.previous_button = self.month_bar.previous_button
        self.today_button = self.month_bar.today_button
        self.next_button = self.month_bar.next_button

        row = QHBoxLayout()
        row.setSpacing(space * 2)
        left = QVBoxLayout()
        self.grid = MonthGrid(self)
        left.addWidget(self.grid, 1)
        self.legend = Legend(self)
        left.addWidget(self.legend)
        self.undo_bar = UndoBar(self)
        left.addWidget(self.undo_bar)
        row.addLayout(left, 1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panel = DayPanel(scroll)
        scroll.setWidget(self.panel)
        scroll.setFixedWidth(space * 21)
        row.addWidget(scroll)
        layout.addLayout(row, 1)

        self.grid.month_needed.connect(self._load_month)
        self.grid.current_changed.connect(lambda _d: self._show_panel())
        self.grid.selection_changed.connect(lambda *_a: self._show_selection())
        self.grid.activated.connect(self.edit_day)
        self.previous_button.clicked.connect(lambda: self._move_month(-1))
        self.next_button.clicked.connect(lambda: self._move_month(1))
        self.today_button.clicked.connect(lambda: self.show_date(self.controller.today()))
        self.panel.edit_button.clicked.connect(lambda: self.edit_day(self.grid.current))
        for status, button in self.panel.mark_buttons.items():
            button.clicked.connect(lambda _c=False, s=status: self.mark_selection(s))
        self.panel.add_anchor.clicked.connect(lambda: self.edit_anchor(None))
        self.panel.change_anchor.clicked.connect(
            lambda: self.edit_anchor(self.panel.current_anchor())
        )
        self.panel.delete_anchor.clicked.connect(self.delete_anchor)
        self.panel.anchors.itemActivated.connect(
            lambda _i: self.edit_anchor(self.panel.current_anchor())
        )
        for keys, slot in (
            (QKeySequence("Ctrl+T"), lambda: self.show_date(self.controller.today())),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        today = controller.today()
        self.grid.last_date = month_end(today)
        self.grid.set_current(take_pending_date(controller) or today)
        self.refresh()

    # -- the page protocol ----------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.controller.is_unlocked:
            return
        pending = take_pending_date(self.controller)
        if pending is not None:
            self.show_date(pending)
            return
        year, month = self.grid.month
        self._load_month(year, month, force=True)

    def focus_first(self) -> None:
        self.grid.setFocus()

    # -- months and days ------------------------------------------------------------------------
    def show_date(self, day: dt.date) -> None:
        """Show ``day``'s month and select the day (the keyboard focus goes to the grid)."""
        self.grid.set_current(day)
        year, month = self.grid.month
        if (year, month) != (day.year, day.month):
            self._load_month(day.year, day.month)
        self.grid.setFocus()

    def _move_month(self, delta: int) -> None:
        self.grid.set_current(add_months(self.grid.current, delta))
        self.grid.setFocus()

    def _day_calendar(self) -> DayCalendar:
        key = (self.controller.session.revision, self.controller.today())
        if self._calendar is None or self._calendar_key != key:
            self._calendar = DayCalendar.from_journal(self.controller.data(), key[1])
            self._calendar_key = key
        return self._calendar

    def _load_month(self, year: int, month: int, *, force: bool = False) -> None:
        data = self.controller.data()
        today = self.controller.today()
        key = (self.controller.session.revision, today, year, month, data.settings.country)
        if key == self._shown_key and not force:
            return
        self._shown_key = key
        self.grid.last_date = month_end(today)
        stats = self.controller.stats()
        first = first_shown(year, month, data.settings.week_start)
        years = tuple(sorted({first.year, (first + dt.timedelta(days=41)).year}))
        holidays = holiday_names(data.settings.country, years)
        cells = month_cells(data, year, month, today, stats.tracking_start, holidays)
        self.grid.set_month(year, month, cells, today, stats.tracking_start)
        shown = dt.date(year, month, 1)
        self.month_bar.show_month(shown, today)
        window = pda_window(self._day_calendar(), shown, month_end(shown))
        lines = [texts.month_line(window, shown, today), texts.missing_line(window)]
        lines += texts.figure_lines(stats)
        self.panel.show_figures(lines)
        self._show_panel()
        self._show_selection()

    def _show_panel(self) -> None:
        cell = self.grid.cell(self.grid.current)
        if cell is None:
            return
        later = ""
        if cell.retrospective and cell.record is not None and cell.record.entered_at:
            entered = cell.record.entered_at.astimezone().date()
            later = f"Filled in later, on {long_date(entered)}."
        self.panel.show_day(cell, self.controller.data(), later)

    def _show_selection(self) -> None:
        first, last = self.grid.selection()
        self.panel.show_selection(first, last, self.controller.today())

    # -- one day --------------------------------------------------------------------------------
    def edit_day(self, day: Any) -> None:
        if not isinstance(day, dt.date) or day > self.controller.today():
            return
        self.grid.set_current(day)
        dialog = DayDialog(self.controller, day, self)
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        def closed() -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()
            self.refresh()
            self.grid.setFocus()

        dialog.finished.connect(lambda _r: closed())
        self.dialog = dialog
        dialog.open()

    # -- several days at once -------------------------------------------------------------------
    def mark_selection(self, status: DayStatus) -> None:
        """Mark the selected days as ``status``: gently, never overwriting without asking."""
        today = self.controller.today()
        plan = plan_backfill(self.controller.data(), self.grid.selected_dates(), status, today)
        if not plan.empty and not plan.different:
            self._say(
                f"Nothing to change: {'this day is' if plan.same == 1 else 'these days are'} "
                f"already marked {STATUS_NAMES[status]}."
                if plan.same
                else "These days haven't come yet."
            )
            return
        first = plan.first
        if first is not None and (today - first).days > FAR_BACK_DAYS:
            count = len(plan.empty) + len(plan.different)

            def go_on(value: str) -> None:
                self.question = None
                if value == "go":
                    self._ask_replace(plan)

            self.question = ask(
                self,
                "Filling in days further back",
                "It can be hard to remember that far back, and that's all right. Anchors like "
                "birthdays or holidays on the calendar can help you place the days. If you're "
                f"not sure, “Not sure” is an honest answer.\n\nMark {_days(count)} from "
                f"{long_date(first, weekday=True)} as {STATUS_NAMES[status]}?",
                [
                    (f"Mark them {STATUS_NAMES[status]}", QMessageBox.ButtonRole.AcceptRole, "go"),
                    ("Not now", QMessageBox.ButtonRole.RejectRole, "stop"),
                ],
                go_on,
            )
            return
        self._ask_replace(plan)

    def _ask_replace(self, plan: BackfillPlan) -> None:
        if not plan.different:
            self._apply(plan, replace=False)
            return
        word = STATUS_NAMES[plan.status]
        recorded = len(plan.different)
        kinds: dict[str, int] = {}
        for record in plan.different:
            name = STATUS_NAMES[record.status]
            kinds[name] = kinds.get(name, 0) + 1
        detail = ", ".join(f"{n} {k}" for k, n in kinds.items())
        if plan.empty:
            text = (
                f"{_days(recorded)} of these already {'has' if recorded == 1 else 'have'} a "
                f"record ({detail}). Change {'it' if recorded == 1 else 'them'} to {word} "
                f"too, or fill in only the {_days(len(plan.empty))} not filled in yet?"
            )
            answers = [
                (
                    f"Only the {_days(len(plan.empty))} not filled in",
                    QMessageBox.ButtonRole.AcceptRole,
                    "empty",
                ),
                (
                    f"Change all {_days(recorded + len(plan.empty))}",
                    QMessageBox.ButtonRole.DestructiveRole,
                    "all",
                ),
                ("Cancel", QMessageBox.ButtonRole.RejectRole, "stop"),
            ]
        else:
            text = (
                f"{'This day is' if recorded == 1 else f'These {recorded} days are'} already "
                f"recorded ({detail}). Change {'it' if recorded == 1 else 'them'} to {word}? "
                "Notes and ratings stay as they are."
            )
            answers = [
                (f"Change to {word}", QMessageBox.ButtonRole.DestructiveRole, "all"),
                ("Cancel", QMessageBox.ButtonRole.RejectRole, "stop"),
            ]

        def answered(value: str) -> None:
            self.question = None
            if value in ("empty", "all"):
                self._apply(plan, replace=value == "all")

        self.question = ask(self, "Some days are already filled in", text, answers, answered)

    def _apply(self, plan: BackfillPlan, *, replace: bool) -> None:
        """One change and one save (checked first); one step on the window's undo stack."""
        try:
            done = apply_backfill(self.controller.session, plan, replace=replace)
        except (InvalidRecordError, RecordConflictError, RecordNotFoundError) as error:
            self._say(f"Nothing was marked: {error}")
            self.refresh()
            return
        self.refresh()
        if not done.count:
            return
        word = STATUS_NAMES[plan.status]
        step = BackfillStep(self.controller, f"mark {_days(done.count)} as {word}", done)
        self.undo_bar.said(
            self.controller.undo_stack,
            step,
            f"Marked {_days(done.count)} as {word}.",
            "Taken back: those days are as they were.",
        )

    def _say(self, text: str) -> None:
        self.undo_bar.say(text)

    # -- memory anchors -------------------------------------------------------------------------
    def edit_anchor(self, event: AnchorEvent | None) -> None:
        dialog = AnchorDialog(self.controller, self.grid.current, self, event)
        self._open(dialog)

    def delete_anchor(self) -> None:
        event = self.panel.current_anchor()
        if event is None or event.id is None:
            return
        if delete_with_undo(
            self.controller,
            [event],
            self.undo_bar,
            action="delete the anchor",
            said=f"Deleted the anchor “{event.label}”.",
        ):
            self.refresh()

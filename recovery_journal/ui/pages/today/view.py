"""Today: how the day went (saved as it is changed), four figure cards, quick actions, and
gentle prompts. Editing yesterday or any earlier day is one click away.

The page arranges and saves; its parts are the date bar (``date_bar.py``), the day form
(``ui/dialogs/day_form.py``), the messages (``messages.py``) and the figures (``figures.py``).

Saving: a click (status, mood, an activity) saves at once; typing and sliding save after a
short pause, and before the day changes, the page is left, the journal locks or the app
closes. The form is never reloaded under the person's cursor by its own saves.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.formatting import long_date
from recovery_journal.domain.models import DayRecord, DayStatus
from recovery_journal.services.errors import (
    InvalidRecordError,
    RecordConflictError,
    RecordNotFoundError,
)
from recovery_journal.ui.common.undo import STEP_ERRORS, DeleteStep, step_state
from recovery_journal.ui.dialogs.day_form import DayForm
from recovery_journal.ui.pages.today.date_bar import DateBar
from recovery_journal.ui.pages.today.figures import FiguresPanel
from recovery_journal.ui.pages.today.meeting_offers import MeetingOffers
from recovery_journal.ui.pages.today.messages import TodayMessages

if TYPE_CHECKING:
    from recovery_journal.domain.validation import Record
    from recovery_journal.ui.app.controller import JournalController

#: Typing in the note (and sliding) is saved after this pause.
SAVE_PAUSE_MS = 600


class TodayView(QWidget):
    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setAccessibleName("Today")
        self._day = controller.today()
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_PAUSE_MS)
        self._save_timer.timeout.connect(self.flush)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Never sideways: the layout narrows instead (cards move below the form).
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        content = QWidget(scroll)
        scroll.setWidget(content)
        page = QVBoxLayout(content)
        space = self.fontMetrics().height()
        page.setContentsMargins(space, space // 2, space, space // 2)

        self.date_bar = DateBar(lambda: self._day, controller.today, self)
        self.date_bar.day_chosen.connect(self.show_day)
        page.addWidget(self.date_bar)
        self.meeting_offers = MeetingOffers(controller, content)  # "Did you go to … ?"
        page.addWidget(self.meeting_offers)

        # Gentle messages, one at a time: beside the form (it never moves under the pointer)
        # or, in a narrow window, right under the status question.
        self.messages = TodayMessages(controller, content)
        self.messages.dismissed.connect(self._show_figures)
        self.messages.checkin_requested.connect(self.open_checkin)
        self.messages.undo_requested.connect(self.undo_clear)
        self._cleared: int | None = None  # the undo step of the last "Clear this day"
        controller.undo_stack.indexChanged.connect(self._follow_clear)  # ends with the page

        self.body = QGridLayout()
        self.body.setHorizontalSpacing(space * 2)
        self.body.setVerticalSpacing(space)
        self.form = DayForm(content)
        self.form.edited.connect(self._on_edit)
        self.form.clear_requested.connect(self.clear_day)
        self.side = FiguresPanel(controller, content)
        self.side.meeting_requested.connect(self.open_meeting)
        self.side.contact_requested.connect(self.open_contact)
        page.addLayout(self.body, 1)
        self._name_parts()
        self._scroll = scroll
        self._content = content
        self._fit_later = QTimer(self)  # once the layout has settled
        self._fit_later.setSingleShot(True)
        self._fit_later.setInterval(0)
        self._fit_later.timeout.connect(self._fit_cards)
        self._fitting = False
        self._fitted_for: tuple[object, ...] | None = None  # what the last fit measured
        for watched in (scroll.viewport(), self.form, self.side):
            watched.installEventFilter(self)
        self._wide: bool | None = None
        self._columns = 0
        self._arrange()

        controller.today_changed.connect(self._date_moved_on)
        self._load_day()

    def _name_parts(self) -> None:
        """The parts' controls by name, as the page's own (tests and scripts drive them)."""
        bar, messages, side = self.date_bar, self.messages, self.side
        self.title = bar.title
        self.previous_button, self.next_button = bar.previous_button, bar.next_button
        self.date_edit, self.today_button = bar.date_edit, bar.today_button
        self.prompt, self.sobriety_offer = messages.prompt, messages.sobriety_offer
        self.move_button, self.keep_button = messages.move_button, messages.keep_button
        self.checkin, self.notices = messages.checkin, messages.notices
        self.cleared, self.undo_button = messages.cleared, messages.undo_button
        self.figures_note, self.cards = side.figures_note, side.cards
        self.run_card, self.abstinence_card = side.run_card, side.abstinence_card
        self.meetings_card, self.sponsor_card = side.meetings_card, side.sponsor_card
        self.meeting_button, self.contact_button = side.meeting_button, side.contact_button

    # -- responsive layout ------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()
        self._fit_later.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A fit reads laid-out geometry, so it runs again whenever what it read has moved
        since: whatever order Qt's layout passes come in, the last fit sees the final layout."""
        if (
            event.type() in (QEvent.Type.Resize, QEvent.Type.Move)
            and not self._fitting
            and self._fit_inputs() != self._fitted_for
        ):
            self._fit_later.start()
        return False

    def _fit_inputs(self) -> tuple[object, ...]:
        side = self.side.geometry()
        return (
            self._scroll.viewport().size().toTuple(),
            self.form.y(),
            side.x(),
            side.y(),
            side.width(),
        )

    def _fit_cards(self) -> None:
        """Side by side, the cards give up their extra lines while a message needs the room
        (so a small screen still shows everything without scrolling).

        Measured with every pending layout change applied first, at the width the cards have
        beside a vertical scroll bar (what fits there fits either way): the outcome depends on
        the page's size and words only, never on the order Qt's layout passes came in. The
        page is laid out again before it returns, so its own trials move nothing."""
        self._fitting = True
        try:
            self._fit()
            _lay_out_now(self._content)
        finally:
            self._fitting = False
        self._fitted_for = self._fit_inputs()

    def _fit(self) -> None:
        self.side.set_compact(False)
        _lay_out_now(self._content)
        # The form (and its note) stays within the screen even when the cards beside it
        # need more room than there is.
        space = self.fontMetrics().height()
        room = self._scroll.viewport().height() - self.form.y() - space // 2
        self.form.setMaximumHeight(
            max(room, self.form.minimumSizeHint().height()) if self._wide else _UNLIMITED
        )
        layout = self.side.layout()
        if not self._wide or layout is None or not self.messages.isVisibleTo(self):
            return
        if not any(banner.isVisibleTo(self) for banner in self.messages.banners()):
            return
        room = self._scroll.viewport().height() - self.side.y() - space
        bar = self._scroll.verticalScrollBar()
        width = self.side.width() - (0 if bar.isVisible() else bar.sizeHint().width())
        if layout.totalHeightForWidth(width) > room:
            self.side.set_compact(True)

    def _arrange(self) -> None:
        """Form and cards side by side when there is room (the cards in two columns), else
        the cards below the form in two or four columns. The messages sit above the cards
        when side by side, and right under the status question when not."""
        line = self.fontMetrics().height()
        width = self._scroll.viewport().width() - 2 * line
        form_width = max(self.form.minimumSizeHint().width(), line * 26)
        wide = width >= form_width + line * 2 + line * 22
        columns = 2 if wide or width < line * 52 else 4
        if wide == self._wide and columns == self._columns:
            return
        self._wide, self._columns = wide, columns
        for widget in (self.form, self.side):
            self.body.removeWidget(widget)
        self.body.addWidget(self.form, 0, 0, Qt.AlignmentFlag.AlignTop)
        if wide:
            self.body.addWidget(self.side, 0, 1)
        else:
            self.body.addWidget(self.side, 1, 0)
        self.body.setColumnStretch(0, 11 if wide else 1)
        self.body.setColumnStretch(1, 10 if wide else 0)
        self.body.setRowStretch(0, 1)
        self.body.setRowStretch(1, 0)
        if wide:
            self.side.messages_slot.addWidget(self.messages)
        else:
            self.form.messages_slot.addWidget(self.messages)
        # Moving to another parent hides a widget until the next turn of the event loop; the
        # messages' place is always shown (its banners show and hide themselves), at once, so
        # the cards are fitted around it.
        self.messages.show()
        self.side.arrange_cards(columns)

    @property
    def side_by_side(self) -> bool:
        return bool(self._wide)

    # -- the page protocol ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Figures, prompts and (unless the person is editing it) the day's record."""
        if not self.controller.is_unlocked:
            return
        if not self._save_timer.isActive():
            stored = self.controller.session.get_day(self._day)
            if not _same_record(stored, self.form.record()):
                self._load_day()
        self._show_figures()

    def flush(self) -> None:
        """Save what the form holds now (a note being typed, a slider just moved)."""
        self._save_timer.stop()
        if self.controller.is_unlocked:
            self._save()

    def focus_first(self) -> None:
        status = self.form.status()
        button = self.form.status_buttons[status or DayStatus.ABSTINENT]
        button.setFocus()

    # -- days -----------------------------------------------------------------------------------
    @property
    def day(self) -> dt.date:
        return self._day

    def show_day(self, day: dt.date) -> None:
        today = self.controller.today()
        day = min(day, today)
        if day == self._day:
            self.date_bar.sync()
            return
        self.flush()
        self._day = day
        self.cleared.hide()
        self._load_day()

    def _date_moved_on(self) -> None:
        """At midnight, a page left on "today" moves on to the new today."""
        if self._day == self.controller.today() - _ONE_DAY:
            self.show_day(self.controller.today())
        else:
            self.date_bar.sync()

    def _load_day(self) -> None:
        record = self.controller.session.get_day(self._day)
        self.form.load(self._day, record, self.controller.today())
        self.date_bar.sync()
        self._show_figures()

    # -- saving ---------------------------------------------------------------------------------
    def _on_edit(self, now: bool) -> None:
        if now:
            self.flush()
        else:
            self._save_timer.start()

    def _save(self) -> None:
        record = self.form.record()
        if record is None:
            return
        stored = self.controller.session.get_day(self._day)
        if _same_record(stored, record):
            return
        try:
            saved = self.controller.session.save_day(record)  # checked first
        except InvalidRecordError as error:  # nothing was written; the form stays as it is
            self.form.message.show_message(error.errors[0].message)
            return
        except (RecordConflictError, RecordNotFoundError) as error:
            self.form.message.show_message(f"{error} What you entered is still here.")
            return
        self.form.message.clear_message()
        self.form.saved(saved)

    def clear_day(self) -> None:
        """Remove this day's record as a step on the window's undo stack; the banner's "Undo"
        (or Ctrl+Z) brings it back."""
        self._save_timer.stop()
        record = self.controller.session.get_day(self._day)
        if record is not None:
            try:
                deleted = self.controller.session.delete_records([record])
            except STEP_ERRORS as error:
                self.form.message.show_message(f"{error} Nothing was removed.")
                return
            when = long_date(self._day, weekday=True, year=False)
            step = DeleteStep(self.controller, f"clear {when}", deleted, self._clear_followed)
            self._cleared = step.serial
            self.controller.undo_stack.push(step)
            self.messages.show_cleared(self._day)
        self.form.load(self._day, None, self.controller.today())
        self._show_figures()

    def _clear_followed(self, restored: Sequence[Record]) -> None:
        if any(isinstance(r, DayRecord) and r.date == self._day for r in restored):
            self.cleared.hide()
        self._load_day()

    def _follow_clear(self, _index: int = 0) -> None:
        """The banner's Undo shows only while the clearing is the step Undo would take back."""
        if self._cleared is not None:
            state = step_state(self.controller.undo_stack, self._cleared)
            self.undo_button.setVisible(state == "next")
            if state in ("undone", "gone"):
                self.cleared.hide()

    def undo_clear(self) -> None:
        stack = self.controller.undo_stack
        if self._cleared is not None and step_state(stack, self._cleared) == "next":
            stack.undo()
        self.cleared.hide()

    # -- figures and messages ----------------------------------------------------------------
    def _show_figures(self) -> None:
        self.meeting_offers.refresh()
        self.side.show_figures(self._day)
        self.messages.show_for(self._day)
        self._fit_later.start()

    # -- quick actions --------------------------------------------------------------------------
    def open_meeting(self) -> None:
        from recovery_journal.ui.dialogs.meeting import MeetingDialog

        self.flush()
        MeetingDialog(self.controller, self._day, self).open()

    def open_contact(self) -> None:
        from recovery_journal.ui.dialogs.contact import ContactDialog

        self.flush()
        ContactDialog(self.controller, self._day, self).open()

    def open_checkin(self) -> None:
        from recovery_journal.ui.dialogs.checkin import CheckinDialog

        self.flush()
        CheckinDialog(self.controller, self.controller.today(), self).open()


_ONE_DAY = dt.timedelta(days=1)
_UNLIMITED = 16777215  # QWIDGETSIZE_MAX


def _lay_out_now(widget: QWidget) -> None:
    """Apply the layout changes still waiting for Qt's next pass inside ``widget``, innermost
    first, so the sizes read next are those of what it shows now (a card that just gained
    lines, a message just shown), not the cached ones of the last pass."""
    for child in reversed(widget.findChildren(QWidget)):
        layout = child.layout()
        if layout is not None:
            layout.activate()
    layout = widget.layout()
    if layout is not None:
        layout.activate()


def _same_record(a: DayRecord | None, b: DayRecord | None) -> bool:
    """Equal in what the person entered (ignoring ids and timestamps)."""
    if a is None or b is None:
        return a is b

    def plain(record: DayRecord) -> DayRecord:
        return dataclasses.replace(record, id=None, entered_at=None, updated_at=None)

    return plain(a) == plain(b)

"""Today: how the day went (saved as it is changed), four figure cards, quick actions, and
gentle prompts. Editing yesterday or any earlier day is one click away.

Saving: a click (status, mood, an activity) saves at once; typing and sliding save after a
short pause, and before the day changes, the page is left, the journal locks or the app
closes. The form is never reloaded under the person's cursor by its own saves.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.models import DayRecord, DayStatus
from recovery_journal.domain.validation import validate_day
from recovery_journal.services import ui_support
from recovery_journal.ui.messages import unexpected_text
from recovery_journal.ui.today import texts
from recovery_journal.ui.today.cards import FigureCard
from recovery_journal.ui.today.day_form import DayForm
from recovery_journal.ui.trends.notices import NoticesPanel
from recovery_journal.ui.widgets import Banner, from_qdate, heading, named, to_qdate, wrapped

if TYPE_CHECKING:
    from recovery_journal.ui.controller import JournalController

#: Typing in the note (and sliding) is saved after this pause.
SAVE_PAUSE_MS = 600


class TodayView(QWidget):
    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setAccessibleName("Today")
        self._day = controller.today()
        self._dismissed: set[tuple[str, str]] = set()  # (kind, occasion) hidden this session
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

        # -- the date ---------------------------------------------------------------------------
        bar = QHBoxLayout()
        self.title = heading("", 1, content)
        bar.addWidget(self.title, 1)
        self.previous_button = named(
            QPushButton("◀ Previous day", content), "Previous day", "Alt+Left"
        )
        self.previous_button.setToolTip("The day before (Alt+Left)")
        self.previous_button.clicked.connect(lambda: self.show_day(self._day - _ONE_DAY))
        self.date_edit = named(QDateEdit(content), "Day to show")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.dateChanged.connect(lambda d: self.show_day(from_qdate(d)))
        self.next_button = named(QPushButton("Next day ▶", content), "Next day", "Alt+Right")
        self.next_button.setToolTip("The day after (Alt+Right)")
        self.next_button.clicked.connect(lambda: self.show_day(self._day + _ONE_DAY))
        self.today_button = named(QPushButton("Today", content), "Back to today", "Alt+Home")
        self.today_button.setToolTip("Back to today (Alt+Home)")
        self.today_button.clicked.connect(lambda: self.show_day(self.controller.today()))
        for widget in (self.previous_button, self.date_edit, self.next_button, self.today_button):
            bar.addWidget(widget)
        page.addLayout(bar)
        for keys, move in (
            ("Alt+Left", lambda: self.show_day(self._day - _ONE_DAY)),
            ("Alt+Right", lambda: self.show_day(self._day + _ONE_DAY)),
            ("Alt+Home", lambda: self.show_day(self.controller.today())),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(move)

        # -- gentle messages: one at a time, beside the form (it never moves under the
        # pointer) or, in a narrow window, right under the status question ------------------
        self.messages = QWidget(content)
        # Its long lines must not widen its column (the form would move sideways).
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.messages.setSizePolicy(policy)
        self.banners = QVBoxLayout(self.messages)
        self.banners.setContentsMargins(0, 0, 0, 0)
        self.prompt = Banner("If today is hard", "", "care", self.messages)
        self.prompt.add_button("&Who can I call?", controller.help_requested.emit)
        self.prompt.add_button("Not now", lambda: self._dismiss("prompt"))
        self.sobriety_offer = Banner("Your sobriety date", "", "note", self.messages)
        self.move_button = self.sobriety_offer.add_button("Move it", self._move_sobriety_date)
        self.keep_button = self.sobriety_offer.add_button("Keep it", lambda: self._dismiss("sob"))
        self.checkin = Banner(
            "Time for a sponsor relationship check-in?", "", "calm", self.messages
        )
        self.checkin.add_button("Do the check-&in now", self.open_checkin)
        self.checkin.add_button("Not now", lambda: self._dismiss("checkin"))
        self.cleared = Banner("This day is cleared", "", "note", self.messages)
        self.undo_button = self.cleared.add_button("&Undo", self.undo_clear, "Undo clearing")
        self._cleared: DayRecord | None = None
        for banner in (self.cleared, self.prompt, self.sobriety_offer, self.checkin):
            banner.hide()
            self.banners.addWidget(banner)
        # MEASURES §7 early-warning notices; a dismissal is kept in the journal's settings.
        self._dismissed_notices: set[str] = set()
        self.notices = NoticesPanel(self.messages, dismissed_keys=self._dismissed_notices)
        self.notices.dismissed.connect(self._remember_dismissed_notice)
        self.banners.addWidget(self.notices)

        # -- the form and the figures -----------------------------------------------------------
        self.body = QGridLayout()
        self.body.setHorizontalSpacing(space * 2)
        self.body.setVerticalSpacing(space)
        self.form = DayForm(content)
        self.form.edited.connect(self._on_edit)
        self.form.clear_requested.connect(self.clear_day)
        self.side = QWidget(content)
        side = QVBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(space // 2)
        self.side_messages = QVBoxLayout()
        self.side_messages.setContentsMargins(0, 0, 0, 0)
        side.addLayout(self.side_messages)
        self.figures_note = wrapped("", self.side, muted=True)  # "as of today" on other days
        self.figures_note.hide()
        side.addWidget(self.figures_note)
        self.grid = QGridLayout()
        self.grid.setSpacing(space // 2)
        self.run_card = FigureCard(self.side)
        self.abstinence_card = FigureCard(self.side)
        self.meetings_card = FigureCard(self.side)
        self.sponsor_card = FigureCard(self.side)
        self.cards = (self.run_card, self.abstinence_card, self.meetings_card, self.sponsor_card)
        side.addLayout(self.grid)
        actions = QHBoxLayout()
        self.meeting_button = named(
            QPushButton("Log a &meeting…", self.side), "Log a meeting", "Ctrl+M"
        )
        self.meeting_button.setToolTip("Log a meeting (Ctrl+M)")
        self.meeting_button.setShortcut(QKeySequence("Ctrl+M"))
        self.meeting_button.clicked.connect(self.open_meeting)
        self.contact_button = named(
            QPushButton("Log a &sponsor contact…", self.side), "Log a sponsor contact", "Ctrl+K"
        )
        self.contact_button.setToolTip("Log a contact with your sponsor (Ctrl+K)")
        self.contact_button.setShortcut(QKeySequence("Ctrl+K"))
        self.contact_button.clicked.connect(self.open_contact)
        actions.addWidget(self.meeting_button)
        actions.addWidget(self.contact_button)
        actions.addStretch(1)
        side.addLayout(actions)
        side.addStretch(1)
        page.addLayout(self.body, 1)
        self._scroll = scroll
        self._content = content
        self._fit_later = QTimer(self)  # once the layout has settled
        self._fit_later.setSingleShot(True)
        self._fit_later.setInterval(0)
        self._fit_later.timeout.connect(self._fit_cards)
        # The fit measures laid-out geometry, so it follows every move of what it measures:
        # whatever order Qt's layout passes arrive in, the last fit sees the final layout.
        for watched in (scroll.viewport(), self.form, self.side):
            watched.installEventFilter(self)
        self._wide: bool | None = None
        self._columns = 0
        self._arrange()

        controller.today_changed.connect(self._date_moved_on)
        self._load_day()

    # -- responsive layout ------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()
        self._fit_later.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._fit_later.start()
        return False

    def _fit_cards(self) -> None:
        """Side by side, the cards give up their extra lines while a message needs the room
        (so a small screen still shows everything without scrolling).

        Measured with every pending layout change applied first, at the width the cards have
        beside a vertical scroll bar (what fits there fits either way): the outcome depends on
        the page's size and words only, never on the order Qt's layout passes came in."""
        for card in self.cards:
            card.set_compact(False)
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
        if not any(banner.isVisibleTo(self) for banner in self._banners()):
            return
        room = self._scroll.viewport().height() - self.side.y() - space
        bar = self._scroll.verticalScrollBar()
        width = self.side.width() - (0 if bar.isVisible() else bar.sizeHint().width())
        if layout.totalHeightForWidth(width) > room:
            for card in self.cards:
                card.set_compact(True)

    def _banners(self) -> tuple[QWidget, ...]:
        return (self.cleared, self.prompt, self.sobriety_offer, self.checkin, self.notices)

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
            self.side_messages.addWidget(self.messages)
        else:
            self.form.messages_slot.addWidget(self.messages)
        for card in self.cards:
            self.grid.removeWidget(card)
        for index, card in enumerate(self.cards):
            self.grid.addWidget(card, index // columns, index % columns)
        for column in range(4):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

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
            self._sync_date_bar()
            return
        self.flush()
        self._day = day
        self._cleared = None
        self.cleared.hide()
        self._load_day()

    def _date_moved_on(self) -> None:
        """At midnight, a page left on "today" moves on to the new today."""
        if self._day == self.controller.today() - _ONE_DAY:
            self.show_day(self.controller.today())
        else:
            self._sync_date_bar()

    def _load_day(self) -> None:
        record = self.controller.session.get_day(self._day)
        self.form.load(self._day, record, self.controller.today())
        self._sync_date_bar()
        self._show_figures()

    def _sync_date_bar(self) -> None:
        today = self.controller.today()
        name = texts.long_date(self._day)
        self.title.setText(f"Today, {name}" if self._day == today else name)
        blocked = self.date_edit.blockSignals(True)
        self.date_edit.setMaximumDate(to_qdate(today))
        self.date_edit.setDate(to_qdate(self._day))
        self.date_edit.blockSignals(blocked)
        self.next_button.setEnabled(self._day < today)
        self.today_button.setEnabled(self._day != today)

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
        errors = validate_day(record, self.controller.today())
        if errors:
            self.form.message.show_message(errors[0].message)
            return
        self.form.message.clear_message()
        try:
            saved = self.controller.session.save_day(record)
        except Exception as error:  # a storage refusal: say so, keep the form as it is
            self.form.message.show_message(unexpected_text(error))
            return
        self.form.saved(saved)

    def clear_day(self) -> None:
        """Remove this day's record; "Undo" brings it back while the day is shown."""
        self._save_timer.stop()
        record = self.controller.session.get_day(self._day)
        if record is not None:
            self._cleared = record
            self.controller.session.delete_day(self._day)
            self.cleared.set_text(
                f"What you recorded for {texts.long_date(self._day)} was removed."
            )
            self.cleared.show()
        self.form.load(self._day, None, self.controller.today())
        self._show_figures()

    def undo_clear(self) -> None:
        record, self._cleared = self._cleared, None
        self.cleared.hide()
        if record is not None and self.controller.session.get_day(record.date) is None:
            self.controller.session.save_day(dataclasses.replace(record, id=None))
            self._load_day()

    # -- figures and prompts --------------------------------------------------------------------
    def _show_figures(self) -> None:
        controller = self.controller
        stats = controller.stats()
        data = controller.data()
        today = controller.today()
        self.run_card.show_text(texts.run_card(stats, today))
        self.abstinence_card.show_text(texts.abstinence_card(stats))
        self.meetings_card.show_text(
            texts.meetings_card(stats, ui_support.meetings_this_week(data, today))
        )
        self.sponsor_card.show_text(texts.sponsor_card(stats, bool(data.sponsors)))
        if self._day == today:
            self.figures_note.hide()
        else:
            self.figures_note.setText(f"These figures are as of today, {texts.long_date(today)}.")
            self.figures_note.show()
        # One message at a time: the prompt first, then the sobriety date, then the check-in.
        busy = self._show_prompt()
        busy = self._show_sobriety_offer(held=busy) or busy
        busy = self._show_checkin(today, held=busy) or busy
        self._dismissed_notices.update(self.controller.settings().dismissed_notices)
        self.notices.set_notices(stats.notices)
        if busy:  # the early-warning notices wait for the next quiet moment
            self.notices.hide()
        self._fit_later.start()

    def _remember_dismissed_notice(self, key: str) -> None:
        kept = self.controller.settings().dismissed_notices
        if key not in kept:  # the newest 50 occasions are plenty; older ones never recur
            self.controller.session.update_settings(dismissed_notices=(*kept, key)[-50:])

    def _show_prompt(self) -> bool:
        """The one gentle prompt for the day shown, if any; returns whether it is shown."""
        record = self.controller.session.get_day(self._day)
        shown = None
        if record is not None and ("prompt", _occasion(record)) not in self._dismissed:
            data = self.controller.data()
            run = ui_support.run_before(data, record.date)
            shown = texts.prompt(
                record, self.controller.stats(), self.controller.today(), run, data.call_list
            )
        if shown is not None:
            self.prompt.title.setText(shown.title)
            self.prompt.title.setAccessibleName(shown.title)
            self.prompt.setAccessibleName(shown.title)
            self.prompt.set_text(shown.text)
        self.prompt.setVisible(shown is not None)
        return shown is not None

    def _show_sobriety_offer(self, held: bool) -> bool:
        """Offered quietly, and only while no thank-you is shown (never in the same instant);
        it never moves the date on its own."""
        sobriety = self.controller.stats().sobriety
        used_on = None if sobriety is None else sobriety.latest_used_since
        if (
            held
            or sobriety is None
            or used_on is None
            or ("sob", used_on.isoformat()) in self._dismissed
        ):
            self.sobriety_offer.hide()
            return False
        new = used_on + _ONE_DAY
        self.sobriety_offer.set_text(texts.sobriety_offer_text(sobriety.sobriety_date, used_on))
        self.move_button.setText(f"Move it to {texts.full_date(new)}")
        self.move_button.setAccessibleName(f"Move my sobriety date to {texts.full_date(new)}")
        self.keep_button.setText(f"Keep {texts.full_date(sobriety.sobriety_date)}")
        self.keep_button.setAccessibleName(
            f"Keep my sobriety date, {texts.full_date(sobriety.sobriety_date)}"
        )
        self.sobriety_offer.show()
        return True

    def _move_sobriety_date(self) -> None:
        sobriety = self.controller.stats().sobriety
        if sobriety is not None and sobriety.latest_used_since is not None:
            self.controller.session.update_settings(
                sobriety_date=sobriety.latest_used_since + _ONE_DAY
            )

    def _show_checkin(self, today: dt.date, *, held: bool = False) -> bool:
        due = ui_support.checkin_due(self.controller.data(), today)
        if held or due is None or ("checkin", due.sponsor.key) in self._dismissed:
            self.checkin.hide()
            return False
        if due.reason == "new_sponsor":
            text = (
                f"Now that {due.sponsor.name} has been your sponsor for a little while, a short "
                "check-in on how the relationship feels can help. It is eight quick statements."
            )
        else:
            text = (
                "It has been a month or more since your last check-in on how things feel with "
                f"{due.sponsor.name}. It is eight quick statements, and you can skip any."
            )
        self.checkin.set_text(text)
        self.checkin.show()
        return True

    def _dismiss(self, kind: str) -> None:
        if kind == "prompt":
            record = self.controller.session.get_day(self._day)
            if record is not None:
                self._dismissed.add(("prompt", _occasion(record)))
            self.prompt.hide()
            self._show_figures()  # the next message waiting, if any, shows now
        elif kind == "sob":
            sobriety = self.controller.stats().sobriety
            if sobriety is not None and sobriety.latest_used_since is not None:
                self._dismissed.add(("sob", sobriety.latest_used_since.isoformat()))
            self.sobriety_offer.hide()
            self._show_figures()
        elif kind == "checkin":
            due = ui_support.checkin_due(self.controller.data(), self.controller.today())
            if due is not None:
                self._dismissed.add(("checkin", due.sponsor.key))
            self.checkin.hide()

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


def _occasion(record: DayRecord) -> str:
    return f"{record.date.isoformat()}:{record.status}:{record.craving}:{record.confidence}"


def _same_record(a: DayRecord | None, b: DayRecord | None) -> bool:
    """Equal in what the person entered (ignoring ids and timestamps)."""
    if a is None or b is None:
        return a is b

    def plain(record: DayRecord) -> DayRecord:
        return dataclasses.replace(record, id=None, entered_at=None, updated_at=None)

    return plain(a) == plain(b)

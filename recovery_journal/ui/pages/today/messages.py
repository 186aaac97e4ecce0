"""Today's gentle messages, one at a time: the prompt after a hard day (MEASURES §9), the offer
to move the sobriety date after a used day, and a sponsor check-in that is due; then the
early-warning notices (MEASURES §7) when none of those is shown. Also the "day cleared" line
with its Undo.

"Not now" hides a message for this run of the app and for that occasion only (a new hard day,
a new used day or a new sponsor brings it back). A dismissed notice is kept in the journal's
settings.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from recovery_journal.domain.alliance import checkin_due
from recovery_journal.domain.formatting import long_date
from recovery_journal.domain.models import DayRecord
from recovery_journal.domain.runs import run_before
from recovery_journal.ui.common.widgets import Banner
from recovery_journal.ui.pages.today import texts
from recovery_journal.ui.pages.today.notices import NoticesPanel

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController

ONE_DAY = dt.timedelta(days=1)


class TodayMessages(QWidget):
    """``dismissed`` after "Not now" on the prompt or the sobriety offer (the next message
    waiting may show now); ``checkin_requested`` and ``undo_requested`` from their buttons."""

    dismissed = Signal()
    checkin_requested = Signal()
    undo_requested = Signal()

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._day = controller.today()
        self._dismissed: set[tuple[str, str]] = set()  # (kind, occasion) hidden this session
        # Its long lines must not widen its column (the form would move sideways).
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.prompt = Banner("If today is hard", "", "care", self)
        self.prompt.add_button("&Who can I call?", controller.help_requested.emit)
        self.prompt.add_button("Not now", self._dismiss_prompt)
        self.sobriety_offer = Banner("Your sobriety date", "", "note", self)
        self.move_button = self.sobriety_offer.add_button("Move it", self._move_sobriety_date)
        self.keep_button = self.sobriety_offer.add_button("Keep it", self._dismiss_sobriety)
        self.checkin = Banner("Time for a sponsor relationship check-in?", "", "calm", self)
        self.checkin.add_button("Do the check-&in now", self.checkin_requested.emit)
        self.checkin.add_button("Not now", self._dismiss_checkin)
        self.cleared = Banner("This day is cleared", "", "note", self)
        self.undo_button = self.cleared.add_button(
            "&Undo", self.undo_requested.emit, "Undo clearing"
        )
        for banner in (self.cleared, self.prompt, self.sobriety_offer, self.checkin):
            banner.hide()
            layout.addWidget(banner)
        self._dismissed_notices: set[str] = set()
        self.notices = NoticesPanel(self, dismissed_keys=self._dismissed_notices)
        self.notices.dismissed.connect(self._remember_dismissed_notice)
        layout.addWidget(self.notices)

    def banners(self) -> tuple[QWidget, ...]:
        return (self.cleared, self.prompt, self.sobriety_offer, self.checkin, self.notices)

    def show_cleared(self, day: dt.date) -> None:
        self.cleared.set_text(
            f"What you recorded for {long_date(day, weekday=True, year=False)} was removed."
        )
        self.cleared.show()

    def show_for(self, day: dt.date) -> None:
        """The messages for ``day`` on the page. One at a time: the prompt first, then the
        sobriety date, then the check-in; the early-warning notices wait for a quiet moment."""
        self._day = day
        busy = self._show_prompt()
        busy = self._show_sobriety_offer(held=busy) or busy
        busy = self._show_checkin(held=busy) or busy
        self._dismissed_notices.update(self.controller.settings().dismissed_notices)
        self.notices.set_notices(self.controller.stats().notices)
        if busy:
            self.notices.hide()

    def _remember_dismissed_notice(self, key: str) -> None:
        kept = self.controller.settings().dismissed_notices
        if key not in kept:  # the newest 50 occasions are plenty; older ones never recur
            self.controller.session.update_settings(dismissed_notices=(*kept, key)[-50:])

    # -- the prompt -------------------------------------------------------------------------------
    def _show_prompt(self) -> bool:
        """The one gentle prompt for the day shown, if any; returns whether it is shown."""
        record = self.controller.session.get_day(self._day)
        shown = None
        if record is not None and ("prompt", _occasion(record)) not in self._dismissed:
            data = self.controller.data()
            run = run_before(data, record.date)
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

    def _dismiss_prompt(self) -> None:
        record = self.controller.session.get_day(self._day)
        if record is not None:
            self._dismissed.add(("prompt", _occasion(record)))
        self.prompt.hide()
        self.dismissed.emit()

    # -- the sobriety date ------------------------------------------------------------------------
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
        new = used_on + ONE_DAY
        self.sobriety_offer.set_text(texts.sobriety_offer_text(sobriety.sobriety_date, used_on))
        self.move_button.setText(f"Move it to {long_date(new)}")
        self.move_button.setAccessibleName(f"Move my sobriety date to {long_date(new)}")
        self.keep_button.setText(f"Keep {long_date(sobriety.sobriety_date)}")
        self.keep_button.setAccessibleName(
            f"Keep my sobriety date, {long_date(sobriety.sobriety_date)}"
        )
        self.sobriety_offer.show()
        return True

    def _move_sobriety_date(self) -> None:
        sobriety = self.controller.stats().sobriety
        if sobriety is not None and sobriety.latest_used_since is not None:
            self.controller.session.update_settings(
                sobriety_date=sobriety.latest_used_since + ONE_DAY
            )

    def _dismiss_sobriety(self) -> None:
        sobriety = self.controller.stats().sobriety
        if sobriety is not None and sobriety.latest_used_since is not None:
            self._dismissed.add(("sob", sobriety.latest_used_since.isoformat()))
        self.sobriety_offer.hide()
        self.dismissed.emit()

    # -- a check-in that is due -------------------------------------------------------------------
    def _show_checkin(self, *, held: bool = False) -> bool:
        due = checkin_due(self.controller.data(), self.controller.today())
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

    def _dismiss_checkin(self) -> None:
        due = checkin_due(self.controller.data(), self.controller.today())
        if due is not None:
            self._dismissed.add(("checkin", due.sponsor.key))
        self.checkin.hide()


def _occasion(record: DayRecord) -> str:
    return f"{record.date.isoformat()}:{record.status}:{record.craving}:{record.confidence}"

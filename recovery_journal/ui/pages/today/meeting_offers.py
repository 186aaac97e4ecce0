"""Today's "Did you go to <meeting> yesterday?": one line per regular meeting that met
yesterday and is not logged yet, with one click to log it (or to say no).

What to ask comes from ``domain.regular_meetings.offers``. "Yes, I went" logs the meeting on
yesterday's date as the list describes it (``session.log_regular_meeting``); "Not this time"
is kept in the settings so the question is not asked again. Both are steps on the window's
undo stack (Ctrl+Z takes them back).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from recovery_journal.domain.models import Meeting, RegularMeeting
from recovery_journal.domain.regular_meetings import kept_declines, offers
from recovery_journal.ui.common.undo import STEP_ERRORS, ServiceStep
from recovery_journal.ui.common.widgets import heading, named

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController


class LoggedStep(ServiceStep):
    """A regular meeting logged from the offer: undo deletes that meeting, redo logs it."""

    def __init__(
        self, controller: JournalController, regular: RegularMeeting, meeting: Meeting
    ) -> None:
        super().__init__(controller, f"log {regular.name}")
        self._regular, self._meeting = regular, meeting

    def take_back(self) -> None:
        self.controller.session.delete_records([self._meeting])

    def do_again(self) -> None:
        self._meeting = self.controller.session.log_regular_meeting(
            self._regular, self._meeting.date
        )


class DeclinedStep(ServiceStep):
    """ "Not this time": undo asks again, redo says no again."""

    def __init__(
        self, controller: JournalController, regular: RegularMeeting, day: dt.date
    ) -> None:
        super().__init__(controller, f"answer no about {regular.name}")
        self._regular, self._day = regular, day

    def take_back(self) -> None:
        self.controller.session.undecline_regular_meeting(self._regular, self._day)

    def do_again(self) -> None:
        self.controller.session.decline_regular_meeting(self._regular, self._day)


class MeetingOffers(QFrame):
    """The offers for yesterday (hidden when there are none)."""

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Yesterday's meetings")
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(heading("Yesterday's meetings", 3, self))
        self.rows: dict[int, tuple[QLabel, QPushButton, QPushButton]] = {}
        self.said = QLabel(self)
        self.said.setTextFormat(Qt.TextFormat.PlainText)
        self.said.setWordWrap(True)
        self._layout.addWidget(self.said)
        self._shown: object = None
        self.hide()

    def refresh(self) -> None:
        """Ask about what met yesterday and is not answered (cheap when nothing changed)."""
        data = self.controller.data()
        today = self.controller.today()
        declined = kept_declines(data.settings.declined_meeting_offers, today)
        pending = offers(data.regular_meetings, data.meetings, declined, today)
        key = (tuple(r.id for r in pending), today, self.said.text())
        if key == self._shown:
            return
        self._shown = key
        for label, yes, no in self.rows.values():
            for widget in (label, yes, no):
                widget.deleteLater()
        self.rows.clear()
        for regular in pending:
            self._add_row(regular)
        self.said.setVisible(bool(self.said.text()))
        self.setVisible(bool(pending) or bool(self.said.text()))

    def _add_row(self, regular: RegularMeeting) -> None:
        assert regular.id is not None
        row = QHBoxLayout()
        label = QLabel(f"Did you go to {regular.name} yesterday ({regular.time:%H:%M})?", self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        yes = named(QPushButton("Yes, I went", self), f"Yes, I went to {regular.name}")
        yes.setToolTip("Logs the meeting on yesterday's date; change it any time under Meetings")
        no = named(QPushButton("Not this time", self), f"No, not {regular.name} this time")
        yes.clicked.connect(lambda _c=False, r=regular: self.went(r))
        no.clicked.connect(lambda _c=False, r=regular: self.did_not_go(r))
        row.addWidget(label, 1)
        row.addWidget(yes)
        row.addWidget(no)
        self._layout.insertLayout(self._layout.count() - 1, row)
        self.rows[regular.id] = (label, yes, no)

    def went(self, regular: RegularMeeting) -> None:
        yesterday = self.controller.today() - dt.timedelta(days=1)
        try:
            meeting = self.controller.session.log_regular_meeting(regular, yesterday)
        except STEP_ERRORS as error:
            self.said.setText(f"{error} Nothing was logged.")
            return
        step = LoggedStep(self.controller, regular, meeting)
        self.controller.undo_stack.push(step)
        self.said.setText(f"Logged {regular.name} for yesterday. Well done for going.")
        self.refresh()

    def did_not_go(self, regular: RegularMeeting) -> None:
        yesterday = self.controller.today() - dt.timedelta(days=1)
        try:
            self.controller.session.decline_regular_meeting(regular, yesterday)
        except STEP_ERRORS as error:
            self.said.setText(f"{error} Nothing was changed.")
            return
        self.controller.undo_stack.push(DeclinedStep(self.controller, regular, yesterday))
        self.said.setText("")
        self.refresh()

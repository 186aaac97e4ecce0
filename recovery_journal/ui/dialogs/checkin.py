"""The sponsor relationship check-in in a window (Today's "Check in" button).

It shows the same form as the Sponsor page (``CheckinForm``, ``ui/dialogs/checkin_form.py``):
eight statements, each from "Not at all true" to "Completely true" (MEASURES §5), the app's own
wording and not a validated instrument. Opened while the journal has no sponsor, it says so
kindly and offers "Add a sponsor…" instead of the statements; once a sponsor is added, the form
appears.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.models import AllianceCheckin
from recovery_journal.ui.common.widgets import heading, named, to_qdate, wrapped
from recovery_journal.ui.dialogs.checkin_form import NO_SPONSOR_YET, CheckinForm
from recovery_journal.ui.dialogs.sponsor import SponsorDialog

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController

TITLE = "Sponsor relationship check-in"


class CheckinDialog(QDialog):
    """``saved(checkin)`` once a check-in is stored; the window then closes."""

    saved = Signal(object)

    def __init__(
        self, controller: JournalController, day: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._day = day
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.setModal(True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # no journal text lingers
        layout = self._layout = QVBoxLayout(self)

        # No sponsor yet: a calm word and a way to add one, instead of the statements.
        self.no_sponsor = QWidget(self)
        column = QVBoxLayout(self.no_sponsor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading(TITLE, 2, self.no_sponsor))
        self.lead = wrapped(NO_SPONSOR_YET, self.no_sponsor)
        column.addWidget(self.lead)
        line = QHBoxLayout()
        self.add_sponsor_button = named(
            QPushButton("Add a s&ponsor…", self.no_sponsor),
            "Add a sponsor",
            "Opens a short form to add your sponsor; then the check-in is here.",
        )
        self.add_sponsor_button.clicked.connect(self.add_sponsor)
        line.addWidget(self.add_sponsor_button)
        line.addStretch(1)
        column.addLayout(line)
        self.no_sponsor.setMinimumWidth(self.fontMetrics().averageCharWidth() * 50)
        layout.addWidget(self.no_sponsor)

        self.form = CheckinForm(controller, self)
        self.form.saved.connect(self._saved)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.form)
        layout.addWidget(self.scroll_area, 1)
        self.save_button = self.form.save_button

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._show_form(bool(controller.data().sponsors))

    def _start(self) -> None:
        """A new check-in on the day this window was opened for."""
        self.form.start_new()
        self.form.date.setDate(to_qdate(self._day))

    def _show_form(self, form: bool) -> None:
        """The form (with a sponsor), or the word about adding one (without)."""
        self.has_form = form
        self.no_sponsor.setVisible(not form)
        self.scroll_area.setVisible(form)
        self.cancel_button.setText("Cancel" if form else "Close")
        self.cancel_button.setAccessibleName("Cancel" if form else "Close")
        if form:
            self._start()
            self._fit()
            self.form.first_button().setFocus()
        else:
            self.adjustSize()
            self.add_sponsor_button.setFocus()

    def _fit(self) -> None:
        """As large as the form wants, within the screen; the form scrolls if it must."""
        hint = self.form.sizeHint()
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        self.scroll_area.setMinimumWidth(hint.width() + bar)
        available = self.screen().availableGeometry()
        margins = self._layout.contentsMargins()
        height = hint.height() + self.buttons.sizeHint().height() + margins.top() * 3
        self.resize(self.sizeHint().width(), min(height, available.height() * 9 // 10))

    def add_sponsor(self) -> None:
        dialog = SponsorDialog(self.controller, self)
        # Bound methods, not lambdas that hold this window: PySide keeps a lambda alive with
        # the sponsor window, and one holding ``self`` crashed when that window was deleted
        # (PySide 6.11, seen under pytest-qt).
        dialog.saved.connect(self._sponsor_added)
        dialog.finished.connect(self._sponsor_dialog_closed)
        dialog.open()

    def _sponsor_added(self, _sponsor: object) -> None:
        self._show_form(True)

    def _sponsor_dialog_closed(self, _result: int) -> None:
        if not self.has_form:
            self.add_sponsor_button.setFocus()

    def try_save(self) -> None:
        if self.has_form:  # nothing to save before there is a sponsor and the statements
            self.form.save()

    def _saved(self, checkin: AllianceCheckin) -> None:
        self.saved.emit(checkin)
        self.accept()

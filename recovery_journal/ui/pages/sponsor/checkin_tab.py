"""The Sponsor page's Relationship check-in tab: the check-in form (``CheckinForm``, the same
one Today's check-in window shows) beside the earlier check-ins with their scores.

With no sponsor yet, a calm word and "Add a sponsor…" take the form's place; the form appears
once a sponsor is saved (or while an earlier check-in is being changed).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.models import AllianceCheckin, JournalData
from recovery_journal.ui.common.record_model import RecordTableModel, date_text
from recovery_journal.ui.common.records_panel import RecordsPanel
from recovery_journal.ui.common.widgets import heading, named, wrapped
from recovery_journal.ui.dialogs.checkin_form import NO_SPONSOR_YET, CheckinForm
from recovery_journal.ui.pages.sponsor.columns import areas_text, checkin_columns

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController


class CheckinTab(QWidget):
    """``changed``: a check-in was saved, deleted or brought back (the page refreshes).
    ``add_sponsor_requested``: from "Add a sponsor…" (the page opens the sponsor form)."""

    changed = Signal()
    add_sponsor_requested = Signal()

    def __init__(
        self,
        controller: JournalController,
        names: Callable[[], Mapping[str | None, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._shown: tuple[AllianceCheckin, ...] | None = None
        row = QHBoxLayout(self)
        space = self.fontMetrics().height()
        row.setContentsMargins(0, space // 2, 0, 0)
        row.setSpacing(space * 2)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.checkin_form = CheckinForm(controller, scroll)
        self.checkin_form.saved.connect(self._checkin_saved)
        self.checkin_form.reset.connect(self.show_side)
        scroll.setWidget(self.checkin_form)
        self.checkin_scroll = scroll
        self.checkin_stack = QStackedWidget(self)
        self.no_sponsor = self._build_no_sponsor(self.checkin_stack)
        self.checkin_stack.addWidget(self.no_sponsor)
        self.checkin_stack.addWidget(scroll)
        self.checkin_stack.setCurrentWidget(scroll)
        row.addWidget(self.checkin_stack, 3)
        self.checkin_history = self._build_history(names)
        row.addWidget(self.checkin_history, 2)

    def _build_no_sponsor(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        box.setAccessibleName("No sponsor yet")
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading("How does it feel with your sponsor?", 2, box))
        self.no_sponsor_text = wrapped(NO_SPONSOR_YET, box)
        column.addWidget(self.no_sponsor_text)
        self.add_sponsor_button = named(
            QPushButton("Add a s&ponsor…", box),
            "Add a sponsor",
            "Opens a short form to add your sponsor; then the check-in is here.",
        )
        self.add_sponsor_button.clicked.connect(self.add_sponsor_requested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_sponsor_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(1)
        return box

    def _build_history(self, names: Callable[[], Mapping[str | None, str]]) -> QWidget:
        history = QWidget(self)
        column = QVBoxLayout(history)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading("Earlier check-ins", 3, history))
        self.history_model: RecordTableModel[AllianceCheckin] = RecordTableModel(
            checkin_columns(names), lambda c: c.note, self
        )
        panel = RecordsPanel(
            "check-in", self.history_model, history, undo_stack=self.controller.undo_stack
        )
        panel.search.hide()
        panel.add_button.hide()
        panel.edit_button.setText("Ch&ange…")
        panel.edit_button.setAccessibleName("Change the check-in")
        panel.delete_button.setText("De&lete")
        panel.table.setAccessibleName("Earlier check-ins")
        panel.empty.setText("Your check-ins will be listed here, each with its score.")
        panel.add_requested.connect(self.start)
        panel.edit_requested.connect(self._edit_checkin)
        panel.delete_requested.connect(self.delete_checkins)
        panel.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_areas())
        self.history = panel
        column.addWidget(panel, 1)
        self.history_areas = wrapped("", history, muted=True)
        column.addWidget(self.history_areas)
        panel.table.fit_columns(("Wed 28 Sep 2026", "100", "A name"))
        return history

    # -- showing --------------------------------------------------------------------------------
    def show_data(self, data: JournalData, *, names_changed: bool) -> None:
        """The check-ins of ``data``; ``names_changed`` when the sponsors changed."""
        if names_changed:
            self.checkin_form.fill_sponsors()
            self._shown = None  # their sponsors' names may have changed
        if self._shown != data.checkins:
            self._shown = data.checkins
            self.history.set_records(data.checkins, keep=lambda c: c.id)
        self.history.empty.setVisible(not data.checkins)
        self.show_side()

    def show_side(self) -> None:
        """The eight statements once there is a sponsor (or while changing an earlier
        check-in); before that, the calm word and "Add a sponsor…". Earlier check-ins show
        whenever there are any."""
        if not self.controller.is_unlocked:
            return
        data = self.controller.data()
        form = bool(data.sponsors) or self.checkin_form.editing is not None
        was_empty = self.checkin_stack.currentWidget() is self.no_sponsor
        self.checkin_stack.setCurrentWidget(self.checkin_scroll if form else self.no_sponsor)
        self.checkin_history.setVisible(bool(data.sponsors or data.checkins))
        if form and was_empty and self.checkin_form.editing is None:
            self.checkin_form.start_new()  # chooses the sponsor just added

    def focus_first(self) -> None:
        if self.checkin_stack.currentWidget() is self.no_sponsor:
            self.add_sponsor_button.setFocus()
        else:
            self.checkin_form.first_button().setFocus()

    def start(self) -> None:
        """A new check-in (or the one being changed), with the focus on its first answer."""
        if self.checkin_form.editing is None:
            self.checkin_form.start_new()
        self.show_side()
        if self.checkin_stack.currentWidget() is not self.no_sponsor:
            self.checkin_scroll.ensureVisible(0, 0)
        self.focus_first()

    def show_areas(self) -> None:
        checkin = self.history.current_record()
        if not isinstance(checkin, AllianceCheckin):
            self.history_areas.setText("")
            return
        text = f"{date_text(checkin.date)}: {areas_text(checkin)}."
        if checkin.note:
            text += f"\n“{checkin.note}”"
        self.history_areas.setText(text)

    # -- changes --------------------------------------------------------------------------------
    def _checkin_saved(self, checkin: Any) -> None:
        self.changed.emit()
        if isinstance(checkin, AllianceCheckin):
            self.history.select_where(lambda c: c.id == checkin.id)
            score = self.history_model.columns[1].text(checkin)
            self.history.undo_bar.say(
                f"Check-in of {date_text(checkin.date)} saved"
                + ("." if score == "—" else f", with a score of {score}.")
            )

    def _edit_checkin(self, checkin: Any) -> None:
        if isinstance(checkin, AllianceCheckin):
            self.checkin_form.edit(checkin)
            self.show_side()  # the form, even while there is no sponsor
            self.checkin_form.first_button().setFocus()

    def delete_checkins(self, checkins: list[Any]) -> None:
        chosen = [c for c in checkins if isinstance(c, AllianceCheckin) and c.id is not None]
        if not chosen:
            return
        one = len(chosen) == 1
        if not self.history.delete(
            self.controller,
            chosen,
            action="delete the check-in" if one else f"delete {len(chosen)} check-ins",
            said=f"Deleted the check-in of {date_text(chosen[0].date)}."
            if one
            else f"Deleted {len(chosen)} check-ins.",
        ):
            return
        if self.checkin_form.editing is not None and self.checkin_form.editing in chosen:
            self.checkin_form.start_new()
        self.changed.emit()

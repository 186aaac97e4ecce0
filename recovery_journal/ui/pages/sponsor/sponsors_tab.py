"""The Sponsor page's Sponsors tab: who, since when, until when; add, change, end, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QVBoxLayout, QWidget

from recovery_journal.domain.models import Sponsor
from recovery_journal.ui.common.feedback import ask
from recovery_journal.ui.common.record_model import RecordTableModel
from recovery_journal.ui.common.records_panel import RecordsPanel
from recovery_journal.ui.common.widgets import named, wrapped
from recovery_journal.ui.dialogs.sponsor import SponsorDialog
from recovery_journal.ui.pages.sponsor.columns import sponsor_columns

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController


class SponsorsTab(QWidget):
    """``changed``: a sponsor was saved or deleted (the page refreshes)."""

    changed = Signal()

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.dialog: QWidget | None = None
        self.question: QMessageBox | None = None
        self.sponsors_model: RecordTableModel[Sponsor] = RecordTableModel(
            sponsor_columns(self.controller.today), lambda s: s.name, self
        )
        self.sponsors_model.sort(1, Qt.SortOrder.DescendingOrder)
        panel = RecordsPanel("sponsor", self.sponsors_model, self, undo_stack=controller.undo_stack)
        panel.search.hide()
        panel.edit_button.setText("Chang&e…")
        self.end_button = named(
            QPushButton("E&nd this sponsorship…", panel), "End this sponsorship"
        )
        self.end_button.setToolTip("Record the day your time with this sponsor ended")
        self.end_button.clicked.connect(self._end_sponsorship)
        panel.action_row.insertWidget(
            panel.action_row.indexOf(panel.delete_button), self.end_button
        )
        panel.table.selectionModel().selectionChanged.connect(lambda *_a: self.enable_end())
        panel.add_requested.connect(lambda: self.open_sponsor(None))
        panel.edit_requested.connect(self.open_sponsor)
        panel.delete_requested.connect(self.delete_sponsor)
        panel.empty.setText(
            "No sponsor here yet. When you have one — or had one before — add them with the "
            "dates, so your contacts and check-ins can be linked to them."
        )
        self.panel = panel
        page = self
        column = QVBoxLayout(page)
        column.setContentsMargins(0, self.fontMetrics().height() // 2, 0, 0)
        column.addWidget(
            wrapped(
                "Everyone you have had as a sponsor, with when it started and ended. Your "
                "contacts and check-ins stay with the sponsor they were about.",
                page,
                muted=True,
            )
        )
        column.addWidget(panel, 1)
        panel.table.fit_columns(("A longer name here", "Wed 28 Sep 2026", "Your sponsor now"))
        self.enable_end()

    def set_sponsors(self, sponsors: tuple[Sponsor, ...]) -> None:
        self.panel.set_records(sponsors, keep=lambda s: s.id)
        self.panel.empty.setVisible(not sponsors)
        self.enable_end()

    # -- actions --------------------------------------------------------------------------------
    def enable_end(self) -> None:
        sponsor = self.panel.current_record()
        self.end_button.setEnabled(isinstance(sponsor, Sponsor) and sponsor.ended_on is None)

    def open_sponsor(self, sponsor: Any, *, end: bool = False) -> SponsorDialog:
        """Open the sponsor dialog: a new sponsor (``None``), a change, or an end date."""
        record = sponsor if isinstance(sponsor, Sponsor) else None
        dialog = SponsorDialog(self.controller, self, record, end=end)
        dialog.saved.connect(self._sponsor_saved)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        self.panel.table.setFocus()

    def _end_sponsorship(self) -> None:
        sponsor = self.panel.current_record()
        if isinstance(sponsor, Sponsor):
            self.open_sponsor(sponsor, end=True)

    def _sponsor_saved(self, sponsor: Any) -> None:
        self.changed.emit()
        if isinstance(sponsor, Sponsor):
            self.panel.select_where(lambda s: s.key == sponsor.key)

    def delete_sponsor(self, sponsors: list[Any]) -> None:
        chosen = [s for s in sponsors if isinstance(s, Sponsor)]
        if not chosen:
            return
        names = ", ".join(s.name for s in chosen)
        text = (
            f"Delete {names} from your sponsors? Your contacts and check-ins with them stay in "
            "your journal, without a sponsor named. If your time together has ended, you can "
            "record the end date instead, and keep the history linked."
        )

        def answered(value: str) -> None:
            self.question = None
            if value == "delete":
                one = len(chosen) == 1
                self.panel.delete(
                    self.controller,
                    chosen,
                    action="delete the sponsor" if one else f"delete {len(chosen)} sponsors",
                    said=f"Deleted {names} from your sponsors.",
                    done="Brought back, with their contacts and check-ins."
                    if one
                    else "All brought back, with their contacts and check-ins.",
                )
                self.changed.emit()
            elif value == "end" and len(chosen) == 1:
                self.open_sponsor(chosen[0], end=True)

        answers = [
            ("Keep them", QMessageBox.ButtonRole.RejectRole, "keep"),
            ("Delete", QMessageBox.ButtonRole.DestructiveRole, "delete"),
        ]
        if len(chosen) == 1 and chosen[0].ended_on is None:
            answers.insert(
                1, ("Record an end date instead", QMessageBox.ButtonRole.ActionRole, "end")
            )
        self.question = ask(self, "Delete a sponsor?", text, answers, answered)

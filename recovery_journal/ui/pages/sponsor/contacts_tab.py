"""The Sponsor page's Contacts tab: a table like Meetings (search, filters by sponsor, two-way
and period, Insert / Enter / Delete, Ctrl+Z)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from recovery_journal.domain.models import JournalData, Sponsor, SponsorContact
from recovery_journal.domain.sponsors import newest_first
from recovery_journal.ui.common.record_model import (
    PERIODS,
    RecordTableModel,
    date_text,
    period_test,
)
from recovery_journal.ui.common.records_panel import RecordsPanel
from recovery_journal.ui.dialogs.sponsor import ContactEditDialog
from recovery_journal.ui.pages.sponsor.columns import (
    NO_SPONSOR,
    contact_columns,
    contact_search_text,
    two_way_filters,
)

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController

CONTACT_SAMPLES = (
    "Wed 28 Sep 2026",
    "00:00",
    "A longer name",
    "Video call",
    "Who reached out",
    "One-way",
    "120 min",
    "Steps, Craving, Check-in",
)


class ContactsTab(QWidget):
    """``changed``: a contact was saved, deleted or brought back (the page refreshes)."""

    changed = Signal()

    def __init__(
        self,
        controller: JournalController,
        names: Callable[[], Mapping[str | None, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.dialog: QWidget | None = None
        self._shown: tuple[SponsorContact, ...] | None = None
        self._period: tuple[int | None, dt.date] | None = None
        self.contacts_model: RecordTableModel[SponsorContact] = RecordTableModel(
            contact_columns(controller.today, names), contact_search_text(names), self
        )
        panel = RecordsPanel(
            "contact",
            self.contacts_model,
            self,
            undo_stack=controller.undo_stack,
            search_hint="Search names, topics and notes…",
        )
        self.panel = panel
        self.sponsor_filter = panel.add_filter("Sponsor", QComboBox(self))
        self.two_way_filter = panel.add_filter("Two-way or one-way", QComboBox(self))
        for label, test in two_way_filters():
            self.two_way_filter.addItem(label, test)
        self.contact_period = panel.add_filter("Period", QComboBox(self), tests=False)
        for label, days in PERIODS:
            self.contact_period.addItem(label, days)
        self.contact_period.currentIndexChanged.connect(lambda _i: self.period_changed())
        panel.add_button.setText("&Add a contact…")
        panel.add_requested.connect(lambda: self._open_contact(None))
        panel.edit_requested.connect(self._open_contact)
        panel.delete_requested.connect(self.delete_contacts)
        panel.empty.setText(
            "No contacts logged yet. A call, a coffee or a few messages with your sponsor all "
            "count — add them here or from Today."
        )
        column = QVBoxLayout(self)
        column.setContentsMargins(0, self.fontMetrics().height() // 2, 0, 0)
        column.addWidget(panel)
        panel.table.fit_columns(CONTACT_SAMPLES)

    def show_data(self, data: JournalData, *, names_changed: bool) -> None:
        """The contacts of ``data``; ``names_changed`` when the sponsors changed."""
        if names_changed:
            self._fill_sponsor_filter(data.sponsors)
            self._shown = None  # their names may have changed
        if self._shown != data.contacts:
            self._shown = data.contacts
            self.panel.set_records(data.contacts, keep=lambda c: c.id)
        self.panel.empty.setVisible(not data.contacts)
        self.period_changed()

    def _fill_sponsor_filter(self, sponsors: tuple[Sponsor, ...]) -> None:
        combo = self.sponsor_filter
        chosen = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("All sponsors", None)
        for sponsor in newest_first(sponsors):
            combo.addItem(sponsor.name, lambda c, key=sponsor.key: c.sponsor_key == key)
        combo.addItem(NO_SPONSOR, lambda c: c.sponsor_key is None)
        combo.setCurrentIndex(max(0, combo.findText(chosen)))
        combo.blockSignals(False)
        self.panel.proxy.set_test("Sponsor", combo.currentData())

    def period_changed(self) -> None:
        key = (self.contact_period.currentData(), self.controller.today())
        if key != self._period:
            self._period = key
            self.panel.proxy.set_test("Period", period_test(*key))
            self.panel.show_count()

    def _open_contact(self, contact: Any) -> None:
        record = contact if isinstance(contact, SponsorContact) else None
        dialog = ContactEditDialog(self.controller, self.controller.today(), self, record)
        dialog.saved.connect(self._contact_saved)

        def closed() -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()
            self.panel.table.setFocus()

        dialog.finished.connect(lambda _r: closed())
        self.dialog = dialog
        dialog.open()

    def _contact_saved(self, contact: Any) -> None:
        self.changed.emit()
        panel = self.panel
        if (
            isinstance(contact, SponsorContact)
            and contact.id is not None
            and not panel.select_where(lambda c: c.id == contact.id)
        ):
            panel.search.clear()
            for combo in (self.sponsor_filter, self.two_way_filter, self.contact_period):
                combo.setCurrentIndex(0)
            panel.select_where(lambda c: c.id == contact.id)

    def delete_contacts(self, contacts: list[Any]) -> None:
        chosen = [c for c in contacts if isinstance(c, SponsorContact) and c.id is not None]
        if not chosen:
            return
        panel = self.panel
        row = panel.table.current_row() or 0
        one = len(chosen) == 1
        if not panel.delete(
            self.controller,
            chosen,
            action="delete the contact" if one else f"delete {len(chosen)} contacts",
            said=f"Deleted the contact of {date_text(chosen[0].date)}."
            if one
            else f"Deleted {len(chosen)} contacts.",
        ):
            return
        self.changed.emit()
        if panel.proxy.rowCount():
            panel.table.select_row(min(row, panel.proxy.rowCount() - 1))

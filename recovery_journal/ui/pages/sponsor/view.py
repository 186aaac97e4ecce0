"""Sponsor: your sponsors over time, your contacts with them, and the relationship check-in.

Three tabs: Contacts (a table like Meetings: search, filters, Insert / Enter / Delete, Ctrl+Z),
Relationship check-in (the eight statements, the score as you answer, and earlier check-ins
with their scores) and Sponsors (who, since when, until when). A check-in is suggested monthly
and when the sponsor changes (``services.ui_support.checkin_due``), in a banner at the top.
Every figure comes from the domain's measures (``controller.stats()``, ``alliance_score``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.models import AllianceCheckin, Sponsor, SponsorContact
from recovery_journal.domain.sponsors import newest_first
from recovery_journal.services.ui_support import CheckinDue, checkin_due, current_sponsor
from recovery_journal.ui.common.record_model import (
    PERIODS,
    RecordTableModel,
    date_text,
    period_test,
)
from recovery_journal.ui.common.records_panel import RecordsPanel
from recovery_journal.ui.common.widgets import Banner, heading, named, wrapped
from recovery_journal.ui.dialogs.checkin_form import NO_SPONSOR_YET, CheckinForm, score_text
from recovery_journal.ui.dialogs.sponsor import ContactEditDialog, full_date
from recovery_journal.ui.pages.sponsor.columns import (
    NO_SPONSOR,
    areas_text,
    checkin_columns,
    contact_columns,
    contact_search_text,
    sponsor_names,
    two_way_filters,
)
from recovery_journal.ui.pages.sponsor.sponsors_tab import SponsorsTab

if TYPE_CHECKING:
    from recovery_journal.domain.stats import Stats
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


def sponsor_line(stats: Stats, sponsor: Sponsor | None) -> str:
    """Who and how often, in words; the numbers are the domain's contact measures."""
    contacts = stats.contacts
    parts = []
    if sponsor is not None:
        start = "" if sponsor.started_on is None else f", since {full_date(sponsor.started_on)}"
        parts.append(f"Your sponsor: {sponsor.name}{start}")
    since = contacts.days_since_contact
    if since is not None:
        when = {0: "today", 1: "yesterday"}.get(since, f"{since} days ago")
        parts.append(f"last two-way contact {when}")
    parts.append(f"two-way contacts in the last 30 days: {contacts.contacts_30}")
    if stats.alliance.date is not None:
        score = stats.alliance.score
        value = "no score (fewer than 6 answers)" if score is None else score_text(score)
        parts.append(f"latest relationship check-in ({date_text(stats.alliance.date)}): {value}")
    text = " · ".join(parts) + "."
    return text[0].upper() + text[1:]


class SponsorView(QWidget):
    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setAccessibleName("Sponsor")
        self.dialog: QWidget | None = None
        self._names: dict[str | None, str] = {None: NO_SPONSOR}
        self._shown: dict[str, Any] = {}
        self._dismissed: set[tuple[str, str]] = set()
        self._period: tuple[int | None, dt.date] | None = None

        layout = QVBoxLayout(self)
        space = self.fontMetrics().height()
        layout.setContentsMargins(space, space // 2, space, space // 2)
        layout.setSpacing(space // 2)
        layout.addWidget(heading("Sponsor", 1, self))
        self.figures = wrapped("", self, muted=True)
        self.figures.setToolTip(
            "Only two-way contacts count here: a call or a visit, or messages back and forth."
        )
        layout.addWidget(self.figures)
        self.due = Banner("Time for a sponsor relationship check-in?", "", "calm", self)
        self.due_now = self.due.add_button("Do the check-in now", self.show_checkin)
        self.due_later = self.due.add_button("Not now", self._dismiss_due)
        self.due.hide()
        layout.addWidget(self.due)

        self.tabs = named(QTabWidget(self), "Sponsor sections")
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self._build_contacts()
        self._build_checkin()
        self._build_sponsors()
        for number in range(self.tabs.count()):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=number: self._show_tab(n))
        self.refresh()

    # -- building -------------------------------------------------------------------------------
    def _build_contacts(self) -> None:
        names = self._sponsor_names
        self.contacts_model: RecordTableModel[SponsorContact] = RecordTableModel(
            contact_columns(self.controller.today, names), contact_search_text(names), self
        )
        panel = RecordsPanel(
            "contact",
            self.contacts_model,
            self,
            search_hint="Search names, topics and notes…",
        )
        self.contacts = panel
        self.sponsor_filter = panel.add_filter("Sponsor", QComboBox(self))
        self.two_way_filter = panel.add_filter("Two-way or one-way", QComboBox(self))
        for label, test in two_way_filters():
            self.two_way_filter.addItem(label, test)
        self.contact_period = panel.add_filter("Period", QComboBox(self), tests=False)
        for label, days in PERIODS:
            self.contact_period.addItem(label, days)
        self.contact_period.currentIndexChanged.connect(lambda _i: self._contact_period_changed())
        panel.add_button.setText("&Add a contact…")
        panel.add_requested.connect(lambda: self._open_contact(None))
        panel.edit_requested.connect(self._open_contact)
        panel.delete_requested.connect(self.delete_contacts)
        panel.empty.setText(
            "No contacts logged yet. A call, a coffee or a few messages with your sponsor all "
            "count — add them here or from Today."
        )
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, self.fontMetrics().height() // 2, 0, 0)
        column.addWidget(panel)
        panel.table.fit_columns(CONTACT_SAMPLES)
        self.tabs.addTab(page, "&Contacts")

    def _build_checkin(self) -> None:
        page = QWidget(self)
        row = QHBoxLayout(page)
        space = self.fontMetrics().height()
        row.setContentsMargins(0, space // 2, 0, 0)
        row.setSpacing(space * 2)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.checkin_form = CheckinForm(self.controller, scroll)
        self.checkin_form.saved.connect(self._checkin_saved)
        self.checkin_form.reset.connect(self._show_checkin_side)
        scroll.setWidget(self.checkin_form)
        self.checkin_scroll = scroll
        # With no sponsor yet, a calm word and a way to add one instead of the eight statements.
        self.checkin_stack = QStackedWidget(page)
        self.no_sponsor = self._build_no_sponsor(self.checkin_stack)
        self.checkin_stack.addWidget(self.no_sponsor)
        self.checkin_stack.addWidget(scroll)
        self.checkin_stack.setCurrentWidget(scroll)
        row.addWidget(self.checkin_stack, 3)

        history = QWidget(page)
        column = QVBoxLayout(history)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading("Earlier check-ins", 3, history))
        self.history_model: RecordTableModel[AllianceCheckin] = RecordTableModel(
            checkin_columns(self._sponsor_names), lambda c: c.note, self
        )
        panel = RecordsPanel("check-in", self.history_model, history)
        panel.search.hide()
        panel.add_button.hide()
        panel.edit_button.setText("Ch&ange…")
        panel.edit_button.setAccessibleName("Change the check-in")
        panel.delete_button.setText("De&lete")
        panel.table.setAccessibleName("Earlier check-ins")
        panel.empty.setText("Your check-ins will be listed here, each with its score.")
        panel.add_requested.connect(self.show_checkin)
        panel.edit_requested.connect(self._edit_checkin)
        panel.delete_requested.connect(self.delete_checkins)
        panel.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_areas())
        self.history = panel
        column.addWidget(panel, 1)
        self.history_areas = wrapped("", history, muted=True)
        column.addWidget(self.history_areas)
        row.addWidget(history, 2)
        self.checkin_history = history
        panel.table.fit_columns(("Wed 28 Sep 2026", "100", "A name"))
        self.tabs.addTab(page, "&Relationship check-in")

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
        self.add_sponsor_button.clicked.connect(self.add_sponsor)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_sponsor_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(1)
        return box

    def _build_sponsors(self) -> None:
        self.sponsors_tab = SponsorsTab(self.controller, self)
        self.sponsors_tab.changed.connect(self.refresh)
        self.sponsors = self.sponsors_tab.panel
        self.end_button = self.sponsors_tab.end_button
        self.tabs.addTab(self.sponsors_tab, "&Sponsors")

    # -- the page protocol ----------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.controller.is_unlocked:
            return
        data = self.controller.data()
        today = self.controller.today()
        self._names = sponsor_names(data.sponsors)
        sponsor = current_sponsor(data, today)
        self.figures.setText(sponsor_line(self.controller.stats(), sponsor))
        if self._shown.get("sponsors") != data.sponsors:
            self._shown["sponsors"] = data.sponsors
            self._fill_sponsor_filter(data.sponsors)
            self.sponsors_tab.set_sponsors(data.sponsors)
            self.checkin_form.fill_sponsors()
            self._shown.pop("contacts", None)  # their names may have changed
            self._shown.pop("checkins", None)
        if self._shown.get("contacts") != data.contacts:
            self._shown["contacts"] = data.contacts
            self.contacts.set_records(data.contacts, keep=lambda c: c.id)
        if self._shown.get("checkins") != data.checkins:
            self._shown["checkins"] = data.checkins
            self.history.set_records(data.checkins, keep=lambda c: c.id)
        self.contacts.empty.setVisible(not data.contacts)
        self.history.empty.setVisible(not data.checkins)
        self._show_checkin_side()
        self._contact_period_changed()
        self._show_due(checkin_due(data, today))
        self.sponsors_tab.enable_end()
        self._show_areas()

    def focus_first(self) -> None:
        if self.due.isVisible():
            self.due_now.setFocus()
            return
        page = self.tabs.currentIndex()
        if page == 0:
            self.contacts.table.setFocus() if self.contacts_model.rowCount() else (
                self.contacts.add_button.setFocus()
            )
        elif page == 1:
            if self.checkin_stack.currentWidget() is self.no_sponsor:
                self.add_sponsor_button.setFocus()
            else:
                self.checkin_form.first_button().setFocus()
        else:
            self.sponsors.table.setFocus()

    def _sponsor_names(self) -> dict[str | None, str]:
        return self._names

    def _show_tab(self, number: int) -> None:
        self.tabs.setCurrentIndex(number)
        self.focus_first()

    # -- the check-in prompt --------------------------------------------------------------------
    def _show_due(self, due: CheckinDue | None) -> None:
        if due is None or (due.reason, due.sponsor.key) in self._dismissed:
            self.due.hide()
            return
        if due.reason == "new_sponsor":
            text = (
                f"Now that {due.sponsor.name} has been your sponsor for a little while, a "
                "short check-in on how the relationship feels can help. It is eight quick "
                "statements, and you can skip any."
            )
        else:
            text = (
                "It has been a month or more since your last check-in on how things feel "
                f"with {due.sponsor.name}. It is eight quick statements, and you can skip any."
            )
        self.due.set_text(text)
        self.due.setProperty("reason", due.reason)
        self.due.show()

    def _dismiss_due(self) -> None:
        due = checkin_due(self.controller.data(), self.controller.today())
        if due is not None:
            self._dismissed.add((due.reason, due.sponsor.key))
        self.due.hide()

    @property
    def due_reason(self) -> str | None:
        """Why a check-in is suggested now ("monthly", "new_sponsor"), if the banner shows."""
        return str(self.due.property("reason")) if self.due.isVisible() else None

    def show_checkin(self) -> None:
        self.tabs.setCurrentIndex(1)
        if self.checkin_form.editing is None:
            self.checkin_form.start_new()
        self._show_checkin_side()
        if self.checkin_stack.currentWidget() is self.no_sponsor:
            self.add_sponsor_button.setFocus()
            return
        self.checkin_scroll.ensureVisible(0, 0)
        self.checkin_form.first_button().setFocus()

    # -- the check-in with no sponsor yet -------------------------------------------------------
    def _show_checkin_side(self) -> None:
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

    def add_sponsor(self) -> None:
        """Add a sponsor from the check-in tab; the check-in is there once they are saved."""
        dialog = self.sponsors_tab.open_sponsor(None)
        dialog.finished.connect(lambda _r: self._after_adding_sponsor())

    def _after_adding_sponsor(self) -> None:
        if self.tabs.currentIndex() != 1:
            return
        self._show_checkin_side()
        if self.checkin_stack.currentWidget() is self.no_sponsor:
            self.add_sponsor_button.setFocus()
        else:
            self.checkin_form.first_button().setFocus()

    # -- contacts -------------------------------------------------------------------------------
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
        self.contacts.proxy.set_test("Sponsor", combo.currentData())

    def _contact_period_changed(self) -> None:
        key = (self.contact_period.currentData(), self.controller.today())
        if key != self._period:
            self._period = key
            self.contacts.proxy.set_test("Period", period_test(*key))
            self.contacts.show_count()

    def _open_contact(self, contact: Any) -> None:
        record = contact if isinstance(contact, SponsorContact) else None
        dialog = ContactEditDialog(self.controller, self.controller.today(), self, record)
        dialog.saved.connect(self._contact_saved)
        self._open(dialog, self.contacts)

    def _open(self, dialog: Any, panel: RecordsPanel) -> None:
        def closed() -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()
            panel.table.setFocus()

        dialog.finished.connect(lambda _r: closed())
        self.dialog = dialog
        dialog.open()

    def _contact_saved(self, contact: Any) -> None:
        self.refresh()
        if (
            isinstance(contact, SponsorContact)
            and contact.id is not None
            and not self.contacts.select_where(lambda c: c.id == contact.id)
        ):
            self.contacts.search.clear()
            for combo in (self.sponsor_filter, self.two_way_filter, self.contact_period):
                combo.setCurrentIndex(0)
            self.contacts.select_where(lambda c: c.id == contact.id)

    def delete_contacts(self, contacts: list[Any]) -> None:
        chosen = [c for c in contacts if isinstance(c, SponsorContact) and c.id is not None]
        if not chosen:
            return
        session = self.controller.session
        row = self.contacts.table.current_row() or 0
        for contact in chosen:
            assert contact.id is not None
            session.delete_contact(contact.id)
        self.refresh()
        if self.contacts.proxy.rowCount():
            self.contacts.table.select_row(min(row, self.contacts.proxy.rowCount() - 1))
        if len(chosen) == 1:
            text = f"Deleted the contact of {date_text(chosen[0].date)}."
        else:
            text = f"Deleted {len(chosen)} contacts."

        def undo() -> None:
            data = self.controller.data()
            keys = {s.key for s in data.sponsors}
            restored = [
                session.add_contact(
                    dataclasses.replace(
                        c, id=None, sponsor_key=c.sponsor_key if c.sponsor_key in keys else None
                    )
                )
                for c in chosen
            ]
            self.refresh()
            ids = {c.id for c in restored}
            self.contacts.select_where(lambda c: c.id in ids)

        self.contacts.deleted(text, undo)

    # -- check-ins ------------------------------------------------------------------------------
    def _checkin_saved(self, checkin: Any) -> None:
        self.refresh()
        if isinstance(checkin, AllianceCheckin):
            self.history.select_where(lambda c: c.id == checkin.id)
            score = self.history_model.columns[1].text(checkin)
            self.history.undo_bar.say(
                f"Check-in of {date_text(checkin.date)} saved"
                + ("." if score == "—" else f", with a score of {score}."),
                False,
            )

    def _edit_checkin(self, checkin: Any) -> None:
        if isinstance(checkin, AllianceCheckin):
            self.checkin_form.edit(checkin)
            self._show_checkin_side()  # the form, even while there is no sponsor
            self.checkin_form.first_button().setFocus()

    def _show_areas(self) -> None:
        checkin = self.history.current_record()
        if not isinstance(checkin, AllianceCheckin):
            self.history_areas.setText("")
            return
        text = f"{date_text(checkin.date)}: {areas_text(checkin)}."
        if checkin.note:
            text += f"\n“{checkin.note}”"
        self.history_areas.setText(text)

    def delete_checkins(self, checkins: list[Any]) -> None:
        chosen = [c for c in checkins if isinstance(c, AllianceCheckin) and c.id is not None]
        if not chosen:
            return
        session = self.controller.session
        for checkin in chosen:
            assert checkin.id is not None
            session.delete_checkin(checkin.id)
        if self.checkin_form.editing is not None and self.checkin_form.editing in chosen:
            self.checkin_form.start_new()
        self.refresh()
        text = (
            f"Deleted the check-in of {date_text(chosen[0].date)}."
            if len(chosen) == 1
            else f"Deleted {len(chosen)} check-ins."
        )

        def undo() -> None:
            keys = {s.key for s in self.controller.data().sponsors}
            for c in chosen:
                key = c.sponsor_key if c.sponsor_key in keys else None
                session.add_checkin(dataclasses.replace(c, id=None, sponsor_key=key))
            self.refresh()

        self.history.deleted(text, undo)

"""Sponsor: your sponsors over time, your contacts with them, and the relationship check-in.

Three tabs: Contacts (``contacts_tab.py``: a table like Meetings: search, filters, Insert /
Enter / Delete, Ctrl+Z), Relationship check-in (``checkin_tab.py``: the eight statements, the
score as you answer, and earlier check-ins with their scores) and Sponsors (``sponsors_tab.py``:
who, since when, until when). A check-in is suggested monthly
and when the sponsor changes (``domain.alliance.checkin_due``), in a banner at the top.
Every figure comes from the domain's measures (``controller.stats()``, ``alliance_score``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.alliance import CheckinDue, checkin_due
from recovery_journal.domain.formatting import long_date
from recovery_journal.domain.models import Sponsor
from recovery_journal.domain.sponsors import current_sponsor
from recovery_journal.ui.common.record_model import (
    date_text,
)
from recovery_journal.ui.common.widgets import Banner, heading, named, wrapped
from recovery_journal.ui.dialogs.checkin_form import score_text
from recovery_journal.ui.pages.sponsor.checkin_tab import CheckinTab
from recovery_journal.ui.pages.sponsor.columns import (
    NO_SPONSOR,
    sponsor_names,
)
from recovery_journal.ui.pages.sponsor.contacts_tab import ContactsTab
from recovery_journal.ui.pages.sponsor.sponsors_tab import SponsorsTab

if TYPE_CHECKING:
    from recovery_journal.domain.stats import Stats
    from recovery_journal.ui.app.controller import JournalController


def sponsor_line(stats: Stats, sponsor: Sponsor | None) -> str:
    """Who and how often, in words; the numbers are the domain's contact measures."""
    contacts = stats.contacts
    parts = []
    if sponsor is not None:
        start = "" if sponsor.started_on is None else f", since {long_date(sponsor.started_on)}"
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
        self._names: dict[str | None, str] = {None: NO_SPONSOR}
        self._shown_sponsors: tuple[Sponsor, ...] | None = None
        self._dismissed: set[tuple[str, str]] = set()

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
        self.contacts_tab = ContactsTab(controller, self._sponsor_names, self)
        self.contacts_tab.changed.connect(self.refresh)
        self.tabs.addTab(self.contacts_tab, "&Contacts")
        self.checkin_tab = CheckinTab(controller, self._sponsor_names, self)
        self.checkin_tab.changed.connect(self.refresh)
        self.checkin_tab.add_sponsor_requested.connect(self.add_sponsor)
        self.tabs.addTab(self.checkin_tab, "&Relationship check-in")
        self.sponsors_tab = SponsorsTab(controller, self)
        self.sponsors_tab.changed.connect(self.refresh)
        self.tabs.addTab(self.sponsors_tab, "&Sponsors")
        self._name_parts()
        for number in range(self.tabs.count()):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=number: self._show_tab(n))
        self.refresh()

    def _name_parts(self) -> None:
        """The tabs' controls by name, as the page's own (tests and scripts drive them)."""
        contacts, checkin = self.contacts_tab, self.checkin_tab
        self.contacts, self.contacts_model = contacts.panel, contacts.contacts_model
        self.sponsor_filter, self.two_way_filter = contacts.sponsor_filter, contacts.two_way_filter
        self.contact_period = contacts.contact_period
        self.checkin_form, self.checkin_history = checkin.checkin_form, checkin.checkin_history
        self.history, self.history_areas = checkin.history, checkin.history_areas
        self.no_sponsor, self.no_sponsor_text = checkin.no_sponsor, checkin.no_sponsor_text
        self.add_sponsor_button = checkin.add_sponsor_button
        self.sponsors, self.end_button = self.sponsors_tab.panel, self.sponsors_tab.end_button

    # -- the page protocol ----------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.controller.is_unlocked:
            return
        data = self.controller.data()
        today = self.controller.today()
        self._names = sponsor_names(data.sponsors)
        sponsor = current_sponsor(data.sponsors, today)
        self.figures.setText(sponsor_line(self.controller.stats(), sponsor))
        names_changed = self._shown_sponsors != data.sponsors
        if names_changed:
            self._shown_sponsors = data.sponsors
            self.sponsors_tab.set_sponsors(data.sponsors)
        self.contacts_tab.show_data(data, names_changed=names_changed)
        self.checkin_tab.show_data(data, names_changed=names_changed)
        self._show_due(checkin_due(data, today))
        self.sponsors_tab.enable_end()
        self.checkin_tab.show_areas()

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
            self.checkin_tab.focus_first()
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
        self.checkin_tab.start()

    def add_sponsor(self) -> None:
        """Add a sponsor from the check-in tab; the check-in is there once they are saved."""
        dialog = self.sponsors_tab.open_sponsor(None)
        dialog.finished.connect(lambda _r: self._after_adding_sponsor())

    def _after_adding_sponsor(self) -> None:
        if self.tabs.currentIndex() != 1:
            return
        self.checkin_tab.show_side()
        self.checkin_tab.focus_first()

"""The places in the sidebar, and the protocol every place follows.

A **page** is a ``QWidget`` subclass, constructed as ``View(controller, parent)`` where
``controller`` is the shared :class:`~recovery_journal.ui.app.controller.JournalController`, with:

- ``refresh()`` — re-read what it shows from the controller. Called when the page is shown
  and, while it is the current page, after every change to the journal (``controller.changed``)
  and when the date moves on. It must be cheap enough to run after each edit.
- optionally ``flush()`` — save anything still held in the widgets (a note being typed).
  Called before locking, before switching away and before closing.
- optionally ``focus_first()`` — put the keyboard focus on the page's first control.

A page writes through ``controller.session`` (each write is saved at once) and reads figures
only from ``controller.stats()``. It never keeps journal contents anywhere but its widgets: on
lock every page is destroyed, and rebuilt after unlocking.

To plug a new page in, give its entry below the ``view`` path ("module:Class"); the module is
imported only when the page is first shown.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController


@dataclass(frozen=True, slots=True)
class PageSpec:
    key: str  # stable id, used by ``controller.navigate``
    title: str  # the sidebar label
    icon: str  # a line icon in resources/icons/line
    summary: str  # one sentence: what this place is for
    view: str  # "package.module:Class", imported when the page is first shown

    def build(self, controller: JournalController, parent: QWidget) -> QWidget:
        module, _, name = self.view.partition(":")
        view_class = getattr(importlib.import_module(module), name)
        widget: QWidget = view_class(controller, parent)
        return widget


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "today",
        "Today",
        "today",
        "How today went, in a few clicks, and where you stand.",
        "recovery_journal.ui.pages.today.view:TodayView",
    ),
    PageSpec(
        "calendar",
        "Calendar",
        "calendar",
        "Every day at a glance, and a calm way to fill in days you haven't recorded yet.",
        "recovery_journal.ui.pages.calendar.view:CalendarView",
    ),
    PageSpec(
        "meetings",
        "Meetings",
        "meetings",
        "All the meetings you have logged, to look back on, change or add to.",
        "recovery_journal.ui.pages.meetings.view:MeetingsView",
    ),
    PageSpec(
        "sponsor",
        "Sponsor",
        "sponsor",
        "Your sponsors, your contacts with them and your relationship check-ins.",
        "recovery_journal.ui.pages.sponsor.view:SponsorView",
    ),
    PageSpec(
        "journal",
        "Journal",
        "journal",
        "Longer entries in your own words, with tags and search.",
        "recovery_journal.ui.pages.journal.view:JournalView",
    ),
    PageSpec(
        "trends",
        "Trends",
        "trends",
        "Charts of your days, meetings and sponsor contact over time.",
        "recovery_journal.ui.pages.trends:TrendsView",
    ),
    PageSpec(
        "review",
        "Review",
        "review",
        "A summary to look through with your sponsor, and a report you can print.",
        "recovery_journal.ui.pages.review.view:ReviewView",
    ),
    PageSpec(
        "sponsees",
        "Sponsees",
        "sponsor",
        "Reviews the people you sponsor sent you, read-only and kept encrypted.",
        "recovery_journal.ui.pages.sponsees.view:SponseesView",
    ),
    # Last, so the places before it keep their Alt+number.
    PageSpec(
        "network",
        "Network",
        "network",
        "The people around you and how they relate to your recovery, and your regular meetings.",
        "recovery_journal.ui.pages.network.view:NetworkView",
    ),
)


def session_page_args(
    journal: Any, today: Callable[[], dt.date] | QWidget | None, parent: QWidget | None
) -> tuple[Any, Callable[[], dt.date], QWidget | None]:
    """For views built either as ``View(session, today)`` (standalone, e.g. in tests) or by
    the page protocol as ``View(controller, parent)``: returns (session, today, parent)."""
    if isinstance(today, QWidget):
        parent, today = today, None
    session = getattr(journal, "session", journal)
    clock = today if today is not None else getattr(journal, "today", dt.date.today)
    return session, clock, parent

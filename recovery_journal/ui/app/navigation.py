"""Asking the Calendar to show a date, from another page (no widgets imported here).

The page protocol has ``controller.navigate(key)`` but no way to say *which* day. A page that
wants a day shown calls :func:`show_in_calendar`: the date is left on the controller (a Qt
dynamic property, so nothing is added to the shared class) and the window is asked to show the
Calendar, whose ``refresh()`` (run when a page is shown) takes the date and selects it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController

PENDING_DATE = "recovery_journal_calendar_date"


def show_in_calendar(controller: JournalController, day: dt.date) -> None:
    controller.setProperty(PENDING_DATE, day.isoformat())
    controller.navigate.emit("calendar")


def take_pending_date(controller: JournalController) -> dt.date | None:
    """The date asked for (once), or None."""
    value = controller.property(PENDING_DATE)
    if not value:
        return None
    controller.setProperty(PENDING_DATE, "")
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None

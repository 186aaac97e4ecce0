"""Two-way sponsor contact measures (MEASURES §5, §8.6, §8.7, §8.9)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from recovery_journal.domain.dated_events import (
    DatedEvents,
    percent_weeks_with,
    recent_tracked_weeks,
)
from recovery_journal.domain.models import JournalData


def two_way_contacts(data: JournalData, as_of: dt.date) -> DatedEvents:
    """Two-way contacts only (with or without a named sponsor), indexed as of ``as_of``."""
    dates = (contact.date for contact in data.contacts if contact.two_way)
    return DatedEvents(dates, as_of, data.settings.week_start)


@dataclass(frozen=True, slots=True)
class ContactSummary:
    contacts_7: int
    contacts_30: int
    contacts_90: int
    days_since_contact: int | None
    weeks_with_contact_pct_12: float | None


def summarize_contacts(contacts: DatedEvents, tracking_start: dt.date | None) -> ContactSummary:
    """Counts are records, not distinct days, and windows are not clipped at tracking start."""
    latest = contacts.latest
    weeks = recent_tracked_weeks(contacts.as_of, contacts.week_start, 12, tracking_start)
    return ContactSummary(
        contacts_7=contacts.count_in_last(7),
        contacts_30=contacts.count_in_last(30),
        contacts_90=contacts.count_in_last(90),
        days_since_contact=None if latest is None else (contacts.as_of - latest).days,
        weeks_with_contact_pct_12=percent_weeks_with(contacts, weeks),
    )

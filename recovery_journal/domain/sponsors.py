"""Who the sponsor was on a given day, and the ids sponsors get.

A sponsor's start date is optional (the interchange format requires only an id and a name);
a sponsor without one counts as having been the sponsor from the beginning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from recovery_journal.domain.models import JournalData, Sponsor


def start_key(sponsor: Sponsor) -> dt.date:
    """Sort key: by start date, a sponsor without one first."""
    return sponsor.started_on or dt.date.min


def sponsor_on(sponsor: Sponsor, day: dt.date) -> bool:
    """True when ``day`` lies within the sponsor's time (start and end inclusive)."""
    started = sponsor.started_on is None or sponsor.started_on <= day
    return started and (sponsor.ended_on is None or day <= sponsor.ended_on)


def current_sponsor(sponsors: Iterable[Sponsor], day: dt.date) -> Sponsor | None:
    """The sponsor whose time covers ``day``; the most recently started if several do."""
    return max((s for s in sponsors if sponsor_on(s, day)), key=start_key, default=None)


def newest_first(sponsors: Iterable[Sponsor]) -> list[Sponsor]:
    return sorted(sponsors, key=start_key, reverse=True)


def next_sponsor_key(data: JournalData) -> str:
    """A new sponsor id not used in this journal yet ("sponsor-1", "sponsor-2", …)."""
    taken = {s.key for s in data.sponsors}
    number = len(taken) + 1
    while f"sponsor-{number}" in taken:
        number += 1
    return f"sponsor-{number}"

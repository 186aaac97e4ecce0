"""Small helpers only the desktop app needs, kept out of Qt code so they are easy to test.

The app (``ui/``) may not import ``vault`` or ``storage``; what it needs from them lives here.
The date rules below read the domain's own primitives; if the domain grows the same rules,
this module should call those instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from recovery_journal.domain import sponsors
from recovery_journal.domain.attendance import meeting_events
from recovery_journal.domain.dates import add_months, week_start_of
from recovery_journal.domain.models import JournalData, Sponsor

#: A sponsor relationship check-in is suggested monthly (MEASURES §5) …
CHECKIN_INTERVAL_MONTHS = 1
#: … and when the sponsor changes, once the new sponsor has been theirs for this many days.
NEW_SPONSOR_SETTLING_DAYS = 7


def vault_in_use(path: Path) -> bool:
    """True when another running copy holds this journal open (checked before asking for the
    passphrase; opening still refuses a second copy on its own)."""
    from recovery_journal.vault.errors import VaultLockedError
    from recovery_journal.vault.lock import VaultLock, lock_path

    if not lock_path(Path(path)).exists():
        return False
    probe = VaultLock(Path(path))
    try:
        probe.acquire()
    except VaultLockedError:
        return True
    except OSError:
        return False
    probe.release()
    return False


def meetings_this_week(data: JournalData, as_of: dt.date) -> int:
    """Meetings in the calendar week that contains ``as_of`` (up to ``as_of``), with the
    person's week start: the week the one-a-week threshold of MEASURES §4 is judged on."""
    events = meeting_events(data, as_of)
    return events.count_in_week(week_start_of(as_of, data.settings.week_start))


def current_sponsor(data: JournalData, as_of: dt.date) -> Sponsor | None:
    """The sponsor whose time covers ``as_of`` (the most recently started, if several)."""
    return sponsors.current_sponsor(data.sponsors, as_of)


@dataclass(frozen=True, slots=True)
class CheckinDue:
    """Why a relationship check-in is suggested now; ``last`` is the latest one, if any."""

    sponsor: Sponsor
    last: dt.date | None
    reason: str  # "monthly" or "new_sponsor"


def checkin_due(data: JournalData, as_of: dt.date) -> CheckinDue | None:
    """A check-in is suggested monthly and when the sponsor changes (MEASURES §5).

    With a current sponsor: due when there is no check-in since they became the sponsor and
    they have been the sponsor for at least a week, or when the latest check-in is a calendar
    month old or more. Without a current sponsor nothing is due.
    """
    sponsor = current_sponsor(data, as_of)
    if sponsor is None:
        return None
    dates = [c.date for c in data.checkins if c.date <= as_of]
    started = sponsors.start_key(sponsor)
    since_start = [d for d in dates if d >= started]
    if not since_start:
        settled = (as_of - started).days >= NEW_SPONSOR_SETTLING_DAYS
        return CheckinDue(sponsor, max(dates, default=None), "new_sponsor") if settled else None
    last = max(since_start)
    if add_months(last, CHECKIN_INTERVAL_MONTHS) <= as_of:
        return CheckinDue(sponsor, last, "monthly")
    return None


def next_sponsor_key(data: JournalData) -> str:
    """A new sponsor id not used in this journal yet ("sponsor-1", "sponsor-2", …)."""
    taken = {s.key for s in data.sponsors}
    number = len(taken) + 1
    while f"sponsor-{number}" in taken:
        number += 1
    return f"sponsor-{number}"


def run_before(data: JournalData, day: dt.date) -> int:
    """Days in the run that ended the day before ``day`` (MEASURES §3, with the person's
    setting for unknown days): the "7 or more abstinent days" of the tolerance note (§9)."""
    from recovery_journal.domain.day_calendar import DayCalendar
    from recovery_journal.domain.runs import summarize_runs

    calendar = DayCalendar.from_journal(data, day - dt.timedelta(days=1))
    return summarize_runs(calendar, data.settings.unknown_breaks_runs).current.days

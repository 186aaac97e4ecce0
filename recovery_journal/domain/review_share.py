"""What a review file shares: the fewest records from which a sponsor's app rebuilds exactly
the review the person sees (its cards, week rows, milestones and charts), and nothing else.

The review of ``start … end`` reads some records from before ``start``: the current run and
every run that ends in the period began earlier; the rolling 30-day line looks 29 days back,
the monthly bars to the first of the month, the weekly rows to the first day of the week;
"days since contact" and the relationship card look back to the latest contact and the two
latest check-ins; and meeting habit strength (MEASURES §8.8) counts every week since tracking
start. :func:`shared_records` keeps exactly those, each record stripped to the fields the
review reads. Never shared: substances, amounts, activities, step, mood, meeting names, times
and notes, contact topics, durations and notes, check-in notes, the call list, memory
anchors, journal entries and day notes (the last two only when the person ticks notes, and
only from the period). ``tests/domain/test_review_share.py`` holds the review rebuilt from
the shared records to the review of the whole journal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from recovery_journal.domain.alliance import checkins_in_order
from recovery_journal.domain.dates import ONE_DAY, month_start, week_start_of
from recovery_journal.domain.day_calendar import DayCalendar, tracking_start_of
from recovery_journal.domain.models import (
    AllianceCheckin,
    DayRecord,
    JournalData,
    JournalEntry,
    Meeting,
    Settings,
    Sponsor,
    SponsorContact,
)
from recovery_journal.domain.runs import summarize_runs
from recovery_journal.domain.sponsors import start_key

#: Days the rolling line of days abstinent looks back (MEASURES §2), less the day itself.
ROLLING_LOOKBACK = 29


@dataclass(frozen=True, slots=True)
class SharedParts:
    """The parts of a review the person chose to share; days are always part of it."""

    meetings: bool = True
    contacts: bool = True
    checkins: bool = True
    notes: bool = False


def status_lookback(data: JournalData, start: dt.date, end: dt.date) -> dt.date | None:
    """The first day whose status the review of ``start … end`` reads (``None``: no
    tracking start by ``end``)."""
    tracking_start = tracking_start_of(data, end)
    if tracking_start is None or tracking_start > end:
        return None
    settings = data.settings
    first = min(
        start - dt.timedelta(days=ROLLING_LOOKBACK),
        month_start(start),
        week_start_of(start, settings.week_start),
        start - ONE_DAY,
    )
    run = summarize_runs(DayCalendar.from_journal(data, start), settings.unknown_breaks_runs)
    if run.current.start is not None:
        first = min(first, run.current.start - ONE_DAY)  # the day that ended the run before
    return max(first, tracking_start)


def shared_records(
    data: JournalData, start: dt.date, end: dt.date, parts: SharedParts = SharedParts()
) -> JournalData:
    """The records a review file of ``start … end`` carries (see the module's docstring)."""
    s = data.settings
    tracking_start = tracking_start_of(data, end)
    sobriety = s.sobriety_date if s.sobriety_date is not None and s.sobriety_date <= end else None
    settings = Settings(
        tracking_start=tracking_start,
        sobriety_date=sobriety,
        week_start=s.week_start,
        unknown_breaks_runs=s.unknown_breaks_runs,
        contact_gap_days=s.contact_gap_days,
    )
    week = week_start_of(start, s.week_start)
    first = status_lookback(data, start, end) or week
    return JournalData(
        settings=settings,
        days=tuple(_day(d, start, parts.notes) for d in data.days if first <= d.date <= end),
        meetings=tuple(_meetings(data, week, end)) if parts.meetings else (),
        contacts=tuple(_contacts(data, week, end)) if parts.contacts else (),
        checkins=tuple(_checkins(data, start, end)) if parts.checkins else (),
        sponsors=tuple(_sponsors(data, start, end)) if parts.checkins else (),
        journal_entries=tuple(_entries(data, start, end)) if parts.notes else (),
    )


def _day(day: DayRecord, start: dt.date, notes: bool) -> DayRecord:
    if day.date < start:
        return DayRecord(day.date, day.status)
    return DayRecord(
        day.date,
        day.status,
        craving=day.craving,
        confidence=day.confidence,
        note=day.note if notes else "",
    )


def _meetings(data: JournalData, week: dt.date, end: dt.date) -> list[Meeting]:
    """Every meeting since the week of tracking start (habit strength counts each week since
    then) or the first week of the period, whichever is earlier, as its date and fellowship
    only."""
    tracking_start = tracking_start_of(data, end)
    week_start = data.settings.week_start
    since = week if tracking_start is None else min(week_start_of(tracking_start, week_start), week)
    return [
        Meeting(m.date, m.fellowship, m.fellowship_label, format=m.format)
        for m in data.meetings
        if since <= m.date <= end
    ]


def _contacts(data: JournalData, week: dt.date, end: dt.date) -> list[SponsorContact]:
    """Contacts from the first week of the period, and the latest two-way contact before it
    (for "days since contact"); who, how long, topics and notes are left out."""
    earlier = [c.date for c in data.contacts if c.two_way and c.date < week]
    latest_before = max(earlier, default=None)
    kept = []
    for c in data.contacts:
        if week <= c.date <= end or (c.two_way and c.date == latest_before):
            kept.append(
                SponsorContact(c.date, c.mode, initiated_by=c.initiated_by, two_way=c.two_way)
            )
    return kept


def _checkins(data: JournalData, start: dt.date, end: dt.date) -> list[AllianceCheckin]:
    """Check-ins in the period and on the two latest dates before it (the relationship card
    shows the latest and the one before), answers only."""
    before = sorted({c.date for c in checkins_in_order(data.checkins, end) if c.date < start})
    dates = set(before[-2:])
    return [
        AllianceCheckin(c.date, answers=c.answers)
        for c in data.checkins
        if c.date <= end and (c.date >= start or c.date in dates)
    ]


def _sponsors(data: JournalData, start: dt.date, end: dt.date) -> list[Sponsor]:
    """Sponsors who started in the period (the relationship chart marks the start), and the
    one before the first of them (so the mark says "a change")."""
    ordered = sorted(data.sponsors, key=start_key)
    kept: list[Sponsor] = []
    for index, sponsor in enumerate(ordered):
        if sponsor.started_on is not None and start <= sponsor.started_on <= end:
            if not kept and index > 0:
                kept.append(_bare_sponsor(ordered[index - 1]))
            kept.append(_bare_sponsor(sponsor))
    return kept


def _bare_sponsor(sponsor: Sponsor) -> Sponsor:
    return replace(sponsor, ended_on=None, id=None)


def _entries(data: JournalData, start: dt.date, end: dt.date) -> list[JournalEntry]:
    """Journal entries the review shows in the period (when notes are shared)."""
    kept = []
    for entry in data.journal_entries:
        day = entry.date if entry.date is not None else entry.created_at.astimezone().date()
        if start <= day <= end:
            kept.append(
                JournalEntry(
                    created_at=entry.created_at,
                    body=entry.body,
                    title=entry.title,
                    date=day,
                )
            )
    return kept


# -- the sponsors a person makes review files for -------------------------------------------------

#: The longest name on a review file, or of a sponsor it is for.
NAME_MAX = 60


@dataclass(frozen=True, slots=True)
class Recipient:
    """A sponsor a person makes review files for: the name they gave and the sponsor's code
    (checked when it was entered; kept in its written form)."""

    name: str
    code: str

    def entry(self) -> str:
        """How the ``review_recipients`` setting keeps it."""
        return f"{self.code} {self.name}"


def recipients(settings: Settings) -> list[Recipient]:
    """The ``review_recipients`` setting, in the order entered (malformed entries skipped)."""
    found = []
    for entry in settings.review_recipients:
        code, _, name = entry.partition(" ")
        if code and name.strip():
            found.append(Recipient(name.strip(), code))
    return found


def name_problem(name: str) -> str | None:
    """Why ``name`` can't be the name on a review file or of a sponsor, or ``None``."""
    text = name.strip()
    if not text:
        return "Please enter a name."
    if len(text) > NAME_MAX:
        return f"A name can be at most {NAME_MAX} characters long."
    if any(not c.isprintable() for c in text):
        return "A name can't hold control characters."
    return None

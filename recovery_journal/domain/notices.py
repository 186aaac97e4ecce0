"""Gentle early-warning notices (MEASURES §7): each one names what it saw and suggests one
thing to try. ``key`` names the particular occasion (kind and the date it began) so a
dismissal can be remembered without hiding the next occasion."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from recovery_journal.domain.alliance import AllianceLatest
from recovery_journal.domain.dated_events import DatedEvents, recent_tracked_weeks
from recovery_journal.domain.dates import ONE_WEEK
from recovery_journal.domain.formatting import format_score
from recovery_journal.domain.models import JournalData
from recovery_journal.domain.sponsors import current_sponsor

ALLIANCE_DROP_POINTS = Decimal(15)


@dataclass(frozen=True, slots=True)
class Notice:
    id: str
    key: str
    text: str
    action: str


def few_meetings_notice(meetings: DatedEvents, tracking_start: dt.date | None) -> Notice | None:
    """When neither of the last 2 complete tracked weeks had a meeting."""
    weeks = recent_tracked_weeks(meetings.as_of, meetings.week_start, 2, tracking_start)
    if len(weeks) < 2 or any(meetings.count_in_week(week) for week in weeks):
        return None
    assert tracking_start is not None  # recent_tracked_weeks is empty without one
    quiet_since = weeks[0]
    while quiet_since - dt.timedelta(days=1) >= tracking_start and not meetings.count_in_week(
        quiet_since - ONE_WEEK
    ):
        quiet_since -= ONE_WEEK
    return Notice(
        id="few_meetings",
        key=f"few_meetings:{quiet_since.isoformat()}",
        text="You haven't logged a meeting in the last two weeks.",
        action=(
            "If you can, choose one meeting to go to this week; online and phone meetings "
            "count too. If you went and haven't logged it, you can add it under Meetings."
        ),
    )


def _current_sponsor_start(data: JournalData, as_of: dt.date) -> dt.date | None:
    sponsor = current_sponsor(data.sponsors, as_of)
    return None if sponsor is None else sponsor.started_on


def contact_gap_notice(data: JournalData, contacts: DatedEvents) -> Notice | None:
    """When the last two-way contact (or, with none yet, the current sponsor's start) is
    ``contact_gap_days`` or more days back."""
    gap_days = data.settings.contact_gap_days
    as_of = contacts.as_of
    since = contacts.latest or _current_sponsor_start(data, as_of)
    if gap_days <= 0 or since is None or (as_of - since).days < gap_days:
        return None
    days = (as_of - since).days
    if contacts.latest is None:
        text = (
            f"You haven't logged being in touch with your sponsor in the {days} days "
            "since they became your sponsor."
        )
    else:
        text = f"It has been {days} days since you were last in touch with your sponsor."
    return Notice(
        id="contact_gap",
        key=f"contact_gap:{since.isoformat()}",
        text=text,
        action="A short call or message might help, even just to say hello.",
    )


def alliance_drop_notice(latest: AllianceLatest) -> Notice | None:
    """When the latest check-in scores 15 or more points below the previous one."""
    if latest.date is None or latest.score is None or latest.previous_score is None:
        return None
    drop = Decimal(repr(latest.previous_score)) - Decimal(repr(latest.score))
    if drop < ALLIANCE_DROP_POINTS:
        return None
    return Notice(
        id="alliance_drop",
        key=f"alliance_drop:{latest.date.isoformat()}",
        text=(
            f"Your latest sponsor relationship check-in came out {format_score(float(drop))} "
            "points lower than the one before."
        ),
        action=(
            "It may help to tell your sponsor how things feel between you, or to talk it "
            "over with someone else you trust."
        ),
    )


def compute_notices(
    data: JournalData,
    meetings: DatedEvents,
    contacts: DatedEvents,
    tracking_start: dt.date | None,
    alliance: AllianceLatest,
) -> list[Notice]:
    candidates = (
        few_meetings_notice(meetings, tracking_start),
        contact_gap_notice(data, contacts),
        alliance_drop_notice(alliance),
    )
    return [notice for notice in candidates if notice is not None]

"""Sponsor relationship check-in scores (MEASURES §5, §8.10).

The items are the product's own wording, not a validated instrument. Scores are rounded
half-up to one decimal with ``Decimal`` (``round()`` rounds halves to even, and binary floats
cannot hold most halves exactly).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from recovery_journal.domain import sponsors
from recovery_journal.domain.dates import add_months
from recovery_journal.domain.models import (
    ALLIANCE_AREAS,
    ALLIANCE_ITEMS,
    ANSWER_RANGE,
    REVERSED_ITEMS,
    AllianceCheckin,
    JournalData,
    Sponsor,
)

#: Fewest answered items for a score.
MIN_ANSWERED = 6
#: A sponsor relationship check-in is suggested monthly (MEASURES §5) …
CHECKIN_INTERVAL_MONTHS = 1
#: … and when the sponsor changes, once the new sponsor has been theirs for this many days.
NEW_SPONSOR_SETTLING_DAYS = 7
_ONE_DECIMAL = Decimal("0.1")


def _scored(item: str, answer: int) -> int:
    return ANSWER_RANGE[1] - answer if item in REVERSED_ITEMS else answer


def _mean_times_25(values: Sequence[int]) -> float:
    exact = Decimal(sum(values) * 25) / Decimal(len(values))
    return float(exact.quantize(_ONE_DECIMAL, rounding=ROUND_HALF_UP))


def _answered(answers: Mapping[str, int | None]) -> dict[str, int]:
    return {
        item: _scored(item, answer)
        for item in ALLIANCE_ITEMS
        if (answer := answers.get(item)) is not None
    }


def alliance_score(answers: Mapping[str, int | None]) -> float | None:
    """Mean of the answered items (R2 reversed) × 25, 0–100, one decimal; ``None`` when fewer
    than 6 of the 8 items are answered. Unknown item ids are ignored."""
    scored = _answered(answers)
    if len(scored) < MIN_ANSWERED:
        return None
    return _mean_times_25(list(scored.values()))


def area_scores(answers: Mapping[str, int | None]) -> dict[str, float | None]:
    """Descriptive score per area (bond, respect, goals, tasks): the mean of its two items × 25,
    ``None`` unless both are answered."""
    scored = _answered(answers)
    return {
        area: _mean_times_25([scored[a], scored[b]]) if a in scored and b in scored else None
        for area, (a, b) in ALLIANCE_AREAS.items()
    }


def checkins_in_order(checkins: Sequence[AllianceCheckin], as_of: dt.date) -> list[AllianceCheckin]:
    """Check-ins on or before ``as_of`` by date; same-date ones keep their entry order."""
    return sorted((c for c in checkins if c.date <= as_of), key=lambda c: c.date)


def latest_per_date(ordered: Sequence[AllianceCheckin]) -> list[AllianceCheckin]:
    """One check-in per date, the one entered last (``ordered`` as from ``checkins_in_order``)."""
    by_date = {checkin.date: checkin for checkin in ordered}
    return list(by_date.values())


@dataclass(frozen=True, slots=True)
class AllianceLatest:
    """The latest check-in as of a day: its date and score (``None`` with < 6 answers)."""

    date: dt.date | None
    score: float | None
    previous_date: dt.date | None
    previous_score: float | None


def alliance_latest(checkins: Sequence[AllianceCheckin], as_of: dt.date) -> AllianceLatest:
    """Latest check-in on or before ``as_of`` (the one entered last on a shared date) and the
    latest one on an earlier date; no fall-back to an earlier score when the latest has too
    few answers."""
    ordered = latest_per_date(checkins_in_order(checkins, as_of))
    latest = ordered[-1] if ordered else None
    previous = ordered[-2] if len(ordered) > 1 else None
    return AllianceLatest(
        date=latest.date if latest else None,
        score=alliance_score(latest.answers) if latest else None,
        previous_date=previous.date if previous else None,
        previous_score=alliance_score(previous.answers) if previous else None,
    )


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
    sponsor = sponsors.current_sponsor(data.sponsors, as_of)
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

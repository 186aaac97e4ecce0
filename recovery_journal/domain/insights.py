"""Personal insights from one person's own weeks (MEASURES §7).

Choices where MEASURES is silent are written down in ``docs/measures.md``: eligible weeks are
complete weeks that start on or after tracking start; "next month" after a check-in is the 30
days after its date; the alliance insight compares check-ins scored at or above a cut with
those below it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from recovery_journal.domain.alliance import alliance_score, checkins_in_order, latest_per_date
from recovery_journal.domain.dated_events import DatedEvents
from recovery_journal.domain.dates import ONE_WEEK, last_complete_week, week_start_of, week_starts
from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.formatting import format_percent, format_score, plural
from recovery_journal.domain.models import AllianceCheckin
from recovery_journal.domain.pda import pda_after

TOO_EARLY = "too_early"
TENTATIVE = "tentative"
CONSISTENT = "consistent"
#: The ceiling rule: nearly every week was abstinent, so nothing is compared.
NOTHING_TO_COMPARE = "nothing_to_compare"

MIN_KNOWN_DAYS_PER_WEEK = 5
MIN_WEEKS_ANY = 8
MIN_WEEKS_COMPARE = 12
MIN_WEEKS_PER_GROUP = 4
MIN_CHECKINS = 6
MIN_DISTINCT_SCORES = 3
NEXT_MONTH_DAYS = 30
CEILING_PDA = 95.0

CAVEATS: tuple[str, ...] = (
    "This shows a pattern in your own records, not what causes what.",
    "It can run the other way: weeks of use can lead to fewer meetings or calls.",
    "Other things in your life can drive both.",
    "Numbers from one person's own weeks are small, so this can change as you record more.",
    "It may help to talk it over with your sponsor or clinician.",
)

Numbers = Mapping[str, int | float | None]


@dataclass(frozen=True, slots=True)
class Insight:
    """One insight. ``numbers`` holds the figures behind it (``None`` where not shown);
    ``needs`` says, when ``label`` is too_early, what more data it needs."""

    id: str
    label: str
    text: str
    numbers: Numbers
    needs: str | None = None
    caveats: tuple[str, ...] = field(default=CAVEATS)


@dataclass(frozen=True, slots=True)
class EligibleWeek:
    start: dt.date
    pda: float
    has_meeting: bool
    has_contact: bool


def eligible_weeks(
    calendar: DayCalendar, meetings: DatedEvents, contacts: DatedEvents
) -> list[EligibleWeek]:
    """Complete weeks wholly on or after tracking start with at least 5 known days (weeks
    start as ``meetings.week_start`` says)."""
    first_day = calendar.first_day
    if first_day is None:
        return []
    week_start = meetings.week_start
    first = week_start_of(first_day, week_start)
    if first < first_day:
        first += ONE_WEEK
    weeks = []
    for week in week_starts(first, last_complete_week(calendar.as_of, week_start)):
        counts = calendar.counts(week, week + dt.timedelta(days=6))
        if counts.known >= MIN_KNOWN_DAYS_PER_WEEK:
            weeks.append(
                EligibleWeek(
                    start=week,
                    pda=100 * counts.abstinent / counts.known,
                    has_meeting=meetings.count_in_week(week) > 0,
                    has_contact=contacts.count_in_week(week) > 0,
                )
            )
    return weeks


def at_ceiling(weeks: Sequence[EligibleWeek]) -> bool:
    """True when 90% or more of the weeks have a PDA of 95% or more."""
    high = sum(1 for week in weeks if week.pda >= CEILING_PDA)
    return bool(weeks) and 10 * high >= 9 * len(weeks)


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


#: Differences of weekly percentages smaller than this are no difference (float noise: two
#: equal means can differ by 1e-14 after summing in another order).
_NO_DIFFERENCE = 1e-9


def _halves_agree(items: Sequence[tuple[bool, float]], difference: float) -> bool:
    """Whether the with-minus-without difference has the same sign as ``difference`` in the
    first and the second half of ``items`` (chronological; an odd middle item is left out)."""
    if abs(difference) < _NO_DIFFERENCE:
        return False
    half = len(items) // 2
    for part in (items[:half], items[len(items) - half :]):
        with_ = [value for flag, value in part if flag]
        without = [value for flag, value in part if not flag]
        if not with_ or not without:
            return False
        part_difference = _mean(with_) - _mean(without)
        if abs(part_difference) < _NO_DIFFERENCE or (part_difference > 0) != (difference > 0):
            return False
    return True


_LABEL_SENTENCES = {
    TENTATIVE: "This is an early pattern and may change as you record more.",
    CONSISTENT: "The difference pointed the same way in your earlier and your later {span}.",
}

_CEILING_TEXT = "Nearly every week you have recorded was abstinent, so there is nothing to compare."


@dataclass(frozen=True, slots=True)
class _Comparison:
    id: str
    has: Callable[[EligibleWeek], bool]
    with_words: str
    without_words: str
    topic: str


_COMPARISONS = (
    _Comparison(
        "meetings",
        lambda week: week.has_meeting,
        "with at least one meeting",
        "without a meeting",
        "weeks with and without a meeting",
    ),
    _Comparison(
        "sponsor_contact",
        lambda week: week.has_contact,
        "when you and your sponsor were in touch",
        "when you weren't",
        "weeks with and without contact with your sponsor",
    ),
)


def _comparison_insight(spec: _Comparison, weeks: Sequence[EligibleWeek]) -> Insight:
    flags = [(spec.has(week), week.pda) for week in weeks]
    with_ = [pda for flag, pda in flags if flag]
    without = [pda for flag, pda in flags if not flag]
    numbers: dict[str, int | float | None] = {
        "weeks_eligible": len(weeks),
        "weeks_with": len(with_),
        "weeks_without": len(without),
        "mean_pda_with": None,
        "mean_pda_without": None,
        "difference": None,
    }
    if (
        len(weeks) < MIN_WEEKS_COMPARE
        or len(with_) < MIN_WEEKS_PER_GROUP
        or len(without) < MIN_WEEKS_PER_GROUP
    ):
        needs = []
        if len(weeks) < MIN_WEEKS_COMPARE:
            more = MIN_WEEKS_COMPARE - len(weeks)
            needs.append(
                f"It needs {plural(more, 'more week')} with at least 5 days filled in "
                f"({len(weeks)} of {MIN_WEEKS_COMPARE} so far)."
            )
        if len(with_) < MIN_WEEKS_PER_GROUP or len(without) < MIN_WEEKS_PER_GROUP:
            needs.append(
                f"It compares at least {MIN_WEEKS_PER_GROUP} weeks of each kind; so far "
                f"{len(with_)} {spec.with_words} and {len(without)} {spec.without_words}."
            )
        text = f"Not enough weeks recorded yet to compare {spec.topic}."
        return Insight(spec.id, TOO_EARLY, text, numbers, needs=" ".join(needs))
    if at_ceiling(weeks):  # past the thresholds, but nearly every week was abstinent
        return Insight(spec.id, NOTHING_TO_COMPARE, _CEILING_TEXT, numbers)
    mean_with, mean_without = _mean(with_), _mean(without)
    difference = mean_with - mean_without
    numbers.update(mean_pda_with=mean_with, mean_pda_without=mean_without, difference=difference)
    label = CONSISTENT if _halves_agree(flags, difference) else TENTATIVE
    text = (
        f"In your {plural(len(with_), 'week')} {spec.with_words}, "
        f"{format_percent(mean_with)} of recorded days were abstinent on average; "
        f"in your {plural(len(without), 'week')} {spec.without_words}, "
        f"{format_percent(mean_without)}. " + _LABEL_SENTENCES[label].format(span="weeks")
    )
    return Insight(spec.id, label, text, numbers)


@dataclass(frozen=True, slots=True)
class _ScoredCheckin:
    date: dt.date
    score: float
    next_pda: float


def _scored_checkins(
    calendar: DayCalendar, checkins: Sequence[AllianceCheckin]
) -> list[_ScoredCheckin]:
    """Scored check-ins (one per date) whose next 30 days are tracked and >= 80% known."""
    usable = []
    for checkin in latest_per_date(checkins_in_order(checkins, calendar.as_of)):
        score = alliance_score(checkin.answers)
        window = pda_after(calendar, checkin.date, NEXT_MONTH_DAYS)
        if score is None or window.days < NEXT_MONTH_DAYS or not window.enough_recorded:
            continue
        assert window.pda_observed is not None  # enough_recorded implies known days
        usable.append(_ScoredCheckin(checkin.date, score, window.pda_observed))
    return usable


def _balanced_cut(scores: Sequence[float]) -> float:
    """The score (above the lowest) splitting check-ins into "this or higher" and "lower"
    groups of the most equal size; the lower cut wins a tie."""
    distinct = sorted(set(scores))[1:]
    return min(
        distinct,
        key=lambda cut: (abs(2 * sum(1 for s in scores if s >= cut) - len(scores)), cut),
    )


def _alliance_insight(
    calendar: DayCalendar, checkins: Sequence[AllianceCheckin], weeks: Sequence[EligibleWeek]
) -> Insight:
    pairs = _scored_checkins(calendar, checkins)
    distinct = len({pair.score for pair in pairs})
    numbers: dict[str, int | float | None] = {
        "weeks_eligible": len(weeks),
        "checkins": len(pairs),
        "distinct_scores": distinct,
        "cut_score": None,
        "checkins_higher": None,
        "checkins_lower": None,
        "mean_pda_higher": None,
        "mean_pda_lower": None,
        "difference": None,
    }
    if len(weeks) < MIN_WEEKS_ANY or len(pairs) < MIN_CHECKINS or distinct < MIN_DISTINCT_SCORES:
        needs = []
        if len(weeks) < MIN_WEEKS_ANY:
            more = MIN_WEEKS_ANY - len(weeks)
            needs.append(
                f"It needs {plural(more, 'more week')} with at least 5 days filled in "
                f"({len(weeks)} of {MIN_WEEKS_ANY} so far)."
            )
        if len(pairs) < MIN_CHECKINS:
            needs.append(
                f"It needs {plural(MIN_CHECKINS - len(pairs), 'more check-in')} followed by "
                f"30 days that are mostly filled in ({len(pairs)} of {MIN_CHECKINS} so far)."
            )
        if distinct < MIN_DISTINCT_SCORES:
            needs.append(
                f"Their scores need to differ: at least {MIN_DISTINCT_SCORES} different scores "
                f"({distinct} so far)."
            )
        text = (
            "Not enough check-ins yet to look at your sponsor relationship next to the "
            "month that followed."
        )
        return Insight("alliance", TOO_EARLY, text, numbers, needs=" ".join(needs))
    if at_ceiling(weeks):  # past the thresholds, but nearly every week was abstinent
        return Insight("alliance", NOTHING_TO_COMPARE, _CEILING_TEXT, numbers)
    cut = _balanced_cut([pair.score for pair in pairs])
    flags = [(pair.score >= cut, pair.next_pda) for pair in pairs]
    higher = [pda for flag, pda in flags if flag]
    lower = [pda for flag, pda in flags if not flag]
    difference = _mean(higher) - _mean(lower)
    numbers.update(
        cut_score=cut,
        checkins_higher=len(higher),
        checkins_lower=len(lower),
        mean_pda_higher=_mean(higher),
        mean_pda_lower=_mean(lower),
        difference=difference,
    )
    label = CONSISTENT if _halves_agree(flags, difference) else TENTATIVE
    text = (
        f"After your {plural(len(higher), 'check-in')} that scored your sponsor relationship "
        f"{format_score(cut)} or higher, {format_percent(_mean(higher))} of the next 30 "
        f"recorded days were abstinent on average; after your "
        f"{plural(len(lower), 'lower-scored check-in')}, "
        f"{format_percent(_mean(lower))}. " + _LABEL_SENTENCES[label].format(span="check-ins")
    )
    return Insight("alliance", label, text, numbers)


def compute_insights(
    calendar: DayCalendar,
    meetings: DatedEvents,
    contacts: DatedEvents,
    checkins: Sequence[AllianceCheckin],
) -> list[Insight]:
    """Every insight, too-early ones included: meetings, sponsor contact, alliance."""
    weeks = eligible_weeks(calendar, meetings, contacts)
    insights = [_comparison_insight(spec, weeks) for spec in _COMPARISONS]
    insights.append(_alliance_insight(calendar, checkins, weeks))
    return insights

"""Runs of days without use, point-prevalence abstinence and the person's own rule.

MEASURES §3, §8.4, §8.5. A run is a maximal stretch of days that are not ``used`` inside
tracking start … ``as_of``; unknown days stay inside a run (counted as unverified) unless the
``unknown_breaks_runs`` setting makes them break it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.models import DayStatus, JournalData


@dataclass(frozen=True, slots=True)
class Run:
    """``days`` from ``start`` through ``end`` inclusive; dates are ``None`` when ``days == 0``."""

    days: int
    start: dt.date | None
    end: dt.date | None
    unverified_days: int


NO_RUN = Run(0, None, None, 0)


@dataclass(frozen=True, slots=True)
class RunSummary:
    current: Run
    longest: Run
    last_used: dt.date | None


def breaks_run(status: DayStatus | None, unknown_breaks_runs: bool) -> bool:
    """A used day ends a run; an unsure day too when the person's setting says so."""
    return status is DayStatus.USED or (unknown_breaks_runs and status is DayStatus.UNKNOWN)


def summarize_runs(calendar: DayCalendar, unknown_breaks_runs: bool = False) -> RunSummary:
    """Current run (ending at ``as_of``), longest run (the earlier on a tie) and last used day."""
    first = calendar.first_day
    if first is None:
        return RunSummary(NO_RUN, NO_RUN, None)
    longest = NO_RUN
    run_from: int | None = None  # offset of the open run's first day
    unverified = 0
    last_used: int | None = None
    statuses = calendar.statuses
    for offset, status in enumerate(statuses):
        if status is DayStatus.USED:
            last_used = offset
        if breaks_run(status, unknown_breaks_runs):
            if run_from is not None and offset - run_from > longest.days:
                longest = _run(first, run_from, offset - 1, unverified)
            run_from = None
            continue
        if run_from is None:
            run_from, unverified = offset, 0
        if status is DayStatus.UNKNOWN:
            unverified += 1
    current = NO_RUN
    if run_from is not None:
        current = _run(first, run_from, len(statuses) - 1, unverified)
        if current.days > longest.days:
            longest = current
    used_day = None if last_used is None else first + dt.timedelta(days=last_used)
    return RunSummary(current, longest, used_day)


def run_before(data: JournalData, day: dt.date) -> int:
    """Days in the run that ended the day before ``day`` (MEASURES §3, with the person's
    setting for unknown days): the "7 or more abstinent days" of the tolerance note (§9)."""
    calendar = DayCalendar.from_journal(data, day - dt.timedelta(days=1))
    return summarize_runs(calendar, data.settings.unknown_breaks_runs).current.days


def _run(first: dt.date, start: int, end: int, unverified: int) -> Run:
    return Run(
        days=end - start + 1,
        start=first + dt.timedelta(days=start),
        end=first + dt.timedelta(days=end),
        unverified_days=unverified,
    )


def point_prevalence(calendar: DayCalendar, days: int) -> bool | None:
    """True when each of the ``days`` days ending at ``as_of`` is abstinent (unknown counts
    against it); ``None`` when fewer than ``days`` days lie in tracking start … ``as_of``."""
    if len(calendar.statuses) < days:
        return None
    as_of = calendar.as_of
    counts = calendar.counts(as_of - dt.timedelta(days=days - 1), as_of)
    return counts.abstinent == days


@dataclass(frozen=True, slots=True)
class PersonalRuleResult:
    """The person's own rule, "``use_days`` or more use days in ``window_days`` days".

    ``use_days_in_window`` counts used days in the ``window_days`` days ending at ``as_of``
    (clipped to tracking start); ``met_now`` says whether that reaches the rule;
    ``last_met_on`` is the latest day on or before ``as_of`` whose window reached it.
    """

    use_days: int
    window_days: int
    use_days_in_window: int
    met_now: bool
    last_met_on: dt.date | None

    @property
    def description(self) -> str:
        days = "day" if self.use_days == 1 else "days"
        return f"Your own rule: {self.use_days} or more use {days} in {self.window_days} days"


def evaluate_personal_rule(
    calendar: DayCalendar, use_days: int, window_days: int
) -> PersonalRuleResult:
    """Evaluate the rule as the person defined it; it is theirs, never the product's label."""
    span = dt.timedelta(days=window_days - 1)
    as_of = calendar.as_of
    in_window = calendar.counts(as_of - span, as_of).used
    last_met_on = None
    first = calendar.first_day
    if first is not None and use_days > 0:
        day = as_of
        while day >= first:
            if calendar.counts(day - span, day).used >= use_days:
                last_met_on = day
                break
            day -= dt.timedelta(days=1)
    return PersonalRuleResult(
        use_days=use_days,
        window_days=window_days,
        use_days_in_window=in_window,
        met_now=use_days > 0 and in_window >= use_days,
        last_met_on=last_met_on,
    )

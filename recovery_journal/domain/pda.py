"""Percent days abstinent (PDA) over windows, calendar months and weeks (MEASURES §2, §8.3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from recovery_journal.domain.dates import (
    ONE_DAY,
    add_months,
    month_end,
    month_start,
    week_start_of,
    week_starts,
)
from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.models import WeekStart

#: The standard windows, by their key in ``stats --json``; ``None`` means tracking start … as_of.
STANDARD_WINDOWS: dict[str, int | None] = {"30": 30, "90": 90, "365": 365, "all": None}
#: The rolling window of the Trends chart: the same figure as Today's "last 30 days".
ROLLING_DAYS = 30


@dataclass(frozen=True, slots=True)
class PdaWindow:
    """Day counts and PDA figures over ``start … end`` (already clipped to tracking start).

    ``start`` is ``None`` only without a tracking start; with ``days == 0`` every ratio is
    ``None``. Percentages are 0–100 and unrounded; ``coverage`` is 0–1.
    """

    start: dt.date | None
    end: dt.date
    days: int
    abstinent: int
    used: int
    unknown: int
    coverage: float | None
    pda_observed: float | None
    pda_low: float | None
    pda_high: float | None

    @property
    def known(self) -> int:
        return self.abstinent + self.used

    @property
    def enough_recorded(self) -> bool:
        """True when at least 80% of the days are known (compared exactly, in integers)."""
        return self.days > 0 and 5 * self.known >= 4 * self.days


def headline(window: PdaWindow) -> float | None:
    """The PDA to show on its own: observed when coverage >= 0.8, else ``None``.

    ``None`` means "not enough days recorded": show ``pda_low``–``pda_high`` instead.
    """
    return window.pda_observed if window.enough_recorded else None


def pda_window(calendar: DayCalendar, start: dt.date, end: dt.date) -> PdaWindow:
    """PDA over ``start … end``, clipped to tracking start (and to ``as_of`` at the end)."""
    end = min(end, calendar.as_of)
    if calendar.tracking_start is None:
        return PdaWindow(None, end, 0, 0, 0, 0, None, None, None, None)
    start = max(start, calendar.tracking_start)
    counts = calendar.counts(start, end)
    days, known = counts.days, counts.known
    return PdaWindow(
        start=start,
        end=end,
        days=days,
        abstinent=counts.abstinent,
        used=counts.used,
        unknown=counts.unknown,
        coverage=known / days if days else None,
        pda_observed=100 * counts.abstinent / known if known else None,
        pda_low=100 * counts.abstinent / days if days else None,
        pda_high=100 * (counts.abstinent + counts.unknown) / days if days else None,
    )


def pda_last_days(calendar: DayCalendar, days: int | None) -> PdaWindow:
    """PDA over the ``days`` days ending at ``as_of``; ``None`` means since tracking start."""
    as_of = calendar.as_of
    if days is None:
        return pda_window(calendar, calendar.tracking_start or as_of, as_of)
    return pda_window(calendar, as_of - dt.timedelta(days=days - 1), as_of)


def standard_windows(calendar: DayCalendar) -> dict[str, PdaWindow]:
    """The 30, 90, 365 and all-days windows, keyed as in ``stats --json``."""
    return {key: pda_last_days(calendar, days) for key, days in STANDARD_WINDOWS.items()}


def rolling_pda(
    calendar: DayCalendar, days: Iterable[dt.date], window: int = ROLLING_DAYS
) -> list[PdaWindow]:
    """For each of ``days``, PDA over the ``window`` days ending that day: the clipped window
    of MEASURES §2, the same figure Today shows for "last 30 days" on that date."""
    span = dt.timedelta(days=window - 1)
    return [pda_window(calendar, day - span, day) for day in days]


def weekly_pda_series(calendar: DayCalendar, week_start: WeekStart) -> list[PdaWindow]:
    """One window per calendar week from tracking start to ``as_of``, oldest first.

    The first and last weeks are clipped to tracking start and ``as_of``; their ``start``/``end``
    say so, and ``week_start_of(window.end)`` gives the week a window belongs to.
    """
    first = calendar.first_day
    if first is None:
        return []
    weeks = week_starts(week_start_of(first, week_start), calendar.as_of)
    return [pda_window(calendar, week, week + dt.timedelta(days=6)) for week in weeks]


def monthly_pda_series(calendar: DayCalendar) -> list[PdaWindow]:
    """One window per calendar month from tracking start to ``as_of`` (clipped), oldest first."""
    first = calendar.first_day
    if first is None:
        return []
    windows = []
    month = month_start(first)
    while month <= calendar.as_of:
        windows.append(pda_window(calendar, month, month_end(month)))
        month = add_months(month, 1)
    return windows


def pda_after(calendar: DayCalendar, day: dt.date, days: int) -> PdaWindow:
    """PDA over the ``days`` days after ``day`` (``day + 1 … day + days``), clipped as usual."""
    return pda_window(calendar, day + ONE_DAY, day + dt.timedelta(days=days))

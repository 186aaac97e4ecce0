"""The period a review or a report covers: ``start … end``, where ``end`` is the as-of date.

Ranges (``report --range``):

- ``30d`` and ``90d``: the N days ending at ``as_of`` (like the domain's 30- and 90-day windows);
- ``3m``, ``6m``, ``1y`` and ``all``: the chart ranges (whole calendar months back; ``all`` from
  tracking start), from ``charts.series.range_for``;
- since the last review: from the day of the last review (that day included, because things
  recorded after the review that day were not seen yet) to ``as_of``. Without a recorded review,
  or with one after ``as_of``, the last 90 days, and the period says so;
- custom: any ``start … end`` chosen by the person.

Every period is clipped so it does not start before tracking start (when tracking start lies
inside it), so the period, its weeks and its day counts all describe tracked days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from recovery_journal.charts.series import range_for
from recovery_journal.charts.words import long_date, span
from recovery_journal.domain.day_calendar import tracking_start_of
from recovery_journal.domain.models import JournalData

#: ``report --range`` values, in the order offered.
RANGE_KEYS: tuple[str, ...] = ("30d", "90d", "3m", "6m", "1y", "all")
DEFAULT_RANGE = "90d"
_DAY_RANGES = {"30d": 30, "90d": 90}
RANGE_LABELS = {
    "30d": "Last 30 days",
    "90d": "Last 90 days",
    "3m": "Last 3 months",
    "6m": "Last 6 months",
    "1y": "Last year",
    "all": "Since you started recording",
}


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    """``start … end`` inclusive; ``end`` is the as-of date of every "as of" figure.

    ``kind`` is a range key, ``"since_last_review"`` or ``"custom"``; ``label`` names the
    period in words ("Last 90 days"); ``note`` explains a fall-back or a clipped start.
    """

    start: dt.date
    end: dt.date
    kind: str
    label: str
    note: str = ""

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def span(self) -> str:
        """``1 Jan 2026 – 31 Mar 2026``."""
        return span(self.start, self.end)

    @property
    def title(self) -> str:
        """``Last 90 days: 1 Jan 2026 – 31 Mar 2026``."""
        return f"{self.label}: {self.span}"


def _clipped(
    data: JournalData, start: dt.date, end: dt.date, kind: str, label: str, note: str = ""
) -> ReportPeriod:
    tracking_start = tracking_start_of(data, end)
    if tracking_start is not None and start < tracking_start <= end:
        start = tracking_start
        clip_note = f"You started recording on {long_date(tracking_start)}."
        note = f"{note} {clip_note}".strip()
    return ReportPeriod(start, end, kind, label, note)


def period_for_range(data: JournalData, as_of: dt.date, key: str = DEFAULT_RANGE) -> ReportPeriod:
    """The period of ``report --range KEY`` ending at ``as_of``."""
    if key in _DAY_RANGES:
        start = as_of - dt.timedelta(days=_DAY_RANGES[key] - 1)
    elif key == "all":
        start = range_for(as_of, key, tracking_start_of(data, as_of))
    elif key in RANGE_LABELS:
        start = range_for(as_of, key, None)  # clipped below, with a note
    else:
        raise ValueError(f"unknown range {key!r}; use one of {', '.join(RANGE_KEYS)}")
    return _clipped(data, start, as_of, key, RANGE_LABELS[key])


def period_since_last_review(data: JournalData, as_of: dt.date) -> ReportPeriod:
    """From the last review (``Settings.last_review``, that day included) to ``as_of``."""
    last = data.settings.last_review
    if last is None or last > as_of:
        fallback = period_for_range(data, as_of, DEFAULT_RANGE)
        why = (
            "No earlier review is recorded yet"
            if last is None
            else f"Your last review ({long_date(last)}) is after {long_date(as_of)}"
        )
        note = f"{why}, so this shows the last 90 days. {fallback.note}".strip()
        return ReportPeriod(fallback.start, as_of, "since_last_review", "Last 90 days", note)
    label = "Since your last review"
    return _clipped(data, last, as_of, "since_last_review", label)


def custom_period(data: JournalData, start: dt.date, end: dt.date) -> ReportPeriod:
    """A period chosen day by day; ``start`` after ``end`` is a ``ValueError``."""
    if start > end:
        raise ValueError("The start of the period can't be after its end.")
    return _clipped(data, start, end, "custom", "Your chosen period")

"""Meeting attendance: windows, weeks at the one-a-week threshold, and habit strength (§4)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from recovery_journal.domain.dated_events import (
    DatedEvents,
    percent_weeks_with,
    recent_tracked_weeks,
    tracked_complete_weeks,
)
from recovery_journal.domain.dates import week_start_of
from recovery_journal.domain.models import JournalData

#: Weekly carry-over of attendance strength: a half-life of four weeks.
STRENGTH_MULTIPLIER = 0.5 ** (1 / 4)


@dataclass(frozen=True, slots=True)
class Attendance:
    meetings_7: int
    meetings_30: int
    meetings_90: int
    meeting_days_90: int
    weeks_at_threshold_pct_12: float | None
    weeks_at_threshold_pct_26: float | None
    strength: float | None


def summarize_attendance(meetings: DatedEvents, tracking_start: dt.date | None) -> Attendance:
    """Attendance as of ``meetings.as_of``; windows are not clipped at tracking start."""
    as_of, week_start = meetings.as_of, meetings.week_start
    series = strength_series(meetings, tracking_start)
    return Attendance(
        meetings_7=meetings.count_in_last(7),
        meetings_30=meetings.count_in_last(30),
        meetings_90=meetings.count_in_last(90),
        meeting_days_90=meetings.distinct_days_in_last(90),
        weeks_at_threshold_pct_12=percent_weeks_with(
            meetings, recent_tracked_weeks(as_of, week_start, 12, tracking_start)
        ),
        weeks_at_threshold_pct_26=percent_weeks_with(
            meetings, recent_tracked_weeks(as_of, week_start, 26, tracking_start)
        ),
        strength=series[-1][1] if series else None,
    )


def strength_series(
    events: DatedEvents, tracking_start: dt.date | None
) -> list[tuple[dt.date, float]]:
    """(week start, strength 0–100) for every complete tracked week (MEASURES §8.8).

    ``s = s_prev * m + v * (1 - m)`` from ``s = 0``, with ``v = 1`` for a week with at least
    one event. Works for any weekly habit; the product uses it for meetings.
    """
    weeks = tracked_complete_weeks(tracking_start, events.as_of, events.week_start)
    m = STRENGTH_MULTIPLIER
    strength = 0.0
    series = []
    for week in weeks:
        met = 1.0 if events.count_in_week(week) else 0.0
        strength = strength * m + met * (1 - m)
        series.append((week, 100 * strength))
    return series


def meeting_events(data: JournalData, as_of: dt.date) -> DatedEvents:
    """Meetings indexed as of ``as_of``, with the person's week start."""
    return DatedEvents((meeting.date for meeting in data.meetings), as_of, data.settings.week_start)


def meetings_this_week(data: JournalData, as_of: dt.date) -> int:
    """Meetings in the calendar week that contains ``as_of`` (up to ``as_of``), with the
    person's week start: the week the one-a-week threshold of MEASURES §4 is judged on."""
    events = meeting_events(data, as_of)
    return events.count_in_week(week_start_of(as_of, data.settings.week_start))

"""Measures against a deliberately plain, day-by-day reference written only for these tests."""

from __future__ import annotations

import datetime as dt
import json
import math
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_journal.domain.alliance import alliance_score
from recovery_journal.domain.attendance import meeting_events
from recovery_journal.domain.contacts import two_way_contacts
from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.formatting import format_percent
from recovery_journal.domain.insights import eligible_weeks
from recovery_journal.domain.models import (
    AllianceCheckin,
    ContactMode,
    DayRecord,
    DayStatus,
    Fellowship,
    JournalData,
    Meeting,
    Settings,
    SponsorContact,
    WeekStart,
)
from recovery_journal.domain.pda import headline
from recovery_journal.domain.stats import compute_stats, stats_to_json

BASE = dt.date(2024, 1, 1)
ONE = dt.timedelta(days=1)
STATUS = {"a": DayStatus.ABSTINENT, "u": DayStatus.USED, "?": DayStatus.UNKNOWN}
ITEMS = ("B1", "B2", "R1", "R2", "G1", "G2", "T1", "T2")


def day(offset: int) -> dt.date:
    return BASE + dt.timedelta(days=offset)


@st.composite
def journals(draw):
    first = draw(st.integers(0, 40))
    codes = draw(st.lists(st.sampled_from("auu??-aaaa"), max_size=140))
    days = tuple(
        DayRecord(day(first + i), STATUS[code]) for i, code in enumerate(codes) if code != "-"
    )
    meetings = tuple(
        Meeting(day(o), Fellowship.NA) for o in draw(st.lists(st.integers(0, 190), max_size=40))
    )
    contacts = tuple(
        SponsorContact(day(o), ContactMode.PHONE, two_way=two_way)
        for o, two_way in draw(st.lists(st.tuples(st.integers(0, 190), st.booleans()), max_size=40))
    )
    answers = st.lists(st.none() | st.integers(0, 4), min_size=8, max_size=8)
    checkins = tuple(
        AllianceCheckin(day(o), dict(zip(ITEMS, values, strict=True)))
        for o, values in draw(st.lists(st.tuples(st.integers(0, 190), answers), max_size=8))
    )
    tracking = draw(st.none() | st.integers(0, 190))
    setting = Settings(
        tracking_start=None if tracking is None else day(tracking),
        week_start=draw(st.sampled_from(WeekStart)),
        unknown_breaks_runs=draw(st.booleans()),
    )
    data = JournalData(setting, days, meetings, (), contacts, checkins)
    return data, day(draw(st.integers(0, 200)))


# ---- the reference: loops over single days, nothing clever ------------------------------


def ref_tracking_start(data, as_of):
    if data.settings.tracking_start is not None:
        return data.settings.tracking_start
    dates = [r.date for r in data.days] + [m.date for m in data.meetings]
    dates += [c.date for c in data.contacts] + [k.date for k in data.checkins]
    dates = [d for d in dates if d <= as_of]
    return min(dates) if dates else None


def ref_status(data, date):
    status = "unknown"
    for record in data.days:
        if record.date == date:
            status = record.status.value
    return status


def ref_tracked_days(data, as_of):
    start = ref_tracking_start(data, as_of)
    days = []
    date = start
    while start is not None and date <= as_of:
        days.append((date, ref_status(data, date)))
        date += ONE
    return days


def ref_window(data, as_of, n):
    start = ref_tracking_start(data, as_of)
    counts = {"abstinent": 0, "used": 0, "unknown": 0}
    for date, status in ref_tracked_days(data, as_of):
        if n is None or (as_of - date).days < n:
            counts[status] += 1
    days = sum(counts.values())
    known = counts["abstinent"] + counts["used"]
    clipped = None
    if start is not None:
        clipped = start if n is None else max(start, as_of - dt.timedelta(days=n - 1))
    return {
        "start": None if clipped is None else clipped.isoformat(),
        "end": as_of.isoformat(),
        "days": days,
        **counts,
        "coverage": known / days if days else None,
        "pda_observed": 100 * counts["abstinent"] / known if known else None,
        "pda_low": 100 * counts["abstinent"] / days if days else None,
        "pda_high": 100 * (counts["abstinent"] + counts["unknown"]) / days if days else None,
    }


def ref_runs(data, as_of):
    breaking = {"used"} | ({"unknown"} if data.settings.unknown_breaks_runs else set())
    runs, run = [], []
    for date, status in ref_tracked_days(data, as_of):
        if status in breaking:
            if run:
                runs.append(run)
            run = []
        else:
            run.append((date, status))
    current = run
    if run:
        runs.append(run)
    longest = []
    for candidate in runs:
        if len(candidate) > len(longest):
            longest = candidate
    used = [date for date, status in ref_tracked_days(data, as_of) if status == "used"]
    return {
        "current_days": len(current),
        "current_unverified_days": sum(1 for _, s in current if s == "unknown"),
        "longest_days": len(longest),
        "longest_start": longest[0][0].isoformat() if longest else None,
        "longest_end": longest[-1][0].isoformat() if longest else None,
        "last_used": used[-1].isoformat() if used else None,
    }


def ref_point_prevalence(data, as_of, n):
    start = ref_tracking_start(data, as_of)
    if start is None or (as_of - start).days + 1 < n:
        return None
    return all(ref_status(data, as_of - dt.timedelta(days=i)) == "abstinent" for i in range(n))


def ref_week_start(date, week_start):
    first = 0 if week_start is WeekStart.MONDAY else 6
    while date.weekday() != first:
        date -= ONE
    return date


def ref_has_event(dates, week):
    return any(week <= d <= week + dt.timedelta(days=6) for d in dates)


def ref_pct_weeks(dates, data, as_of, k):
    start = ref_tracking_start(data, as_of)
    current = ref_week_start(as_of, data.settings.week_start)
    weeks = [current - dt.timedelta(days=7 * i) for i in range(1, k + 1)]
    weeks = [w for w in weeks if start is not None and w + dt.timedelta(days=6) >= start]
    if not weeks:
        return None
    return 100 * sum(1 for w in weeks if ref_has_event(dates, w)) / len(weeks)


def ref_strength(dates, data, as_of):
    start = ref_tracking_start(data, as_of)
    if start is None:
        return None
    week = ref_week_start(start, data.settings.week_start)
    current = ref_week_start(as_of, data.settings.week_start)
    strength, any_week = 0.0, False
    m = 0.5 ** (1 / 4)
    while week < current:
        strength = strength * m + (1.0 if ref_has_event(dates, week) else 0.0) * (1 - m)
        any_week = True
        week += dt.timedelta(days=7)
    return 100 * strength if any_week else None


def ref_count_last(dates, as_of, n):
    return sum(1 for d in dates if 0 <= (as_of - d).days < n)


def close(a, b):
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


# ---- comparisons ----------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(journals())
def test_pda_windows_match_the_reference(case):
    data, as_of = case
    document = stats_to_json(compute_stats(data, as_of))
    start = ref_tracking_start(data, as_of)
    assert document["tracking_start"] == (None if start is None else start.isoformat())
    for key, n in (("30", 30), ("90", 90), ("365", 365), ("all", None)):
        expected, actual = ref_window(data, as_of, n), document["pda"][key]
        if start is not None and start > as_of:
            expected["start"] = start.isoformat()  # §8.3: the clipped start
        assert set(actual) == set(expected)
        for field, value in expected.items():
            assert (
                close(actual[field], value)
                if isinstance(value, float)
                else (actual[field] == value)
            ), (key, field)


@settings(max_examples=150, deadline=None)
@given(journals())
def test_runs_and_point_prevalence_match_the_reference(case):
    data, as_of = case
    document = stats_to_json(compute_stats(data, as_of))
    runs = {key: document["runs"][key] for key in ref_runs(data, as_of)}
    assert runs == ref_runs(data, as_of)
    for n in (7, 30):
        assert document["point_prevalence"][str(n)] == ref_point_prevalence(data, as_of, n)


@settings(max_examples=150, deadline=None)
@given(journals())
def test_attendance_and_contacts_match_the_reference(case):
    data, as_of = case
    document = stats_to_json(compute_stats(data, as_of))
    meetings = [m.date for m in data.meetings]
    contacts = [c.date for c in data.contacts if c.two_way]
    attendance, sponsor = document["attendance"], document["sponsor"]
    for n in (7, 30, 90):
        assert attendance[f"meetings_{n}"] == ref_count_last(meetings, as_of, n)
        assert sponsor[f"contacts_{n}"] == ref_count_last(contacts, as_of, n)
    assert attendance["meeting_days_90"] == len({d for d in meetings if 0 <= (as_of - d).days < 90})
    for k in (12, 26):
        expected = ref_pct_weeks(meetings, data, as_of, k)
        assert close(attendance[f"weeks_at_threshold_pct_{k}"], expected)
    assert close(sponsor["weeks_with_contact_pct_12"], ref_pct_weeks(contacts, data, as_of, 12))
    assert close(attendance["strength"], ref_strength(meetings, data, as_of))
    past = [d for d in contacts if d <= as_of]
    assert sponsor["days_since_contact"] == ((as_of - max(past)).days if past else None)


@settings(max_examples=100, deadline=None)
@given(journals())
def test_eligible_weeks_match_the_reference(case):
    data, as_of = case
    start = ref_tracking_start(data, as_of)
    expected = []
    if start is not None:
        week = ref_week_start(start, data.settings.week_start)
        current = ref_week_start(as_of, data.settings.week_start)
        while week < current:
            statuses = [ref_status(data, week + dt.timedelta(days=i)) for i in range(7)]
            known = sum(1 for s in statuses if s != "unknown")
            if week >= start and known >= 5:
                expected.append((week, 100 * statuses.count("abstinent") / known))
            week += dt.timedelta(days=7)
    calendar = DayCalendar.from_journal(data, as_of)
    actual = eligible_weeks(calendar, meeting_events(data, as_of), two_way_contacts(data, as_of))
    assert [(w.start, w.pda) for w in actual] == expected


@settings(max_examples=150, deadline=None)
@given(journals())
def test_invariants(case):
    data, as_of = case
    stats = compute_stats(data, as_of)
    for key, window in stats.pda.items():
        assert window.abstinent + window.used + window.unknown == window.days
        if key != "all":
            assert window.days <= int(key)
        if window.days:
            assert window.coverage is not None and 0 <= window.coverage <= 1
            assert window.pda_low is not None and window.pda_high is not None
            assert 0 <= window.pda_low <= window.pda_high <= 100
            if window.pda_observed is not None:
                assert window.pda_low <= window.pda_observed <= window.pda_high
            assert (headline(window) is None) == (window.coverage < 0.8 or not window.known)
        else:
            assert window.coverage is window.pda_low is window.pda_observed is None
    assert stats.pda["30"].days <= stats.pda["90"].days <= stats.pda["365"].days
    assert stats.pda["365"].days <= stats.pda["all"].days
    runs = stats.runs
    assert runs.current.days <= runs.longest.days
    assert runs.current.unverified_days <= runs.current.days
    if data.settings.unknown_breaks_runs:
        assert runs.current.unverified_days == runs.longest.unverified_days == 0
    if runs.longest.days:
        assert runs.longest.start is not None and runs.longest.end is not None
        assert (runs.longest.end - runs.longest.start).days + 1 == runs.longest.days
    if runs.last_used is not None and runs.current.start is not None:
        assert runs.current.start > runs.last_used
    for value in (
        stats.attendance.strength,
        stats.attendance.weeks_at_threshold_pct_12,
        stats.contacts.weeks_with_contact_pct_12,
    ):
        assert value is None or 0 <= value <= 100
    assert stats.attendance.meeting_days_90 <= stats.attendance.meetings_90
    assert len(stats.insights) == 3
    json.dumps(stats_to_json(stats), allow_nan=False)


def half_up(value: Fraction, places: int) -> Fraction:
    scale = 10**places
    return Fraction(math.floor(value * scale + Fraction(1, 2)), scale)


@given(st.lists(st.none() | st.integers(0, 4), min_size=8, max_size=8))
def test_alliance_score_matches_exact_arithmetic(values):
    answers = dict(zip(ITEMS, values, strict=True))
    scored = [4 - v if item == "R2" else v for item, v in answers.items() if v is not None]
    expected = None
    if len(scored) >= 6:
        expected = float(half_up(Fraction(sum(scored) * 25, len(scored)), 1))
    assert alliance_score(answers) == expected


@given(st.integers(1, 10_000).flatmap(lambda k: st.tuples(st.integers(0, k), st.just(k))))
def test_format_percent_matches_exact_half_up(case):
    abstinent, known = case
    expected = half_up(Fraction(100 * abstinent, known), 0)
    assert format_percent(100 * abstinent / known) == f"{expected.numerator}%"

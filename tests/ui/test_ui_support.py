"""The small date rules Today uses (services.ui_support)."""

from __future__ import annotations

import datetime as dt

from recovery_journal.domain.models import (
    AllianceCheckin,
    DayRecord,
    DayStatus,
    Fellowship,
    JournalData,
    Meeting,
    Settings,
    Sponsor,
    WeekStart,
)
from recovery_journal.services.ui_support import (
    checkin_due,
    meetings_this_week,
    next_sponsor_key,
    run_before,
)

WEDNESDAY = dt.date(2026, 3, 18)


def _day(offset: int) -> dt.date:
    return WEDNESDAY + dt.timedelta(days=offset)


def test_meetings_this_week_follow_the_week_start():
    meetings = tuple(Meeting(date=_day(o), fellowship=Fellowship.AA) for o in (-3, -2, 0, 1))
    monday = JournalData(meetings=meetings)
    sunday = JournalData(settings=Settings(week_start=WeekStart.SUNDAY), meetings=meetings)
    assert meetings_this_week(monday, WEDNESDAY) == 2  # Mon 16 … Wed 18; Thursday is ahead
    assert meetings_this_week(sunday, WEDNESDAY) == 3  # Sun 15 … Wed 18


def test_a_checkin_is_due_monthly_and_after_a_new_sponsor_settles():
    sponsor = Sponsor(key="s", name="Robin", started_on=_day(-60))
    assert checkin_due(JournalData(), WEDNESDAY) is None  # no sponsor, nothing due
    none_yet = JournalData(sponsors=(sponsor,))
    due = checkin_due(none_yet, WEDNESDAY)
    assert due is not None and due.reason == "new_sponsor" and due.last is None
    fresh = JournalData(sponsors=(Sponsor(key="t", name="Lou", started_on=_day(-3)),))
    assert checkin_due(fresh, WEDNESDAY) is None  # give a new sponsor a week
    recent = JournalData(sponsors=(sponsor,), checkins=(AllianceCheckin(date=_day(-20)),))
    assert checkin_due(recent, WEDNESDAY) is None
    old = JournalData(sponsors=(sponsor,), checkins=(AllianceCheckin(date=dt.date(2026, 2, 18)),))
    due = checkin_due(old, WEDNESDAY)  # a calendar month to the day
    assert due is not None and due.reason == "monthly" and due.last == dt.date(2026, 2, 18)
    ended = JournalData(sponsors=(Sponsor("s", "Robin", _day(-60), ended_on=_day(-1)),))
    assert checkin_due(ended, WEDNESDAY) is None


def test_the_run_before_a_day_and_new_sponsor_keys():
    days = tuple(DayRecord(date=_day(-o), status=DayStatus.ABSTINENT) for o in range(1, 9))
    data = JournalData(days=(DayRecord(date=_day(-9), status=DayStatus.USED), *days))
    assert run_before(data, WEDNESDAY) == 8
    assert run_before(data, _day(-4)) == 4
    taken = JournalData(sponsors=(Sponsor("sponsor-2", "A", _day(-1)),))
    assert next_sponsor_key(taken) == "sponsor-3"
    assert next_sponsor_key(JournalData()) == "sponsor-1"

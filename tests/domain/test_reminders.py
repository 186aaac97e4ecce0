"""The daily reminder's schedule, asked at moments a fake clock chooses."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_journal.domain.reminders import (
    DEFAULT_TEXT,
    TEXT_MAX_LENGTH,
    DailyReminder,
    DailyRule,
    Occasion,
    clean_text,
    current_change,
    current_settled,
    earliest,
    is_due,
    local_time_on,
    settled_until,
)

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")
UTC = dt.UTC
AT_EIGHT = DailyReminder(enabled=True, at=dt.time(20, 0))


def utc(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def local(zone: ZoneInfo, *parts: int, fold: int = 0) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=zone, fold=fold)  # type: ignore[misc]


def next_for(reminder: DailyReminder, now: dt.datetime, zone=PARIS, settled=None) -> Occasion:
    occasion = DailyRule(reminder, settled).next_occasion(now, zone)
    assert occasion is not None
    return occasion


def test_off_means_no_reminder_at_all():
    rule = DailyRule(DailyReminder(enabled=False))
    assert rule.next_occasion(utc(2026, 3, 18, 12), PARIS) is None


def test_before_the_time_it_is_due_today_at_that_local_time():
    occasion = next_for(AT_EIGHT, local(PARIS, 2026, 3, 18, 9, 0))
    assert occasion.day == dt.date(2026, 3, 18)
    assert occasion.due == local(PARIS, 2026, 3, 18, 20, 0)
    assert occasion.due.tzinfo is UTC  # instants are kept in UTC
    assert occasion.text == DEFAULT_TEXT
    assert not is_due(occasion, local(PARIS, 2026, 3, 18, 19, 59, 59))
    assert is_due(occasion, local(PARIS, 2026, 3, 18, 20, 0))


def test_once_the_day_is_settled_the_next_is_tomorrow_across_midnight():
    shown_at = local(PARIS, 2026, 3, 18, 20, 0)
    occasion = next_for(AT_EIGHT, shown_at, settled=dt.date(2026, 3, 18))
    assert occasion.due == local(PARIS, 2026, 3, 19, 20, 0)
    # Just before and just after midnight: still tomorrow's (now today's) 20:00.
    for now in (local(PARIS, 2026, 3, 18, 23, 59), local(PARIS, 2026, 3, 19, 0, 1)):
        assert next_for(AT_EIGHT, now, settled=dt.date(2026, 3, 18)).due == occasion.due


def test_a_late_evening_time_past_midnight_in_utc_keeps_its_local_date():
    late = DailyReminder(enabled=True, at=dt.time(23, 30))
    occasion = next_for(late, local(NEW_YORK, 2026, 3, 18, 22, 0), zone=NEW_YORK)
    assert occasion.day == dt.date(2026, 3, 18)
    assert occasion.due == utc(2026, 3, 19, 3, 30)  # the next day in UTC


def test_a_day_already_filled_in_has_no_reminder():
    morning = local(PARIS, 2026, 3, 18, 9, 0)
    occasion = next_for(AT_EIGHT, morning, settled=dt.date(2026, 3, 18))
    assert occasion.day == dt.date(2026, 3, 19)


def test_started_after_the_reminder_time_it_is_due_at_once_that_day_only():
    late = local(PARIS, 2026, 3, 18, 22, 15)
    occasion = next_for(AT_EIGHT, late)
    assert occasion.day == dt.date(2026, 3, 18)
    assert is_due(occasion, late)  # missed while the app wasn't running: show it now
    # The next morning yesterday's missed reminder is not shown any more.
    morning = local(PARIS, 2026, 3, 19, 7, 0)
    occasion = next_for(AT_EIGHT, morning)
    assert occasion.day == dt.date(2026, 3, 19) and not is_due(occasion, morning)


def test_across_the_spring_change_the_local_time_stays_the_same():
    # Europe/Paris moves from UTC+1 to UTC+2 at 02:00 on 29 March 2026.
    before = next_for(AT_EIGHT, local(PARIS, 2026, 3, 28, 21, 0), settled=dt.date(2026, 3, 28))
    assert before.due == utc(2026, 3, 29, 18, 0)  # 20:00 summer time
    saturday = next_for(AT_EIGHT, local(PARIS, 2026, 3, 28, 9, 0))
    assert before.due - saturday.due == dt.timedelta(hours=23)  # a short night


def test_a_time_the_clocks_skip_is_due_when_they_jump():
    skipped = DailyReminder(enabled=True, at=dt.time(2, 30))
    occasion = next_for(skipped, local(PARIS, 2026, 3, 29, 0, 30))
    assert occasion.day == dt.date(2026, 3, 29)
    assert occasion.due == utc(2026, 3, 29, 1, 0)  # 03:00 summer time, the moment of the jump
    quarter = DailyReminder(enabled=True, at=dt.time(2, 15))
    occasion = next_for(quarter, local(NEW_YORK, 2026, 3, 8, 0, 0), zone=NEW_YORK)
    assert occasion.due == local(NEW_YORK, 2026, 3, 8, 3, 0)


def test_a_time_that_happens_twice_reminds_once():
    # Europe/Paris goes back from UTC+2 to UTC+1 at 03:00 on 25 October 2026.
    twice = DailyReminder(enabled=True, at=dt.time(2, 30))
    first = next_for(twice, local(PARIS, 2026, 10, 25, 1, 0))
    assert first.due == utc(2026, 10, 25, 0, 30)  # the first 02:30 (summer time)
    after = next_for(twice, first.due, settled=first.day)
    assert after.due == utc(2026, 10, 26, 1, 30)  # tomorrow's, not the second 02:30
    autumn = next_for(AT_EIGHT, local(PARIS, 2026, 10, 24, 21, 0), settled=dt.date(2026, 10, 24))
    assert autumn.due == utc(2026, 10, 25, 19, 0)  # 20:00 winter time


def test_a_date_the_clocks_skip_entirely_has_no_reminder():
    apia = ZoneInfo("Pacific/Apia")  # 30 December 2011 did not happen in Samoa
    assert local_time_on(dt.date(2011, 12, 30), dt.time(20, 0), apia) is None
    occasion = next_for(AT_EIGHT, local(apia, 2011, 12, 29, 21, 0), zone=apia,
                        settled=dt.date(2011, 12, 29))  # fmt: skip
    assert occasion.day == dt.date(2011, 12, 31)


def test_earliest_picks_the_first_of_several_rules():
    class Fixed:
        def __init__(self, due: dt.datetime | None) -> None:
            self.due = due

        def next_occasion(self, now: dt.datetime, zone: dt.tzinfo) -> Occasion | None:
            if self.due is None:
                return None
            return Occasion("meeting", self.due.date(), self.due, "Meeting soon")

    now = local(PARIS, 2026, 3, 18, 9, 0)
    daily = DailyRule(AT_EIGHT)
    sooner = Fixed(local(PARIS, 2026, 3, 18, 18, 30))
    assert earliest([daily, Fixed(None), sooner], now, PARIS).key == "meeting"
    assert earliest([daily, Fixed(local(PARIS, 2026, 3, 19, 8))], now, PARIS).key == "daily"
    assert earliest([], now, PARIS) is None


def test_a_settled_date_is_forgotten_once_it_has_passed():
    day = dt.date(2026, 3, 18)
    assert current_settled(day, local(PARIS, 2026, 3, 18, 23, 59), PARIS) == day
    assert current_settled(day, local(PARIS, 2026, 3, 19, 0, 0), PARIS) is None
    assert current_settled(None, local(PARIS, 2026, 3, 19), PARIS) is None
    assert settled_until(day, PARIS) == local(PARIS, 2026, 3, 19, 0, 0)
    # Where the clocks jump at midnight, the date is over at the jump.
    sao_paulo = ZoneInfo("America/Sao_Paulo")
    assert settled_until(dt.date(2018, 11, 3), sao_paulo) == utc(2018, 11, 4, 3, 0)


def test_turning_it_on_or_moving_it_after_todays_time_starts_tomorrow():
    nine_pm = local(PARIS, 2026, 3, 18, 21, 0)
    today = dt.date(2026, 3, 18)
    changed = DailyRule(AT_EIGHT, changed_at=nine_pm.astimezone(UTC))
    occasion = changed.next_occasion(nine_pm, PARIS)
    assert occasion is not None and occasion.day == today + dt.timedelta(days=1)
    # Moved to a time still ahead today: today it is.
    later = DailyRule(DailyReminder(enabled=True, at=dt.time(22, 0)), changed_at=nine_pm)
    occasion = later.next_occasion(nine_pm, PARIS)
    assert occasion is not None and occasion.day == today and not is_due(occasion, nine_pm)
    # Without a change, a missed time is due at once (the app wasn't running).
    occasion = DailyRule(AT_EIGHT).next_occasion(nine_pm, PARIS)
    assert occasion is not None and is_due(occasion, nine_pm)


def test_a_change_is_forgotten_once_its_day_has_passed():
    moment = local(PARIS, 2026, 3, 18, 21, 0)
    assert current_change(moment, local(PARIS, 2026, 3, 18, 23, 59), PARIS) == moment
    assert current_change(moment, local(PARIS, 2026, 3, 19, 0, 0), PARIS) is None
    assert current_change(None, moment, PARIS) is None


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("  Time   to\twrite\n", "Time to write"),
        ("", DEFAULT_TEXT),
        ("\n\t ", DEFAULT_TEXT),
        ("a\x00b", "a b"),
        ("x" * 200, "x" * TEXT_MAX_LENGTH),
    ],
)
def test_the_words_are_one_short_line(typed, shown):
    assert clean_text(typed) == shown


ZONES = [
    "Europe/Paris",
    "America/New_York",
    "America/Sao_Paulo",
    "Australia/Lord_Howe",  # a half-hour change
    "Pacific/Apia",
    "Asia/Kolkata",
    "UTC",
]


@settings(max_examples=60, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    start=st.datetimes(min_value=dt.datetime(2010, 1, 1), max_value=dt.datetime(2030, 1, 1)),
    at=st.times(),
)
def test_followed_day_after_day_it_reminds_once_a_date_at_or_after_its_time(zone, start, at):
    """Driven like the app: show each occasion when due, settle its date, ask again."""
    tz = ZoneInfo(zone)
    now = start.replace(tzinfo=UTC)
    reminder = DailyReminder(enabled=True, at=at)
    settled = None
    days = []
    for _ in range(40):
        occasion = DailyRule(reminder, settled).next_occasion(now, tz)
        assert occasion is not None
        when = max(occasion.due, now)  # a missed one is shown at once
        wall = when.astimezone(tz)
        assert wall.date() == occasion.day
        assert wall.replace(tzinfo=None).time() >= at.replace(tzinfo=None) or when == now
        days.append(occasion.day)
        now, settled = when, occasion.day
    assert days == sorted(set(days))  # never twice for one date, always forward
    assert (days[-1] - days[0]).days <= len(days)  # at most one date skipped at a time

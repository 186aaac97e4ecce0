"""Regular meetings: the next start after a moment (midnight, week ends, DST), and Today's
"Did you go … yesterday?" offers."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_journal.domain.models import Fellowship, Meeting, RegularMeeting, Weekday
from recovery_journal.domain.regular_meetings import (
    decline_key,
    kept_declines,
    next_occurrence,
    offers,
)

LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC


def regular(days=(Weekday.TUESDAY,), at=dt.time(19, 30), name="Tuesday Hope", id_=1):
    return RegularMeeting(name, Fellowship.AA, tuple(days), at, id=id_)


def local(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LONDON)


def test_later_the_same_day():
    # Tuesday 2 Dec 2025, 18:00 → 19:30 the same evening.
    assert next_occurrence(regular(), local(2025, 12, 2, 18, 0), LONDON) == local(
        2025, 12, 2, 19, 30
    )


def test_at_the_start_time_it_is_next_week():
    after = local(2025, 12, 2, 19, 30)
    assert next_occurrence(regular(), after, LONDON) == local(2025, 12, 9, 19, 30)


def test_across_midnight_and_the_week_end():
    late = regular(days=(Weekday.MONDAY,), at=dt.time(0, 15))
    # Sunday 7 Dec 2025 23:50 → Monday 00:15, the next calendar day.
    assert next_occurrence(late, local(2025, 12, 7, 23, 50), LONDON) == local(2025, 12, 8, 0, 15)


def test_several_weekdays_take_the_nearest():
    twice = regular(days=(Weekday.FRIDAY, Weekday.MONDAY))
    assert next_occurrence(twice, local(2025, 12, 2, 12, 0), LONDON).date() == dt.date(2025, 12, 5)


def test_a_moment_in_another_zone_is_compared_as_a_moment():
    after = dt.datetime(2025, 12, 2, 19, 0, tzinfo=UTC)  # 19:00 in London too (GMT)
    assert next_occurrence(regular(), after, LONDON) == local(2025, 12, 2, 19, 30)
    new_york = dt.datetime(2025, 12, 2, 15, 0, tzinfo=ZoneInfo("America/New_York"))  # 20:00 GMT
    assert next_occurrence(regular(), new_york, LONDON) == local(2025, 12, 9, 19, 30)


def test_dst_spring_forward_keeps_the_wall_clock_time():
    sunday = regular(days=(Weekday.SUNDAY,), at=dt.time(19, 0))
    # Clocks go forward on Sunday 30 March 2025: 19:00 BST is 18:00 UTC.
    found = next_occurrence(sunday, local(2025, 3, 29, 12, 0), LONDON)
    assert found == local(2025, 3, 30, 19, 0)
    assert found.astimezone(UTC).hour == 18


def test_a_time_the_clocks_skip_is_the_moment_of_the_jump_as_for_the_daily_reminder():
    early = regular(days=(Weekday.SUNDAY,), at=dt.time(1, 30))
    found = next_occurrence(early, local(2025, 3, 29, 12, 0), LONDON)
    assert found.astimezone(UTC) == dt.datetime(2025, 3, 30, 1, 0, tzinfo=UTC)  # 02:00 BST


def test_a_whole_skipped_date_moves_on_to_the_next_week():
    apia = ZoneInfo("Pacific/Apia")  # 30 December 2011 never happened there
    friday = regular(days=(Weekday.FRIDAY,), at=dt.time(9, 0))
    found = next_occurrence(friday, dt.datetime(2011, 12, 29, 12, 0, tzinfo=apia), apia)
    assert found.date() == dt.date(2012, 1, 6)


def test_dst_fall_back_takes_the_first_of_a_repeated_time():
    early = regular(days=(Weekday.SUNDAY,), at=dt.time(1, 30))
    found = next_occurrence(early, local(2025, 10, 25, 12, 0), LONDON)
    assert found.astimezone(UTC) == dt.datetime(2025, 10, 26, 0, 30, tzinfo=UTC)  # BST


def test_a_naive_moment_is_refused():
    with pytest.raises(ValueError, match="aware"):
        next_occurrence(regular(), dt.datetime(2025, 12, 2, 18, 0), LONDON)


@settings(max_examples=200, deadline=None)
@given(
    st.sets(st.sampled_from(list(Weekday)), min_size=1),
    st.times(),
    st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2030, 1, 1)),
)
def test_the_next_start_is_after_on_a_right_day_and_nothing_earlier_qualifies(days, at, naive):
    after = naive.replace(tzinfo=UTC)
    meeting = regular(days=days, at=at.replace(microsecond=0))
    found = next_occurrence(meeting, after, LONDON)
    assert found > after
    assert list(Weekday)[found.date().weekday()] in days
    assert found - after <= dt.timedelta(days=7, hours=2)  # London skips no whole date
    # No earlier start on a meeting day between the two.
    day = after.astimezone(LONDON).date()
    while day < found.date():
        if list(Weekday)[day.weekday()] in days:
            start = dt.datetime.combine(day, meeting.time).replace(tzinfo=LONDON)
            assert start.astimezone(UTC) <= after
        day += dt.timedelta(days=1)


TODAY = dt.date(2025, 12, 3)  # a Wednesday; yesterday a Tuesday


def test_offers_what_met_yesterday_and_is_not_logged():
    tuesday, friday = regular(), regular(days=(Weekday.FRIDAY,), name="Friday", id_=2)
    assert offers([tuesday, friday], [], [], TODAY) == [tuesday]


def test_a_meeting_logged_yesterday_under_the_same_name_is_not_asked_about():
    logged = Meeting(
        date=TODAY - dt.timedelta(days=1), fellowship=Fellowship.AA, name=" tuesday  hope"
    )
    assert offers([regular()], [logged], [], TODAY) == []
    other_day = Meeting(
        date=TODAY - dt.timedelta(days=8), fellowship=Fellowship.AA, name="Tuesday Hope"
    )
    assert offers([regular()], [other_day], [], TODAY) == [regular()]


def test_a_no_is_not_asked_again():
    yesterday = TODAY - dt.timedelta(days=1)
    assert offers([regular()], [], [decline_key(yesterday, 1)], TODAY) == []
    assert offers([regular()], [], [decline_key(yesterday, 2)], TODAY) == [regular()]


def test_only_recent_declines_are_kept():
    kept = kept_declines(["2025-12-02/1", "2025-11-01/1", "nonsense", "2025-11-19/3"], TODAY)
    assert kept == ("2025-12-02/1", "2025-11-19/3")

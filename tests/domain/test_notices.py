import pytest

from recovery_journal.domain.alliance import alliance_latest
from recovery_journal.domain.attendance import meeting_events
from recovery_journal.domain.contacts import two_way_contacts
from recovery_journal.domain.models import JournalData, Settings, Sponsor, WeekStart
from recovery_journal.domain.notices import (
    alliance_drop_notice,
    compute_notices,
    contact_gap_notice,
    few_meetings_notice,
)

from .builders import D, checkin, contacts_on, journal

TRACKING_START = D(2026, 1, 5)  # Monday
AS_OF = D(2026, 3, 4)  # Wednesday; last complete weeks start Feb 16 and Feb 23
BANNED = ("relapse", "failure", "streak", "fail", "should", "must")


def meetings_notice(meetings, tracking_start=TRACKING_START, week_start=WeekStart.MONDAY):
    data = journal(meetings=meetings, tracking_start=tracking_start, week_start=week_start)
    return few_meetings_notice(meeting_events(data, AS_OF), tracking_start)


def test_no_meeting_in_the_last_two_complete_weeks_brings_a_notice():
    notice = meetings_notice([D(2026, 2, 10)])
    assert notice is not None
    assert notice.id == "few_meetings"
    assert notice.key == "few_meetings:2026-02-16"
    assert notice.text == "You haven't logged a meeting in the last two weeks."
    assert "online" in notice.action


@pytest.mark.parametrize("meeting", [D(2026, 2, 17), D(2026, 3, 1)])
def test_a_meeting_in_either_of_the_two_weeks_means_no_notice(meeting):
    assert meetings_notice([meeting]) is None


def test_only_complete_weeks_count_for_the_meetings_notice():
    notice = meetings_notice([D(2026, 3, 2)])  # in the current week
    assert notice is not None
    assert notice.key == "few_meetings:2026-01-05"  # quiet since tracking began


def test_week_start_setting_decides_the_meetings_notice():
    # Sunday Mar 1 is in the last complete Monday week, but starts the current Sunday week
    assert meetings_notice([D(2026, 3, 1)]) is None
    assert meetings_notice([D(2026, 3, 1)], week_start=WeekStart.SUNDAY) is not None


def test_meetings_notice_needs_two_tracked_weeks():
    assert meetings_notice([], tracking_start=D(2026, 2, 18)) is not None  # Feb 16 week counts
    assert meetings_notice([], tracking_start=D(2026, 2, 24)) is None
    assert meetings_notice([], tracking_start=None) is None


def gap_notice(contact_dates, sponsors=(), two_way=True, **settings):
    data = JournalData(
        settings=Settings(tracking_start=TRACKING_START, **settings),
        contacts=contacts_on(contact_dates, two_way=two_way),
        sponsors=tuple(sponsors),
    )
    return contact_gap_notice(data, two_way_contacts(data, AS_OF))


def test_contact_gap_of_fourteen_days_brings_a_notice():
    notice = gap_notice([D(2026, 2, 18)])
    assert notice is not None
    assert (notice.id, notice.key) == ("contact_gap", "contact_gap:2026-02-18")
    assert notice.text == "It has been 14 days since you were last in touch with your sponsor."
    assert gap_notice([D(2026, 2, 19)]) is None


def test_contact_gap_follows_the_setting():
    assert gap_notice([D(2026, 2, 25)], contact_gap_days=7) is not None
    assert gap_notice([D(2026, 2, 26)], contact_gap_days=7) is None
    assert gap_notice([D(2026, 1, 1)], contact_gap_days=0) is None


def test_one_way_contacts_do_not_end_a_gap():
    assert gap_notice([D(2026, 3, 3)], two_way=False) is None  # nothing to measure from
    sponsor = Sponsor("s1", "Sam", D(2026, 1, 10))
    assert gap_notice([D(2026, 3, 3)], sponsors=[sponsor], two_way=False) is not None


def test_contact_gap_without_any_contact_counts_from_the_current_sponsors_start():
    notice = gap_notice([], sponsors=[Sponsor("s1", "Sam", D(2026, 2, 1))])
    assert notice is not None
    assert notice.key == "contact_gap:2026-02-01"
    assert "31 days since they became your sponsor" in notice.text
    ended = Sponsor("s1", "Sam", D(2026, 1, 1), ended_on=D(2026, 2, 1))
    assert gap_notice([], sponsors=[ended]) is None
    assert gap_notice([]) is None


def drop_notice(previous, latest):
    return alliance_drop_notice(
        alliance_latest([checkin(D(2026, 1, 1), *previous), checkin(D(2026, 2, 1), *latest)], AS_OF)
    )


def test_alliance_drop_of_fifteen_points_or_more_brings_a_notice():
    notice = drop_notice((3, 3, 3, 1, 3, 3, 3, 3), (3, 3, 2, 2, 2, 3, 2, 2))  # 75.0 -> 59.4
    assert notice is not None
    assert (notice.id, notice.key) == ("alliance_drop", "alliance_drop:2026-02-01")
    assert notice.text == (
        "Your latest sponsor relationship check-in came out 15.6 points lower than the one before."
    )


def test_alliance_drop_just_under_fifteen_points_is_quiet():
    # 79.2 (19 * 25 / 6) -> 64.3 (18 * 25 / 7): 14.9 points
    previous = (4, 4, 4, None, 4, 3, 0, None)
    latest = (3, 3, 3, None, 3, 3, 3, 0)
    assert drop_notice(previous, latest) is None
    assert drop_notice((3, 3, 3, 1, 3, 3, 3, 3), (3, 3, 3, 2, 2, 3, 2, 3)) is None  # 12.5


def test_alliance_drop_needs_two_scores():
    assert drop_notice((4, 4, 4, 0, 4, 4, 4, 4), (0, 0, 0, 4, 0)) is None  # latest unscored
    assert drop_notice((4, 4, 4, 0, 4), (0, 0, 0, 4, 0, 0, 0, 0)) is None  # previous unscored
    single = alliance_latest([checkin(D(2026, 1, 1), 0, 0, 0, 4, 0, 0)], AS_OF)
    assert alliance_drop_notice(single) is None


def test_all_notices_together_are_gentle():
    data = JournalData(
        settings=Settings(tracking_start=TRACKING_START),
        contacts=contacts_on([D(2026, 1, 6)]),
        checkins=(
            checkin(D(2026, 1, 1), 4, 4, 4, 0, 4, 4, 4, 4),
            checkin(D(2026, 2, 1), 2, 2, 2, 2, 2, 2, 2, 2),
        ),
    )
    meetings, contacts = meeting_events(data, AS_OF), two_way_contacts(data, AS_OF)
    latest = alliance_latest(data.checkins, AS_OF)
    notices = compute_notices(data, meetings, contacts, TRACKING_START, latest)
    assert [notice.id for notice in notices] == ["few_meetings", "contact_gap", "alliance_drop"]
    for notice in notices:
        words = f"{notice.text} {notice.action}".lower()
        assert not any(word in words for word in BANNED)
        assert notice.action

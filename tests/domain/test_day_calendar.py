import datetime as dt

import pytest

from recovery_journal.domain.day_calendar import DayCalendar, tracking_start_of
from recovery_journal.domain.models import (
    AnchorEvent,
    DayStatus,
    JournalData,
    JournalEntry,
    Settings,
    Sponsor,
)

from .builders import D, checkin, contacts_on, day_records, journal, meetings_on

AS_OF = D(2026, 3, 1)


def test_8_1_tracking_start_setting_wins_over_earlier_records():
    data = journal(D(2026, 1, 1), "aaa", tracking_start=D(2026, 1, 2))
    assert tracking_start_of(data, AS_OF) == D(2026, 1, 2)


@pytest.mark.parametrize("kind", ["day", "meeting", "contact", "checkin"])
def test_8_1_tracking_start_is_earliest_record_of_any_counted_kind(kind):
    early = D(2026, 1, 3)
    base = journal(D(2026, 1, 10), "a")
    extra = {
        "day": {"days": base.days + day_records(early, "?")},
        "meeting": {"meetings": meetings_on([early])},
        "contact": {"contacts": contacts_on([early], two_way=False)},
        "checkin": {"checkins": (checkin(early, 1, 1),)},
    }[kind]
    data = JournalData(**{**{"days": base.days}, **extra})
    assert tracking_start_of(data, AS_OF) == early


def test_8_1_entries_anchors_and_sponsor_start_do_not_count():
    early = D(2025, 6, 1)
    data = JournalData(
        days=day_records(D(2026, 1, 10), "a"),
        journal_entries=(JournalEntry(dt.datetime(2025, 6, 1, tzinfo=dt.UTC), "hi", date=early),),
        anchor_events=(AnchorEvent(early, "birthday"),),
        sponsors=(Sponsor("s1", "Sam", early),),
    )
    assert tracking_start_of(data, AS_OF) == D(2026, 1, 10)


def test_8_1_no_records_means_no_tracking_start():
    assert tracking_start_of(JournalData(), AS_OF) is None


def test_8_2_records_after_as_of_do_not_set_tracking_start():
    data = journal(D(2026, 1, 10), "a", meetings=[D(2026, 1, 20)])
    assert tracking_start_of(data, D(2026, 1, 9)) is None
    assert tracking_start_of(data, D(2026, 1, 10)) == D(2026, 1, 10)


def test_missing_days_are_unknown_and_records_outside_the_span_are_left_out():
    data = journal(D(2026, 1, 1), "ua-a?ua", tracking_start=D(2026, 1, 2))
    calendar = DayCalendar.from_journal(data, D(2026, 1, 6))
    assert calendar.statuses == (
        DayStatus.ABSTINENT,
        DayStatus.UNKNOWN,  # no record
        DayStatus.ABSTINENT,
        DayStatus.UNKNOWN,  # recorded as not remembered
        DayStatus.USED,
    )
    assert calendar.status_on(D(2026, 1, 1)) is None  # before tracking start
    assert calendar.status_on(D(2026, 1, 7)) is None  # after as_of
    counts = calendar.counts(D(2025, 12, 1), D(2026, 2, 1))
    assert (counts.abstinent, counts.used, counts.unknown) == (2, 1, 2)


def test_counts_of_a_sub_window():
    calendar = DayCalendar.from_journal(journal(D(2026, 1, 1), "auau-aa"), D(2026, 1, 7))
    counts = calendar.counts(D(2026, 1, 2), D(2026, 1, 5))
    assert (counts.abstinent, counts.used, counts.unknown) == (1, 2, 1)
    assert calendar.counts(D(2026, 1, 5), D(2026, 1, 4)).days == 0


def test_tracking_start_after_as_of_gives_an_empty_calendar():
    data = JournalData(settings=Settings(tracking_start=D(2026, 2, 1)))
    calendar = DayCalendar.from_journal(data, D(2026, 1, 1))
    assert calendar.tracking_start == D(2026, 2, 1)
    assert calendar.first_day is None
    assert calendar.statuses == ()

from recovery_journal.domain.contacts import summarize_contacts, two_way_contacts
from recovery_journal.domain.models import (
    ContactMode,
    JournalData,
    Settings,
    SponsorContact,
    WeekStart,
)

from .builders import D

TRACKING_START = D(2026, 1, 5)
AS_OF = D(2026, 3, 4)


def contact(date, two_way=True, sponsor_key="s1"):
    return SponsorContact(date, ContactMode.TEXT, sponsor_key=sponsor_key, two_way=two_way)


def summary(contacts, as_of=AS_OF, tracking_start=TRACKING_START, week_start=WeekStart.MONDAY):
    data = JournalData(
        settings=Settings(tracking_start=tracking_start, week_start=week_start),
        contacts=tuple(contacts),
    )
    return summarize_contacts(two_way_contacts(data, as_of), tracking_start)


def test_8_6_contact_windows_count_two_way_records_not_days_and_are_not_clipped():
    result = summary(
        [
            contact(D(2025, 12, 20)),  # before tracking start, inside 90 days
            contact(D(2026, 2, 10)),
            contact(D(2026, 3, 1)),
            contact(D(2026, 3, 1)),  # same day, counted again
            contact(D(2026, 3, 2), two_way=False),  # one-way: not counted
            contact(D(2026, 3, 5)),  # after as_of
        ]
    )
    assert (result.contacts_7, result.contacts_30, result.contacts_90) == (2, 3, 4)


def test_8_9_days_since_contact():
    assert summary([contact(D(2026, 2, 20))]).days_since_contact == 12
    assert summary([contact(AS_OF)]).days_since_contact == 0
    assert summary([]).days_since_contact is None
    assert summary([contact(D(2026, 3, 5))]).days_since_contact is None
    assert summary([contact(D(2026, 3, 3), two_way=False)]).days_since_contact is None


def test_8_9_contacts_with_no_sponsor_named_count():
    result = summary([contact(D(2026, 3, 3), sponsor_key=None)])
    assert (result.days_since_contact, result.contacts_7) == (1, 1)


def test_8_7_weeks_with_contact_last_12_complete_weeks():
    # 8 tracked complete weeks (Jan 5 .. Feb 23); contacts in weeks Jan 12 and Feb 16;
    # the one on Mar 3 is in the current week, the one-way in week Feb 2 does not count
    result = summary(
        [
            contact(D(2026, 1, 14)),
            contact(D(2026, 2, 3), two_way=False),
            contact(D(2026, 2, 22)),
            contact(D(2026, 3, 3)),
        ]
    )
    assert result.weeks_with_contact_pct_12 == 25.0


def test_weeks_with_contact_respects_sunday_weeks():
    # Sunday 2026-03-01 starts the current Sunday week but ends the last Monday week
    assert summary([contact(D(2026, 3, 1))]).weeks_with_contact_pct_12 == 12.5
    sunday = summary([contact(D(2026, 3, 1))], week_start=WeekStart.SUNDAY)
    assert sunday.weeks_with_contact_pct_12 == 0.0


def test_8_7_weeks_with_contact_null_when_no_week_is_tracked():
    assert (
        summary([contact(D(2026, 3, 3))], tracking_start=D(2026, 3, 2)).weeks_with_contact_pct_12
        is None
    )

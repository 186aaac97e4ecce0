"""The rules of people, their entries and regular meetings (forms, command line, import)."""

from __future__ import annotations

import datetime as dt

from recovery_journal.domain.models import (
    ContactMode,
    Fellowship,
    JournalData,
    Meeting,
    Person,
    PersonEntry,
    RegularMeeting,
    SponsorContact,
    Weekday,
)
from recovery_journal.domain.validation import validate_journal, validate_record

TODAY = dt.date(2025, 6, 1)


def _fields(errors) -> list[str]:
    return [e.field for e in errors]


def test_a_person_needs_an_id_and_a_name():
    assert _fields(validate_record(Person("", "  "), TODAY)) == ["key", "name"]
    assert validate_record(Person("p", "Jo"), TODAY) == []


def test_an_entry_names_someone_in_the_list_and_is_not_in_the_future():
    entry = PersonEntry(TODAY + dt.timedelta(days=1), "nobody")
    errors = validate_record(entry, TODAY, person_keys={"p"})
    assert _fields(errors) == ["date", "person_key"]
    assert errors[1].message == "This person is not in your network list."


def test_meetings_and_contacts_may_name_someone_in_the_list():
    meeting = Meeting(date=TODAY, fellowship=Fellowship.AA, person_key="x")
    contact = SponsorContact(date=TODAY, mode=ContactMode.PHONE, person_key="x")
    assert _fields(validate_record(meeting, TODAY, person_keys={"p"})) == ["person_key"]
    assert _fields(validate_record(contact, TODAY, set(), person_keys={"p"})) == ["person_key"]
    assert validate_record(meeting, TODAY, person_keys={"x"}) == []


def test_a_regular_meeting_needs_a_name_and_a_day():
    bad = RegularMeeting(" ", Fellowship.OTHER, (), dt.time(19, 0))
    assert sorted(_fields(validate_record(bad, TODAY))) == ["fellowship_label", "name", "weekdays"]
    twice = RegularMeeting("M", Fellowship.AA, (Weekday.MONDAY, Weekday.MONDAY), dt.time(7, 0))
    assert _fields(validate_record(twice, TODAY)) == ["weekdays[1]"]


def test_the_journal_rules_across_records():
    data = JournalData(
        people=(Person("p", "Jo"), Person("p", "Jo again")),
        person_entries=(PersonEntry(TODAY, "q"),),
        meetings=(Meeting(date=TODAY, fellowship=Fellowship.AA, person_key="q"),),
    )
    found = [(p.collection, p.index, p.error.field) for p in validate_journal(data, TODAY)]
    assert found == [
        ("people", 1, "key"),
        ("person_entries", 0, "person_key"),
        ("meetings", 0, "person_key"),
    ]

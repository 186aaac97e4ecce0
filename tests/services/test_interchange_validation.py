"""``domain.validation``: the rules shared by forms, the command line and the import."""

from __future__ import annotations

import datetime as dt

import pytest

from recovery_journal.domain.models import (
    AllianceCheckin,
    AnchorEvent,
    CallListPerson,
    ContactMode,
    DayRecord,
    DayStatus,
    Fellowship,
    JournalData,
    JournalEntry,
    Meeting,
    Settings,
    Sponsor,
    SponsorContact,
)
from recovery_journal.domain.validation import (
    FieldError,
    validate_anchor_event,
    validate_call_person,
    validate_checkin,
    validate_contact,
    validate_day,
    validate_journal,
    validate_journal_entry,
    validate_meeting,
    validate_settings,
    validate_sponsor,
)

TODAY = dt.date(2025, 3, 1)
D = dt.date(2025, 2, 1)
NOW = dt.datetime(2025, 2, 1, 20, 0, tzinfo=dt.UTC)


def fields(errors: list[FieldError]) -> list[str]:
    return [e.field for e in errors]


def test_a_good_day_has_no_errors() -> None:
    day = DayRecord(date=TODAY, status=DayStatus.USED, craving=10, confidence=0, mood=5, step=12)
    assert validate_day(day, TODAY) == []


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"date": dt.date(2025, 3, 2)}, "date", "The date can't be in the future."),
        ({"craving": 11}, "craving", "Craving must be between 0 and 10."),
        ({"craving": -1}, "craving", "Craving must be between 0 and 10."),
        ({"confidence": 11}, "confidence", "Confidence must be between 0 and 10."),
        ({"mood": 0}, "mood", "Mood must be between 1 and 5."),
        ({"step": 13}, "step", "The step must be between 1 and 12."),
        ({"craving": True}, "craving", "Craving must be a whole number."),
        ({"status": "sober"}, "status", "The day must be one of: abstinent, used, unknown."),
        ({"activities": ("gym",)}, "activities[0]", None),
        ({"activities": ("reading", "reading")}, "activities[1]", "An activity is listed twice."),
        ({"substances": (" ",)}, "substances[0]", "A substance can't be empty."),
        ({"entered_at": dt.datetime(2025, 1, 1)}, "entered_at", None),
    ],
)
def test_day_rules(changes: dict[str, object], field: str, message: str | None) -> None:
    fields_ = {"date": D, "status": DayStatus.ABSTINENT, **changes}
    errors = validate_day(DayRecord(**fields_), TODAY)  # type: ignore[arg-type]
    assert fields(errors) == [field]
    if message:
        assert errors[0].message == message
    assert errors[0].reason


def test_meeting_rules() -> None:
    ok = Meeting(date=D, fellowship=Fellowship.AA, duration_min=60, helpfulness=10)
    assert validate_meeting(ok, TODAY) == []
    other = Meeting(date=D, fellowship=Fellowship.OTHER, fellowship_label=" ")
    assert fields(validate_meeting(other, TODAY)) == ["fellowship_label"]
    assert (
        validate_meeting(Meeting(date=D, fellowship=Fellowship.OTHER, fellowship_label="RD"), TODAY)
        == []
    )
    bad = Meeting(
        date=dt.date(2025, 3, 2),
        fellowship=Fellowship.AA,
        duration_min=1441,
        helpfulness=11,
        format="zoom",  # type: ignore[arg-type]
        service_role="boss",  # type: ignore[arg-type]
        shared="yes",  # type: ignore[arg-type]
    )
    assert fields(validate_meeting(bad, TODAY)) == [
        "date",
        "format",
        "duration_min",
        "shared",
        "service_role",
        "helpfulness",
    ]


def test_sponsor_rules() -> None:
    assert validate_sponsor(Sponsor(key="d", name="Dana", started_on=D)) == []
    assert validate_sponsor(Sponsor(key="d", name="Dana", started_on=D, ended_on=D)) == []
    errors = validate_sponsor(
        Sponsor(key="", name="", started_on=D, ended_on=D - dt.timedelta(days=1))
    )
    assert fields(errors) == ["key", "name", "ended_on"]
    assert errors[2].message == "The end date can't be before the start date."


def test_contact_and_checkin_rules() -> None:
    contact = SponsorContact(date=D, mode=ContactMode.PHONE, sponsor_key="d", duration_min=0)
    assert validate_contact(contact, TODAY, {"d"}) == []
    assert validate_contact(contact, TODAY) == []  # no sponsor list given: not checked
    assert fields(validate_contact(contact, TODAY, set())) == ["sponsor_key"]
    future = SponsorContact(date=dt.date(2025, 3, 2), mode=ContactMode.TEXT, duration_min=-1)
    assert fields(validate_contact(future, TODAY)) == ["date", "duration_min"]
    checkin = AllianceCheckin(date=D, answers={"B1": 4, "R2": 0, "G1": None})
    assert validate_checkin(checkin, TODAY) == []
    bad = AllianceCheckin(date=dt.date(2025, 3, 2), answers={"B1": 5, "Z9": 1})
    assert fields(validate_checkin(bad, TODAY)) == ["date", "answers.B1", "answers.Z9"]


def test_entry_anchor_and_call_list_rules() -> None:
    assert validate_journal_entry(JournalEntry(created_at=NOW, body="x")) == []
    assert validate_journal_entry(JournalEntry(created_at=NOW, body="", title="t")) == []
    assert fields(validate_journal_entry(JournalEntry(created_at=NOW, body=" "))) == ["body"]
    naive = JournalEntry(created_at=dt.datetime(2025, 1, 1), body="x", tags=("",))
    assert fields(validate_journal_entry(naive)) == ["created_at", "tags[0]"]
    assert fields(validate_anchor_event(AnchorEvent(date=D, label=""))) == ["label"]
    assert validate_anchor_event(AnchorEvent(date=dt.date(2030, 1, 1), label="x")) == []
    assert fields(validate_call_person(CallListPerson(name=""))) == ["name"]


def test_settings_rules() -> None:
    assert validate_settings(Settings(), TODAY) == []
    assert validate_settings(Settings(personal_rule_use_days=3, personal_rule_window_days=7)) == []
    bad = Settings(
        sobriety_date=dt.date(2025, 3, 2),
        contact_gap_days=0,
        backups_kept=0,
        personal_rule_use_days=8,
        personal_rule_window_days=7,
    )
    assert fields(validate_settings(bad, TODAY)) == [
        "sobriety_date",
        "contact_gap_days",
        "backups_kept",
        "personal_rule_use_days",
    ]
    assert fields(validate_settings(Settings(personal_rule_use_days=3))) == [
        "personal_rule_window_days"
    ]


def test_journal_rules_across_records() -> None:
    data = JournalData(
        days=(
            DayRecord(date=D, status=DayStatus.ABSTINENT),
            DayRecord(date=D, status=DayStatus.USED),
        ),
        sponsors=(
            Sponsor(key="d", name="Dana", started_on=D),
            Sponsor(key="d", name="Di", started_on=D),
        ),
        contacts=(SponsorContact(date=D, mode=ContactMode.PHONE, sponsor_key="x"),),
    )
    problems = validate_journal(data, TODAY)
    assert [(p.collection, p.index, p.error.field) for p in problems] == [
        ("days", 1, "date"),
        ("sponsors", 1, "key"),
        ("contacts", 0, "sponsor_key"),
    ]


def test_words_are_kind() -> None:
    everything = validate_day(
        DayRecord(date=dt.date(2030, 1, 1), status="x", craving=99, mood=0),  # type: ignore[arg-type]
        TODAY,
    )
    for error in everything:
        for word in ("relapse", "failure", "invalid"):
            assert word not in error.message.lower()
        assert error.message.endswith(".")

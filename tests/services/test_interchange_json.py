"""The JSON interchange format v1: export, parse, refuse, import."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from recovery_journal.domain.models import DayRecord, DayStatus, Settings, Sponsor, Theme
from recovery_journal.services.demo import generate_demo
from recovery_journal.services.interchange_json import (
    ImportRefused,
    JournalNotEmptyError,
    export_json,
    import_into,
    json_path,
    parse_json,
)
from recovery_journal.storage.database import JournalDatabase
from recovery_journal.storage.repository import JournalRepository

TODAY = dt.date(2025, 3, 1)
EXPORTED = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)

SAMPLE: dict[str, Any] = {
    "format": "recovery-journal",
    "version": 1,
    "exported_at": "2025-03-01T08:00:00Z",
    "settings": {
        "tracking_start": "2025-01-01",
        "sobriety_date": "2025-01-03",
        "week_start": "sunday",
    },
    "days": [
        {
            "date": "2025-01-01",
            "status": "abstinent",
            "substances": [],
            "craving": 6,
            "confidence": 5,
            "mood": 3,
            "activities": ["step_work", "reading"],
            "step": 1,
            "note": "First day. Long walk by the canal.",
            "amount": "",
            "entered_at": "2025-01-01T21:05:00Z",
        },
        {
            "date": "2025-01-02",
            "status": "used",
            "substances": ["alcohol"],
            "craving": 9,
            "confidence": 2,
            "mood": 1,
            "activities": [],
            "step": None,
            "note": "Hard evening; called Jo.",
            "amount": "4 drinks",
            "entered_at": "2025-01-06T08:00:00.123456Z",
        },
        {
            "date": "2025-01-03",
            "status": "unknown",
            "substances": [],
            "craving": None,
            "confidence": None,
            "mood": None,
            "activities": [],
            "step": None,
            "note": "",
            "amount": "",
            "entered_at": "2025-01-04T10:00:00Z",
        },
    ],
    "sponsors": [
        {"id": "dana", "name": "Dana K.", "started_on": "2024-06-01", "ended_on": "2025-01-15"},
        {"id": "lou", "name": "Lou", "started_on": "2025-01-16", "ended_on": None},
    ],
    "meetings": [
        {
            "date": "2025-01-01",
            "time": None,
            "fellowship": "NA",
            "fellowship_label": None,
            "name": "",
            "format": "in_person",
            "duration_min": None,
            "home_group": False,
            "shared": False,
            "service_role": "none",
            "talked_with_members": False,
            "helpfulness": None,
            "notes": "",
        },
        {
            "date": "2025-01-01",
            "time": "19:30",
            "fellowship": "other",
            "fellowship_label": "Recovery Dharma",
            "name": "Wednesday sit",
            "format": "online",
            "duration_min": 75,
            "home_group": True,
            "shared": True,
            "service_role": "secretary",
            "talked_with_members": True,
            "helpfulness": 8,
            "notes": "Shared for the first time.",
        },
    ],
    "sponsor_contacts": [
        {
            "date": "2025-01-02",
            "time": "22:15",
            "sponsor_id": "dana",
            "mode": "phone",
            "initiated_by": "sponsor",
            "two_way": True,
            "duration_min": 25,
            "topics": ["craving", "life"],
            "notes": "Talked me through it.",
        },
        {
            "date": "2025-01-20",
            "time": None,
            "sponsor_id": None,
            "mode": "text",
            "initiated_by": "me",
            "two_way": False,
            "duration_min": None,
            "topics": [],
            "notes": "",
        },
    ],
    "alliance_checkins": [
        {
            "date": "2025-01-20",
            "sponsor_id": "lou",
            "answers": {
                "B1": 3,
                "B2": 4,
                "R1": 3,
                "R2": 0,
                "G1": 2,
                "G2": None,
                "T1": 3,
                "T2": 4,
            },
            "note": "Early days.",
        }
    ],
    "journal_entries": [
        {
            "created_at": "2025-01-02T23:00:00Z",
            "title": "After the café",
            "body": "The craving passed.",
            "tags": ["craving"],
            "date": "2025-01-02",
        }
    ],
    "anchor_events": [{"date": "2024-12-25", "label": "Christmas at my sister's"}],
    "call_list": [{"name": "Lou", "role": "sponsor", "phone": "07700 900123"}],
}


def sample_text() -> str:
    return json.dumps(SAMPLE)


@pytest.fixture
def repo() -> Iterator[JournalRepository]:
    db = JournalDatabase.new()
    yield JournalRepository(db)
    db.close()


def _without_exported_at(text: str) -> str:
    document = json.loads(text)
    document.pop("exported_at")
    return json.dumps(document)


# -- export and parse -------------------------------------------------------------------------


def as_version_2(document: dict[str, Any]) -> dict[str, Any]:
    """A version 1 document as this program writes it: version 2, with what 2 added empty."""
    upgraded = copy.deepcopy(document)
    upgraded["version"] = 2
    for name in ("meetings", "sponsor_contacts"):
        for record in upgraded[name]:
            record["person_id"] = None
    upgraded.update(people=[], person_entries=[], regular_meetings=[])
    return upgraded


def test_sample_parses_and_exports_to_the_same_document() -> None:
    data = parse_json(sample_text(), TODAY)
    document = json.loads(export_json(data, EXPORTED))
    expected = as_version_2(SAMPLE)
    expected["exported_at"] = "2025-03-01T09:00:00Z"
    assert document == expected


def test_export_parse_export_is_identical_but_for_exported_at() -> None:
    first = export_json(parse_json(sample_text(), TODAY), EXPORTED)
    later = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    second = export_json(parse_json(first, TODAY), later)
    assert second != first
    assert second == first.replace('"2025-03-01T09:00:00Z"', '"2026-01-01T00:00:00Z"')


def test_round_trip_through_a_journal_gives_the_same_file(repo: JournalRepository) -> None:
    demo = generate_demo(TODAY)
    text = export_json(demo, EXPORTED)
    import_into(repo, parse_json(text, TODAY))
    again = export_json(repo.load(), EXPORTED)
    assert again == text
    # and once more through the database bytes
    reopened = JournalRepository(JournalDatabase.from_bytes(repo.database.to_bytes()))
    assert export_json(reopened.load(), EXPORTED) == text


def test_export_sorts_by_date_then_time_then_entry_order() -> None:
    data = parse_json(sample_text(), TODAY)
    shuffled = type(data)(
        settings=data.settings,
        days=tuple(reversed(data.days)),
        meetings=tuple(reversed(data.meetings)),
        sponsors=tuple(reversed(data.sponsors)),
        contacts=tuple(reversed(data.contacts)),
        checkins=data.checkins,
        journal_entries=data.journal_entries,
        anchor_events=data.anchor_events,
        call_list=data.call_list,
    )
    assert export_json(shuffled, EXPORTED) == export_json(data, EXPORTED)


def test_offsets_are_turned_into_utc_and_missing_optionals_take_defaults() -> None:
    text = json.dumps(
        {
            "format": "recovery-journal",
            "version": 1,
            "days": [{"date": "2025-01-01", "status": "abstinent"}],
            "journal_entries": [{"created_at": "2025-01-01T22:00:00-05:00", "body": "x"}],
            "sponsor_contacts": [{"date": "2025-01-01", "mode": "phone"}],
        }
    )
    data = parse_json(text, TODAY)
    assert data.journal_entries[0].created_at == dt.datetime(2025, 1, 2, 3, 0, tzinfo=dt.UTC)
    assert data.days[0] == DayRecord(date=dt.date(2025, 1, 1), status=DayStatus.ABSTINENT)
    assert data.contacts[0].two_way is False
    assert data.settings == Settings()


def test_a_byte_order_mark_and_bytes_are_accepted() -> None:
    assert parse_json(("\ufeff" + sample_text()).encode(), TODAY).days


# -- refusals ---------------------------------------------------------------------------------

Edit = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Edit:
    def edit(doc: dict[str, Any]) -> None:
        *parents, last = _parts(path)
        target: Any = doc
        for part in parents:
            target = target[part]
        target[last] = value

    return edit


def _delete(path: str) -> Edit:
    def edit(doc: dict[str, Any]) -> None:
        *parents, last = _parts(path)
        target: Any = doc
        for part in parents:
            target = target[part]
        del target[last]

    return edit


def _parts(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for piece in path.split("."):
        name, _, index = piece.partition("[")
        parts.append(name)
        if index:
            parts.append(int(index.rstrip("]")))
    return parts


INVALID = [
    (_set("days[1].craving", 11), "$.days[1].craving: must be between 0 and 10"),
    (_set("days[0].craving", -1), "$.days[0].craving: must be between 0 and 10"),
    (_set("days[0].mood", 0), "$.days[0].mood: must be between 1 and 5"),
    (_set("days[0].step", 13), "$.days[0].step: must be between 1 and 12"),
    (_set("days[0].craving", 5.5), "$.days[0].craving: must be a whole number"),
    (_set("days[0].craving", "5"), "$.days[0].craving: must be a whole number"),
    (_set("days[0].craving", True), "$.days[0].craving: must be a whole number"),
    (_set("meetings[1].helpfulness", 12), "$.meetings[1].helpfulness: must be between 0 and 10"),
    (
        _set("meetings[1].duration_min", -5),
        "$.meetings[1].duration_min: must be between 0 and 1440",
    ),
    (
        _set("alliance_checkins[0].answers.B1", 5),
        "$.alliance_checkins[0].answers.B1: must be between 0 and 4",
    ),
    (
        _set("days[0].status", "sober"),
        "$.days[0].status: must be one of 'abstinent', 'used' or 'unknown'",
    ),
    (_set("days[0].activities", ["reading", "gym"]), "$.days[0].activities[1]: must be one of"),
    (_set("meetings[0].fellowship", "aa"), "$.meetings[0].fellowship: must be one of"),
    (_set("sponsor_contacts[0].mode", "email"), "$.sponsor_contacts[0].mode: must be one of"),
    (
        _set("sponsor_contacts[0].topics", ["work"]),
        "$.sponsor_contacts[0].topics[0]: must be one of",
    ),
    (_set("settings.week_start", "friday"), "$.settings.week_start: must be one of"),
    (_set("craving", 3), "$.craving: is not a known field"),
    (_set("days[2].cravings", 3), "$.days[2].cravings: is not a known field"),
    (_set("settings.theme", "dark"), "$.settings.theme: is not a known field"),
    (
        _set("alliance_checkins[0].answers.X1", 3),
        "$.alliance_checkins[0].answers.X1: is not a known field",
    ),
    (_set("call_list[0].email", "a@b"), "$.call_list[0].email: is not a known field"),
    (_delete("days[0].status"), "$.days[0].status: is required"),
    (_delete("days[0].date"), "$.days[0].date: is required"),
    (_delete("meetings[0].fellowship"), "$.meetings[0].fellowship: is required"),
    (_delete("sponsor_contacts[0].mode"), "$.sponsor_contacts[0].mode: is required"),
    (_delete("alliance_checkins[0].answers"), "$.alliance_checkins[0].answers: is required"),
    (_delete("journal_entries[0].body"), "$.journal_entries[0].body: is required"),
    (_delete("journal_entries[0].created_at"), "$.journal_entries[0].created_at: is required"),
    (_delete("sponsors[0].id"), "$.sponsors[0].id: is required"),
    (_delete("sponsors[0].name"), "$.sponsors[0].name: is required"),
    (_delete("anchor_events[0].label"), "$.anchor_events[0].label: is required"),
    (_delete("call_list[0].name"), "$.call_list[0].name: is required"),
    (_delete("format"), "$.format: is required"),
    (_delete("version"), "$.version: is required"),
    (_set("format", "diary"), '$.format: must be "recovery-journal"'),
    (_set("version", 3), "$.version: must be 1 or 2"),
    (_set("version", "1"), "$.version: must be 1 or 2"),
    (_set("version", True), "$.version: must be 1 or 2"),
    (_set("days[0].date", "2025-02-30"), '$.days[0].date: must be a date like "2025-01-31"'),
    (_set("days[0].date", "01/02/2025"), '$.days[0].date: must be a date like "2025-01-31"'),
    (_set("days[0].date", 20250101), '$.days[0].date: must be a date like "2025-01-31"'),
    (_set("meetings[1].time", "7pm"), '$.meetings[1].time: must be a time like "19:30"'),
    (
        _set("days[0].entered_at", "2025-01-01T21:05:00"),
        "$.days[0].entered_at: must include a UTC offset",
    ),
    (
        _set("journal_entries[0].created_at", "2025-01-02 23:00"),
        "$.journal_entries[0].created_at: must include a UTC offset",
    ),
    (_set("exported_at", "yesterday"), "$.exported_at: must be a date and time like"),
    (_set("days[2].date", "2025-01-01"), "$.days[2].date: 2025-01-01 is recorded twice"),
    (_set("days[1].date", "2025-03-02"), "$.days[1].date: must not be after today"),
    (_set("meetings[0].date", "2025-03-02"), "$.meetings[0].date: must not be after today"),
    (
        _set("sponsor_contacts[1].date", "2026-01-01"),
        "$.sponsor_contacts[1].date: must not be after today",
    ),
    (
        _set("alliance_checkins[0].date", "2025-03-02"),
        "$.alliance_checkins[0].date: must not be after today",
    ),
    (
        _set("sponsor_contacts[0].sponsor_id", "sam"),
        "$.sponsor_contacts[0].sponsor_id: must name a sponsor",
    ),
    (
        _set("alliance_checkins[0].sponsor_id", "dan"),
        "$.alliance_checkins[0].sponsor_id: must name a sponsor",
    ),
    (_set("sponsors[1].id", "dana"), "$.sponsors[1].id: is used twice"),
    (
        _set("meetings[1].fellowship_label", None),
        "$.meetings[1].fellowship_label: is required when fellowship is other",
    ),
    (_set("sponsors[0].ended_on", "2024-01-01"), "$.sponsors[0].ended_on: must not be before"),
    (_set("sponsors[0].name", "  "), "$.sponsors[0].name: must not be empty"),
    (_set("days", {}), "$.days: must be a list"),
    (_set("days[0].note", None), "$.days[0].note: must be text"),
    (_set("meetings[0].shared", "yes"), "$.meetings[0].shared: must be true or false"),
    (_set("settings", []), "$.settings: must be an object"),
]


@pytest.mark.parametrize(("edit", "first_line_start"), INVALID)
def test_invalid_files_are_refused_with_path_and_reason(edit: Edit, first_line_start: str) -> None:
    document = copy.deepcopy(SAMPLE)
    edit(document)
    with pytest.raises(ImportRefused) as info:
        parse_json(json.dumps(document), TODAY)
    first = str(info.value).splitlines()[0]
    assert first.startswith("import refused: " + first_line_start)
    path, reason = info.value.errors[0]
    assert first == f"import refused: {path}: {reason}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "import refused: $: is not valid JSON (line 1, column 1)"),
        (
            '{"format": "recovery-journal",',
            "import refused: $: is not valid JSON (line 1, column 31)",
        ),
        ("[1, 2]", "import refused: $: must be a JSON object"),
        ("null", "import refused: $: must be a JSON object"),
        (
            '{"format": "recovery-journal", "version": 1, "version": 1}',
            'import refused: $: the key "version" appears twice in one object',
        ),
    ],
)
def test_malformed_json_is_refused_on_one_line(text: str, message: str) -> None:
    with pytest.raises(ImportRefused) as info:
        parse_json(text, TODAY)
    assert str(info.value) == message


def test_the_exact_example_of_the_design() -> None:
    document = copy.deepcopy(SAMPLE)
    document["days"].append(dict(document["days"][0], date="2025-01-04", craving=12))
    with pytest.raises(ImportRefused) as info:
        parse_json(json.dumps(document), TODAY)
    assert str(info.value) == "import refused: $.days[3].craving: must be between 0 and 10"


def test_at_most_ten_errors_one_per_line() -> None:
    document = copy.deepcopy(SAMPLE)
    document["days"] = [
        {"date": f"2025-01-{n:02d}", "status": "abstinent", "mood": 9} for n in range(1, 16)
    ]
    with pytest.raises(ImportRefused) as info:
        parse_json(json.dumps(document), TODAY)
    lines = str(info.value).splitlines()
    assert len(lines) == 10
    assert lines[0] == "import refused: $.days[0].mood: must be between 1 and 5"
    assert lines[1:] == [f"$.days[{n}].mood: must be between 1 and 5" for n in range(1, 10)]
    assert len(info.value.errors) == 10


def test_json_path_quotes_odd_keys() -> None:
    assert json_path(("days", 3, "craving")) == "$.days[3].craving"
    assert json_path(("answers", "odd key")) == '$.answers["odd key"]'
    assert json_path(()) == "$"


# -- importing into a journal -----------------------------------------------------------------


def test_import_into_an_empty_journal_keeps_device_settings(repo: JournalRepository) -> None:
    repo.update_settings(theme=Theme.DARK, autolock_minutes=2)
    summary = import_into(repo, parse_json(sample_text(), TODAY))
    assert summary.counts["days"] == 3 and summary.total == 13
    settings = repo.settings()
    assert settings.theme == Theme.DARK and settings.autolock_minutes == 2
    assert settings.tracking_start == dt.date(2025, 1, 1)
    assert settings.week_start == "sunday"


def test_import_into_a_journal_with_records_is_refused_by_default(repo: JournalRepository) -> None:
    repo.upsert_day(DayRecord(date=dt.date(2024, 5, 1), status=DayStatus.ABSTINENT))
    before = repo.database.to_bytes()
    with pytest.raises(JournalNotEmptyError) as info:
        import_into(repo, parse_json(sample_text(), TODAY))
    assert str(info.value).startswith("import refused: $: this journal already has records")
    assert repo.database.to_bytes() == before


def test_merge_adds_records_and_reuses_an_identical_sponsor(repo: JournalRepository) -> None:
    repo.upsert_day(DayRecord(date=dt.date(2024, 5, 1), status=DayStatus.ABSTINENT))
    repo.add_sponsor(
        Sponsor(
            key="dana",
            name="Dana K.",
            started_on=dt.date(2024, 6, 1),
            ended_on=dt.date(2025, 1, 15),
        )
    )
    summary = import_into(repo, parse_json(sample_text(), TODAY), "merge")
    assert summary.counts["sponsors"] == 1
    assert [s.key for s in repo.sponsors()] == ["dana", "lou"]
    assert len(repo.days()) == 4


def test_merge_conflicts_name_the_date_and_write_nothing(repo: JournalRepository) -> None:
    repo.upsert_day(DayRecord(date=dt.date(2025, 1, 2), status=DayStatus.ABSTINENT))
    repo.add_sponsor(Sponsor(key="lou", name="Someone else", started_on=dt.date(2020, 1, 1)))
    before = repo.database.to_bytes()
    with pytest.raises(ImportRefused) as info:
        import_into(repo, parse_json(sample_text(), TODAY), "merge")
    assert info.value.errors == [
        ("$.days[1].date", "2025-01-02 is already in this journal"),
        ("$.sponsors[1].id", 'a different sponsor with the id "lou" is already in this journal'),
    ]
    assert repo.database.to_bytes() == before


def test_replace_replaces_everything(repo: JournalRepository) -> None:
    repo.upsert_day(DayRecord(date=dt.date(2024, 5, 1), status=DayStatus.ABSTINENT))
    import_into(repo, parse_json(sample_text(), TODAY), "replace")
    assert [d.date for d in repo.days()] == [dt.date(2025, 1, n) for n in (1, 2, 3)]


def test_days_without_entered_at_get_the_import_time(repo: JournalRepository) -> None:
    text = json.dumps(
        {
            "format": "recovery-journal",
            "version": 1,
            "days": [{"date": "2025-01-01", "status": "used"}],
        }
    )
    import_into(repo, parse_json(text, TODAY))
    entered = repo.days()[0].entered_at
    assert entered is not None and entered.tzinfo is not None
    assert abs(dt.datetime.now(dt.UTC) - entered) < dt.timedelta(minutes=5)

"""The recovery network and the regular meetings through the session: each write checks first,
a person's delete takes their history along and its undo brings everything back, the network
travels through the JSON interchange (version 2) and version 1 files still import."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from recovery_journal.domain.models import (
    ContactMode,
    Fellowship,
    JournalData,
    Meeting,
    Person,
    PersonEntry,
    PersonStance,
    PersonUse,
    RegularMeeting,
    SponsorContact,
    Weekday,
)
from recovery_journal.services.errors import InvalidRecordError
from recovery_journal.services.interchange_json import ImportRefused, export_json, parse_json
from recovery_journal.services.session import JournalSession
from tests.storage.storage_samples import sample_data_v2, strip_ids

PASS = "a long passphrase"
TODAY = dt.date(2026, 3, 18)  # a Wednesday
UTC = dt.UTC


@pytest.fixture
def session(vault_path, fast_kdf):
    session, _ = JournalSession.create(vault_path, PASS, kdf=fast_kdf)
    session.set_clock(lambda: TODAY)
    yield session
    session.close()


def _jo(session: JournalSession) -> Person:
    first = PersonEntry(TODAY, "jo", PersonUse.RECOVERY, PersonStance.SUPPORTS)
    return session.add_person(Person("jo", "Jo"), first)


def test_someone_new_comes_with_their_first_entry_in_one_change(session, vault_path):
    saved = _jo(session)
    assert saved.id is not None
    session.close()
    again = JournalSession.open(vault_path, PASS)
    try:
        data = again.data()
    finally:
        again.close()
    assert [p.name for p in data.people] == ["Jo"]
    assert [(e.person_key, e.stance) for e in data.person_entries] == [
        ("jo", PersonStance.SUPPORTS)
    ]


def test_a_bad_entry_writes_nothing_not_even_the_person(session):
    revision = session.revision
    bad = PersonEntry(TODAY + dt.timedelta(days=1), "jo")
    with pytest.raises(InvalidRecordError) as info:
        session.add_person(Person("jo", "Jo"), bad)
    assert [e.field for e in info.value.errors] == ["person_entry[0].date"]
    assert session.data().people == ()
    assert session.revision == revision


def test_an_entry_or_a_link_must_name_someone_in_the_list(session):
    with pytest.raises(InvalidRecordError, match="not in your network list"):
        session.add_person_entry(PersonEntry(TODAY, "nobody"))
    with pytest.raises(InvalidRecordError, match="not in your network list"):
        session.add_meeting(Meeting(date=TODAY, fellowship=Fellowship.AA, person_key="nobody"))
    _jo(session)
    meeting = session.add_meeting(Meeting(date=TODAY, fellowship=Fellowship.AA, person_key="jo"))
    assert meeting.person_key == "jo"


def test_a_change_over_time_is_a_new_entry_and_the_old_one_stays(session):
    _jo(session)
    session.add_person_entry(
        PersonEntry(TODAY, "jo", PersonUse.HEAVY, PersonStance.AGAINST, in_network=False)
    )
    assert [e.in_network for e in session.data().person_entries] == [True, False]


def test_deleting_someone_takes_their_history_and_undo_brings_it_all_back(session):
    jo = _jo(session)
    session.add_person_entry(PersonEntry(TODAY, "jo", PersonUse.NONE, PersonStance.SUPPORTS))
    meeting = session.add_meeting(Meeting(date=TODAY, fellowship=Fellowship.AA, person_key="jo"))
    contact = session.add_contact(
        SponsorContact(date=TODAY, mode=ContactMode.PHONE, person_key="jo")
    )
    before = strip_ids(session.data())
    deleted = session.delete_records([jo])
    data = session.data()
    assert data.people == () and data.person_entries == ()
    assert [m.person_key for m in data.meetings] == [None]  # the meeting stays, naming no one
    assert [c.person_key for c in data.contacts] == [None]
    session.restore_records(deleted)
    assert strip_ids(session.data()) == before
    assert session.data().meetings[0].id == meeting.id  # relinked, not re-added
    assert session.data().contacts[0].id == contact.id


def test_renaming_a_key_carries_over_to_entries_and_links(session):
    jo = _jo(session)
    session.add_meeting(Meeting(date=TODAY, fellowship=Fellowship.AA, person_key="jo"))
    session.update_person(dataclasses.replace(jo, key="jo-2", name="Joanne"))
    data = session.data()
    assert [e.person_key for e in data.person_entries] == ["jo-2"]
    assert [m.person_key for m in data.meetings] == ["jo-2"]


def test_logging_a_regular_meeting_and_saying_no(session):
    tuesday = session.add_regular_meeting(
        RegularMeeting("Tuesday Hope", Fellowship.AA, (Weekday.TUESDAY,), dt.time(19, 30))
    )
    yesterday = TODAY - dt.timedelta(days=1)
    meeting = session.log_regular_meeting(tuesday, yesterday)
    assert (meeting.date, meeting.name, meeting.time) == (
        yesterday,
        "Tuesday Hope",
        dt.time(19, 30),
    )
    session.decline_regular_meeting(tuesday, yesterday)
    session.decline_regular_meeting(tuesday, yesterday)  # asked twice, kept once
    assert session.settings().declined_meeting_offers == (f"{yesterday.isoformat()}/{tuesday.id}",)
    session.undecline_regular_meeting(tuesday, yesterday)
    assert session.settings().declined_meeting_offers == ()


def test_a_regular_meeting_without_a_day_is_refused(session):
    with pytest.raises(InvalidRecordError, match="at least one day"):
        session.add_regular_meeting(RegularMeeting("M", Fellowship.AA, (), dt.time(7, 0)))
    assert session.data().regular_meetings == ()


# -- the JSON interchange ------------------------------------------------------------------------


def _v2_document() -> dict:
    return json.loads(export_json(sample_data_v2(), dt.datetime(2026, 1, 1, tzinfo=UTC)))


def test_the_network_travels_through_json_and_back():
    document = _v2_document()
    assert document["version"] == 2
    assert document["people"][0] == {
        "id": "p-jo",
        "name": "Jo",
        "relationship": "friend",
        "notes": "From school.",
    }
    assert document["person_entries"][-1]["in_network"] is False
    assert document["regular_meetings"][1]["weekdays"] == ["monday", "friday"]
    data = parse_json(json.dumps(document), TODAY)
    expected = dataclasses.replace(
        sample_data_v2(),
        settings=dataclasses.replace(
            JournalData().settings,
            tracking_start=sample_data_v2().settings.tracking_start,
            sobriety_date=sample_data_v2().settings.sobriety_date,
            week_start=sample_data_v2().settings.week_start,
        ),
    )
    assert strip_ids(data).people == expected.people
    assert data.person_entries == expected.person_entries
    assert data.regular_meetings == expected.regular_meetings
    assert [m.person_key for m in data.meetings] == [m.person_key for m in expected.meetings]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda d: d["person_entries"][0].update(person_id="nobody"),
            "import refused: $.person_entries[0].person_id: must name a person in the people list",
        ),
        (
            lambda d: d["people"][1].update(id="p-jo"),
            "import refused: $.people[1].id: is used twice (also at people[0])",
        ),
        (
            lambda d: d["person_entries"][0].update(stance="hates me"),
            "import refused: $.person_entries[0].stance: must be one of",
        ),
        (
            lambda d: d["regular_meetings"][0].update(weekdays=[]),
            "import refused: $.regular_meetings[0].weekdays: ",
        ),
        (
            lambda d: d["meetings"][2].update(person_id="nobody"),
            "import refused: $.meetings[2].person_id: must name a person in the people list",
        ),
        (
            lambda d: d["people"][0].update(nickname="J"),
            "import refused: $.people[0].nickname: is not a known field",
        ),
    ],
)
def test_bad_network_records_are_refused_with_their_path(edit, message):
    document = _v2_document()
    edit(document)
    with pytest.raises(ImportRefused) as info:
        parse_json(json.dumps(document), TODAY)
    assert str(info.value).startswith(message)


def test_a_version_1_file_knows_nothing_of_the_network():
    document = _v2_document()
    document["version"] = 1
    with pytest.raises(ImportRefused) as info:
        parse_json(json.dumps(document), TODAY)
    paths = [path for path, _reason in info.value.errors]
    assert "$.people" in paths and "$.meetings[2].person_id" in paths
    for name in ("people", "person_entries", "regular_meetings"):
        del document[name]
    for name in ("meetings", "sponsor_contacts"):
        for record in document[name]:
            del record["person_id"]
    data = parse_json(json.dumps(document), TODAY)  # a plain version 1 file imports as always
    assert data.people == () and len(data.meetings) == 3


def test_merging_reuses_the_same_person_and_refuses_a_different_one(session):
    data = parse_json(json.dumps(_v2_document()), TODAY)
    session.import_data(data, "refuse_if_not_empty")
    people = len(session.data().people)
    same = dataclasses.replace(
        data,
        days=(),
        meetings=(),
        contacts=(),
        checkins=(),
        journal_entries=(),
        anchor_events=(),
        call_list=(),
        sponsors=(),
        person_entries=(),
        regular_meetings=(),
    )
    session.import_data(same, "merge")
    assert len(session.data().people) == people
    different = dataclasses.replace(same, people=(Person("p-jo", "Someone else"),))
    with pytest.raises(ImportRefused, match=r"\$\.people\[0\]\.id: a different person"):
        session.import_data(different, "merge")

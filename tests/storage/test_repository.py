"""Records in and out of the database through the repository."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from storage_samples import NOW, UTC, Clock, sample_data, strip_ids

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
    Theme,
    WeekStart,
)
from recovery_journal.storage.database import JournalDatabase
from recovery_journal.storage.errors import RecordConflictError, RecordNotFoundError
from recovery_journal.storage.repository import JournalRepository

D = dt.date


def test_add_all_then_load_gives_every_record_back(repo: JournalRepository) -> None:
    data = sample_data()
    repo.add_all(data)
    loaded = repo.load()
    assert strip_ids(loaded) == replace(data, settings=Settings())
    assert all(r.id is not None for r in loaded.days + loaded.meetings)  # type: ignore[operator]


def test_replace_all_replaces_records_and_settings(repo: JournalRepository) -> None:
    repo.upsert_day(DayRecord(date=D(2020, 1, 1), status=DayStatus.USED))
    repo.add_anchor_event(AnchorEvent(date=D(2020, 1, 2), label="old"))
    repo.replace_all(sample_data())
    assert strip_ids(repo.load()) == sample_data()


def test_everything_survives_to_bytes_and_from_bytes(repo: JournalRepository) -> None:
    repo.replace_all(sample_data())
    again = JournalDatabase.from_bytes(repo.database.to_bytes())
    assert JournalRepository(again).load() == repo.load()
    assert strip_ids(JournalRepository(again).load()) == sample_data()


def test_timestamps_come_back_aware_utc(repo: JournalRepository) -> None:
    offset = dt.timezone(dt.timedelta(hours=-5))
    entry = repo.add_journal_entry(
        JournalEntry(created_at=dt.datetime(2025, 1, 1, 20, 0, tzinfo=offset), body="x")
    )
    loaded = repo.get_journal_entry(entry.id or 0)
    assert loaded is not None
    assert loaded.created_at == dt.datetime(2025, 1, 2, 1, 0, tzinfo=UTC)
    assert loaded.created_at.utcoffset() == dt.timedelta(0)


def test_naive_timestamps_are_refused(repo: JournalRepository) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        repo.add_journal_entry(JournalEntry(created_at=dt.datetime(2025, 1, 1), body="x"))


# -- days -------------------------------------------------------------------------------------


def test_upsert_day_stamps_entered_at_then_updated_at(
    repo: JournalRepository, clock: Clock
) -> None:
    created = repo.upsert_day(DayRecord(date=D(2025, 1, 1), status=DayStatus.ABSTINENT))
    assert created.entered_at == NOW and created.updated_at is None
    clock.now = NOW + dt.timedelta(hours=3)
    # A fresh record for the same date (no id, no entered_at) updates the stored one.
    updated = repo.upsert_day(DayRecord(date=D(2025, 1, 1), status=DayStatus.USED, craving=7))
    assert updated.id == created.id
    assert updated.entered_at == NOW
    assert updated.updated_at == clock.now
    assert repo.get_day(D(2025, 1, 1)) == updated
    assert len(repo.days()) == 1


def test_upsert_day_keeps_an_explicit_entered_at(repo: JournalRepository) -> None:
    when = dt.datetime(2024, 12, 31, 23, 0, tzinfo=UTC)
    day = repo.upsert_day(DayRecord(date=D(2025, 1, 1), status=DayStatus.UNKNOWN, entered_at=when))
    assert day.entered_at == when


def test_upsert_day_by_id_can_move_a_day_but_not_onto_another(repo: JournalRepository) -> None:
    first = repo.upsert_day(DayRecord(date=D(2025, 1, 1), status=DayStatus.ABSTINENT))
    repo.upsert_day(DayRecord(date=D(2025, 1, 3), status=DayStatus.ABSTINENT))
    moved = repo.upsert_day(replace(first, date=D(2025, 1, 2)))
    assert moved.id == first.id
    assert [d.date for d in repo.days()] == [D(2025, 1, 2), D(2025, 1, 3)]
    with pytest.raises(RecordConflictError, match="already in the journal"):
        repo.upsert_day(replace(moved, date=D(2025, 1, 3)))
    assert [d.date for d in repo.days()] == [D(2025, 1, 2), D(2025, 1, 3)]


def test_days_in_a_range_and_delete(repo: JournalRepository) -> None:
    for n in range(1, 6):
        repo.upsert_day(DayRecord(date=D(2025, 1, n), status=DayStatus.ABSTINENT))
    assert [d.date.day for d in repo.days(D(2025, 1, 2), D(2025, 1, 4))] == [2, 3, 4]
    assert [d.date.day for d in repo.days(start=D(2025, 1, 4))] == [4, 5]
    assert [d.date.day for d in repo.days(end=D(2025, 1, 1))] == [1]
    repo.delete_day(D(2025, 1, 3))
    assert repo.get_day(D(2025, 1, 3)) is None
    with pytest.raises(RecordNotFoundError):
        repo.delete_day(D(2025, 1, 3))


# -- the other record types -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "change", "add", "update", "get", "delete", "listing"),
    [
        (
            sample_data().meetings[2],
            {"helpfulness": 3, "notes": "changed"},
            "add_meeting",
            "update_meeting",
            "get_meeting",
            "delete_meeting",
            "meetings",
        ),
        (
            sample_data().contacts[1],
            {"two_way": True, "mode": ContactMode.VIDEO},
            "add_contact",
            "update_contact",
            "get_contact",
            "delete_contact",
            "contacts",
        ),
        (
            replace(sample_data().checkins[0], sponsor_key=None),
            {"answers": dict.fromkeys(("B1", "B2", "R1", "R2", "G1", "G2", "T1", "T2"), 1)},
            "add_checkin",
            "update_checkin",
            "get_checkin",
            "delete_checkin",
            "checkins",
        ),
        (
            sample_data().anchor_events[0],
            {"label": "Boxing Day"},
            "add_anchor_event",
            "update_anchor_event",
            "get_anchor_event",
            "delete_anchor_event",
            "anchor_events",
        ),
        (
            sample_data().call_list[0],
            {"phone": "07700 900999"},
            "add_call_person",
            "update_call_person",
            "get_call_person",
            "delete_call_person",
            "call_list",
        ),
    ],
)
def test_add_get_update_delete(
    repo: JournalRepository,
    record: object,
    change: dict[str, object],
    add: str,
    update: str,
    get: str,
    delete: str,
    listing: str,
) -> None:
    saved = getattr(repo, add)(record)
    assert saved.id is not None
    assert replace(saved, id=None) == record
    assert getattr(repo, get)(saved.id) == saved
    changed = getattr(repo, update)(replace(saved, **change))
    assert getattr(repo, get)(saved.id) == changed
    assert getattr(repo, listing)() == [changed]
    getattr(repo, delete)(saved.id)
    assert getattr(repo, get)(saved.id) is None
    assert getattr(repo, listing)() == []
    with pytest.raises(RecordNotFoundError):
        getattr(repo, delete)(saved.id)
    with pytest.raises(RecordNotFoundError):
        getattr(repo, update)(changed)
    with pytest.raises(RecordNotFoundError):
        getattr(repo, update)(record)  # never saved: no id


def test_journal_entry_update_stamps_updated_at(repo: JournalRepository, clock: Clock) -> None:
    entry = repo.add_journal_entry(JournalEntry(created_at=NOW, body="first", tags=("a",)))
    clock.now = NOW + dt.timedelta(days=1)
    changed = repo.update_journal_entry(replace(entry, body="second", tags=()))
    assert changed.updated_at == clock.now
    assert repo.journal_entries() == [changed]
    repo.delete_journal_entry(changed.id or 0)
    assert repo.journal_entries() == []


def test_sponsor_key_changes_follow_to_contacts_and_delete_keeps_them(
    repo: JournalRepository,
) -> None:
    sponsor = repo.add_sponsor(Sponsor(key="s1", name="Dana", started_on=D(2024, 1, 1)))
    contact = repo.add_contact(
        SponsorContact(date=D(2024, 2, 1), mode=ContactMode.PHONE, sponsor_key="s1")
    )
    checkin = repo.add_checkin(AllianceCheckin(date=D(2024, 2, 1), sponsor_key="s1"))
    repo.update_sponsor(replace(sponsor, key="dana", name="Dana K."))
    assert repo.get_sponsor("dana") == replace(sponsor, key="dana", name="Dana K.")
    assert repo.get_sponsor("s1") is None
    assert repo.get_contact(contact.id or 0).sponsor_key == "dana"  # type: ignore[union-attr]
    # Without an id, a sponsor is found by its key.
    repo.update_sponsor(Sponsor(key="dana", name="D.", started_on=D(2024, 1, 1)))
    assert [s.name for s in repo.sponsors()] == ["D."]
    repo.delete_sponsor("dana")
    assert repo.sponsors() == []
    assert repo.get_contact(contact.id or 0).sponsor_key is None  # type: ignore[union-attr]
    assert repo.get_checkin(checkin.id or 0).sponsor_key is None  # type: ignore[union-attr]
    with pytest.raises(RecordNotFoundError):
        repo.delete_sponsor("dana")


def test_sponsor_keys_are_unique_and_contacts_must_name_a_sponsor(
    repo: JournalRepository,
) -> None:
    repo.add_sponsor(Sponsor(key="s1", name="Dana", started_on=D(2024, 1, 1)))
    with pytest.raises(RecordConflictError, match="sponsor with that id"):
        repo.add_sponsor(Sponsor(key="s1", name="Lou", started_on=D(2024, 1, 1)))
    with pytest.raises(RecordConflictError, match="names a sponsor"):
        repo.add_contact(SponsorContact(date=D(2024, 2, 1), mode=ContactMode.TEXT, sponsor_key="x"))
    assert repo.contacts() == []


def test_lists_come_in_date_then_time_then_entry_order(repo: JournalRepository) -> None:
    def meeting(day: int, hour: int | None, name: str) -> Meeting:
        time = None if hour is None else dt.time(hour)
        return Meeting(date=D(2025, 1, day), fellowship=Fellowship.AA, time=time, name=name)

    for m in [
        meeting(2, 19, "c"),
        meeting(1, 19, "b"),
        meeting(2, None, "d1"),
        meeting(2, 7, "e"),
        meeting(1, 7, "a"),
        meeting(2, None, "d2"),
    ]:
        repo.add_meeting(m)
    assert [m.name for m in repo.meetings()] == ["a", "b", "d1", "d2", "e", "c"]
    assert [m.name for m in repo.load().meetings] == ["a", "b", "d1", "d2", "e", "c"]
    assert [m.name for m in repo.meetings(D(2025, 1, 2), D(2025, 1, 2))] == ["d1", "d2", "e", "c"]
    for n in (3, 1, 2):
        repo.add_checkin(AllianceCheckin(date=D(2025, 1, 5), note=str(n)))
    assert [c.note for c in repo.checkins()] == ["3", "1", "2"]


# -- settings ---------------------------------------------------------------------------------


def test_settings_round_trip_every_field(repo: JournalRepository) -> None:
    wanted = sample_data().settings
    changes = {name: getattr(wanted, name) for name in Settings.__dataclass_fields__}
    assert repo.update_settings(**changes) == wanted
    assert repo.settings() == wanted
    again = JournalDatabase.from_bytes(repo.database.to_bytes())
    assert JournalRepository(again).settings() == wanted


def test_update_settings_changes_only_what_is_named(repo: JournalRepository) -> None:
    repo.update_settings(theme=Theme.LIGHT)
    assert repo.update_settings(week_start=WeekStart.SUNDAY) == Settings(
        theme=Theme.LIGHT, week_start=WeekStart.SUNDAY
    )
    with pytest.raises(TypeError, match="not a setting"):
        repo.update_settings(colour="blue")
    with pytest.raises(TypeError):
        repo.update_settings(autolock_minutes="5")
    assert repo.settings() == Settings(theme=Theme.LIGHT, week_start=WeekStart.SUNDAY)


def test_unknown_stored_settings_are_ignored(repo: JournalRepository) -> None:
    repo.database.connection.execute(
        "INSERT INTO setting (key, value) VALUES ('from_the_future', '1')"
    )
    assert repo.settings() == Settings()


# -- whole-journal operations -----------------------------------------------------------------


def test_add_all_is_all_or_nothing(repo: JournalRepository) -> None:
    repo.upsert_day(DayRecord(date=D(2025, 1, 3), status=DayStatus.ABSTINENT, note="mine"))
    before = repo.load()
    image = repo.database.to_bytes()
    with pytest.raises(RecordConflictError, match="day record for that date"):
        repo.add_all(sample_data())  # also has 2025-01-03, after many other rows
    assert repo.load() == before
    assert repo.database.to_bytes() == image
    dangling = JournalData(
        meetings=sample_data().meetings,
        contacts=(SponsorContact(date=D(2025, 1, 1), mode=ContactMode.PHONE, sponsor_key="zz"),),
    )
    with pytest.raises(RecordConflictError, match="names a sponsor"):
        repo.add_all(dangling)
    assert repo.load() == before


def test_replace_all_is_all_or_nothing(repo: JournalRepository) -> None:
    repo.replace_all(sample_data())
    before = repo.load()
    bad = replace(sample_data(), days=sample_data().days + sample_data().days[:1])
    with pytest.raises(RecordConflictError):
        repo.replace_all(bad)
    assert repo.load() == before


def test_add_all_stamps_missing_entered_at(repo: JournalRepository) -> None:
    repo.add_all(JournalData(days=(DayRecord(date=D(2025, 1, 1), status=DayStatus.USED),)))
    assert repo.days()[0].entered_at == NOW


def test_is_empty(repo: JournalRepository) -> None:
    assert repo.is_empty()
    repo.update_settings(theme=Theme.DARK)
    assert repo.is_empty()
    person = repo.add_call_person(CallListPerson(name="Jo"))
    assert not repo.is_empty()
    repo.delete_call_person(person.id or 0)
    assert repo.is_empty()
    repo.add_sponsor(Sponsor(key="s", name="S", started_on=D(2025, 1, 1)))
    assert not repo.is_empty()


def test_atomic_keeps_every_write_or_none(repo: JournalRepository) -> None:
    kept = repo.upsert_day(DayRecord(date=D(2025, 1, 3), status=DayStatus.ABSTINENT))
    before = repo.load()
    image = repo.database.to_bytes()
    with pytest.raises(RecordNotFoundError), repo.atomic():
        repo.upsert_day(DayRecord(date=D(2025, 1, 4), status=DayStatus.USED))
        repo.add_meeting(Meeting(date=D(2025, 1, 4), fellowship=Fellowship.AA))
        repo.delete_day(kept.date)
        repo.delete_day(D(2025, 1, 9))  # not in the journal: all of the block is taken back
    assert repo.load() == before
    assert repo.database.to_bytes() == image
    with repo.atomic():
        repo.upsert_day(DayRecord(date=D(2025, 1, 4), status=DayStatus.USED))
        with repo.atomic():  # a nested block joins the outer transaction
            repo.delete_day(kept.date)
        assert repo.database.in_transaction
    assert not repo.database.in_transaction
    assert [d.date for d in repo.days()] == [D(2025, 1, 4)]

"""Every write is a service operation that checks first: a refused record is a typed error
and nothing is written; several records changed as one are one transaction and one save."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from recovery_journal.domain.backfill import plan_backfill
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
    Sponsor,
    SponsorContact,
)
from recovery_journal.services import errors
from recovery_journal.services.backfill import apply_backfill, redo_backfill, undo_backfill
from recovery_journal.services.errors import (
    InvalidRecordError,
    RecordConflictError,
    RecordNotFoundError,
)
from recovery_journal.services.session import JournalSession

PASS = "a long passphrase"
TODAY = dt.date(2026, 3, 18)
UTC = dt.UTC


@pytest.fixture
def session(vault_path, fast_kdf):
    session, _ = JournalSession.create(vault_path, PASS, kdf=fast_kdf)
    session.set_clock(lambda: TODAY)
    yield session
    session.close()


@pytest.fixture
def saves(session):
    """Every save attempt of the session, in order."""
    seen: list[object] = []
    session.listeners.append(seen.append)
    return seen


def _unchanged(session, vault_path, before: bytes, revision: int) -> None:
    assert vault_path.read_bytes() == before
    assert session.revision == revision


ROBIN = Sponsor(key="robin", name="Robin", started_on=dt.date(2026, 1, 1))

INVALID = [
    ("save_day", DayRecord(date=TODAY + dt.timedelta(days=1), status=DayStatus.ABSTINENT), "date"),
    ("save_day", DayRecord(date=TODAY, status=DayStatus.ABSTINENT, craving=11), "craving"),
    ("add_meeting", Meeting(date=TODAY, fellowship=Fellowship.OTHER), "fellowship_label"),
    ("add_meeting", Meeting(date=TODAY, fellowship=Fellowship.AA, duration_min=-5), "duration_min"),
    ("add_sponsor", Sponsor(key="s", name="  "), "name"),
    (
        "add_sponsor",
        Sponsor("s", "Lou", started_on=dt.date(2026, 2, 1), ended_on=dt.date(2026, 1, 1)),
        "ended_on",
    ),
    (
        "add_contact",
        SponsorContact(date=TODAY, mode=ContactMode.PHONE, sponsor_key="nobody"),
        "sponsor_key",
    ),
    ("add_checkin", AllianceCheckin(date=TODAY, answers={"B1": 9}), "answers"),
    ("add_journal_entry", JournalEntry(created_at=dt.datetime.now(UTC), body=" "), "body"),
    ("add_anchor_event", AnchorEvent(date=TODAY, label=""), "label"),
    ("add_call_person", CallListPerson(name=""), "name"),
]


@pytest.mark.parametrize(("operation", "record", "field"), INVALID)
def test_an_invalid_record_is_refused_with_a_typed_error_and_nothing_is_written(
    session, vault_path, saves, operation, record, field
):
    before, revision = vault_path.read_bytes(), session.revision
    with pytest.raises(InvalidRecordError) as caught:
        getattr(session, operation)(record)
    assert caught.value.for_field(field), caught.value.errors
    assert str(caught.value) == " ".join(e.message for e in caught.value.errors)
    _unchanged(session, vault_path, before, revision)
    assert saves == []
    assert session.data() == JournalData(settings=session.settings())


def test_updates_are_checked_too(session, vault_path):
    meeting = session.add_meeting(Meeting(date=TODAY, fellowship=Fellowship.AA))
    before, revision = vault_path.read_bytes(), session.revision
    with pytest.raises(InvalidRecordError):
        session.update_meeting(dataclasses.replace(meeting, helpfulness=99))
    _unchanged(session, vault_path, before, revision)
    assert session.data().meetings == (meeting,)


def test_the_forms_ask_the_same_question_without_writing(session):
    bad = DayRecord(date=TODAY + dt.timedelta(days=2), status=DayStatus.USED)
    assert [e.field for e in session.problems(bad)] == ["date"]
    assert session.problems(dataclasses.replace(bad, date=TODAY)) == []
    contact = SponsorContact(date=TODAY, mode=ContactMode.PHONE, sponsor_key="robin")
    assert [e.field for e in session.problems(contact)] == ["sponsor_key"]
    assert session.problems(contact, new_sponsors=["robin"]) == []


def test_settings_changes_are_checked_and_an_old_problem_is_not_held_against_another(
    session, vault_path
):
    before, revision = vault_path.read_bytes(), session.revision
    with pytest.raises(InvalidRecordError) as caught:
        session.update_settings(contact_gap_days=0)
    assert [e.field for e in caught.value.errors] == ["contact_gap_days"]
    with pytest.raises(InvalidRecordError):
        session.update_settings(sobriety_date=TODAY + dt.timedelta(days=1))
    with pytest.raises(InvalidRecordError):
        session.update_settings(personal_rule_use_days=2)  # needs its window too
    _unchanged(session, vault_path, before, revision)
    session.update_settings(personal_rule_use_days=2, personal_rule_window_days=30)
    assert session.settings().personal_rule_window_days == 30


def test_the_errors_the_app_and_command_line_tell_apart_are_in_one_place():
    for name in ("InvalidRecordError", "RecordConflictError", "RecordNotFoundError"):
        assert name in errors.__all__ and getattr(errors, name).__name__ == name
    assert InvalidRecordError([]).exit_code == 2


def test_conflicts_and_missing_records_keep_their_types(session):
    session.add_sponsor(ROBIN)
    with pytest.raises(RecordConflictError):
        session.add_sponsor(dataclasses.replace(ROBIN, name="Another Robin"))
    with pytest.raises(RecordNotFoundError):
        session.delete_meeting(12345)


# -- several records as one ----------------------------------------------------------------------


def test_write_many_is_one_save_and_all_or_nothing(session, vault_path, saves):
    days = [DayRecord(TODAY - dt.timedelta(days=n), DayStatus.ABSTINENT) for n in range(5)]
    stored = session.write_many(put=[ROBIN, *days])
    assert len(saves) == 1 and saves[0].saved
    assert all(record.id is not None for record in stored)
    before, revision = vault_path.read_bytes(), session.revision
    bad = DayRecord(TODAY, DayStatus.USED, mood=9)
    with pytest.raises(InvalidRecordError) as caught:
        session.write_many(put=[Meeting(TODAY, Fellowship.NA), bad], delete=days[:2])
    assert [e.field for e in caught.value.errors] == ["day[0].mood"]
    with pytest.raises(RecordNotFoundError):  # the second delete finds nothing: none happen
        session.write_many(
            delete=[days[0], DayRecord(TODAY - dt.timedelta(days=40), DayStatus.USED)]
        )
    _unchanged(session, vault_path, before, revision)
    assert len(saves) == 1
    assert len(session.data().days) == 5


def test_deleting_several_records_is_one_save_and_undo_brings_them_back(session, saves):
    meetings = [session.add_meeting(Meeting(TODAY, Fellowship.AA, name=f"M{n}")) for n in range(3)]
    saves.clear()
    deleted = session.delete_records(meetings)
    assert len(saves) == 1 and session.data().meetings == ()
    restored = session.restore_records(deleted)
    assert len(saves) == 2
    assert [m.name for m in session.data().meetings] == ["M0", "M1", "M2"]
    assert {m.id for m in restored} == {m.id for m in session.data().meetings}
    session.delete_records(list(restored))  # redo works on the records as they came back
    assert session.data().meetings == ()


def test_bringing_a_sponsor_back_names_them_on_their_contacts_and_checkins_again(session):
    robin = session.add_sponsor(ROBIN)
    contact = session.add_contact(SponsorContact(TODAY, ContactMode.PHONE, sponsor_key="robin"))
    checkin = session.add_checkin(AllianceCheckin(TODAY, sponsor_key="robin"))
    deleted = session.delete_records([robin])
    assert session.data().contacts[0].sponsor_key is None
    assert session.data().checkins[0].sponsor_key is None
    session.restore_records(deleted)
    data = session.data()
    assert [s.key for s in data.sponsors] == ["robin"]
    assert [(c.id, c.sponsor_key) for c in data.contacts] == [(contact.id, "robin")]
    assert [(c.id, c.sponsor_key) for c in data.checkins] == [(checkin.id, "robin")]


def test_a_restored_contact_whose_sponsor_is_gone_comes_back_without_one(session):
    session.add_sponsor(ROBIN)
    contact = session.add_contact(SponsorContact(TODAY, ContactMode.PHONE, sponsor_key="robin"))
    deleted = session.delete_records([contact])
    session.delete_sponsor("robin")
    (restored,) = session.restore_records(deleted)
    assert isinstance(restored, SponsorContact) and restored.sponsor_key is None


def test_a_day_recorded_again_meanwhile_is_not_overwritten_by_an_undo(session):
    day = session.save_day(DayRecord(TODAY, DayStatus.USED, note="first"))
    deleted = session.delete_records([day])
    session.save_day(DayRecord(TODAY, DayStatus.ABSTINENT, note="second"))
    assert session.restore_records(deleted) == ()
    assert [d.note for d in session.data().days] == ["second"]


# -- the calendar's back-fill --------------------------------------------------------------------


def _range(days: int) -> list[dt.date]:
    return [TODAY - dt.timedelta(days=n) for n in range(days - 1, -1, -1)]


def test_a_backfill_of_n_days_is_one_save_and_its_undo_one_more(session, saves):
    kept = session.save_day(DayRecord(TODAY - dt.timedelta(days=3), DayStatus.USED, craving=6))
    saves.clear()
    dates = [*_range(10), TODAY + dt.timedelta(days=1)]
    plan = plan_backfill(session.data(), dates, DayStatus.ABSTINENT, TODAY)
    assert (len(plan.empty), len(plan.different), plan.future) == (9, 1, 1)
    done = apply_backfill(session, plan, replace=True)
    assert len(saves) == 1 and done.count == 10
    days = session.data().days
    assert [d.status for d in days] == [DayStatus.ABSTINENT] * 10
    assert days[6].craving == 6  # a changed day keeps its ratings
    undo_backfill(session, done)
    assert len(saves) == 2
    assert [(d.date, d.status, d.craving) for d in session.data().days] == [
        (kept.date, DayStatus.USED, 6)
    ]
    redo_backfill(session, done, TODAY)
    assert len(saves) == 3 and len(session.data().days) == 10


def test_a_backfill_that_only_fills_empty_days_leaves_recorded_ones(session, saves):
    session.save_day(DayRecord(TODAY, DayStatus.USED))
    plan = plan_backfill(session.data(), _range(4), DayStatus.ABSTINENT, TODAY)
    done = apply_backfill(session, plan, replace=False)
    assert done.count == 3 and done.replaced == ()
    assert session.get_day(TODAY).status == DayStatus.USED  # type: ignore[union-attr]


def test_an_invalid_backfill_writes_nothing(session, vault_path, saves):
    plan = plan_backfill(session.data(), _range(3), DayStatus.ABSTINENT, TODAY)
    session.set_clock(lambda: TODAY - dt.timedelta(days=1))  # the date moved back meanwhile
    before = vault_path.read_bytes()
    with pytest.raises(InvalidRecordError) as caught:
        apply_backfill(session, plan, replace=False)
    assert [e.field for e in caught.value.errors] == ["day[2].date"]
    assert vault_path.read_bytes() == before and saves == []

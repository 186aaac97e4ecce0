"""Issue 10 in the services: CSV formulas neutralised (9), nothing decrypted outlives a lock
(10), and the session's side of items 2, 4 and 12 (a refused save keeps the change)."""

from __future__ import annotations

import csv
import datetime as dt
import errno
import sys
import types

import pytest

from recovery_journal.domain.models import (
    DayRecord,
    DayStatus,
    Fellowship,
    JournalEntry,
    Person,
    PersonEntry,
    RegularMeeting,
    Weekday,
)
from recovery_journal.services.errors import JournalTooLargeError
from recovery_journal.services.interchange_csv import codebook_markdown, export_csv, neutralise
from recovery_journal.services.interchange_json import export_json, parse_json, read_import_file
from recovery_journal.services.session import JournalSession
from recovery_journal.vault import atomic
from recovery_journal.vault import format as fmt
from tests.hostile import FIXTURES

PASS = "a long passphrase"
TODAY = dt.date(2026, 3, 1)


@pytest.fixture
def session(vault_path, fast_kdf):
    session, _ = JournalSession.create(vault_path, PASS, kdf=fast_kdf)
    yield session
    session.close()


# -- item 9: CSV injection ---------------------------------------------------------------------
@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_starts_like_a_formula_gets_an_apostrophe(start):
    assert neutralise(start + "1+1") == "'" + start + "1+1"
    assert neutralise("1+1" + start) == "1+1" + start


def test_csv_export_neutralises_formulas_and_json_stays_exact(tmp_path):
    data = parse_json(read_import_file(FIXTURES / "import-formulas.json"), TODAY)
    export_csv(data, tmp_path / "csv")
    with (tmp_path / "csv" / "days.csv").open(newline="", encoding="utf-8") as handle:
        notes = [row["note"] for row in csv.DictReader(handle)]
    assert notes == [
        '\'=HYPERLINK("http://example.invalid","click")',
        "'+1+1",
        "'-2+3",
        "'@SUM(A1:A2)",
        "'\t=1+1",
        "'\r=1+1",
        "a plain note = fine",
    ]
    with (tmp_path / "csv" / "call_list.csv").open(newline="", encoding="utf-8") as handle:
        (person,) = csv.DictReader(handle)
    assert person["name"].startswith("'=") and person["phone"] == "'+44 20 0000"
    document = export_json(data, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert '"note": "=HYPERLINK(' in document and '"note": "+1+1"' in document
    assert "apostrophe" in codebook_markdown() and "OWASP" in codebook_markdown()


# -- item 10: nothing decrypted outlives a lock -------------------------------------------------
MARK = "MARKER-7f3a"


def _strings_in(value, seen, depth=0):
    """Every string reachable from ``value`` through containers and plain objects."""
    if id(value) in seen or depth > 12:
        return
    seen.add(id(value))
    if isinstance(value, str):
        yield value
    elif isinstance(value, bytes | bytearray):
        yield bytes(value).decode("latin-1")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings_in(key, seen, depth + 1)
            yield from _strings_in(item, seen, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _strings_in(item, seen, depth + 1)
    elif hasattr(value, "cache_info") and hasattr(value, "__wrapped__"):
        # an lru_cache keeps its entries out of reach; one with entries counts as a leak
        if value.cache_info().currsize:
            yield f"<lru_cache {value.__wrapped__.__qualname__} holds {value.cache_info()}>"
    elif hasattr(value, "__dict__") and not isinstance(value, type | types.ModuleType):
        yield from _strings_in(vars(value), seen, depth + 1)
    elif hasattr(value, "__slots__"):
        for slot in value.__slots__:
            yield from _strings_in(getattr(value, slot, None), seen, depth + 1)


def _kept_caches():
    """Module-level values of every storage and services module (their caches)."""
    for name, module in list(sys.modules.items()):
        if name.startswith(("recovery_journal.storage", "recovery_journal.services")):
            for attribute, value in vars(module).items():
                if not attribute.startswith("__") and not isinstance(value, types.ModuleType):
                    yield f"{name}.{attribute}", value


def _leaks(*roots):
    found = []
    for where, value in [*_kept_caches(), *((f"root {i}", r) for i, r in enumerate(roots))]:
        if isinstance(value, type | types.FunctionType) and not hasattr(value, "cache_info"):
            continue
        for text in _strings_in(value, set()):
            if MARK in text or text.startswith("<lru_cache"):
                found.append(where)
                break
    return found


def test_names_of_the_network_are_never_on_disk_in_plain_text(session, vault_path):
    session.add_person(Person(key="p1", name=f"{MARK} name"), PersonEntry(TODAY, "p1"))
    session.add_regular_meeting(
        RegularMeeting(f"{MARK} meeting", Fellowship.AA, (Weekday.MONDAY,), dt.time(19, 0))
    )
    session.backup_now("test")
    assert session.data().people[0].name == f"{MARK} name"
    folders = {vault_path.parent, *vault_path.parent.rglob("*")}
    for path in folders:
        assert MARK not in path.name
        if path.is_file():
            assert MARK.encode() not in path.read_bytes(), path


@pytest.mark.parametrize("end", ["lock", "close"])
def test_nothing_the_person_typed_is_kept_in_any_cache_after_lock(session, end):
    session.save_day(
        DayRecord(
            date=TODAY,
            status=DayStatus.USED,
            substances=(f"{MARK} substance",),
            note=f"{MARK} note",
        )
    )
    session.add_journal_entry(
        JournalEntry(
            created_at=dt.datetime(2026, 3, 1, 20, tzinfo=dt.UTC),
            body=f"{MARK} body",
            tags=(f"{MARK} tag",),
        )
    )
    session.add_person(  # people's names are journal content too (issue 14, item 9)
        Person(key="p1", name=f"{MARK} name", notes=f"{MARK} notes"),
        PersonEntry(TODAY, "p1", note=f"{MARK} entry"),
    )
    session.add_regular_meeting(
        RegularMeeting(f"{MARK} meeting", Fellowship.AA, (Weekday.MONDAY,), dt.time(19, 0))
    )
    session.data()  # read everything back through the row converters and their caches
    assert _leaks(session)  # the marker is found while unlocked: the search works
    getattr(session, end)()
    assert _leaks(session) == []


# -- items 2, 4 and 12: what the session keeps when a save is refused ----------------------------
def test_a_save_over_the_size_bound_keeps_the_change_in_memory(session, vault_path, monkeypatch):
    before = vault_path.read_bytes()
    monkeypatch.setattr(fmt, "MAX_PAYLOAD", len(session.database.to_bytes()) + fmt.TAG_LEN)
    session.save_day(DayRecord(date=TODAY, status=DayStatus.ABSTINENT, note="x" * 20_000))
    assert not session.save_state.saved
    assert isinstance(session.save_state.error, JournalTooLargeError)
    assert vault_path.read_bytes() == before
    assert session.get_day(TODAY).note == "x" * 20_000  # kept in memory


def test_the_save_state_says_when_a_save_was_not_confirmed_on_disk(session, monkeypatch):
    def refuse(folder):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic, "fsync_directory", refuse)
    session.save_day(DayRecord(date=TODAY, status=DayStatus.ABSTINENT))
    assert session.save_state.saved and not session.save_state.durable
    assert not session.all_saves_durable
    monkeypatch.undo()
    session.save_day(DayRecord(date=TODAY, status=DayStatus.USED))
    assert session.save_state.durable
    assert not session.all_saves_durable  # the command line still reports the first one


def test_a_read_only_session_keeps_changes_in_memory_and_says_why(tmp_path):
    import shutil

    path = tmp_path / "journal.rjvault"
    shutil.copyfile(FIXTURES / "newer-minor.rjvault", path)
    before = path.read_bytes()
    session = JournalSession.open(path, "hostile fixture passphrase")
    try:
        assert "newer version" in session.read_only
        assert session.data().days[0].note == "written by 1.1"
        session.save_day(DayRecord(date=TODAY, status=DayStatus.ABSTINENT))
        assert not session.save_state.saved
        assert "reading only" in session.save_state.error.message
        session.lock()
        session.unlock("hostile fixture passphrase")
        assert session.get_day(TODAY) is not None  # still in memory after an auto-lock
    finally:
        session.close()
    assert path.read_bytes() == before

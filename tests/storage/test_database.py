"""The in-memory database and its bytes."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from storage_samples import sample_data

from recovery_journal.domain.models import DayRecord, DayStatus, Settings
from recovery_journal.storage.database import JournalDatabase
from recovery_journal.storage.errors import DatabaseCheckError, UncommittedChangesError
from recovery_journal.storage.migrations import APPLICATION_ID, CURRENT_SCHEMA_VERSION
from recovery_journal.storage.repository import JournalRepository


def _filled() -> JournalDatabase:
    db = JournalDatabase.new()
    JournalRepository(db).add_all(sample_data())
    return db


def test_new_is_empty_at_current_version_with_default_settings(db: JournalDatabase) -> None:
    repo = JournalRepository(db)
    assert db.schema_version == CURRENT_SCHEMA_VERSION
    assert not db.needs_migration
    assert repo.is_empty()
    assert repo.settings() == Settings()
    stored = db.connection.execute("SELECT count(*) FROM setting").fetchone()[0]
    assert stored == len(Settings.__dataclass_fields__)


def test_database_lives_in_memory_only(db: JournalDatabase) -> None:
    conn = db.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "memory"
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert [row[2] for row in conn.execute("PRAGMA database_list")] == [""]
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_bytes_round_trip_keeps_everything() -> None:
    db = _filled()
    before = JournalRepository(db).load()
    data = db.to_bytes()
    assert data.startswith(b"SQLite format 3\x00")
    assert data[18] == 1 and data[19] == 1  # rollback journal, never WAL
    again = JournalDatabase.from_bytes(data)
    assert JournalRepository(again).load() == before
    assert again.to_bytes() == data
    again.close()
    db.close()


def test_reopened_database_accepts_changes_and_search() -> None:
    db = JournalDatabase.from_bytes(_filled().to_bytes())
    repo = JournalRepository(db)
    repo.upsert_day(DayRecord(date=dt.date(2025, 2, 1), status=DayStatus.ABSTINENT, note="kayak"))
    assert [h.kind for h in repo.search("kayak")] == ["day"]
    assert [h.kind for h in repo.search("canal")] == ["day"]
    db.integrity_check()


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"not a database",
        b"SQLite format 3\x00",  # just the magic
        b"SQLite format 3\x00" + bytes(4080),
        bytes(range(256)) * 64,
    ],
)
def test_from_bytes_refuses_garbage(garbage: bytes) -> None:
    with pytest.raises(DatabaseCheckError) as info:
        JournalDatabase.from_bytes(garbage)
    assert "journal" in str(info.value)


def test_from_bytes_refuses_a_corrupted_image() -> None:
    data = bytearray(_filled().to_bytes())
    page = 4096
    # Scribble over every page after the schema page: the image must not pass the checks.
    for start in range(page, len(data), page):
        data[start + 8 : start + 200] = b"\xa5" * 192
    with pytest.raises(DatabaseCheckError) as info:
        JournalDatabase.from_bytes(bytes(data))
    assert "damaged" in str(info.value)
    assert info.value.detail


def test_from_bytes_refuses_a_damaged_table_page() -> None:
    db = _filled()
    conn = db.connection
    root = conn.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'day_record'").fetchone()
    data = bytearray(db.to_bytes())
    offset = (root[0] - 1) * 4096
    data[offset : offset + 1] = b"\x07"  # not a b-tree page type
    with pytest.raises(DatabaseCheckError, match="damaged"):
        JournalDatabase.from_bytes(bytes(data))


def test_from_bytes_refuses_a_database_that_is_not_ours() -> None:
    other = sqlite3.connect(":memory:")
    other.execute("CREATE TABLE notes (x)")
    other.execute("INSERT INTO notes VALUES ('hello')")
    other.commit()
    image = other.serialize()
    with pytest.raises(DatabaseCheckError, match="not made by Recovery Journal"):
        JournalDatabase.from_bytes(image + bytes(0))


def test_from_bytes_refuses_a_newer_schema() -> None:
    db = JournalDatabase.new()
    db.connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(DatabaseCheckError, match="newer version") as info:
        JournalDatabase.from_bytes(db.to_bytes())
    assert "99" in str(info.value)


def test_from_bytes_refuses_our_id_without_our_tables() -> None:
    other = sqlite3.connect(":memory:", isolation_level=None)
    other.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    other.execute("CREATE TABLE meta (key, value)")
    other.execute(f"INSERT INTO meta VALUES ('schema_version', '{CURRENT_SCHEMA_VERSION}')")
    with pytest.raises(DatabaseCheckError, match="not made by Recovery Journal"):
        JournalDatabase.from_bytes(other.serialize())


def test_to_bytes_refuses_an_open_transaction_and_keeps_committed_state() -> None:
    db = _filled()
    committed = db.to_bytes()
    conn = db.connection
    conn.execute("BEGIN")
    conn.execute("DELETE FROM day_record")
    with pytest.raises(UncommittedChangesError):
        db.to_bytes()
    conn.execute("ROLLBACK")
    assert db.to_bytes() == committed


def test_failed_transaction_leaves_nothing_behind(db: JournalDatabase) -> None:
    before = db.to_bytes()
    with pytest.raises(RuntimeError), db.transaction():
        db.connection.execute("INSERT INTO anchor_event (date, label) VALUES ('2025-01-01', 'x')")
        raise RuntimeError("boom")
    assert not db.in_transaction
    assert db.to_bytes() == before


def test_integrity_check_passes_on_a_healthy_database(db: JournalDatabase) -> None:
    db.integrity_check()


def test_integrity_check_notices_a_stale_search_index(db: JournalDatabase) -> None:
    repo = JournalRepository(db)
    repo.upsert_day(DayRecord(date=dt.date(2025, 1, 1), status=DayStatus.ABSTINENT, note="walk"))
    # Change a note behind the index's back (triggers dropped for the test).
    conn = db.connection
    conn.execute("DROP TRIGGER day_record_fts_au")
    conn.execute("UPDATE day_record SET note = 'something else entirely'")
    with pytest.raises(DatabaseCheckError):
        db.integrity_check()


def test_close_is_final_and_idempotent() -> None:
    db = JournalDatabase.new()
    db.close()
    db.close()
    assert db.closed
    with pytest.raises(RuntimeError):
        db.to_bytes()

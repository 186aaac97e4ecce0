"""Schema versions: released databases keep opening; migrations only run forward."""

from __future__ import annotations

import gzip
import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool
from sqlmodel import SQLModel
from storage_samples import SAMPLES, sample_data, strip_ids

from recovery_journal.storage import migrations
from recovery_journal.storage.database import JournalDatabase
from recovery_journal.storage.migrations import CURRENT_SCHEMA_VERSION, apply_migrations
from recovery_journal.storage.repository import JournalRepository
from recovery_journal.storage.search import FTS_TABLES
from recovery_journal.storage.tables import TABLES

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("version", [1, 2])
def test_every_released_schema_opens_in_the_current_code(version: int) -> None:
    image = gzip.decompress((DATA / f"journal_schema_v{version}.sqlite.gz").read_bytes())
    db = JournalDatabase.from_bytes(image)
    assert db.schema_version == version
    if db.needs_migration:
        db.migrate()
    assert db.schema_version == CURRENT_SCHEMA_VERSION
    assert not db.needs_migration
    db.integrity_check()
    repo = JournalRepository(db)
    assert strip_ids(repo.load()) == SAMPLES[version]()
    assert [h.kind for h in repo.search("canal")] == ["day"]
    # Still usable and still saveable.
    repo.add_anchor_event(sample_data().anchor_events[0])
    JournalDatabase.from_bytes(db.to_bytes()).close()


def test_every_version_has_a_migration() -> None:
    assert sorted(migrations.MIGRATIONS) == list(range(1, CURRENT_SCHEMA_VERSION + 1))
    assert all(
        DATA.joinpath(f"journal_schema_v{v}.sqlite.gz").exists() for v in migrations.MIGRATIONS
    )


def _catalog(conn: sqlite3.Connection) -> dict[str, dict[str, object]]:
    """What SQLite itself says about every table: the facts a schema is made of.

    Column order is left out on purpose: no statement depends on it, and a later migration's
    ``ALTER TABLE … ADD COLUMN`` can only append, wherever the class declares the field.
    SQLite does not enforce ``VARCHAR(n)`` lengths, so a length is not compared either.
    """
    catalog: dict[str, dict[str, object]] = {}
    tables = conn.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").fetchall()
    for name, sql in tables:
        if name.startswith(("sqlite_", *FTS_TABLES)):
            continue
        columns = {
            row[1]: (re.sub(r"\(\d+\)", "", row[2].upper()), bool(row[3]), row[4], row[5])
            for row in conn.execute(f"PRAGMA table_info({name})")
        }
        indexes = set()
        for row in conn.execute(f"PRAGMA index_list({name})"):
            index_columns = tuple(r[2] for r in conn.execute(f"PRAGMA index_info({row[1]})"))
            label = row[1] if row[3] == "c" else row[3]  # autoindex names are not chosen
            indexes.add((label, bool(row[2]), index_columns))
        foreign_keys = {
            (row[2], row[3], row[4], row[5], row[6])
            for row in conn.execute(f"PRAGMA foreign_key_list({name})")
        }
        catalog[name] = {
            "columns": columns,
            "indexes": indexes,
            "foreign keys": foreign_keys,
            "autoincrement": "AUTOINCREMENT" in sql.upper(),
        }
    return catalog


def test_the_classes_generate_the_schema_the_frozen_migrations_make() -> None:
    """The DDL SQLAlchemy generates from the SQLModel classes and the frozen SQL of the
    migrations build the same tables, so the classes describe every journal ever made."""
    generated = sqlite3.connect(":memory:")
    engine = create_engine("sqlite://", creator=lambda: generated, poolclass=StaticPool)
    SQLModel.metadata.create_all(engine)
    migrated = sqlite3.connect(":memory:", isolation_level=None)
    apply_migrations(migrated, 0, CURRENT_SCHEMA_VERSION)
    assert set(TABLES) == set(_catalog(migrated))
    assert _catalog(generated) == _catalog(migrated)


def test_the_schema_comparison_sees_a_difference() -> None:
    migrated = _v1_connection()
    before = _catalog(migrated)
    migrated.execute("ALTER TABLE day_record ADD COLUMN energy INTEGER")
    migrated.execute("CREATE INDEX ix_meeting_name ON meeting (name)")
    after = _catalog(migrated)
    assert after["day_record"] != before["day_record"]
    assert after["meeting"] != before["meeting"]


def _v1_connection() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    apply_migrations(conn, 0, 1)
    return conn


def test_migrations_run_forward_in_order_and_record_the_version() -> None:
    conn = _v1_connection()
    ran: list[int] = []

    def v2(c: sqlite3.Connection) -> None:
        ran.append(2)
        c.execute("ALTER TABLE anchor_event ADD COLUMN colour VARCHAR")

    def v3(c: sqlite3.Connection) -> None:
        ran.append(3)
        c.execute("UPDATE anchor_event SET colour = 'blue'")

    registry = {**migrations.MIGRATIONS, 2: v2, 3: v3}
    conn.execute("INSERT INTO anchor_event (date, label) VALUES ('2025-01-01', 'x')")
    apply_migrations(conn, 1, 3, registry)
    assert ran == [2, 3]
    assert conn.execute("SELECT colour FROM anchor_event").fetchone() == ("blue",)
    version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    assert version == ("3",)
    with pytest.raises(ValueError, match="forward"):
        apply_migrations(conn, 3, 2, registry)


def test_a_failing_migration_changes_nothing() -> None:
    conn = _v1_connection()

    def v2(c: sqlite3.Connection) -> None:
        c.execute("ALTER TABLE anchor_event ADD COLUMN colour VARCHAR")

    def v3(c: sqlite3.Connection) -> None:
        raise RuntimeError("disk on fire")

    before = conn.serialize()
    with pytest.raises(RuntimeError):
        apply_migrations(conn, 1, 3, {**migrations.MIGRATIONS, 2: v2, 3: v3})
    assert not conn.in_transaction
    assert conn.serialize() == before


def test_database_migrate_uses_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    from recovery_journal.storage import database

    db = JournalDatabase.new()
    following = CURRENT_SCHEMA_VERSION + 1

    def extra(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE extra (x)")

    monkeypatch.setattr(database, "CURRENT_SCHEMA_VERSION", following)
    monkeypatch.setattr(migrations, "CURRENT_SCHEMA_VERSION", following)
    monkeypatch.setattr(migrations, "MIGRATIONS", {**migrations.MIGRATIONS, following: extra})
    assert db.needs_migration
    db.migrate()
    assert db.schema_version == following
    assert not db.needs_migration

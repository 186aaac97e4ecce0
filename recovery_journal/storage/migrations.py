"""Schema versions and the forward-only migrations between them.

``MIGRATIONS[v]`` turns a database at version ``v - 1`` into version ``v``; version 1 is made from
an empty database. Each function receives the raw connection inside an open transaction and
must not commit. The SQL of a released version is frozen here and never edited afterwards:
a change to the schema is a new version with its own function. ``tables.py`` describes the
current version; a test checks that both agree.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from types import MappingProxyType

#: The schema version this program writes.
CURRENT_SCHEMA_VERSION = 2

#: ``PRAGMA application_id`` of every journal database ("RJNL").
APPLICATION_ID = 0x524A4E4C

Migration = Callable[[sqlite3.Connection], None]

_V1_SQL = """
CREATE TABLE meta (
    "key" VARCHAR NOT NULL PRIMARY KEY,
    value VARCHAR NOT NULL
);
CREATE TABLE setting (
    "key" VARCHAR NOT NULL PRIMARY KEY,
    value VARCHAR NOT NULL
);
CREATE TABLE day_record (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    date VARCHAR NOT NULL UNIQUE,
    status VARCHAR NOT NULL,
    substances VARCHAR NOT NULL,
    amount VARCHAR NOT NULL,
    craving INTEGER,
    confidence INTEGER,
    mood INTEGER,
    activities VARCHAR NOT NULL,
    step INTEGER,
    note VARCHAR NOT NULL,
    entered_at VARCHAR NOT NULL,
    updated_at VARCHAR
);
CREATE TABLE meeting (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    date VARCHAR NOT NULL,
    time VARCHAR,
    fellowship VARCHAR NOT NULL,
    fellowship_label VARCHAR,
    name VARCHAR NOT NULL,
    format VARCHAR NOT NULL,
    duration_min INTEGER,
    home_group BOOLEAN NOT NULL,
    shared BOOLEAN NOT NULL,
    service_role VARCHAR NOT NULL,
    talked_with_members BOOLEAN NOT NULL,
    helpfulness INTEGER,
    notes VARCHAR NOT NULL
);
CREATE INDEX ix_meeting_date_time ON meeting (date, time);
CREATE TABLE sponsor (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" VARCHAR NOT NULL UNIQUE,
    name VARCHAR NOT NULL,
    started_on VARCHAR,
    ended_on VARCHAR
);
CREATE TABLE sponsor_contact (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    date VARCHAR NOT NULL,
    time VARCHAR,
    sponsor_key VARCHAR
        REFERENCES sponsor ("key") ON DELETE SET NULL ON UPDATE CASCADE,
    mode VARCHAR NOT NULL,
    initiated_by VARCHAR NOT NULL,
    two_way BOOLEAN NOT NULL,
    duration_min INTEGER,
    topics VARCHAR NOT NULL,
    notes VARCHAR NOT NULL
);
CREATE INDEX ix_sponsor_contact_date_time ON sponsor_contact (date, time);
CREATE TABLE alliance_checkin (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    date VARCHAR NOT NULL,
    sponsor_key VARCHAR
        REFERENCES sponsor ("key") ON DELETE SET NULL ON UPDATE CASCADE,
    b1 INTEGER, b2 INTEGER, r1 INTEGER, r2 INTEGER,
    g1 INTEGER, g2 INTEGER, t1 INTEGER, t2 INTEGER,
    note VARCHAR NOT NULL
);
CREATE INDEX ix_alliance_checkin_date ON alliance_checkin (date);
CREATE TABLE journal_entry (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    created_at VARCHAR NOT NULL,
    updated_at VARCHAR,
    date VARCHAR,
    title VARCHAR NOT NULL,
    body VARCHAR NOT NULL,
    tags VARCHAR NOT NULL
);
CREATE INDEX ix_journal_entry_created_at ON journal_entry (created_at);
CREATE TABLE anchor_event (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    date VARCHAR NOT NULL,
    label VARCHAR NOT NULL
);
CREATE TABLE call_list_person (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    name VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    phone VARCHAR NOT NULL
);

CREATE VIRTUAL TABLE journal_entry_fts USING fts5(
    title, body, tags,
    content='journal_entry', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER journal_entry_fts_ai AFTER INSERT ON journal_entry BEGIN
    INSERT INTO journal_entry_fts (rowid, title, body, tags)
    VALUES (new.id, new.title, new.body, new.tags);
END;
CREATE TRIGGER journal_entry_fts_ad AFTER DELETE ON journal_entry BEGIN
    INSERT INTO journal_entry_fts (journal_entry_fts, rowid, title, body, tags)
    VALUES ('delete', old.id, old.title, old.body, old.tags);
END;
CREATE TRIGGER journal_entry_fts_au AFTER UPDATE ON journal_entry BEGIN
    INSERT INTO journal_entry_fts (journal_entry_fts, rowid, title, body, tags)
    VALUES ('delete', old.id, old.title, old.body, old.tags);
    INSERT INTO journal_entry_fts (rowid, title, body, tags)
    VALUES (new.id, new.title, new.body, new.tags);
END;

CREATE VIRTUAL TABLE day_record_fts USING fts5(
    note,
    content='day_record', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER day_record_fts_ai AFTER INSERT ON day_record BEGIN
    INSERT INTO day_record_fts (rowid, note) VALUES (new.id, new.note);
END;
CREATE TRIGGER day_record_fts_ad AFTER DELETE ON day_record BEGIN
    INSERT INTO day_record_fts (day_record_fts, rowid, note) VALUES ('delete', old.id, old.note);
END;
CREATE TRIGGER day_record_fts_au AFTER UPDATE ON day_record BEGIN
    INSERT INTO day_record_fts (day_record_fts, rowid, note) VALUES ('delete', old.id, old.note);
    INSERT INTO day_record_fts (rowid, note) VALUES (new.id, new.note);
END;

INSERT INTO meta ("key", value) VALUES ('app', 'recovery-journal');
INSERT INTO meta ("key", value) VALUES ('schema_version', '1');
"""


# Version 2 (issue 14): the recovery network (people and their dated entries, optionally named
# by meetings and sponsor contacts) and the list of regular meetings.
_V2_SQL = """
CREATE TABLE person (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" VARCHAR NOT NULL UNIQUE,
    name VARCHAR NOT NULL,
    relationship VARCHAR NOT NULL,
    notes VARCHAR NOT NULL
);
CREATE TABLE person_entry (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    date VARCHAR NOT NULL,
    person_key VARCHAR NOT NULL
        REFERENCES person ("key") ON DELETE CASCADE ON UPDATE CASCADE,
    use VARCHAR NOT NULL,
    stance VARCHAR NOT NULL,
    in_network BOOLEAN NOT NULL,
    note VARCHAR NOT NULL
);
CREATE INDEX ix_person_entry_date ON person_entry (date);
CREATE TABLE regular_meeting (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    name VARCHAR NOT NULL,
    fellowship VARCHAR NOT NULL,
    fellowship_label VARCHAR,
    weekdays VARCHAR NOT NULL,
    time VARCHAR NOT NULL,
    format VARCHAR NOT NULL,
    home_group BOOLEAN NOT NULL
);
ALTER TABLE meeting ADD COLUMN person_key VARCHAR
    REFERENCES person ("key") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE sponsor_contact ADD COLUMN person_key VARCHAR
    REFERENCES person ("key") ON DELETE SET NULL ON UPDATE CASCADE;
"""


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run ``;``-separated statements one by one (``executescript`` would commit)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError("incomplete SQL statement in migration script")


def _create_v1(conn: sqlite3.Connection) -> None:
    _run_script(conn, _V1_SQL)


def _add_network_v2(conn: sqlite3.Connection) -> None:
    _run_script(conn, _V2_SQL)


#: version -> the function that brings a database from ``version - 1`` to ``version``.
MIGRATIONS: Mapping[int, Migration] = MappingProxyType({1: _create_v1, 2: _add_network_v2})


def set_schema_version(conn: sqlite3.Connection, version: int) -> None:
    conn.execute(
        "INSERT INTO meta (\"key\", value) VALUES ('schema_version', ?) "
        'ON CONFLICT ("key") DO UPDATE SET value = excluded.value',
        (str(version),),
    )


def apply_migrations(
    conn: sqlite3.Connection,
    from_version: int,
    to_version: int = CURRENT_SCHEMA_VERSION,
    migrations: Mapping[int, Migration] | None = None,
) -> None:
    """Run each migration ``from_version + 1 .. to_version`` in one transaction (all or nothing).

    ``conn`` must be in autocommit mode (``isolation_level=None``) with no open transaction.
    """
    registry = MIGRATIONS if migrations is None else migrations
    if from_version > to_version:
        raise ValueError("migrations only run forward")
    if from_version == to_version:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(from_version + 1, to_version + 1):
            registry[version](conn)
            set_schema_version(conn, version)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise

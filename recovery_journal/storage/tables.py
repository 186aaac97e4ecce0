"""The journal's tables, declared with sqlmodel (schema version 1; see ``docs/data-model.md``).

Storage conventions, the same for every table:

* dates are ISO ``YYYY-MM-DD`` text; times ``HH:MM`` (or ``HH:MM:SS``) text;
* timestamps are ISO 8601 text in UTC with an explicit ``+00:00`` offset, so they sort as text
  and always read back as timezone-aware UTC datetimes;
* lists (substances, activities, topics, tags) are JSON arrays of strings;
* booleans are 0/1 integers; enums are their string values;
* ``id`` columns are ``AUTOINCREMENT`` so a deleted row's id is never reused and ids follow
  entry order.

These classes describe the *current* schema. The frozen SQL that creates each released schema
lives in ``migrations.py``; a test checks that the two agree.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, String
from sqlmodel import Field, SQLModel

_AUTOINC = {"sqlite_autoincrement": True}


class MetaRow(SQLModel, table=True):
    """Key/value facts about the database itself (``schema_version``, ``app``)."""

    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str


class SettingRow(SQLModel, table=True):
    """One setting per row; ``value`` is JSON. Unknown keys are kept and ignored."""

    __tablename__ = "setting"
    key: str = Field(primary_key=True)
    value: str


class DayRow(SQLModel, table=True):
    __tablename__ = "day_record"
    __table_args__ = _AUTOINC
    id: int | None = Field(default=None, primary_key=True)
    date: str = Field(unique=True)
    status: str
    substances: str = "[]"
    amount: str = ""
    craving: int | None = None
    confidence: int | None = None
    mood: int | None = None
    activities: str = "[]"
    step: int | None = None
    note: str = ""
    entered_at: str
    updated_at: str | None = None


class MeetingRow(SQLModel, table=True):
    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_date_time", "date", "time"), _AUTOINC)
    id: int | None = Field(default=None, primary_key=True)
    date: str
    time: str | None = None
    fellowship: str
    fellowship_label: str | None = None
    name: str = ""
    format: str = "in_person"
    duration_min: int | None = None
    home_group: bool = False
    shared: bool = False
    service_role: str = "none"
    talked_with_members: bool = False
    helpfulness: int | None = None
    notes: str = ""


class SponsorRow(SQLModel, table=True):
    __tablename__ = "sponsor"
    __table_args__ = _AUTOINC
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True)
    name: str
    started_on: str | None = None
    ended_on: str | None = None


def _sponsor_ref() -> Column[str]:
    return Column(
        "sponsor_key",
        String,
        ForeignKey("sponsor.key", onupdate="CASCADE", ondelete="SET NULL"),
        nullable=True,
    )


class SponsorContactRow(SQLModel, table=True):
    __tablename__ = "sponsor_contact"
    __table_args__ = (Index("ix_sponsor_contact_date_time", "date", "time"), _AUTOINC)
    id: int | None = Field(default=None, primary_key=True)
    date: str
    time: str | None = None
    sponsor_key: str | None = Field(default=None, sa_column=_sponsor_ref())
    mode: str
    initiated_by: str = "me"
    two_way: bool = True
    duration_min: int | None = None
    topics: str = "[]"
    notes: str = ""


class AllianceCheckinRow(SQLModel, table=True):
    __tablename__ = "alliance_checkin"
    __table_args__ = _AUTOINC
    id: int | None = Field(default=None, primary_key=True)
    date: str = Field(index=True)
    sponsor_key: str | None = Field(default=None, sa_column=_sponsor_ref())
    b1: int | None = None
    b2: int | None = None
    r1: int | None = None
    r2: int | None = None
    g1: int | None = None
    g2: int | None = None
    t1: int | None = None
    t2: int | None = None
    note: str = ""


class JournalEntryRow(SQLModel, table=True):
    __tablename__ = "journal_entry"
    __table_args__ = _AUTOINC
    id: int | None = Field(default=None, primary_key=True)
    created_at: str = Field(index=True)
    updated_at: str | None = None
    date: str | None = None
    title: str = ""
    body: str
    tags: str = "[]"


class AnchorEventRow(SQLModel, table=True):
    __tablename__ = "anchor_event"
    __table_args__ = _AUTOINC
    id: int | None = Field(default=None, primary_key=True)
    date: str
    label: str


class CallListRow(SQLModel, table=True):
    __tablename__ = "call_list_person"
    __table_args__ = _AUTOINC
    id: int | None = Field(default=None, primary_key=True)
    name: str
    role: str = ""
    phone: str = ""


#: Every sqlmodel table of the current schema, by table name.
TABLES: dict[str, type[SQLModel]] = {
    str(cls.__tablename__): cls
    for cls in (
        MetaRow,
        SettingRow,
        DayRow,
        MeetingRow,
        SponsorRow,
        SponsorContactRow,
        AllianceCheckinRow,
        JournalEntryRow,
        AnchorEventRow,
        CallListRow,
    )
}

#: Full-text indexes kept in sync by triggers (see ``migrations.py``).
FTS_TABLES: tuple[str, ...] = ("journal_entry_fts", "day_record_fts")

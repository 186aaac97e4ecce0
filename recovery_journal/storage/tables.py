"""The journal's record kinds, declared once with sqlmodel (schema version 2).

Each class is the single definition of its kind's fields: type, default, bounds (``ge``,
``le``, ``min_length``/``max_length``: of a text its characters, of a list its items; the text
items of a list are :data:`ListText`), what it means (``description``), its name in the
interchange files where that differs (``alias``; ``answers.B1`` is ``B1`` inside ``answers``)
and whether it is in them at all (``exclude=True``: stored only). The class docstring says
what one record is. From these classes come:

* the tables (``SQLModel.metadata``), checked by a test against the frozen SQL of
  ``migrations.py``, which is what really creates them, so an old journal keeps opening;
* the row codec of ``rows.py`` is checked against them field by field (it derives the same
  columns from the domain records, without importing this module: see its docstring);
* ``schema.py``'s plain description of every field, from which the JSON interchange
  validation, the CSV columns and the codebook are made.

Statements that SQLAlchemy builds over these tables take and give Python values: the column
types of ``column_types.py`` store them by the conventions of ``values.py``. ``id`` columns are
``AUTOINCREMENT`` so a deleted row's id is never reused and ids follow entry order.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from annotated_types import MaxLen
from sqlalchemy import Column, ForeignKey, Index, String
from sqlmodel import Field, SQLModel

from recovery_journal.domain.models import (
    ALLIANCE_STATEMENTS,
    ANSWER_RANGE,
    CONFIDENCE_RANGE,
    CRAVING_RANGE,
    HELPFULNESS_RANGE,
    LIST_ITEMS_MAX,
    LONG_TEXT_MAX,
    MOOD_RANGE,
    SHORT_TEXT_MAX,
    STEP_RANGE,
    Activity,
    ContactMode,
    DayStatus,
    Fellowship,
    Initiator,
    MeetingFormat,
    PersonStance,
    PersonUse,
    Relationship,
    ServiceRole,
    Topic,
    Weekday,
)
from recovery_journal.domain.validation import DURATION_RANGE
from recovery_journal.storage.column_types import (
    ClockTime,
    EnumText,
    IsoDate,
    JsonList,
    UtcTimestamp,
)

_AUTOINC = {"sqlite_autoincrement": True}

#: One text item of a list (a substance, a tag): a short text.
ListText = Annotated[str, MaxLen(SHORT_TEXT_MAX)]


def _sponsor_ref() -> Column[str]:
    return Column(
        "sponsor_key",
        String,
        ForeignKey("sponsor.key", onupdate="CASCADE", ondelete="SET NULL"),
        nullable=True,
    )


def _person_ref(*, on_delete: str = "SET NULL", nullable: bool = True) -> Column[str]:
    return Column(
        "person_key",
        String,
        ForeignKey("person.key", onupdate="CASCADE", ondelete=on_delete),
        nullable=nullable,
    )


def _person_link(description: str) -> str | None:
    return Field(  # type: ignore[no-any-return]
        default=None,
        sa_column=_person_ref(),
        max_length=SHORT_TEXT_MAX,
        alias="person_id",
        description=description,
    )


def _answer(item: str) -> int | None:
    statement = ALLIANCE_STATEMENTS[item]
    low, high = ANSWER_RANGE
    return Field(  # type: ignore[no-any-return]
        default=None, ge=low, le=high, alias=f"answers.{item}", description=statement
    )


class MetaRow(SQLModel, table=True):
    """Key/value facts about the database itself (``schema_version``, ``app``)."""

    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str


class SettingRow(SQLModel, table=True):
    """One setting per row; ``value`` is JSON (``setting_rows.py``)."""

    __tablename__ = "setting"
    key: str = Field(primary_key=True)
    value: str


class DayRow(SQLModel, table=True):
    """One per recorded day. A day with no record is not recorded (unknown)."""

    __tablename__ = "day_record"
    __table_args__ = _AUTOINC
    id: int | None = Field(default=None, primary_key=True)
    date: dt.date = Field(sa_type=IsoDate, unique=True, description="The day.")
    status: DayStatus = Field(
        sa_type=EnumText(DayStatus), description="Whether there was use that day."
    )
    substances: tuple[ListText, ...] = Field(
        default=(), sa_type=JsonList(), max_length=LIST_ITEMS_MAX, description="What was used."
    )
    craving: int | None = Field(
        default=None,
        ge=CRAVING_RANGE[0],
        le=CRAVING_RANGE[1],
        description="How strong urges to use were that day, 0 = none.",
    )
    confidence: int | None = Field(
        default=None,
        ge=CONFIDENCE_RANGE[0],
        le=CONFIDENCE_RANGE[1],
        description="How confident I was that I would stay abstinent that day.",
    )
    mood: int | None = Field(
        default=None,
        ge=MOOD_RANGE[0],
        le=MOOD_RANGE[1],
        description="Mood, 1 = very low, 5 = very good.",
    )
    activities: tuple[Activity, ...] = Field(
        default=(),
        sa_type=JsonList(Activity),
        max_length=LIST_ITEMS_MAX,
        description="Recovery activities done that day.",
    )
    step: int | None = Field(
        default=None,
        ge=STEP_RANGE[0],
        le=STEP_RANGE[1],
        description="The step worked on, with step work.",
    )
    note: str = Field(default="", max_length=LONG_TEXT_MAX, description="The day's note.")
    amount: str = Field(
        default="",
        max_length=SHORT_TEXT_MAX,
        description='How much was used, in my own words (e.g. "3 drinks").',
    )
    entered_at: dt.datetime | None = Field(
        default=None,
        sa_type=UtcTimestamp,
        nullable=False,
        description="When the day was first recorded (the time of the import when absent).",
    )
    updated_at: dt.datetime | None = Field(default=None, sa_type=UtcTimestamp, exclude=True)


class MeetingRow(SQLModel, table=True):
    """One per meeting attended."""

    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_date_time", "date", "time"), _AUTOINC)
    id: int | None = Field(default=None, primary_key=True)
    date: dt.date = Field(sa_type=IsoDate, description="The day of the meeting.")
    time: dt.time | None = Field(default=None, sa_type=ClockTime, description="Start time.")
    fellowship: Fellowship = Field(sa_type=EnumText(Fellowship), description="The fellowship.")
    fellowship_label: str | None = Field(
        default=None,
        max_length=SHORT_TEXT_MAX,
        description="The fellowship's name, when it is `other`.",
    )
    name: str = Field(default="", max_length=SHORT_TEXT_MAX, description="The meeting's name.")
    format: MeetingFormat = Field(
        default=MeetingFormat.IN_PERSON,
        sa_type=EnumText(MeetingFormat),
        description="How I attended.",
    )
    duration_min: int | None = Field(
        default=None, ge=DURATION_RANGE[0], le=DURATION_RANGE[1], description="Length in minutes."
    )
    home_group: bool = Field(default=False, description="My home group.")
    shared: bool = Field(default=False, description="I shared or spoke.")
    service_role: ServiceRole = Field(
        default=ServiceRole.NONE, sa_type=EnumText(ServiceRole), description="Service done."
    )
    talked_with_members: bool = Field(
        default=False, description="Talked with members before or after."
    )
    helpfulness: int | None = Field(
        default=None,
        ge=HELPFULNESS_RANGE[0],
        le=HELPFULNESS_RANGE[1],
        description="How helpful it felt.",
    )
    notes: str = Field(default="", max_length=LONG_TEXT_MAX, description="Notes.")
    person_key: str | None = _person_link("Someone from my recovery network I was there with.")


class SponsorRow(SQLModel, table=True):
    """Sponsors, past and present."""

    __tablename__ = "sponsor"
    __table_args__ = _AUTOINC
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(
        unique=True,
        min_length=1,
        max_length=SHORT_TEXT_MAX,
        alias="id",
        description="A short id that names the sponsor.",
    )
    name: str = Field(min_length=1, max_length=SHORT_TEXT_MAX, description="Name or nickname.")
    started_on: dt.date | None = Field(
        default=None, sa_type=IsoDate, description="When the sponsorship started."
    )
    ended_on: dt.date | None = Field(
        default=None, sa_type=IsoDate, description="When it ended; empty while it goes on."
    )


class SponsorContactRow(SQLModel, table=True):
    """One per contact with a sponsor. Only two-way contacts count in the statistics."""

    __tablename__ = "sponsor_contact"
    __table_args__ = (Index("ix_sponsor_contact_date_time", "date", "time"), _AUTOINC)
    id: int | None = Field(default=None, primary_key=True)
    date: dt.date = Field(sa_type=IsoDate, description="The day of the contact.")
    time: dt.time | None = Field(
        default=None, sa_type=ClockTime, description="Time of the contact."
    )
    sponsor_key: str | None = Field(
        default=None,
        sa_column=_sponsor_ref(),
        max_length=SHORT_TEXT_MAX,
        alias="sponsor_id",
        description="Which sponsor.",
    )
    mode: ContactMode = Field(sa_type=EnumText(ContactMode), description="How we were in touch.")
    initiated_by: Initiator = Field(
        default=Initiator.ME, sa_type=EnumText(Initiator), description="Who reached out."
    )
    # A file that leaves it out says nothing about an exchange: not counted (DESIGN.md). The
    # app's form and the domain record start from "two-way", the usual case when logging one.
    two_way: bool = Field(
        default=False, description="A real exchange (a text with no answer is one-way)."
    )
    duration_min: int | None = Field(
        default=None, ge=DURATION_RANGE[0], le=DURATION_RANGE[1], description="Length in minutes."
    )
    topics: tuple[Topic, ...] = Field(
        default=(),
        sa_type=JsonList(Topic),
        max_length=LIST_ITEMS_MAX,
        description="What we talked about.",
    )
    notes: str = Field(default="", max_length=LONG_TEXT_MAX, description="Notes.")
    person_key: str | None = _person_link("The sponsor's place in my recovery network.")


class AllianceCheckinRow(SQLModel, table=True):
    """Sponsor relationship check-ins (the product's own items, not a validated instrument).
    Answers: 0 = not at all true … 4 = completely true; R2 is reversed when scored."""

    __tablename__ = "alliance_checkin"
    __table_args__ = _AUTOINC
    id: int | None = Field(default=None, primary_key=True)
    date: dt.date = Field(sa_type=IsoDate, index=True, description="The day of the check-in.")
    sponsor_key: str | None = Field(
        default=None,
        sa_column=_sponsor_ref(),
        max_length=SHORT_TEXT_MAX,
        alias="sponsor_id",
        description="Which sponsor.",
    )
    b1: int | None = _answer("B1")
    b2: int | None = _answer("B2")
    r1: int | None = _answer("R1")
    r2: int | None = _answer("R2")
    g1: int | None = _answer("G1")
    g2: int | None = _answer("G2")
    t1: int | None = _answer("T1")
    t2: int | None = _answer("T2")
    note: str = Field(default="", max_length=LONG_TEXT_MAX, description="Note.")


class JournalEntryRow(SQLModel, table=True):
    """Free journal entries."""

    __tablename__ = "journal_entry"
    __table_args__ = _AUTOINC
    id: int | None = Field(default=None, primary_key=True)
    created_at: dt.datetime = Field(
        sa_type=UtcTimestamp, index=True, description="When the entry was written."
    )
    title: str = Field(default="", max_length=SHORT_TEXT_MAX, description="Title.")
    body: str = Field(max_length=LONG_TEXT_MAX, description="The text.")
    tags: tuple[ListText, ...] = Field(
        default=(), sa_type=JsonList(), max_length=LIST_ITEMS_MAX, description="Tags."
    )
    date: dt.date | None = Field(
        default=None, sa_type=IsoDate, description="The day the entry is about, if any."
    )
    updated_at: dt.datetime | None = Field(default=None, sa_type=UtcTimestamp, exclude=True)


class AnchorEventRow(SQLModel, table=True):
    """Personal memory anchors that help fill in past days."""

    __tablename__ = "anchor_event"
    __table_args__ = _AUTOINC
    id: int | None = Field(default=None, primary_key=True)
    date: dt.date = Field(sa_type=IsoDate, description="The day.")
    label: str = Field(min_length=1, max_length=SHORT_TEXT_MAX, description="What happened.")


class CallListRow(SQLModel, table=True):
    """People to call when it is hard."""

    __tablename__ = "call_list_person"
    __table_args__ = _AUTOINC
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(min_length=1, max_length=SHORT_TEXT_MAX, description="Name.")
    role: str = Field(
        default="",
        max_length=SHORT_TEXT_MAX,
        description="Who they are to me (sponsor, friend, helpline…).",
    )
    phone: str = Field(default="", max_length=SHORT_TEXT_MAX, description="Phone number.")


class PersonRow(SQLModel, table=True):
    """People in my recovery network. How each relates to my recovery is in their dated
    entries."""

    __tablename__ = "person"
    __table_args__ = _AUTOINC
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(
        unique=True,
        min_length=1,
        max_length=SHORT_TEXT_MAX,
        alias="id",
        description="A short id that names the person.",
    )
    name: str = Field(min_length=1, max_length=SHORT_TEXT_MAX, description="Name or nickname.")
    relationship: Relationship = Field(
        default=Relationship.OTHER,
        sa_type=EnumText(Relationship),
        description="Who they are to me.",
    )
    notes: str = Field(default="", max_length=LONG_TEXT_MAX, description="Notes.")


class PersonEntryRow(SQLModel, table=True):
    """How one person in my network related to my recovery as of a date. Entries are never
    overwritten: a later entry says what changed."""

    __tablename__ = "person_entry"
    __table_args__ = (Index("ix_person_entry_date", "date"), _AUTOINC)
    id: int | None = Field(default=None, primary_key=True)
    date: dt.date = Field(sa_type=IsoDate, description="As of this day.")
    person_key: str = Field(
        sa_column=_person_ref(on_delete="CASCADE", nullable=False),
        min_length=1,
        max_length=SHORT_TEXT_MAX,
        alias="person_id",
        description="Which person.",
    )
    use: PersonUse = Field(
        default=PersonUse.UNKNOWN,
        sa_type=EnumText(PersonUse),
        description="Their own use of alcohol or drugs, as I see it.",
    )
    stance: PersonStance = Field(
        default=PersonStance.UNKNOWN,
        sa_type=EnumText(PersonStance),
        description="How they relate to my recovery, as I see it.",
    )
    in_network: bool = Field(
        default=True, description="Part of my life from this day (false: no longer)."
    )
    note: str = Field(default="", max_length=LONG_TEXT_MAX, description="Note.")


class RegularMeetingRow(SQLModel, table=True):
    """Meetings I go to regularly (what Today asks about the day after)."""

    __tablename__ = "regular_meeting"
    __table_args__ = _AUTOINC
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(min_length=1, max_length=SHORT_TEXT_MAX, description="The meeting's name.")
    fellowship: Fellowship = Field(sa_type=EnumText(Fellowship), description="The fellowship.")
    fellowship_label: str | None = Field(
        default=None,
        max_length=SHORT_TEXT_MAX,
        description="The fellowship's name, when it is `other`.",
    )
    weekdays: tuple[Weekday, ...] = Field(
        sa_type=JsonList(Weekday),
        min_length=1,
        max_length=len(Weekday),
        description="The days of the week it meets.",
    )
    time: dt.time = Field(sa_type=ClockTime, description="Start time, local.")
    format: MeetingFormat = Field(
        default=MeetingFormat.IN_PERSON,
        sa_type=EnumText(MeetingFormat),
        description="How I attend.",
    )
    home_group: bool = Field(default=False, description="My home group.")


#: The class of every record kind, by its ``JournalData`` attribute (as ``rows.CODECS``).
RECORD_TABLES: dict[str, type[SQLModel]] = {
    "days": DayRow,
    "sponsors": SponsorRow,
    "meetings": MeetingRow,
    "contacts": SponsorContactRow,
    "checkins": AllianceCheckinRow,
    "journal_entries": JournalEntryRow,
    "anchor_events": AnchorEventRow,
    "call_list": CallListRow,
    "people": PersonRow,
    "person_entries": PersonEntryRow,
    "regular_meetings": RegularMeetingRow,
}

#: Every sqlmodel table of the current schema, by table name.
_ALL: tuple[type[SQLModel], ...] = (MetaRow, SettingRow, *RECORD_TABLES.values())
TABLES: dict[str, type[SQLModel]] = {str(cls.__tablename__): cls for cls in _ALL}

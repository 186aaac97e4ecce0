"""Converting between plain domain records and table rows (tuples in a fixed column order).

One converter pair per record type, shared by single-record methods and the bulk load, so the
encoding conventions of ``tables.py`` live in one place. Readers are written for speed: the
whole journal is read through them on every open.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import fields
from enum import StrEnum
from typing import Any, TypeVar

from recovery_journal.domain.models import (
    ALLIANCE_ITEMS,
    Activity,
    AllianceCheckin,
    AnchorEvent,
    CallListPerson,
    ContactMode,
    DayRecord,
    DayStatus,
    Fellowship,
    Initiator,
    JournalEntry,
    Meeting,
    MeetingFormat,
    ServiceRole,
    Settings,
    Sponsor,
    SponsorContact,
    Theme,
    Topic,
    WeekStart,
)

Row = Sequence[Any]
E = TypeVar("E", bound=StrEnum)

_fromdate = dt.date.fromisoformat
_fromtime = dt.time.fromisoformat
_fromdatetime = dt.datetime.fromisoformat
_loads = json.loads


def _lookup(enum: type[E]) -> dict[str, E]:
    return {member.value: member for member in enum}


_STATUS = _lookup(DayStatus)
_ACTIVITY = _lookup(Activity)
_FELLOWSHIP = _lookup(Fellowship)
_FORMAT = _lookup(MeetingFormat)
_ROLE = _lookup(ServiceRole)
_MODE = _lookup(ContactMode)
_INITIATOR = _lookup(Initiator)
_TOPIC = _lookup(Topic)


# -- encoding helpers -------------------------------------------------------------------------


def date_text(value: dt.date) -> str:
    return value.isoformat()


def opt_date_text(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def time_text(value: dt.time | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not None:
        raise ValueError("meeting and contact times are local clock times without a zone")
    if value.second == 0 and value.microsecond == 0:
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def timestamp_text(value: dt.datetime | None) -> str | None:
    """UTC ISO text with ``+00:00``; a naive datetime is a programming error."""
    if value is None:
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("timestamps must be timezone-aware")
    return value.astimezone(dt.UTC).isoformat()


def list_text(values: Sequence[str]) -> str:
    return json.dumps([str(v) for v in values], ensure_ascii=False)


_CACHE_LIMIT = 4096
_list_cache: dict[str, tuple[str, ...]] = {"[]": ()}
_time_cache: dict[str, dt.time] = {}


def _list(text: str) -> tuple[str, ...]:
    """A stored JSON list as a tuple (memoised: the same few lists repeat across rows)."""
    cached = _list_cache.get(text)
    if cached is None:
        if len(_list_cache) > _CACHE_LIMIT:
            _list_cache.clear()
            _list_cache["[]"] = ()
        cached = _list_cache[text] = tuple(_loads(text))
    return cached


def _enum_list(text: str, lookup: dict[str, E], cache: dict[str, tuple[E, ...]]) -> tuple[E, ...]:
    cached = cache.get(text)
    if cached is None:
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        cached = cache[text] = tuple(lookup[v] for v in _loads(text))
    return cached


_activities_cache: dict[str, tuple[Activity, ...]] = {}
_topics_cache: dict[str, tuple[Topic, ...]] = {}


def _time(text: str | None) -> dt.time | None:
    if text is None:
        return None
    cached = _time_cache.get(text)
    if cached is None:
        if len(_time_cache) > _CACHE_LIMIT:
            _time_cache.clear()
        cached = _time_cache[text] = _fromtime(text)
    return cached


def clear_caches() -> None:
    """Forget every memoised value (substance lists and tags are what the person typed): the
    session calls this when the journal is locked or closed."""
    _list_cache.clear()
    _list_cache["[]"] = ()
    _time_cache.clear()
    _activities_cache.clear()
    _topics_cache.clear()


def _opt_date(text: str | None) -> dt.date | None:
    return None if text is None else _fromdate(text)


def _opt_ts(text: str | None) -> dt.datetime | None:
    return None if text is None else _fromdatetime(text)


# -- day records ------------------------------------------------------------------------------

DAY_COLUMNS = (
    "id",
    "date",
    "status",
    "substances",
    "amount",
    "craving",
    "confidence",
    "mood",
    "activities",
    "step",
    "note",
    "entered_at",
    "updated_at",
)


def day_to_row(d: DayRecord) -> dict[str, Any]:
    return {
        "date": date_text(d.date),
        "status": DayStatus(d.status).value,
        "substances": list_text(d.substances),
        "amount": d.amount,
        "craving": d.craving,
        "confidence": d.confidence,
        "mood": d.mood,
        "activities": list_text([Activity(a).value for a in d.activities]),
        "step": d.step,
        "note": d.note,
        "entered_at": timestamp_text(d.entered_at),
        "updated_at": timestamp_text(d.updated_at),
    }


def day_from_row(r: Row) -> DayRecord:
    return DayRecord(
        date=_fromdate(r[1]),
        status=_STATUS[r[2]],
        substances=_list(r[3]),
        amount=r[4],
        craving=r[5],
        confidence=r[6],
        mood=r[7],
        activities=_enum_list(r[8], _ACTIVITY, _activities_cache),
        step=r[9],
        note=r[10],
        entered_at=_fromdatetime(r[11]),
        updated_at=None if r[12] is None else _fromdatetime(r[12]),
        id=r[0],
    )


# -- meetings ---------------------------------------------------------------------------------

MEETING_COLUMNS = (
    "id",
    "date",
    "time",
    "fellowship",
    "fellowship_label",
    "name",
    "format",
    "duration_min",
    "home_group",
    "shared",
    "service_role",
    "talked_with_members",
    "helpfulness",
    "notes",
)


def meeting_to_row(m: Meeting) -> dict[str, Any]:
    return {
        "date": date_text(m.date),
        "time": time_text(m.time),
        "fellowship": Fellowship(m.fellowship).value,
        "fellowship_label": m.fellowship_label,
        "name": m.name,
        "format": MeetingFormat(m.format).value,
        "duration_min": m.duration_min,
        "home_group": int(bool(m.home_group)),
        "shared": int(bool(m.shared)),
        "service_role": ServiceRole(m.service_role).value,
        "talked_with_members": int(bool(m.talked_with_members)),
        "helpfulness": m.helpfulness,
        "notes": m.notes,
    }


def meeting_from_row(r: Row) -> Meeting:
    return Meeting(
        date=_fromdate(r[1]),
        time=_time(r[2]),
        fellowship=_FELLOWSHIP[r[3]],
        fellowship_label=r[4],
        name=r[5],
        format=_FORMAT[r[6]],
        duration_min=r[7],
        home_group=bool(r[8]),
        shared=bool(r[9]),
        service_role=_ROLE[r[10]],
        talked_with_members=bool(r[11]),
        helpfulness=r[12],
        notes=r[13],
        id=r[0],
    )


# -- sponsors ---------------------------------------------------------------------------------

SPONSOR_COLUMNS = ("id", "key", "name", "started_on", "ended_on")


def sponsor_to_row(s: Sponsor) -> dict[str, Any]:
    return {
        "key": s.key,
        "name": s.name,
        "started_on": opt_date_text(s.started_on),
        "ended_on": opt_date_text(s.ended_on),
    }


def sponsor_from_row(r: Row) -> Sponsor:
    return Sponsor(
        key=r[1], name=r[2], started_on=_opt_date(r[3]), ended_on=_opt_date(r[4]), id=r[0]
    )


# -- sponsor contacts -------------------------------------------------------------------------

CONTACT_COLUMNS = (
    "id",
    "date",
    "time",
    "sponsor_key",
    "mode",
    "initiated_by",
    "two_way",
    "duration_min",
    "topics",
    "notes",
)


def contact_to_row(c: SponsorContact) -> dict[str, Any]:
    return {
        "date": date_text(c.date),
        "time": time_text(c.time),
        "sponsor_key": c.sponsor_key,
        "mode": ContactMode(c.mode).value,
        "initiated_by": Initiator(c.initiated_by).value,
        "two_way": int(bool(c.two_way)),
        "duration_min": c.duration_min,
        "topics": list_text([Topic(t).value for t in c.topics]),
        "notes": c.notes,
    }


def contact_from_row(r: Row) -> SponsorContact:
    return SponsorContact(
        date=_fromdate(r[1]),
        time=_time(r[2]),
        sponsor_key=r[3],
        mode=_MODE[r[4]],
        initiated_by=_INITIATOR[r[5]],
        two_way=bool(r[6]),
        duration_min=r[7],
        topics=_enum_list(r[8], _TOPIC, _topics_cache),
        notes=r[9],
        id=r[0],
    )


# -- relationship check-ins -------------------------------------------------------------------

ANSWER_COLUMNS = tuple(item.lower() for item in ALLIANCE_ITEMS)
CHECKIN_COLUMNS = ("id", "date", "sponsor_key", *ANSWER_COLUMNS, "note")


def checkin_to_row(c: AllianceCheckin) -> dict[str, Any]:
    unknown = set(c.answers) - set(ALLIANCE_ITEMS)
    if unknown:
        raise ValueError(f"unknown check-in items: {sorted(unknown)}")
    row: dict[str, Any] = {"date": date_text(c.date), "sponsor_key": c.sponsor_key}
    for item, column in zip(ALLIANCE_ITEMS, ANSWER_COLUMNS, strict=True):
        row[column] = c.answers.get(item)
    row["note"] = c.note
    return row


def checkin_from_row(r: Row) -> AllianceCheckin:
    return AllianceCheckin(
        date=_fromdate(r[1]),
        sponsor_key=r[2],
        answers={
            "B1": r[3],
            "B2": r[4],
            "R1": r[5],
            "R2": r[6],
            "G1": r[7],
            "G2": r[8],
            "T1": r[9],
            "T2": r[10],
        },
        note=r[11],
        id=r[0],
    )


# -- journal entries --------------------------------------------------------------------------

ENTRY_COLUMNS = ("id", "created_at", "updated_at", "date", "title", "body", "tags")


def entry_to_row(e: JournalEntry) -> dict[str, Any]:
    return {
        "created_at": timestamp_text(e.created_at),
        "updated_at": timestamp_text(e.updated_at),
        "date": opt_date_text(e.date),
        "title": e.title,
        "body": e.body,
        "tags": list_text(e.tags),
    }


def entry_from_row(r: Row) -> JournalEntry:
    return JournalEntry(
        created_at=_fromdatetime(r[1]),
        updated_at=_opt_ts(r[2]),
        date=_opt_date(r[3]),
        title=r[4],
        body=r[5],
        tags=_list(r[6]),
        id=r[0],
    )


# -- anchor events and the call list ----------------------------------------------------------

ANCHOR_COLUMNS = ("id", "date", "label")


def anchor_to_row(a: AnchorEvent) -> dict[str, Any]:
    return {"date": date_text(a.date), "label": a.label}


def anchor_from_row(r: Row) -> AnchorEvent:
    return AnchorEvent(date=_fromdate(r[1]), label=r[2], id=r[0])


CALL_COLUMNS = ("id", "name", "role", "phone")


def call_to_row(p: CallListPerson) -> dict[str, Any]:
    return {"name": p.name, "role": p.role, "phone": p.phone}


def call_from_row(r: Row) -> CallListPerson:
    return CallListPerson(name=r[1], role=r[2], phone=r[3], id=r[0])


# -- settings (key/value, JSON values) --------------------------------------------------------

_DATE_SETTINGS = frozenset({"tracking_start", "sobriety_date", "last_review"})
_ENUM_SETTINGS: dict[str, type[StrEnum]] = {"week_start": WeekStart, "theme": Theme}
_TUPLE_SETTINGS = frozenset({"fellowships", "dismissed_notices"})
_INT_SETTINGS = frozenset(
    {
        "contact_gap_days",
        "personal_rule_use_days",
        "personal_rule_window_days",
        "autolock_minutes",
        "backups_kept",
    }
)
_BOOL_SETTINGS = frozenset({"unknown_breaks_runs"})
_STR_SETTINGS = frozenset({"country", "emergency_number", "talking_points"})

SETTING_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Settings))


def setting_to_json(name: str, value: Any) -> str:
    """The JSON text stored for one setting."""
    if name in _DATE_SETTINGS:
        plain: Any = opt_date_text(value)
    elif name in _ENUM_SETTINGS:
        plain = _ENUM_SETTINGS[name](value).value
    elif name in _TUPLE_SETTINGS:
        plain = [str(v) for v in value]
    elif name in _INT_SETTINGS:
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise TypeError(f"setting {name} must be a whole number")
        plain = value
    elif name in _BOOL_SETTINGS:
        plain = bool(value)
    elif name in _STR_SETTINGS:
        plain = str(value)
    else:
        raise KeyError(f"unknown setting {name!r}")
    return json.dumps(plain, ensure_ascii=False)


def setting_from_json(name: str, text: str) -> Any:
    plain = json.loads(text)
    if name in _DATE_SETTINGS:
        return None if plain is None else _fromdate(plain)
    if name in _ENUM_SETTINGS:
        return _ENUM_SETTINGS[name](plain)
    if name in _TUPLE_SETTINGS:
        return tuple(plain)
    return plain


def settings_from_pairs(pairs: Sequence[tuple[str, str]]) -> Settings:
    """Settings from stored rows; missing keys take their defaults, unknown keys are ignored."""
    known = set(SETTING_NAMES)
    values = {name: setting_from_json(name, text) for name, text in pairs if name in known}
    return Settings(**values)

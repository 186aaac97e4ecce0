"""The records of the interchange formats, made from the schema's description of every field.

``storage.schema.RECORDS`` says, for each record kind, what the SQLModel classes declare: each
field's type, bounds, default, name in the files and meaning. From it this module makes the
pydantic models that validate a JSON file (strict, unknown keys refused at every depth), turns
validated records into domain records and domain records into plain JSON values. Nothing here
names a field: a field added to a class (and its domain record and migration) is imported,
exported and described in the codebook without a change here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    create_model,
)
from pydantic_core import PydanticCustomError

from recovery_journal.storage.schema import RECORDS, FieldSpec, RecordSpec

#: The JSON list of each record kind, by ``JournalData`` attribute, in the order of a file.
LISTS: dict[str, str] = {
    "days": "days",
    "sponsors": "sponsors",
    "meetings": "meetings",
    "contacts": "sponsor_contacts",
    "checkins": "alliance_checkins",
    "journal_entries": "journal_entries",
    "anchor_events": "anchor_events",
    "call_list": "call_list",
    "people": "people",
    "person_entries": "person_entries",
    "regular_meetings": "regular_meetings",
}

#: What version 2 of the format added: lists, and fields of version 1's records (by list).
#: A version 1 file holding any of them is refused, as it always was.
ADDED_IN_V2: dict[str, tuple[str, ...]] = {
    "people": (),
    "person_entries": (),
    "regular_meetings": (),
    "meetings": ("person_id",),
    "sponsor_contacts": ("person_id",),
}

# -- value types ------------------------------------------------------------------------------

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME_RE = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def _date(value: object) -> dt.date:
    if isinstance(value, str) and _DATE_RE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("date_format", 'must be a date like "2025-01-31"')


def _timestamp(value: object) -> dt.datetime:
    parsed = None
    if isinstance(value, str) and len(value) >= 16 and _DATE_RE.fullmatch(value[:10]):
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            parsed = None
    if parsed is None:
        raise PydanticCustomError(
            "datetime_format", 'must be a date and time like "2025-01-31T20:15:00Z"'
        )
    if parsed.utcoffset() is None:
        raise PydanticCustomError(
            "datetime_offset", 'must include a UTC offset, like "2025-01-31T20:15:00Z"'
        )
    try:
        return parsed.astimezone(dt.UTC)
    except OverflowError:  # 0001-01-01T00:00:00+01:00 is before the first day in UTC
        raise PydanticCustomError(
            "datetime_range", "is outside the dates that can be recorded"
        ) from None


def _time(value: object) -> dt.time:
    if not isinstance(value, str) or not _TIME_RE.fullmatch(value):
        raise PydanticCustomError("time_format", 'must be a time like "19:30"')
    return dt.time.fromisoformat(value)


def _between(low: int | None, high: int | None) -> Callable[[int], int]:
    def check(value: int) -> int:
        if (low is not None and value < low) or (high is not None and value > high):
            if low is not None and high is not None:
                raise PydanticCustomError(
                    "between", "must be between {low} and {high}", {"low": low, "high": high}
                )
            raise PydanticCustomError(
                "bound",
                "must be at least {low}" if high is None else "must be at most {high}",
                {"low": low, "high": high},
            )
        return value

    return check


Date = Annotated[dt.date, PlainValidator(_date)]
Timestamp = Annotated[dt.datetime, PlainValidator(_timestamp)]
Time = Annotated[dt.time, PlainValidator(_time)]
_PLAIN_TYPES: dict[type, Any] = {dt.date: Date, dt.time: Time, dt.datetime: Timestamp}


class StrictRecord(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# -- models -----------------------------------------------------------------------------------


def _text(min_length: int | None, max_length: int | None) -> Any:
    if min_length is None and max_length is None:
        return str
    return Annotated[str, StringConstraints(min_length=min_length, max_length=max_length)]


def _value_type(spec: FieldSpec) -> Any:
    """The pydantic type of one field: its bounds are the class's (for a list ``min_length``
    and ``max_length`` count its items, ``item_max_length`` the characters of each)."""
    one: Any = _PLAIN_TYPES.get(spec.value, spec.value)
    if spec.value is int and (spec.ge is not None or spec.le is not None):
        one = Annotated[int, AfterValidator(_between(spec.ge, spec.le))]
    elif spec.value is str:
        if spec.many:
            one = _text(None, spec.item_max_length)
        else:
            one = _text(spec.min_length, spec.max_length)
    if spec.many:
        one = list[one]
        if spec.min_length is not None or spec.max_length is not None:
            one = Annotated[one, Field(min_length=spec.min_length, max_length=spec.max_length)]
    return one | None if spec.optional else one


def _field(spec: FieldSpec) -> tuple[Any, Any]:
    kind = _value_type(spec)
    if spec.required:
        return kind, ...
    default = list(spec.default) if spec.many else spec.default
    return kind, Field(default=default)


def _model(name: str, fields: dict[str, tuple[Any, Any]]) -> type[StrictRecord]:
    return create_model(name, __base__=StrictRecord, **fields)  # type: ignore[call-overload, no-any-return]


def record_model(spec: RecordSpec) -> type[StrictRecord]:
    """The model of one record of ``spec``'s kind in a JSON file. A nested object (the
    check-in's ``answers``) is required; its members follow their own fields."""
    fields: dict[str, tuple[Any, Any]] = {}
    groups: dict[str, dict[str, tuple[Any, Any]]] = {}
    for field in spec.fields:
        head, *rest = field.path
        if not rest:
            fields[head] = _field(field)
            continue
        if head not in groups:
            groups[head] = {}
            fields[head] = (None, ...)  # placed here; its model is made below
        groups[head][rest[0]] = _field(field)
    name = spec.record.__name__
    for head, members in groups.items():
        fields[head] = (_model(f"{name}{head.title()}In", members), ...)
    return _model(f"{name}In", fields)


#: The model of each record kind, by ``JournalData`` attribute.
MODELS: dict[str, type[StrictRecord]] = {a: record_model(RECORDS[a]) for a in LISTS}


# -- records in and out -----------------------------------------------------------------------


def to_domain(spec: RecordSpec, item: BaseModel) -> Any:
    """The domain record of a validated interchange record."""
    kwargs: dict[str, Any] = {}
    for field in spec.fields:
        value: Any = item
        for part in field.path:
            value = getattr(value, part)
        if field.many:
            value = tuple(value)
        head, *rest = field.record_path
        if rest:
            kwargs.setdefault(head, {})[rest[0]] = value
        else:
            kwargs[head] = value
    return spec.record(**kwargs)


def format_timestamp(value: dt.datetime) -> str:
    """UTC, ISO 8601, with ``Z``: ``2025-01-31T20:15:00Z`` (microseconds only when present)."""
    if value.utcoffset() is None:
        raise ValueError("timestamps must be timezone-aware")
    text = value.astimezone(dt.UTC).replace(tzinfo=None).isoformat()
    return text + "Z"


def _plain_one(spec: FieldSpec, value: Any) -> Any:
    if issubclass(spec.value, StrEnum):
        return spec.value(value).value
    if spec.value is dt.datetime:
        return format_timestamp(value)
    if spec.value is dt.date:
        return value.isoformat()
    if spec.value is dt.time:
        return value.strftime("%H:%M")
    return value


def plain_value(spec: FieldSpec, value: Any) -> Any:
    """A field's value as JSON: ISO dates, ``HH:MM`` times, UTC timestamps with ``Z``,
    enums as their values, tuples as lists."""
    if value is None:
        return None
    if spec.many:
        return [_plain_one(spec, v) for v in value]
    return _plain_one(spec, value)


def from_domain(spec: RecordSpec, record: Any) -> dict[str, Any]:
    """A domain record as a JSON object, its keys in the order the class declares them."""
    document: dict[str, Any] = {}
    for field in spec.fields:
        head, *rest = field.record_path
        value = getattr(record, head)
        if rest:
            value = value.get(rest[0])
        target = document
        for part in field.path[:-1]:
            target = target.setdefault(part, {})
        target[field.path[-1]] = plain_value(field, value)
    return document

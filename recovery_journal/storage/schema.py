"""A plain description of every record kind's fields, read from the SQLModel classes.

The services build the JSON interchange validation, the CSV columns and the codebook from it;
they may not import sqlmodel themselves (``pyproject.toml``'s layer contracts), and they need
nothing of it but these facts. Importing this module imports sqlmodel: do it where that cost
is already paid or does not matter (imports, exports), not on the way to the first screen.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import annotated_types
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined
from sqlalchemy import Table
from sqlmodel import SQLModel

from recovery_journal.storage.rows import CODECS, SPREAD
from recovery_journal.storage.tables import RECORD_TABLES


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of a record kind, as the interchange formats see it."""

    column: str  # the column (and, but for spread fields, the domain record's field)
    record_path: tuple[str, ...]  # where it is in the domain record: ("answers", "B1")
    path: tuple[str, ...]  # where it is in an interchange record: ("id",), ("answers", "B1")
    value: type  # one value: int, str, bool, datetime.date/time/datetime or a StrEnum
    many: bool  # a list of ``value``
    optional: bool  # null is a value
    required: bool  # an interchange record must give it
    default: Any
    ge: int | None
    le: int | None
    min_length: int | None  # of a text its characters, of a list its items
    max_length: int | None
    item_max_length: int | None  # the characters of each text item of a list
    unique: bool
    refers_to: str | None  # the record kind whose key it names (``sponsors``)
    description: str


@dataclass(frozen=True, slots=True)
class RecordSpec:
    """One record kind: its ``JournalData`` attribute, what one record is, its fields."""

    attribute: str
    about: str
    record: type
    fields: tuple[FieldSpec, ...]  # in the interchange order; stored-only fields left out


def _unwrap(annotation: Any) -> tuple[type, bool, bool, tuple[Any, ...]]:
    """``int | None`` → (int, optional, many, the bounds of a list's items):
    ``tuple[Annotated[str, MaxLen(9)], ...]`` → (str, False, True, (MaxLen(9),))."""
    optional = False
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional = len(args) < len(typing.get_args(annotation))
        (annotation,) = args
    if typing.get_origin(annotation) is tuple:
        item = typing.get_args(annotation)[0]
        if typing.get_origin(item) is typing.Annotated:
            return item.__origin__, optional, True, item.__metadata__
        return item, optional, True, ()
    return annotation, optional, False, ()


def _bound(metadata: Iterable[Any], kind: type, attribute: str) -> Any:
    for item in metadata:
        if isinstance(item, kind):
            return getattr(item, attribute)
    return None


def _field(table: Table, name: str, info: FieldInfo, record_path: tuple[str, ...]) -> FieldSpec:
    value, optional, many, item_bounds = _unwrap(info.annotation)
    column = table.c[name]
    refers = next(iter(column.foreign_keys), None)
    default = info.default
    return FieldSpec(
        column=name,
        record_path=record_path,
        path=tuple((info.alias or name).split(".")),
        value=value,
        many=many,
        optional=optional,
        required=info.is_required(),
        default=None if default is PydanticUndefined else default,
        ge=_bound(info.metadata, annotated_types.Ge, "ge"),
        le=_bound(info.metadata, annotated_types.Le, "le"),
        min_length=_bound(info.metadata, annotated_types.MinLen, "min_length"),
        max_length=_bound(info.metadata, annotated_types.MaxLen, "max_length"),
        item_max_length=_bound(item_bounds, annotated_types.MaxLen, "max_length"),
        unique=bool(column.unique),
        refers_to=None if refers is None else _KIND_OF_TABLE[refers.column.table.name],
        description=info.description or "",
    )


_KIND_OF_TABLE = {codec.table: attribute for attribute, codec in CODECS.items()}


def _record(attribute: str, cls: type[SQLModel]) -> RecordSpec:
    codec = CODECS[attribute]
    record_paths: dict[str, tuple[str, ...]] = {}
    for stored in codec.fields:
        if stored.field in SPREAD:
            for item, column in zip(SPREAD[stored.field], stored.columns, strict=True):
                record_paths[column] = (stored.field, item)
        else:
            record_paths[stored.columns[0]] = (stored.field,)
    declared = [name for name in cls.model_fields if name != "id"]
    if sorted(declared) != sorted(record_paths):
        # The class and the domain record disagree: a field added to one and not the other.
        raise TypeError(
            f"{cls.__name__} declares {sorted(declared)} but {codec.record.__name__} "
            f"is stored as {sorted(record_paths)}"
        )
    table = SQLModel.metadata.tables[str(cls.__tablename__)]
    fields = tuple(
        _field(table, name, info, record_paths[name])
        for name, info in cls.model_fields.items()
        if name != "id" and info.exclude is not True
    )
    about = " ".join((cls.__doc__ or "").split())
    return RecordSpec(attribute, about, codec.record, fields)


#: Every record kind, by its ``JournalData`` attribute.
RECORDS: Mapping[str, RecordSpec] = types.MappingProxyType(
    {attribute: _record(attribute, cls) for attribute, cls in RECORD_TABLES.items()}
)

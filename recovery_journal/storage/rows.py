"""Rows ⇄ domain records, for every record kind, derived from the records' own fields.

No field is written down here: each kind's columns, their order and how each value is stored
follow from the fields and type hints of its domain dataclass (``domain/models.py``) and the
conventions of ``values.py``. Column names are the field names, but for the check-in's
``answers``, spread over one column per item. A test checks that what is derived here is
exactly the SQLModel class of the kind (``tables.py``) and the table the migrations make.

This module is the journal's plain-SQL path (opening, every single-record change, the
command line's quick capture): it imports neither sqlmodel nor SQLAlchemy, whose import costs
more than a whole ``log day`` may take (``docs/performance.md``). Readers and writers are
generated code, as ``dataclasses`` does it, since the whole journal passes through them on
every open.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

from recovery_journal.domain.models import (
    ALLIANCE_ITEMS,
    AllianceCheckin,
    AnchorEvent,
    CallListPerson,
    DayRecord,
    JournalEntry,
    Meeting,
    Person,
    PersonEntry,
    RegularMeeting,
    Sponsor,
    SponsorContact,
)
from recovery_journal.storage import values

R = TypeVar("R")
Row = Sequence[Any]
Maker = Callable[[], Any]

#: Fields stored over several columns: the check-in's answers, one column per item.
SPREAD: Mapping[str, tuple[str, ...]] = {"answers": ALLIANCE_ITEMS}


@dataclass(frozen=True, slots=True)
class Column:
    """One field of a record kind and where it is stored."""

    field: str
    columns: tuple[str, ...]
    value: type  # the type of one value: int, str, bool, a date/time type, an enum
    optional: bool
    many: bool  # a tuple of ``value``


def describe(name: str, hint: Any) -> Column:
    optional = False
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = len(args) < len(typing.get_args(hint))
        (hint,) = args
    if name in SPREAD:
        items = SPREAD[name]
        return Column(name, tuple(i.lower() for i in items), int, True, False)
    if typing.get_origin(hint) is tuple:
        return Column(name, (name,), typing.get_args(hint)[0], optional, True)
    if not isinstance(hint, type):
        raise TypeError(f"no stored form for field {name!r} of type {hint!r}")
    return Column(name, (name,), hint, optional, False)


def _writer(column: Column) -> Callable[[Any], Any] | None:
    """Python value → stored value (``None``: stored as it is)."""
    kind = column.value
    write: Callable[[Any], Any]
    if column.field in SPREAD:
        items = SPREAD[column.field]

        def spread(answers: Mapping[str, Any]) -> tuple[Any, ...]:
            unknown = set(answers) - set(items)
            if unknown:
                raise ValueError(f"unknown {column.field}: {sorted(unknown)}")
            return tuple(answers.get(item) for item in items)

        return spread
    if column.many:
        write = values.enum_list_text(kind) if issubclass(kind, StrEnum) else values.list_text
    elif issubclass(kind, StrEnum):
        write = values.enum_text(kind)
    elif kind is dt.datetime:
        write = values.timestamp_text
    elif kind is dt.date:
        write = values.date_text
    elif kind is dt.time:
        write = values.time_text
    elif kind is bool:
        write = int
    elif kind in (int, str):
        return None
    else:
        raise TypeError(f"no stored form for {kind!r}")
    return values.optional(write) if column.optional else write


def _reader(column: Column) -> tuple[Maker, bool] | None:
    """A maker of stored value → Python value, and whether the generated code subscripts it
    (a dict of enum members) rather than calls it; ``None``: read as it is. Makers give a
    fresh reader for each read, so memos live only as long as that read. ``None`` in an
    optional column is handled by the generated code, not by the reader."""
    kind = column.value
    if column.many:
        if issubclass(kind, StrEnum):
            return (lambda: values.enum_list_reader(kind)), False
        return values.text_list_reader, False
    if issubclass(kind, StrEnum):
        lookup = values.members(kind)
        return (lambda: lookup), True
    read: Callable[[Any], Any]
    if kind is dt.datetime:
        read = dt.datetime.fromisoformat
    elif kind is dt.date:
        read = dt.date.fromisoformat
    elif kind is dt.time:
        return values.time_reader, False
    elif kind is bool:
        read = bool
    elif kind in (int, str):
        return None
    else:
        raise TypeError(f"no stored form for {kind!r}")
    return (lambda: read), False


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Codec(Generic[R]):
    """How one record kind maps onto its table: columns, SQL and row conversions."""

    def __init__(self, record: type[R], table: str, order: tuple[str, ...], label: str) -> None:
        hints = typing.get_type_hints(record)
        names = [f.name for f in dataclasses.fields(record)]  # type: ignore[arg-type]
        if names[-1] != "id":
            raise TypeError(f"{record.__name__}: the storage id must be the last field")
        self.record = record
        self.table = table
        self.label = label  # what the person calls one, in messages
        self.fields = tuple(describe(name, hints[name]) for name in names if name != "id")
        self.columns: tuple[str, ...] = tuple(c for f in self.fields for c in f.columns)
        self.order = order
        cols = ", ".join(map(_quote, self.columns))
        marks = ", ".join("?" for _ in self.columns)
        sets = ", ".join(f"{_quote(c)} = ?" for c in self.columns)
        # The only SQL assembled from names, and every name comes from the domain record:
        # no user text ever reaches it.
        self.select = f"SELECT {cols}, id FROM {_quote(table)}"  # noqa: S608
        self.insert = f"INSERT INTO {_quote(table)} ({cols}) VALUES ({marks})"  # noqa: S608
        self.update = f"UPDATE {_quote(table)} SET {sets} WHERE id = ?"  # noqa: S608
        self.order_by = " ORDER BY " + ", ".join(map(_quote, order))
        self._to_row = self._compile_writer()
        self._readers = [_reader(f) for f in self.fields]
        names = [*(f.field for f in self.fields), "id"]
        self._setters = (
            () if hasattr(record, "__post_init__") else [getattr(record, n).__set__ for n in names]
        )
        self._make_reader = self._compile_reader()

    def to_row(self, record: R) -> tuple[Any, ...]:
        """The stored values, in the order of :attr:`columns` (without ``id``)."""
        return self._to_row(record)

    def reader(self) -> Callable[[Row], R]:
        """A function from a row of :attr:`select` to a record (memos last as long as it)."""
        made = [reader[0]() for reader in self._readers if reader is not None]
        return self._make_reader(self.record, *made, *self._setters)

    def from_values(self, row: Mapping[Any, Any]) -> R:
        """A record from already converted column values (SQLAlchemy's typed rows)."""
        kwargs: dict[str, Any] = {"id": row["id"]}
        for f in self.fields:
            if f.field in SPREAD:
                items = zip(SPREAD[f.field], f.columns, strict=True)
                kwargs[f.field] = {item: row[column] for item, column in items}
            else:
                kwargs[f.field] = row[f.columns[0]]
        return self.record(**kwargs)

    # -- generated code ---------------------------------------------------------------------

    def _compile_writer(self) -> Callable[[R], tuple[Any, ...]]:
        writers = [_writer(f) for f in self.fields]
        params, parts = [], []
        for index, (f, write) in enumerate(zip(self.fields, writers, strict=True)):
            if write is None:
                parts.append(f"x.{f.field}")
                continue
            params.append(f"w{index}")
            star = "*" if f.field in SPREAD else ""
            parts.append(f"{star}w{index}(x.{f.field})")
        source = (
            f"def make({', '.join(params)}):\n"
            f"    def to_row(x):\n"
            f"        return ({', '.join(parts)},)\n"
            f"    return to_row\n"
        )
        make = self._exec(source)
        return make(*[w for w in writers if w is not None])  # type: ignore[no-any-return]

    def _compile_reader(self) -> Callable[..., Callable[[Row], R]]:
        params, parts, position = ["C"], [], 0
        for index, f in enumerate(self.fields):
            reader = self._readers[index]
            value = f"r[{position}]"
            if f.field in SPREAD:
                items = SPREAD[f.field]
                pairs = [f"{i!r}: r[{position + n}]" for n, i in enumerate(items)]
                parts.append("{" + ", ".join(pairs) + "}")
            elif reader is None:
                parts.append(value)
            else:
                params.append(f"c{index}")
                read = f"c{index}[{{}}]" if reader[1] else f"c{index}({{}})"
                if f.optional:  # inline, rather than one more call per value
                    parts.append(f"(None if (v := {value}) is None else {read.format('v')})")
                else:
                    parts.append(read.format(value))
            position += len(f.columns)
        parts.append(f"r[{position}]")  # id, the last field of every record
        if hasattr(self.record, "__post_init__"):
            body = f"        return C({', '.join(parts)})\n"
        else:
            # Set the slots directly, as unpickling does: a frozen dataclass's __init__ goes
            # through object.__setattr__ for every field, which made up most of a load.
            names = [*(f.field for f in self.fields), "id"]
            params += [f"s{n}" for n in range(len(names))]
            body = "        o = new(C)\n"
            body += "".join(f"        s{n}(o, {part})\n" for n, part in enumerate(parts))
            body += "        return o\n"
        source = (
            f"def make({', '.join(params)}):\n    def from_row(r):\n{body}    return from_row\n"
        )
        return self._exec(source)

    def _exec(self, source: str) -> Callable[..., Any]:
        namespace: dict[str, Any] = {}
        namespace["new"] = object.__new__
        exec(compile(source, f"<{self.table} codec>", "exec"), namespace)  # noqa: S102
        return namespace["make"]  # type: ignore[no-any-return]


DAYS = Codec(DayRecord, "day_record", ("date", "id"), "day")
MEETINGS = Codec(Meeting, "meeting", ("date", "time", "id"), "meeting")
SPONSORS = Codec(Sponsor, "sponsor", ("started_on", "id"), "sponsor")
CONTACTS = Codec(SponsorContact, "sponsor_contact", ("date", "time", "id"), "sponsor contact")
CHECKINS = Codec(AllianceCheckin, "alliance_checkin", ("date", "id"), "relationship check-in")
ENTRIES = Codec(JournalEntry, "journal_entry", ("created_at", "id"), "journal entry")
ANCHORS = Codec(AnchorEvent, "anchor_event", ("date", "id"), "anchor event")
CALL_LIST = Codec(CallListPerson, "call_list_person", ("id",), "call-list person")
PEOPLE = Codec(Person, "person", ("id",), "person")
PERSON_ENTRIES = Codec(PersonEntry, "person_entry", ("date", "id"), "network entry")
REGULAR_MEETINGS = Codec(RegularMeeting, "regular_meeting", ("id",), "regular meeting")

#: Every record kind by its ``JournalData`` attribute, parents before children (the order to
#: insert in; delete in reverse).
CODECS: Mapping[str, Codec[Any]] = types.MappingProxyType(
    {
        "sponsors": SPONSORS,
        "people": PEOPLE,
        "person_entries": PERSON_ENTRIES,
        "days": DAYS,
        "meetings": MEETINGS,
        "contacts": CONTACTS,
        "checkins": CHECKINS,
        "journal_entries": ENTRIES,
        "anchor_events": ANCHORS,
        "call_list": CALL_LIST,
        "regular_meetings": REGULAR_MEETINGS,
    }
)

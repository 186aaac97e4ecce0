"""How each kind of value is stored: the conventions of every table, in one place.

Both the row codec of ``rows.py`` (the plain-SQL path that opens a journal) and the column
types of ``tables.py`` (what SQLAlchemy uses) call these functions, so a value is written and
read the same way whichever path touches it. Plain Python: importing this is cheap.

* dates are ISO ``YYYY-MM-DD`` text; times ``HH:MM`` (or ``HH:MM:SS``) text, without a zone;
* timestamps are ISO 8601 text in UTC with ``+00:00``, so they sort as text and read back as
  timezone-aware UTC datetimes (a naive datetime is refused: a programming error);
* lists (substances, activities, topics, tags) are JSON arrays of strings;
* booleans are 0/1 integers; enums are their string values.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any, TypeVar

E = TypeVar("E", bound=StrEnum)


def date_text(value: dt.date) -> str:
    return value.isoformat()


def time_text(value: dt.time) -> str:
    if value.tzinfo is not None:
        raise ValueError("meeting and contact times are local clock times without a zone")
    if value.second == 0 and value.microsecond == 0:
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def timestamp_text(value: dt.datetime) -> str:
    """UTC ISO text with ``+00:00``; a naive datetime is a programming error."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("timestamps must be timezone-aware")
    return value.astimezone(dt.UTC).isoformat()


def list_text(values: Iterable[str]) -> str:
    return json.dumps([str(v) for v in values], ensure_ascii=False)


def enum_text(enum: type[StrEnum]) -> Callable[[Any], str]:
    """The stored text of a member of ``enum`` (a value outside it raises ``ValueError``)."""

    def text(value: Any) -> str:
        return enum(value).value

    return text


def enum_list_text(enum: type[StrEnum]) -> Callable[[Iterable[Any]], str]:
    def text(values: Iterable[Any]) -> str:
        return list_text([enum(v).value for v in values])

    return text


def members(enum: type[E]) -> dict[str, E]:
    """Stored text → member: a dict lookup is the fastest way back."""
    return {member.value: member for member in enum}


# -- reading, memoised per read -----------------------------------------------------------------
# The same few lists and clock times repeat across thousands of rows, so one read (a whole
# load, say) decodes each distinct text once. The memo lives only as long as that read: no
# decoded journal content outlives it in a module-level cache.


def text_list_reader() -> Callable[[str], tuple[str, ...]]:
    memo: dict[str, tuple[str, ...]] = {"[]": ()}
    loads = json.loads

    def read(text: str) -> tuple[str, ...]:
        value = memo.get(text)
        if value is None:
            value = memo[text] = tuple(loads(text))
        return value

    return read


def enum_list_reader(enum: type[E]) -> Callable[[str], tuple[E, ...]]:
    lookup = members(enum)
    memo: dict[str, tuple[E, ...]] = {"[]": ()}
    loads = json.loads

    def read(text: str) -> tuple[E, ...]:
        value = memo.get(text)
        if value is None:
            value = memo[text] = tuple(lookup[v] for v in loads(text))
        return value

    return read


def time_reader() -> Callable[[str | None], dt.time | None]:
    memo: dict[str, dt.time] = {}
    parse = dt.time.fromisoformat

    def read(text: str | None) -> dt.time | None:
        if text is None:
            return None
        value = memo.get(text)
        if value is None:
            value = memo[text] = parse(text)
        return value

    return read


def optional(read: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def read_optional(value: Any) -> Any:
        return None if value is None else read(value)

    return read_optional

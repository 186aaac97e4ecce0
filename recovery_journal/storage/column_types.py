"""SQLAlchemy column types for the journal's values, stored by the conventions of ``values.py``.

Each type is ``VARCHAR`` in the database (what the frozen migrations create) and a real Python
value on the SQLAlchemy side, so statements over the tables of ``tables.py`` take and give
dates, enums and tuples, converted by the same functions as the plain-SQL path of ``rows.py``.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from recovery_journal.storage import values


class _Text(TypeDecorator[Any]):
    impl = String
    cache_ok = True

    def _write(self, value: Any) -> str:
        raise NotImplementedError

    def _read(self, text: str) -> Any:
        raise NotImplementedError

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else self._write(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return None if value is None else self._read(value)


class IsoDate(_Text):
    """A ``datetime.date`` as ``YYYY-MM-DD``."""

    cache_ok = True

    def _write(self, value: dt.date) -> str:
        return values.date_text(value)

    def _read(self, text: str) -> dt.date:
        return dt.date.fromisoformat(text)


class ClockTime(_Text):
    """A local ``datetime.time`` without a zone, as ``HH:MM`` (``HH:MM:SS`` with seconds)."""

    cache_ok = True

    def _write(self, value: dt.time) -> str:
        return values.time_text(value)

    def _read(self, text: str) -> dt.time:
        return dt.time.fromisoformat(text)


class UtcTimestamp(_Text):
    """A timezone-aware ``datetime.datetime``, stored in UTC as ISO text with ``+00:00``."""

    cache_ok = True

    def _write(self, value: dt.datetime) -> str:
        return values.timestamp_text(value)

    def _read(self, text: str) -> dt.datetime:
        return dt.datetime.fromisoformat(text)


class EnumText(_Text):
    """A member of ``enum``, stored as its value."""

    cache_ok = True

    def __init__(self, enum: type[StrEnum]) -> None:
        super().__init__()
        self.enum = enum

    def _write(self, value: Any) -> str:
        return self.enum(value).value

    def _read(self, text: str) -> StrEnum:
        return self.enum(text)


class JsonList(_Text):
    """A tuple of strings (or of members of ``enum``), stored as a JSON array."""

    cache_ok = True

    def __init__(self, enum: type[StrEnum] | None = None) -> None:
        super().__init__()
        self.enum = enum

    def _write(self, value: Any) -> str:
        if self.enum is None:
            return values.list_text(value)
        return values.enum_list_text(self.enum)(value)

    def _read(self, text: str) -> tuple[Any, ...]:
        if self.enum is None:
            return values.text_list_reader()(text)
        return values.enum_list_reader(self.enum)(text)

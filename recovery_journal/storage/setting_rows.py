"""The ``setting`` table: one row per field of ``domain.models.Settings``, its value as JSON.

Like the record rows, derived from the dataclass: adding a setting is a field of ``Settings``
and nothing more (no migration: a missing key reads as its default, an unknown key is kept
and ignored).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import typing
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from recovery_journal.domain.models import Settings
from recovery_journal.storage.rows import Column, describe

SETTING_NAMES: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Settings))
_HINTS = typing.get_type_hints(Settings)
SETTINGS: dict[str, Column] = {name: describe(name, _HINTS[name]) for name in SETTING_NAMES}


def setting_to_json(name: str, value: Any) -> str:
    """The JSON text stored for one setting (``KeyError`` for a name that is not a setting,
    ``TypeError``/``ValueError`` for a value of the wrong kind)."""
    column = SETTINGS.get(name)
    if column is None:
        raise KeyError(f"unknown setting {name!r}")
    plain: Any
    if value is None and column.optional:
        plain = None
    elif column.many:
        plain = [str(v) for v in value]
    elif issubclass(column.value, StrEnum):
        plain = column.value(value).value
    elif column.value is dt.date:
        plain = value.isoformat()
    elif column.value is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"setting {name} must be a whole number")
        plain = value
    elif column.value is bool:
        plain = bool(value)
    else:
        plain = str(value)
    return json.dumps(plain, ensure_ascii=False)


def setting_from_json(name: str, text: str) -> Any:
    column = SETTINGS[name]
    plain = json.loads(text)
    if plain is None:
        return None
    if column.many:
        return tuple(plain)
    if issubclass(column.value, StrEnum):
        return column.value(plain)
    if column.value is dt.date:
        return dt.date.fromisoformat(plain)
    return plain


def settings_from_pairs(pairs: Sequence[tuple[str, str]]) -> Settings:
    """Settings from stored rows; missing keys take their defaults, unknown keys are ignored."""
    values = {name: setting_from_json(name, text) for name, text in pairs if name in SETTINGS}
    return Settings(**values)

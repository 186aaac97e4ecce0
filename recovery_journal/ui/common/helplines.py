"""The bundled table of national helplines (``resources/helplines.json``), read offline."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache

from recovery_journal.ui.common.icons import resource


@dataclass(frozen=True, slots=True)
class Helpline:
    name: str
    phone: str
    hours: str
    what: str
    source: str
    # None when the number could not be confirmed against a published source yet.
    last_checked: dt.date | None


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    emergency: str
    helplines: tuple[Helpline, ...]


def _checked(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@cache
def countries() -> tuple[Country, ...]:
    """Every country in the table, by name."""
    raw = json.loads(resource("helplines.json").read_text(encoding="utf-8"))
    found = [
        Country(
            code=entry["code"],
            name=entry["name"],
            emergency=entry["emergency"],
            helplines=tuple(
                Helpline(
                    name=line["name"],
                    phone=line["phone"],
                    hours=line["hours"],
                    what=line["what"],
                    source=line["source"],
                    last_checked=_checked(line.get("last_checked")),
                )
                for line in entry["helplines"]
            ),
        )
        for entry in raw["countries"]
    ]
    return tuple(sorted(found, key=lambda c: c.name))


def country(code: str) -> Country | None:
    return next((c for c in countries() if c.code == code), None)


def system_country_code() -> str:
    """The two-letter code of the country in the computer's locale ("" when it names none)."""
    from PySide6.QtCore import QLocale

    return QLocale.territoryToCode(QLocale.system().territory()) or ""


def country_for(chosen: str) -> tuple[Country | None, bool]:
    """The country to show help for, and whether it was only guessed from the locale.

    The person's own choice first. With none made (an empty setting; "other" is a choice),
    the computer's locale, when it is in the table. Otherwise ``None``: never the first
    country of the list.
    """
    if chosen:
        return country(chosen), False
    guessed = country(system_country_code())
    return guessed, guessed is not None

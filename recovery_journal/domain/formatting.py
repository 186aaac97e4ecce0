"""How numbers, dates and counts read on screen, in the report and on the command line.

The one home of these words: whole-number percentages and one-decimal scores (half-up), dates
in words, "1 day" / "2 days", and free text without invisible control characters. Month and
weekday names are spelled out here rather than taken from ``strftime``, so the words do not
change with the system locale.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: C0 and C1 control characters other than the line break; a tab reads as a space.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def format_percent(value: float) -> str:
    """A 0–100 percentage as a whole number with a % sign, halves rounded up (95.5 → "96%").

    ``repr`` gives the shortest decimal that reads back as the same float, so a computed 95.5
    rounds as 95.5 and not as its binary neighbour.
    """
    whole = Decimal(repr(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{whole}%"


def format_score(value: float) -> str:
    """A relationship score (already rounded to one decimal) as text, e.g. "68.8"."""
    return f"{value:.1f}"


def long_date(day: dt.date, *, weekday: bool = False, year: bool = True) -> str:
    """``15 March 2026``; ``Sunday 15 March 2026`` with ``weekday``; ``Sunday 15 March`` with
    ``weekday`` and without ``year`` (for dates in the current year)."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    if year:
        text += f" {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def short_date(day: dt.date) -> str:
    """``15 Mar 2026``."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def month_name(day: dt.date, *, year: bool = True) -> str:
    """``March 2026`` (``March`` without ``year``)."""
    name = MONTHS[day.month - 1]
    return f"{name} {day.year}" if year else name


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 day``, ``2 days``, ``0 days``; ``many`` for irregular plurals."""
    if count == 1:
        return f"{count} {word}"
    return f"{count} {many or word + 's'}"


def printable(text: str) -> str:
    """``text`` as it can be printed: control characters (a NUL, an escape…), which no font
    has a glyph for, are dropped; tabs become spaces; line breaks stay. The journal itself
    keeps the text exactly."""
    return _CONTROL.sub("", text.replace("\t", " "))

"""Plain words for chart titles, summaries and hover text (UI.md "Words")."""

from __future__ import annotations

import datetime as dt

from recovery_journal.domain.formatting import format_percent

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

NOTHING_YET = "Nothing recorded in this period yet."


def long_date(day: dt.date) -> str:
    """``15 March 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: dt.date) -> str:
    """``15 Mar 2026``."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def month_name(day: dt.date) -> str:
    """``March 2026``."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def span(start: dt.date, end: dt.date) -> str:
    """``16 Mar 2025 – 15 Mar 2026`` (one date when they are the same day)."""
    if start == end:
        return short_date(start)
    return f"{short_date(start)} – {short_date(end)}"


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 day``, ``2 days``; ``many`` for irregular plurals."""
    if count == 1:
        return f"{count} {word}"
    return f"{count} {many or word + 's'}"


def percent(value: float) -> str:
    """A 0–100 figure as shown on screen: a whole number with a % sign, halves up."""
    return format_percent(value)


def whole(value: float) -> str:
    """A 0–100 score as a whole number, halves up: ``82``."""
    return format_percent(value)[:-1]


def one_decimal(value: float) -> str:
    """A mean rating such as 3.25 as ``3.3`` (half up, like every other figure on screen)."""
    from decimal import ROUND_HALF_UP, Decimal

    return str(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))

"""Plain words for chart titles, summaries and hover text (UI.md "Words")."""

from __future__ import annotations

import datetime as dt

from recovery_journal.domain.formatting import (
    MONTHS,
    format_percent,
    long_date,
    month_name,
    plural,
    short_date,
)

# The date and count helpers live once, in the domain; charts import them from here too.
__all__ = [
    "MONTHS",
    "NOTHING_YET",
    "long_date",
    "month_name",
    "one_decimal",
    "percent",
    "plural",
    "short_date",
    "span",
    "whole",
]

NOTHING_YET = "Nothing recorded in this period yet."


def span(start: dt.date, end: dt.date) -> str:
    """``16 Mar 2025 – 15 Mar 2026`` (one date when they are the same day)."""
    if start == end:
        return short_date(start)
    return f"{short_date(start)} – {short_date(end)}"


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

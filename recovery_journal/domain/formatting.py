"""How numbers read on screen: whole-number percentages and one-decimal scores, half-up."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


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

"""How numbers and text read on screen and paper: whole-number percentages, one-decimal
scores (half-up), and free text without invisible control characters."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

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


def printable(text: str) -> str:
    """``text`` as it can be printed: control characters (a NUL, an escape…), which no font
    has a glyph for, are dropped; tabs become spaces; line breaks stay. The journal itself
    keeps the text exactly."""
    return _CONTROL.sub("", text.replace("\t", " "))

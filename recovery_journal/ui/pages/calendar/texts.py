"""The Calendar's words for a month and for the figures (numbers from the domain only)."""

from __future__ import annotations

import datetime as dt

from recovery_journal.domain.formatting import month_name, plural
from recovery_journal.domain.pda import PdaWindow
from recovery_journal.domain.stats import Stats
from recovery_journal.ui.common.pda_words import window_line


def month_line(window: PdaWindow, month: dt.date, today: dt.date) -> str:
    """The month shown, in words: its counted days by status (MEASURES §2 over the month)."""
    name = month_name(month, year=month.year != today.year)
    if month > today:
        return f"{name} hasn't started yet."
    if window.days == 0:
        if window.start is None:
            return "Nothing is recorded yet. Fill in a day to start your calendar."
        return f"{name} is before your tracking start, so it isn't counted in your figures."
    so_far = " so far" if window.end >= today else ""
    parts = [f"{window.abstinent} abstinent"]
    if window.used:
        parts.append(f"{window.used} used")
    if window.unknown:
        parts.append(f"{window.unknown} not filled in or not sure")
    return f"{name}{so_far}: " + ", ".join(parts) + f" (of {plural(window.days, 'day')} counted)."


def missing_line(window: PdaWindow) -> str:
    """Days of the month not known yet, named kindly (UI.md)."""
    if not window.unknown:
        return ""
    verb = "isn't" if window.unknown == 1 else "aren't"
    return (
        f"{plural(window.unknown, 'day')} {verb} filled in yet, or marked not sure — you can add "
        "them here when you're ready."
    )


def figure_lines(stats: Stats) -> list[str]:
    """The last 30 days, as Today shows them (same numbers), said to end today: the month
    shown beside them may be another one."""
    lines = window_line(stats.pda["30"], 30)
    return [
        line.replace("Last 30 days:", "Last 30 days, to today:", 1).replace(
            " from the Calendar ", " here ", 1
        )
        for line in lines
    ]

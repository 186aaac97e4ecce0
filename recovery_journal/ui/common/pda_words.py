"""A percent-days-abstinent window in words, as Today and the Calendar both say it.

No Qt here, and no arithmetic on measures: the numbers come from the domain and are only put
into words (UI.md "Words").
"""

from __future__ import annotations

from recovery_journal.domain.formatting import format_percent, plural
from recovery_journal.domain.pda import PdaWindow, headline


def _window_label(window: PdaWindow, size: int) -> str:
    if window.days >= size:
        return f"Last {size} days"
    return f"Since you started ({plural(window.days, 'day')})"


def _missing_line(window: PdaWindow) -> str:
    n = window.unknown
    verb, them = ("isn't", "it") if n == 1 else ("aren't", "them")
    return (
        f"{plural(n, 'day')} {verb} filled in yet — you can add {them} from the Calendar when "
        "you're ready."
    )


#: Below this many recorded days in a window, no percentage is shown for it.
FEW_DAYS = 7


def _few_days_line(window: PdaWindow) -> str:
    return f"{plural(window.known, 'day')} recorded so far — every day you add makes this clearer."


def window_line(window: PdaWindow, size: int) -> list[str]:
    """One window in words: the headline figure when enough days are recorded (80%),
    otherwise the low–high range and the days still to fill in; no percentage at all while
    fewer than ``FEW_DAYS`` days are recorded."""
    label = _window_label(window, size)
    if window.known < FEW_DAYS:
        return [f"{label}: {_few_days_line(window)}"] + (
            [_missing_line(window)] if window.unknown else []
        )
    figure = headline(window)
    if figure is not None:
        recorded = f"{window.known} of {plural(window.days, 'day')} recorded"
        return [f"{label}: {format_percent(figure)} ({recorded})"]
    if window.pda_low is None or window.pda_high is None:
        return []
    return [
        f"{label}: not enough days recorded for one number yet — between "
        f"{format_percent(window.pda_low)} and {format_percent(window.pda_high)}.",
        _missing_line(window),
    ]

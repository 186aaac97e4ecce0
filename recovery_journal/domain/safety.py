"""When a day's record brings a gentle prompt to reach out (MEASURES §9).

After a ``used`` day, a craving of 8 or more, or a confidence of 2 or less, the app suggests
calling someone on the call list; a ``used`` day after 7 or more days without use also brings
the note that tolerance falls during abstinence. The words are the app's (``ui/``); which
prompt is due, and why, is decided here.
"""

from __future__ import annotations

from dataclasses import dataclass

from recovery_journal.domain.models import DayRecord, DayStatus

#: A craving rating at or above this brings the prompt.
HIGH_CRAVING = 8
#: A confidence rating at or below this brings the prompt.
LOW_CONFIDENCE = 2
#: A used day after a run of at least this many days without use brings the tolerance note.
TOLERANCE_RUN_DAYS = 7


@dataclass(frozen=True, slots=True)
class DayPrompt:
    """Why a day's record brings a prompt: a used day (``tolerance`` when it ended a run of
    ``TOLERANCE_RUN_DAYS`` or more), a high craving, a low confidence, or both."""

    used: bool
    tolerance: bool
    high_craving: bool
    low_confidence: bool


def day_prompt(day: DayRecord, run_before: int) -> DayPrompt | None:
    """The prompt ``day`` brings, or ``None``. ``run_before`` is the run of days without use
    that ended the day before (``runs.run_before``)."""
    used = day.status == DayStatus.USED
    craving = day.craving is not None and day.craving >= HIGH_CRAVING
    shaky = day.confidence is not None and day.confidence <= LOW_CONFIDENCE
    if not (used or craving or shaky):
        return None
    return DayPrompt(
        used=used,
        tolerance=used and run_before >= TOLERANCE_RUN_DAYS,
        high_craving=craving,
        low_confidence=shaky,
    )

"""MEASURES §9: which day brings a prompt to reach out, and when the tolerance note comes."""

from recovery_journal.domain.models import DayRecord, DayStatus
from recovery_journal.domain.safety import (
    HIGH_CRAVING,
    LOW_CONFIDENCE,
    TOLERANCE_RUN_DAYS,
    DayPrompt,
    day_prompt,
)

from .builders import D

DAY = D(2026, 3, 15)


def _day(status=DayStatus.ABSTINENT, craving=None, confidence=None):
    return DayRecord(DAY, status, craving=craving, confidence=confidence)


def test_the_thresholds_are_those_of_measures_9():
    assert (HIGH_CRAVING, LOW_CONFIDENCE, TOLERANCE_RUN_DAYS) == (8, 2, 7)


def test_a_calm_day_brings_no_prompt():
    assert day_prompt(_day(), 100) is None
    assert day_prompt(_day(craving=7, confidence=3), 0) is None
    assert day_prompt(_day(DayStatus.UNKNOWN, craving=0, confidence=10), 0) is None


def test_a_high_craving_or_a_low_confidence_brings_the_prompt_at_the_threshold():
    assert day_prompt(_day(craving=8), 0) == DayPrompt(False, False, True, False)
    assert day_prompt(_day(confidence=2), 0) == DayPrompt(False, False, False, True)
    assert day_prompt(_day(craving=10, confidence=0), 0) == DayPrompt(False, False, True, True)


def test_a_used_day_brings_the_prompt_and_after_a_week_without_use_the_tolerance_note():
    assert day_prompt(_day(DayStatus.USED), 0) == DayPrompt(True, False, False, False)
    assert day_prompt(_day(DayStatus.USED), 6) == DayPrompt(True, False, False, False)
    assert day_prompt(_day(DayStatus.USED), 7) == DayPrompt(True, True, False, False)
    assert day_prompt(_day(DayStatus.ABSTINENT), 30) is None  # the note is for a used day only

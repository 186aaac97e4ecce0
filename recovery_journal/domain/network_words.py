"""The words the app and the command line use for the network's values.

Warm and plain, and never a judgement of the people named: a stance of ``against`` is the
person's own rating of how someone affects their recovery, shown as "makes recovery harder".
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from recovery_journal.domain.models import PersonStance, PersonUse, Relationship, Weekday

RELATIONSHIP_WORDS: Mapping[Relationship, str] = MappingProxyType(
    {
        Relationship.FAMILY: "Family",
        Relationship.PARTNER: "Partner",
        Relationship.FRIEND: "Friend",
        Relationship.FELLOWSHIP_MEMBER: "Fellowship member",
        Relationship.SPONSOR: "Sponsor",
        Relationship.SPONSEE: "Sponsee",
        Relationship.PROFESSIONAL: "Professional (doctor, counsellor…)",
        Relationship.WORK: "Work",
        Relationship.OTHER: "Other",
    }
)

USE_WORDS: Mapping[PersonUse, str] = MappingProxyType(
    {
        PersonUse.NONE: "Doesn't drink or use",
        PersonUse.LIGHT: "Drinks or uses lightly",
        PersonUse.HEAVY: "Drinks or uses heavily",
        PersonUse.RECOVERY: "In recovery",
        PersonUse.UNKNOWN: "Not sure",
    }
)

STANCE_WORDS: Mapping[PersonStance, str] = MappingProxyType(
    {
        PersonStance.SUPPORTS: "Supports your recovery",
        PersonStance.NEUTRAL: "Neutral",
        PersonStance.AGAINST: "Makes recovery harder",
        PersonStance.UNKNOWN: "Not sure yet",
    }
)

#: The Network view's groups, in the order shown.
STANCE_GROUPS: Mapping[PersonStance, str] = MappingProxyType(
    {
        PersonStance.SUPPORTS: "Supporting your recovery",
        PersonStance.NEUTRAL: "Neutral",
        PersonStance.UNKNOWN: "Not sure yet",
        PersonStance.AGAINST: "Being around them makes recovery harder",
    }
)

#: People no longer in the network, shown after the groups.
PAST_GROUP = "No longer part of your life"

WEEKDAY_SHORT: Mapping[Weekday, str] = MappingProxyType(
    {day: day.value[:3].title() for day in Weekday}
)


def weekdays_text(days: tuple[Weekday, ...]) -> str:
    """``(MONDAY, FRIDAY)`` → ``"Mon, Fri"``, Monday first; every day → ``"Every day"``."""
    if set(days) == set(Weekday):
        return "Every day"
    return ", ".join(WEEKDAY_SHORT[d] for d in Weekday if d in days)

"""Plain records of the journal: the vocabulary every layer speaks.

Field names and allowed values follow ``MEASURES.md`` and the JSON interchange format of
``DESIGN.md``. Records are immutable; ``id`` is the storage row id (``None`` before saving) and
lists are tuples so records can be hashed and compared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType


class DayStatus(StrEnum):
    ABSTINENT = "abstinent"
    USED = "used"
    UNKNOWN = "unknown"


class Activity(StrEnum):
    STEP_WORK = "step_work"
    READING = "reading"
    SERVICE = "service"
    MEMBER_CONTACT = "member_contact"
    MEDITATION = "meditation"


class Fellowship(StrEnum):
    AA = "AA"
    NA = "NA"
    CA = "CA"
    SMART = "SMART"
    OTHER = "other"


class MeetingFormat(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    PHONE = "phone"


class ServiceRole(StrEnum):
    NONE = "none"
    SETUP = "setup"
    CHAIR = "chair"
    GREETER = "greeter"
    SECRETARY = "secretary"
    LITERATURE = "literature"
    OTHER = "other"


class ContactMode(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"
    TEXT = "text"


class Initiator(StrEnum):
    ME = "me"
    SPONSOR = "sponsor"


class Topic(StrEnum):
    STEPS = "steps"
    CRAVING = "craving"
    CHECK_IN = "check_in"
    READING = "reading"
    LIFE = "life"
    OTHER = "other"


class Relationship(StrEnum):
    """Who a person in the recovery network is to me."""

    FAMILY = "family"
    PARTNER = "partner"
    FRIEND = "friend"
    FELLOWSHIP_MEMBER = "fellowship_member"
    SPONSOR = "sponsor"
    SPONSEE = "sponsee"
    PROFESSIONAL = "professional"
    WORK = "work"
    OTHER = "other"


class PersonUse(StrEnum):
    """A person's own use of alcohol or drugs, as I see it (``MEASURES.md`` network)."""

    NONE = "none"
    LIGHT = "light"
    HEAVY = "heavy"
    RECOVERY = "recovery"
    UNKNOWN = "unknown"


class PersonStance(StrEnum):
    """How a person relates to my recovery, as I see it."""

    SUPPORTS = "supports"
    NEUTRAL = "neutral"
    AGAINST = "against"
    UNKNOWN = "unknown"


class Weekday(StrEnum):
    """A day of the week, Monday first (``datetime.date.weekday()`` order)."""

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"


class WeekStart(StrEnum):
    MONDAY = "monday"
    SUNDAY = "sunday"


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


#: The eight relationship check-in items, in order (``MEASURES.md`` §5).
ALLIANCE_ITEMS: tuple[str, ...] = ("B1", "B2", "R1", "R2", "G1", "G2", "T1", "T2")
#: What each check-in item says (``MEASURES.md`` §5), in the person's own voice.
ALLIANCE_STATEMENTS: Mapping[str, str] = MappingProxyType(
    {
        "B1": "I feel my sponsor genuinely cares how I am doing.",
        "B2": "I can be honest with my sponsor, even about things I am ashamed of.",
        "R1": "My sponsor and I take each other's views seriously.",
        "R2": "I sometimes feel judged or talked down to by my sponsor.",
        "G1": "My sponsor and I agree on what I am working toward in recovery right now.",
        "G2": "My sponsor understands what matters most to me in my recovery.",
        "T1": "I am clear about what my sponsor and I are working on together.",
        "T2": "The things my sponsor suggests feel useful for my recovery.",
    }
)
#: Items scored in reverse (``4 - answer``).
REVERSED_ITEMS: frozenset[str] = frozenset({"R2"})
ALLIANCE_AREAS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {"bond": ("B1", "B2"), "respect": ("R1", "R2"), "goals": ("G1", "G2"), "tasks": ("T1", "T2")}
)

CRAVING_RANGE = (0, 10)
CONFIDENCE_RANGE = (0, 10)
MOOD_RANGE = (1, 5)
STEP_RANGE = (1, 12)
HELPFULNESS_RANGE = (0, 10)
ANSWER_RANGE = (0, 4)
#: The most characters in a long text: a day's note, meeting, contact and check-in notes, a
#: journal entry's body. With the two bounds below, far beyond any real journal; an import
#: refuses a file past them (``docs/interchange.md``).
LONG_TEXT_MAX = 100_000
#: The most characters in every other text: names, labels, titles, ids, tags, substances,
#: phone numbers.
SHORT_TEXT_MAX = 1_000
#: The most items in a list inside one record (substances, activities, topics, tags).
LIST_ITEMS_MAX = 100


@dataclass(frozen=True, slots=True)
class DayRecord:
    date: dt.date
    status: DayStatus
    substances: tuple[str, ...] = ()
    amount: str = ""
    craving: int | None = None
    confidence: int | None = None
    mood: int | None = None
    activities: tuple[Activity, ...] = ()
    step: int | None = None
    note: str = ""
    entered_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Meeting:
    date: dt.date
    fellowship: Fellowship
    fellowship_label: str | None = None
    time: dt.time | None = None
    name: str = ""
    format: MeetingFormat = MeetingFormat.IN_PERSON
    duration_min: int | None = None
    home_group: bool = False
    shared: bool = False
    service_role: ServiceRole = ServiceRole.NONE
    talked_with_members: bool = False
    helpfulness: int | None = None
    notes: str = ""
    #: Someone from my recovery network I was there with (``Person.key``), if I say so.
    person_key: str | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Sponsor:
    """A sponsor; ``key`` is the stable string id used in exports and by contacts."""

    key: str
    name: str
    started_on: dt.date | None = None
    ended_on: dt.date | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class SponsorContact:
    date: dt.date
    mode: ContactMode
    time: dt.time | None = None
    sponsor_key: str | None = None
    initiated_by: Initiator = Initiator.ME
    two_way: bool = True
    duration_min: int | None = None
    topics: tuple[Topic, ...] = ()
    notes: str = ""
    #: The sponsor's place in my recovery network (``Person.key``), if I say so.
    person_key: str | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class AllianceCheckin:
    """One sponsor relationship check-in; ``answers`` maps item id to 0-4 or ``None``."""

    date: dt.date
    answers: Mapping[str, int | None] = field(default_factory=dict)
    sponsor_key: str | None = None
    note: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class JournalEntry:
    created_at: dt.datetime
    body: str
    title: str = ""
    tags: tuple[str, ...] = ()
    date: dt.date | None = None
    updated_at: dt.datetime | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class AnchorEvent:
    date: dt.date
    label: str
    id: int | None = None


@dataclass(frozen=True, slots=True)
class CallListPerson:
    name: str
    role: str = ""
    phone: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Person:
    """Someone in my recovery network; ``key`` is the stable id exports and links use. How
    they relate to my recovery is kept as dated :class:`PersonEntry` records."""

    key: str
    name: str
    relationship: Relationship = Relationship.OTHER
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """How one person related to my recovery as of ``date``: never overwritten; a later entry
    says what changed. ``in_network`` false: no longer part of my life from that date."""

    date: dt.date
    person_key: str
    use: PersonUse = PersonUse.UNKNOWN
    stance: PersonStance = PersonStance.UNKNOWN
    in_network: bool = True
    note: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class RegularMeeting:
    """A meeting I go to regularly: on ``weekdays`` at ``time`` (local time)."""

    name: str
    fellowship: Fellowship
    weekdays: tuple[Weekday, ...]
    time: dt.time
    fellowship_label: str | None = None
    format: MeetingFormat = MeetingFormat.IN_PERSON
    home_group: bool = False
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    """Journal settings stored inside the vault (never in plain config files)."""

    tracking_start: dt.date | None = None
    sobriety_date: dt.date | None = None
    week_start: WeekStart = WeekStart.MONDAY
    unknown_breaks_runs: bool = False
    contact_gap_days: int = 14
    personal_rule_use_days: int | None = None
    personal_rule_window_days: int | None = None
    autolock_minutes: int = 5
    backups_kept: int = 10
    theme: Theme = Theme.SYSTEM
    country: str = ""
    emergency_number: str = ""
    fellowships: tuple[str, ...] = ()
    last_review: dt.date | None = None
    talking_points: str = ""
    #: Early-warning notices the person set aside, by occasion (``Notice.key``), so a
    #: dismissed notice stays dismissed; a new occasion shows again.
    dismissed_notices: tuple[str, ...] = ()
    #: The name on the review files you make for a sponsor (``domain.review_share``).
    review_name: str = ""
    #: Sponsors' codes for review files, each ``"CODE NAME"`` (a code holds no spaces).
    review_recipients: tuple[str, ...] = ()
    #: Today's "Did you go to … yesterday?" offers answered "no", as ``date/regular id``
    #: (``domain/regular_meetings.py``), so an answered offer is not asked again.
    declined_meeting_offers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class JournalData:
    """A whole journal as plain data: what measures read and what interchange moves.

    Lists are in entry order within each date (the order records were added), which is what
    "the one entered last" in ``MEASURES.md`` §8.10 refers to.
    """

    settings: Settings = Settings()
    days: tuple[DayRecord, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    sponsors: tuple[Sponsor, ...] = ()
    contacts: tuple[SponsorContact, ...] = ()
    checkins: tuple[AllianceCheckin, ...] = ()
    journal_entries: tuple[JournalEntry, ...] = ()
    anchor_events: tuple[AnchorEvent, ...] = ()
    call_list: tuple[CallListPerson, ...] = ()
    people: tuple[Person, ...] = ()
    person_entries: tuple[PersonEntry, ...] = ()
    regular_meetings: tuple[RegularMeeting, ...] = ()

"""A small journal that uses every field of every record type, and test helpers.

``sample_data()`` is frozen: ``data/journal_schema_v1.sqlite.gz`` (the schema v1 reference
database) holds exactly this journal. Add new samples instead of changing it:
``sample_data_v2()`` is it plus the records of schema version 2 (the recovery network and
regular meetings), frozen the same way with ``journal_schema_v2.sqlite.gz``. ``SAMPLES`` gives
each reference's journal by schema version.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from recovery_journal.domain.models import (
    Activity,
    AllianceCheckin,
    AnchorEvent,
    CallListPerson,
    ContactMode,
    DayRecord,
    DayStatus,
    Fellowship,
    Initiator,
    JournalData,
    JournalEntry,
    Meeting,
    MeetingFormat,
    Person,
    PersonEntry,
    PersonStance,
    PersonUse,
    RegularMeeting,
    Relationship,
    ServiceRole,
    Settings,
    Sponsor,
    SponsorContact,
    Theme,
    Topic,
    Weekday,
    WeekStart,
)

UTC = dt.UTC
NOW = dt.datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def sample_data() -> JournalData:
    d = dt.date
    return JournalData(
        settings=Settings(
            tracking_start=d(2025, 1, 1),
            sobriety_date=d(2025, 1, 4),
            week_start=WeekStart.SUNDAY,
            unknown_breaks_runs=True,
            contact_gap_days=10,
            personal_rule_use_days=3,
            personal_rule_window_days=7,
            autolock_minutes=15,
            backups_kept=20,
            theme=Theme.DARK,
            country="IE",
            emergency_number="112",
            fellowships=("AA", "SMART"),
            last_review=d(2025, 2, 1),
            talking_points="Ask about step 4.",
        ),
        days=(
            DayRecord(
                date=d(2025, 1, 1),
                status=DayStatus.ABSTINENT,
                craving=6,
                confidence=5,
                mood=3,
                activities=(Activity.STEP_WORK, Activity.READING),
                step=1,
                note="First day. Went for a long walk by the canal.",
                entered_at=dt.datetime(2025, 1, 1, 21, 5, tzinfo=UTC),
            ),
            DayRecord(
                date=d(2025, 1, 2),
                status=DayStatus.USED,
                substances=("alcohol", "cannabis"),
                amount="4 drinks",
                craving=9,
                confidence=2,
                mood=1,
                note="Hard evening after the café; called Jo.",
                entered_at=dt.datetime(2025, 1, 6, 8, 0, 0, 123456, tzinfo=UTC),
                updated_at=dt.datetime(2025, 1, 7, 9, 30, tzinfo=UTC),
            ),
            DayRecord(date=d(2025, 1, 3), status=DayStatus.UNKNOWN, entered_at=NOW),
        ),
        meetings=(
            Meeting(date=d(2025, 1, 1), fellowship=Fellowship.NA),
            Meeting(date=d(2025, 1, 1), fellowship=Fellowship.AA, time=dt.time(7, 0)),
            Meeting(
                date=d(2025, 1, 1),
                fellowship=Fellowship.OTHER,
                fellowship_label="Recovery Dharma",
                time=dt.time(19, 30),
                name="Wednesday sit",
                format=MeetingFormat.ONLINE,
                duration_min=75,
                home_group=True,
                shared=True,
                service_role=ServiceRole.SECRETARY,
                talked_with_members=True,
                helpfulness=8,
                notes="Shared for the first time.",
            ),
        ),
        sponsors=(
            Sponsor(key="s1", name="Dana K.", started_on=d(2024, 6, 1), ended_on=d(2025, 1, 15)),
            Sponsor(key="s2", name="Lou", started_on=d(2025, 1, 16)),
        ),
        contacts=(
            SponsorContact(
                date=d(2025, 1, 2),
                mode=ContactMode.PHONE,
                time=dt.time(22, 15),
                sponsor_key="s1",
                initiated_by=Initiator.SPONSOR,
                two_way=True,
                duration_min=25,
                topics=(Topic.CRAVING, Topic.LIFE),
                notes="Talked me through it.",
            ),
            SponsorContact(date=d(2025, 1, 20), mode=ContactMode.TEXT, two_way=False),
        ),
        checkins=(
            AllianceCheckin(
                date=d(2025, 1, 20),
                sponsor_key="s2",
                answers={"B1": 3, "B2": 4, "R1": 3, "R2": 0, "G1": 2, "G2": None, "T1": 3, "T2": 4},
                note="Early days with Lou.",
            ),
        ),
        journal_entries=(
            JournalEntry(
                created_at=dt.datetime(2025, 1, 2, 23, 0, tzinfo=UTC),
                body="Tonight was hard. I want to remember that the craving passed.",
                title="After the café",
                tags=("craving", "evening"),
                date=d(2025, 1, 2),
                updated_at=dt.datetime(2025, 1, 3, 8, 0, tzinfo=UTC),
            ),
            JournalEntry(
                created_at=dt.datetime(2025, 1, 10, 7, 0, tzinfo=UTC), body="Gratitude list."
            ),
        ),
        anchor_events=(
            AnchorEvent(date=d(2024, 12, 25), label="Christmas at my sister's"),
            AnchorEvent(date=d(2025, 1, 13), label="Started at the bakery"),
        ),
        call_list=(
            CallListPerson(name="Lou", role="sponsor", phone="07700 900123"),
            CallListPerson(name="Jo", role="friend", phone="07700 900456"),
        ),
    )


def sample_data_v2() -> JournalData:
    """``sample_data()`` with every field of schema version 2: people with dated entries
    (one who left), a meeting and a contact naming someone, regular meetings."""
    d = dt.date
    v1 = sample_data()
    meetings = list(v1.meetings)
    meetings[2] = replace(meetings[2], person_key="p-jo")
    contacts = list(v1.contacts)
    contacts[0] = replace(contacts[0], person_key="p-dana")
    return replace(
        v1,
        settings=replace(v1.settings, declined_meeting_offers=("2025-01-08/1",)),
        meetings=tuple(meetings),
        contacts=tuple(contacts),
        people=(
            Person(key="p-jo", name="Jo", relationship=Relationship.FRIEND, notes="From school."),
            Person(key="p-dana", name="Dana K.", relationship=Relationship.SPONSOR),
            Person(key="p-max", name="Max", relationship=Relationship.WORK),
        ),
        person_entries=(
            PersonEntry(
                date=d(2025, 1, 1),
                person_key="p-jo",
                use=PersonUse.RECOVERY,
                stance=PersonStance.SUPPORTS,
                note="Came to my first meeting with me.",
            ),
            PersonEntry(date=d(2025, 1, 1), person_key="p-dana", use=PersonUse.RECOVERY),
            PersonEntry(
                date=d(2025, 1, 2),
                person_key="p-max",
                use=PersonUse.HEAVY,
                stance=PersonStance.AGAINST,
            ),
            PersonEntry(
                date=d(2025, 1, 20),
                person_key="p-max",
                use=PersonUse.HEAVY,
                stance=PersonStance.NEUTRAL,
                in_network=False,
                note="We don't go out any more.",
            ),
        ),
        regular_meetings=(
            RegularMeeting(
                name="Wednesday sit",
                fellowship=Fellowship.OTHER,
                fellowship_label="Recovery Dharma",
                weekdays=(Weekday.WEDNESDAY,),
                time=dt.time(19, 30),
                format=MeetingFormat.ONLINE,
                home_group=True,
            ),
            RegularMeeting(
                name="Early bird",
                fellowship=Fellowship.AA,
                weekdays=(Weekday.MONDAY, Weekday.FRIDAY),
                time=dt.time(7, 0),
            ),
        ),
    )


#: The journal each reference (database and vault) holds, by schema version.
SAMPLES = {1: sample_data, 2: sample_data_v2}


def strip_ids(data: JournalData) -> JournalData:
    """The same data with every storage id cleared, for comparing with unsaved records."""

    def clear(records: tuple[object, ...]) -> tuple[object, ...]:
        return tuple(replace(r, id=None) for r in records)  # type: ignore[type-var]

    return replace(
        data,
        days=clear(data.days),
        meetings=clear(data.meetings),
        sponsors=clear(data.sponsors),
        contacts=clear(data.contacts),
        checkins=clear(data.checkins),
        journal_entries=clear(data.journal_entries),
        anchor_events=clear(data.anchor_events),
        call_list=clear(data.call_list),
        people=clear(data.people),
        person_entries=clear(data.person_entries),
        regular_meetings=clear(data.regular_meetings),
    )


class Clock:
    """A settable UTC clock for the repository."""

    def __init__(self, now: dt.datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

"""The demo journal's recovery network and regular meetings (``demo.py`` tells the story).

Over the two years "Sam"'s network changes the way the network support research describes:
sponsors and people from the fellowship join and stay; an old drinking friend drifts out,
comes back around the wedding where the later slip happens, and leaves again; a partner who
drank lightly comes to support the recovery and stops drinking. Offsets are days from the
start of the demo; names are first names or initials and belong to no one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from recovery_journal.domain.models import (
    Fellowship,
    Meeting,
    MeetingFormat,
    Person,
    PersonEntry,
    PersonStance,
    PersonUse,
    RegularMeeting,
    Relationship,
    SponsorContact,
    Weekday,
)

_S, _N, _A, _U = (
    PersonStance.SUPPORTS,
    PersonStance.NEUTRAL,
    PersonStance.AGAINST,
    PersonStance.UNKNOWN,
)

PEOPLE = (
    Person(key="mum", name="Mum", relationship=Relationship.FAMILY),
    Person(key="alex", name="Alex", relationship=Relationship.PARTNER),
    Person(key="mick", name="Mick", relationship=Relationship.FRIEND, notes="Old drinking mate."),
    Person(key="pat", name="Pat", relationship=Relationship.FRIEND),
    Person(key="gaz", name="Gaz", relationship=Relationship.FRIEND),
    Person(key="sue", name="Sue", relationship=Relationship.FAMILY, notes="My cousin."),
    Person(key="tom", name="Tom", relationship=Relationship.WORK),
    Person(key="dana", name="Dana", relationship=Relationship.SPONSOR),
    Person(key="jo", name="Jo", relationship=Relationship.FELLOWSHIP_MEMBER),
    Person(key="k", name="K.", relationship=Relationship.FELLOWSHIP_MEMBER),
    Person(key="priya", name="Priya", relationship=Relationship.WORK),
    Person(key="r", name="R.", relationship=Relationship.FRIEND),
    Person(key="lou", name="Lou", relationship=Relationship.SPONSOR),
    Person(key="robin", name="Robin", relationship=Relationship.SPONSEE),
    Person(key="dr-n", name="Dr N.", relationship=Relationship.PROFESSIONAL),
)

# (offset, person, use, stance, in_network, note)
_STORY: tuple[tuple[int, str, PersonUse, PersonStance, bool, str], ...] = (
    (0, "mum", PersonUse.NONE, _S, True, ""),
    (0, "alex", PersonUse.LIGHT, _N, True, "Worried, doesn't say much."),
    (0, "mick", PersonUse.HEAVY, _A, True, "Keeps asking me to the pub."),
    (0, "pat", PersonUse.HEAVY, _N, True, ""),
    (0, "tom", PersonUse.LIGHT, _N, True, ""),
    (0, "gaz", PersonUse.HEAVY, _A, True, ""),
    (0, "sue", PersonUse.HEAVY, _N, True, ""),
    (130, "gaz", PersonUse.HEAVY, _A, False, "Haven't seen him since the summer."),
    (250, "sue", PersonUse.RECOVERY, _N, True, "Sue has stopped too. We talk more."),
    (5, "dr-n", PersonUse.UNKNOWN, _S, True, "GP. Referred me to the group."),
    (12, "dana", PersonUse.RECOVERY, _S, True, ""),
    (20, "jo", PersonUse.RECOVERY, _S, True, "Gave me her number at my second meeting."),
    (70, "k", PersonUse.RECOVERY, _S, True, "Coffee after the Tuesday meeting."),
    (96, "mick", PersonUse.HEAVY, _A, False, "I stopped answering. It's easier for now."),
    (150, "priya", PersonUse.NONE, _U, True, "New job at the bakery."),
    (150, "tom", PersonUse.LIGHT, _N, False, "Left the old job."),
    (190, "alex", PersonUse.LIGHT, _S, True, "Came to an open meeting with me."),
    (230, "priya", PersonUse.NONE, _S, True, "Covers for me on meeting nights."),
    (310, "pat", PersonUse.HEAVY, _N, False, "Moved away."),
    (375, "r", PersonUse.LIGHT, _N, True, "Wedding coming up."),
    (380, "mick", PersonUse.HEAVY, _A, True, "Back in touch for R.'s wedding."),
    (405, "mick", PersonUse.HEAVY, _A, False, "Told him I need space."),
    (425, "dana", PersonUse.RECOVERY, _S, True, "Not my sponsor any more; still a friend."),
    (428, "lou", PersonUse.RECOVERY, _S, True, ""),
    (470, "r", PersonUse.LIGHT, _S, True, "Asked how to help. Offered lifts."),
    (520, "alex", PersonUse.NONE, _S, True, "Stopped drinking too."),
    (675, "robin", PersonUse.RECOVERY, _S, True, "My first sponsee."),
)

REGULAR_MEETINGS = (
    RegularMeeting(
        name="Tuesday Hope",
        fellowship=Fellowship.AA,
        weekdays=(Weekday.TUESDAY,),
        time=dt.time(19, 30),
        home_group=True,
    ),
    RegularMeeting(
        name="Saturday Steps",
        fellowship=Fellowship.AA,
        weekdays=(Weekday.SATURDAY,),
        time=dt.time(10, 0),
    ),
    RegularMeeting(
        name="SMART Thursday",
        fellowship=Fellowship.SMART,
        weekdays=(Weekday.THURSDAY,),
        time=dt.time(18, 0),
        format=MeetingFormat.ONLINE,
    ),
)


def demo_entries(start: dt.date, today: dt.date) -> tuple[PersonEntry, ...]:
    """The story's entries up to ``today``, in date order."""
    entries = [
        PersonEntry(
            date=start + dt.timedelta(days=offset),
            person_key=key,
            use=use,
            stance=stance,
            in_network=inside,
            note=note,
        )
        for offset, key, use, stance, inside, note in _STORY
    ]
    return tuple(sorted((e for e in entries if e.date <= today), key=lambda e: e.date))


def link_people(
    meetings: Sequence[Meeting], contacts: Sequence[SponsorContact], start: dt.date
) -> tuple[tuple[Meeting, ...], tuple[SponsorContact, ...]]:
    """Name people where the story has them: Jo, then K., at the home group now and then;
    the sponsor on calls with them."""
    linked_meetings = []
    for index, meeting in enumerate(meetings):
        offset = (meeting.date - start).days
        if meeting.home_group and offset >= 20 and index % 3 == 0:
            who = "jo" if offset < 300 or index % 2 else "k"
            meeting = dataclasses.replace(meeting, person_key=who)
        linked_meetings.append(meeting)
    sponsors = {"dana": "dana", "lou": "lou"}
    linked_contacts = tuple(
        dataclasses.replace(c, person_key=sponsors.get(c.sponsor_key or "")) for c in contacts
    )
    return tuple(linked_meetings), linked_contacts

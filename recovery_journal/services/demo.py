"""A generated demo journal: two years of one fictional person's recovery.

Everything is made up and deterministic for a seed. The person ("Sam") keeps a mostly
abstinent record after an unsteady first few months and two later short slips, leaves a few
stretches unrecorded, goes to four or five meetings a week at first and one or two by the end
(with a few missed weeks), has a home group
and does service, changes sponsor about fourteen months in, and checks in on the sponsor
relationship monthly. The recovery network and the regular meetings are in
``demo_network.py``. Names are first names or initials; phone numbers are from ranges reserved
for drama (Ofcom 07700 900xxx, 0808 157 0xxx) and reach no one.

``ten_year_journal`` is a bigger, plainer journal for benchmarks.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from recovery_journal.domain.models import (
    ALLIANCE_ITEMS,
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
    ServiceRole,
    Settings,
    Sponsor,
    SponsorContact,
    Topic,
)
from recovery_journal.domain.sponsors import current_sponsor
from recovery_journal.services.demo_network import (
    PEOPLE,
    REGULAR_MEETINGS,
    demo_entries,
    link_people,
)

DEMO_DAYS = 730
_LOCAL = dt.timezone(dt.timedelta(hours=0))

_NOTES_EARLY = [
    "Tired but clear-headed. Went to bed early.",
    "Cravings in the late afternoon; walked it off.",
    "Called my sponsor on the way home. It helped.",
    "Made soup. Small wins.",
    "The evening is the hardest part. Read the daily reflection twice.",
    "Sat with the urge for ten minutes and it passed.",
    "Slept badly, but I stayed.",
    "Said no to after-work drinks. Felt awkward, then relieved.",
]
_NOTES_LATER = [
    "A good ordinary day.",
    "Walked by the river after work.",
    "Helped set up chairs at the home group.",
    "Coffee with K. after the meeting.",
    "Busy at work, calm in my head.",
    "Cooked for my sister. We laughed a lot.",
    "Thought about old times without wanting to go back.",
    "Early night with a book.",
    "Some stress about money; talked it through.",
    "Grateful list: health, the group, my bike.",
]
_SLIP_NOTES = [
    "Drank after the argument. Not proud, but I'm writing it down.",
    "Another drink. Going to call Dana tomorrow.",
    "Had a few at the wedding. Told my sponsor the next morning.",
    "Used again last night. Back to a meeting today.",
    "Rough couple of days. Reaching out.",
]
_EARLY_USE_NOTES = [
    "Used tonight. Still early days. Tomorrow I'll go to the noon meeting.",
    "Drank on the way home. Wrote it down anyway.",
    "A hard day and I gave in. Called nobody. Next time I call.",
]
_ENTRY_TEXTS = [
    ("Day one, again", "Writing this down so it is real. I want a different year."),
    ("First meeting", "Nobody made me talk. Someone gave me a list of phone numbers."),
    ("On cravings", "They come in waves. The wave always breaks if I wait and breathe."),
    ("Sponsor", "Asked D. to sponsor me. She said yes and told me to call every day for now."),
    ("Step one", "Wrote out the ways drinking had been running things. Long list."),
    ("A bad week", "I slipped. I told the group. Nobody looked away from me."),
    ("What helps", "Mornings: tea, the reading, a walk. Evenings: a meeting or a call."),
    ("Ninety days", "Got a keyring. Felt silly being proud of it, and proud anyway."),
    ("Home group", "Said yes to making the tea on Tuesdays. It gives me a reason to go early."),
    ("Work", "Told my manager I am in recovery. She was kinder than I feared."),
    ("Sleep", "Sleeping through the night most nights now. I had forgotten what that was like."),
    ("Step four", "Started the inventory. Resentments first, as suggested."),
    ("Family", "Lunch with Mum. She didn't ask, and I didn't need her to."),
    ("Six months", "Half a year. The days feel ordinary, which is the point."),
    ("A wedding", "Hard to be around the open bar. Left early with a friend from the group."),
    ("The slip", "I drank at the wedding and the day after. Writing it here, honestly."),
    ("Back to basics", "More meetings this week. Called every evening."),
    ("Changing sponsor", "D. is moving away. We talked about it and she helped me ask L."),
    ("New sponsor", "First coffee with L. Different style. Straight-talking, warm."),
    ("Step five", "Read my inventory to L. Lighter afterwards."),
    ("One year", "The group clapped. I cried a bit. A whole year of mostly good days."),
    ("Service", "Became secretary of the home group. Keeping the minutes and the keys."),
    ("Newcomer", "A newcomer asked for my number. I remember being that person."),
    ("Steps eight and nine", "Made a list of amends. One letter written, not yet sent."),
    ("Amends", "Met my old friend J. and said what I owed her. She hugged me."),
    ("Fewer meetings", "Down to one or two a week. Still the anchor of my week."),
    ("Holiday", "First holiday in years without planning around drinking."),
    ("Eighteen months", "Routine feels like freedom now."),
    ("Hard news", "Difficult news from the doctor about Dad. Called L. straight away."),
    ("Step ten", "Trying a short evening review. What went well, what to put right."),
    ("Gratitude", "Bike, tea, the Tuesday group, L., my sister, a job I like."),
    ("Looking back", "Two years ago I could not picture this. Keep going, one day at a time."),
]
_MEETING_NAMES = {
    "home": ("Tuesday Hope", Fellowship.AA, dt.time(19, 30), MeetingFormat.IN_PERSON),
    "noon": ("Lunchtime Big Book", Fellowship.AA, dt.time(12, 30), MeetingFormat.IN_PERSON),
    "morning": ("Early Birds", Fellowship.AA, dt.time(7, 0), MeetingFormat.ONLINE),
    "sat": ("Saturday Steps", Fellowship.AA, dt.time(10, 0), MeetingFormat.IN_PERSON),
    "smart": ("SMART Thursday", Fellowship.SMART, dt.time(18, 0), MeetingFormat.ONLINE),
    "phone": ("Sunday phone-in", Fellowship.AA, dt.time(20, 0), MeetingFormat.PHONE),
}
# Weekday slots (Monday = 0) for each meeting.
_MEETING_DAYS = {"home": 1, "noon": 3, "morning": 0, "sat": 5, "smart": 3, "phone": 6}


def _ts(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=_LOCAL).astimezone(dt.UTC)


def _clip(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def _dates(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    day = start
    while day <= end:
        yield day
        day += dt.timedelta(days=1)


def generate_demo(today: dt.date, seed: int = 7) -> JournalData:
    """Two years of a fictional person's journal, ending ``today``. Same seed, same journal."""
    rng = random.Random(seed)
    start = today - dt.timedelta(days=DEMO_DAYS - 1)

    def at(offset: int) -> dt.date:
        return start + dt.timedelta(days=offset)

    # -- the story's fixed points (offsets in days from the start) --
    # The first weeks are unsteady (use on a day or two in many weeks), then two short slips.
    early_use = {2, 3, 9, 16, 17, 24, 31, 38, 39, 45, 52, 59, 66, 73, 80, 94, 101, 115, 129}
    slips = {84, 85, 391, 392, 395}
    unknown_stretches = [range(200, 209), range(540, 545)]
    not_sure = {130, 470}
    change = 425  # about fourteen months in
    dana = Sponsor(key="dana", name="Dana", started_on=at(12), ended_on=at(change - 1))
    lou = Sponsor(key="lou", name="Lou", started_on=at(change + 3))
    last_slip = max(slips)

    # -- days --
    days: list[DayRecord] = []
    for offset, day in enumerate(_dates(start, today)):
        if any(offset in r for r in unknown_stretches):
            continue
        if offset > 3 and rng.random() < 0.03:
            continue  # an odd day not filled in
        progress = offset / DEMO_DAYS
        base_craving = 6.5 - 5.0 * progress
        used = offset in slips or offset in early_use
        near_slip = any(0 <= s - offset <= 4 for s in slips | early_use)
        status = DayStatus.USED if used else DayStatus.ABSTINENT
        if offset in not_sure:
            status = DayStatus.UNKNOWN
        craving = _clip(rng.gauss(base_craving + (2.5 if near_slip or used else 0), 1.2), 0, 10)
        confidence = _clip(rng.gauss(4.5 + 4.5 * progress - (3 if used else 0), 1.1), 0, 10)
        mood = _clip(rng.gauss(2.4 + 1.4 * progress - (1 if used else 0), 0.7), 1, 5)
        activities: list[Activity] = []
        step = None
        if rng.random() < 0.35 - 0.1 * progress:
            activities.append(Activity.STEP_WORK)
            step = min(12, 1 + int(progress * 11.5))
        if rng.random() < 0.5:
            activities.append(Activity.READING)
        if offset > 120 and rng.random() < 0.2:
            activities.append(Activity.SERVICE)
        if rng.random() < 0.3:
            activities.append(Activity.MEMBER_CONTACT)
        if rng.random() < 0.15 + 0.2 * progress:
            activities.append(Activity.MEDITATION)
        if used:
            note = (
                _SLIP_NOTES[sorted(slips).index(offset)]
                if offset in slips
                else _EARLY_USE_NOTES[len(days) % len(_EARLY_USE_NOTES)]
            )
        elif rng.random() < 0.3:
            note = rng.choice(_NOTES_EARLY if progress < 0.4 else _NOTES_LATER)
        else:
            note = ""
        late = 3 + rng.randrange(3) if rng.random() < 0.06 else 0
        entered = _ts(day + dt.timedelta(days=late), 21 + rng.randrange(2), rng.randrange(60))
        if status == DayStatus.UNKNOWN:
            days.append(
                DayRecord(
                    date=day, status=status, note="I don't remember this day.", entered_at=entered
                )
            )
            continue
        days.append(
            DayRecord(
                date=day,
                status=status,
                substances=("alcohol",) if used else (),
                amount=rng.choice(("3 drinks", "most of a bottle of wine", "4 pints"))
                if used
                else "",
                craving=craving,
                confidence=confidence,
                mood=mood,
                activities=tuple(activities),
                step=step,
                note=note,
                entered_at=entered,
            )
        )

    # -- meetings: four or five a week, tapering to one or two; a few missed weeks --
    meetings: list[Meeting] = []
    missed_weeks = {30, 58, 77, 96}
    slots_by_phase = [
        ("home", "noon", "morning", "sat", "smart"),
        ("home", "noon", "sat", "morning"),
        ("home", "sat", "noon"),
        ("home", "sat"),
        ("home",),
    ]
    for week in range(DEMO_DAYS // 7 + 1):
        if week in missed_weeks:
            continue
        progress = week / (DEMO_DAYS / 7)
        target = 4.6 - 3.3 * progress + rng.uniform(-0.6, 0.6)
        phase = min(len(slots_by_phase) - 1, int(progress * len(slots_by_phase)))
        slots = list(slots_by_phase[phase])
        if rng.random() < 0.15:
            slots.append("phone")
        count = max(1, min(len(slots), round(target)))
        chosen = ["home", *rng.sample([s for s in slots if s != "home"], count - 1)]
        week_start = start + dt.timedelta(days=7 * week - start.weekday())
        for slot in chosen:
            day = week_start + dt.timedelta(days=_MEETING_DAYS[slot])
            if day < start or day > today:
                continue
            name, fellowship, time, fmt = _MEETING_NAMES[slot]
            home = slot == "home"
            offset = (day - start).days
            role = ServiceRole.NONE
            if home and offset > 400:
                role = ServiceRole.SECRETARY
            elif home and offset > 120:
                role = rng.choice((ServiceRole.SETUP, ServiceRole.SETUP, ServiceRole.GREETER))
            meetings.append(
                Meeting(
                    date=day,
                    time=time,
                    fellowship=fellowship,
                    name=name,
                    format=fmt,
                    duration_min=60 if slot != "noon" else 45,
                    home_group=home,
                    shared=rng.random() < (0.2 + 0.4 * progress),
                    service_role=role,
                    talked_with_members=fmt == MeetingFormat.IN_PERSON and rng.random() < 0.7,
                    helpfulness=_clip(rng.gauss(7 + progress, 1.3), 0, 10),
                    notes=rng.choice(
                        ("", "", "", "Good share about acceptance.", "Met a newcomer.")
                    ),
                )
            )

    # -- sponsor contacts: frequent at first, weekly later; some one-way texts --
    contacts: list[SponsorContact] = []
    for offset, day in enumerate(_dates(start, today)):
        sponsor = current_sponsor((dana, lou), day)
        if sponsor is None:
            continue
        progress = offset / DEMO_DAYS
        rate = 0.45 - 0.3 * progress + (0.4 if any(0 <= offset - s <= 5 for s in slips) else 0)
        if rng.random() >= rate:
            continue
        mode = rng.choices(
            (ContactMode.PHONE, ContactMode.TEXT, ContactMode.IN_PERSON, ContactMode.VIDEO),
            weights=(5, 3, 2, 1),
        )[0]
        two_way = not (mode == ContactMode.TEXT and rng.random() < 0.35)
        topics = rng.sample(list(Topic), k=rng.choice((1, 1, 2)))
        contacts.append(
            SponsorContact(
                date=day,
                mode=mode,
                time=dt.time(rng.choice((8, 12, 18, 19, 21)), rng.choice((0, 15, 30, 45))),
                sponsor_key=sponsor.key,
                initiated_by=Initiator.SPONSOR if rng.random() < 0.25 else Initiator.ME,
                two_way=two_way,
                duration_min=None if mode == ContactMode.TEXT else rng.choice((10, 15, 20, 30, 45)),
                topics=tuple(sorted(topics, key=list(Topic).index)),
                notes="" if rng.random() < 0.8 else "Talked about the week ahead.",
            )
        )

    # -- monthly relationship check-ins, and one right after the change --
    checkins: list[AllianceCheckin] = []
    check_days = [o for o in range(30, DEMO_DAYS, 30) if not change - 20 < o < change + 5]
    check_days.append(change + 10)
    for offset in sorted(check_days):
        day = at(offset)
        with_lou = current_sponsor((dana, lou), day) is lou
        if with_lou:
            level = 2.6 + 1.1 * min(1.0, (offset - change) / 200)
        else:
            level = 2.8 + 0.8 * min(1.0, offset / 150) - (0.6 if offset > change - 90 else 0)
        answers: dict[str, int | None] = {}
        for item in ALLIANCE_ITEMS:
            value = _clip(rng.gauss(level, 0.5), 0, 4)
            answers[item] = 4 - value if item == "R2" else value
        if rng.random() < 0.15:
            answers[rng.choice(ALLIANCE_ITEMS)] = None
        checkins.append(
            AllianceCheckin(
                date=day,
                sponsor_key=(lou if with_lou else dana).key,
                answers=answers,
                note="" if rng.random() < 0.7 else "Good talk about where I'm heading.",
            )
        )

    # -- journal entries, spread through the two years --
    entries: list[JournalEntry] = []
    step = DEMO_DAYS // len(_ENTRY_TEXTS)
    for index, (title, body) in enumerate(_ENTRY_TEXTS):
        offset = min(DEMO_DAYS - 1, index * step + rng.randrange(max(1, step // 2)))
        if title == "The slip":
            offset = 393
        if title == "A bad week":
            offset = 87
        if title == "Changing sponsor":
            offset = change - 10
        if title == "New sponsor":
            offset = change + 5
        day = at(offset)
        tags = rng.choice((("gratitude",), ("steps",), ("cravings",), (), ("sponsor",)))
        entries.append(
            JournalEntry(
                created_at=_ts(day, 22, rng.randrange(60)),
                title=title,
                body=body,
                tags=tags,
                date=day,
            )
        )
    entries.sort(key=lambda e: e.created_at)

    anchors = [
        AnchorEvent(date=at(40), label="Mum's birthday"),
        AnchorEvent(date=at(40 + 365), label="Mum's birthday"),
        AnchorEvent(date=at(150), label="Started the new job at the bakery"),
        AnchorEvent(date=at(205), label="Week away at the coast"),
        AnchorEvent(date=at(390), label="R.'s wedding"),
        AnchorEvent(date=at(600), label="Moved into the new flat"),
    ]
    call_list = (
        CallListPerson(name="Lou", role="sponsor", phone="07700 900123"),
        CallListPerson(name="Jo", role="friend from the group", phone="07700 900456"),
        CallListPerson(
            name="Demo helpline – not a real number", role="helpline", phone="0808 157 0192"
        ),
    )
    settings = Settings(
        tracking_start=start,
        sobriety_date=at(last_slip + 1),
        contact_gap_days=14,
        fellowships=("AA", "SMART"),
        talking_points="How to keep going to the home group when work gets busy.",
    )
    linked_meetings, linked_contacts = link_people(
        sorted(meetings, key=lambda m: (m.date, m.time or dt.time.min)), contacts, start
    )
    return JournalData(
        settings=settings,
        days=tuple(days),
        meetings=linked_meetings,
        sponsors=(dana, lou),
        contacts=linked_contacts,
        checkins=tuple(checkins),
        journal_entries=tuple(entries),
        anchor_events=tuple(anchors),
        call_list=call_list,
        people=PEOPLE,
        person_entries=demo_entries(start, today),
        regular_meetings=REGULAR_MEETINGS,
    )


def ten_year_journal(today: dt.date, seed: int = 10) -> JournalData:
    """A large journal for benchmarks: 3,650 days with notes, 2,000 meetings, 2,000 contacts,
    120 check-ins and 1,000 journal entries, ending ``today``."""
    rng = random.Random(seed)
    total = 3650
    start = today - dt.timedelta(days=total - 1)
    notes = _NOTES_EARLY + _NOTES_LATER
    days = []
    for offset, day in enumerate(_dates(start, today)):
        used = rng.random() < 0.03
        days.append(
            DayRecord(
                date=day,
                status=DayStatus.USED if used else DayStatus.ABSTINENT,
                substances=("alcohol",) if used else (),
                craving=rng.randrange(11),
                confidence=rng.randrange(11),
                mood=rng.randrange(1, 6),
                activities=tuple(a for a in Activity if rng.random() < 0.3 and a != "step_work"),
                note=f"{rng.choice(notes)} {rng.choice(notes)}",
                entered_at=_ts(day, 21, offset % 60),
            )
        )

    def spread(count: int) -> list[dt.date]:
        return sorted(start + dt.timedelta(days=rng.randrange(total)) for _ in range(count))

    keys = ("s1", "s2", "s3")
    sponsors = tuple(
        Sponsor(key=k, name=f"Sponsor {i + 1}", started_on=start + dt.timedelta(days=1200 * i))
        for i, k in enumerate(keys)
    )
    meetings = tuple(
        Meeting(
            date=day,
            fellowship=Fellowship.AA,
            time=dt.time(19, 30),
            name="Tuesday Hope",
            duration_min=60,
            home_group=rng.random() < 0.5,
            helpfulness=rng.randrange(11),
        )
        for day in spread(2000)
    )
    contacts = tuple(
        SponsorContact(
            date=day,
            mode=rng.choice(list(ContactMode)),
            sponsor_key=keys[min(2, (day - start).days // 1200)],
            two_way=rng.random() < 0.85,
            topics=(rng.choice(list(Topic)),),
        )
        for day in spread(2000)
    )
    checkins = tuple(
        AllianceCheckin(
            date=start + dt.timedelta(days=30 * i + 15),
            sponsor_key=keys[min(2, (30 * i + 15) // 1200)],
            answers={item: rng.randrange(5) for item in ALLIANCE_ITEMS},
        )
        for i in range(120)
    )
    entries = tuple(
        JournalEntry(
            created_at=_ts(day, 22),
            title=title,
            body=" ".join([body] * 4),
            tags=("demo",),
            date=day,
        )
        for day, (title, body) in zip(
            spread(1000), (rng.choice(_ENTRY_TEXTS) for _ in range(1000)), strict=True
        )
    )
    return JournalData(
        settings=Settings(tracking_start=start),
        days=tuple(days),
        meetings=meetings,
        sponsors=sponsors,
        contacts=contacts,
        checkins=checkins,
        journal_entries=entries,
        anchor_events=(AnchorEvent(date=start, label="Started the journal"),),
        call_list=(CallListPerson(name="Lou", role="sponsor", phone="07700 900123"),),
    )

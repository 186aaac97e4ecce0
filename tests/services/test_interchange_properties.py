"""Property: any valid journal survives export → parse → export unchanged."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    Topic,
    Weekday,
    WeekStart,
)
from recovery_journal.domain.validation import validate_journal
from recovery_journal.services.interchange_json import export_json, parse_json

TODAY = dt.date(2025, 6, 30)
EXPORTED = dt.datetime(2025, 7, 1, tzinfo=dt.UTC)

dates = st.dates(dt.date(2015, 1, 1), TODAY)
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
words = texts.filter(lambda s: s.strip() != "")
times = st.none() | st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))
stamps = st.datetimes(
    dt.datetime(2015, 1, 1), dt.datetime(2030, 1, 1), timezones=st.just(dt.UTC)
) | st.datetimes(
    dt.datetime(2015, 1, 2),
    dt.datetime(2029, 12, 30),
    timezones=st.sampled_from([dt.timezone(dt.timedelta(hours=h)) for h in (-8, 2, 5)]),
)


def opt(strategy: st.SearchStrategy[int]) -> st.SearchStrategy[int | None]:
    return st.none() | strategy


def unique_tuple(values: list[object]) -> st.SearchStrategy[tuple[object, ...]]:
    return st.lists(st.sampled_from(values), unique=True, max_size=3).map(tuple)


day_records = st.builds(
    DayRecord,
    date=dates,
    status=st.sampled_from(list(DayStatus)),
    substances=st.lists(words, max_size=2).map(tuple),
    amount=texts,
    craving=opt(st.integers(0, 10)),
    confidence=opt(st.integers(0, 10)),
    mood=opt(st.integers(1, 5)),
    activities=unique_tuple(list(Activity)),
    step=opt(st.integers(1, 12)),
    note=texts,
    entered_at=st.none() | stamps,
)


@st.composite
def meetings(draw: st.DrawFn) -> Meeting:
    fellowship = draw(st.sampled_from(list(Fellowship)))
    label = draw(words) if fellowship == Fellowship.OTHER else draw(st.none() | texts)
    return Meeting(
        date=draw(dates),
        fellowship=fellowship,
        fellowship_label=label,
        time=draw(times),
        name=draw(texts),
        format=draw(st.sampled_from(list(MeetingFormat))),
        duration_min=draw(opt(st.integers(0, 1440))),
        home_group=draw(st.booleans()),
        shared=draw(st.booleans()),
        service_role=draw(st.sampled_from(list(ServiceRole))),
        talked_with_members=draw(st.booleans()),
        helpfulness=draw(opt(st.integers(0, 10))),
        notes=draw(texts),
    )


@st.composite
def journals(draw: st.DrawFn) -> JournalData:
    days = draw(st.lists(day_records, max_size=8, unique_by=lambda d: d.date))
    sponsors = []
    for key in draw(st.lists(words, max_size=3, unique=True)):
        started = draw(dates)
        ended = draw(st.none() | st.dates(started, TODAY))
        sponsors.append(Sponsor(key=key, name=draw(words), started_on=started, ended_on=ended))
    keys = st.none() | (st.sampled_from([s.key for s in sponsors]) if sponsors else st.none())
    contacts = draw(
        st.lists(
            st.builds(
                SponsorContact,
                date=dates,
                mode=st.sampled_from(list(ContactMode)),
                time=times,
                sponsor_key=keys,
                initiated_by=st.sampled_from(list(Initiator)),
                two_way=st.booleans(),
                duration_min=opt(st.integers(0, 1440)),
                topics=unique_tuple(list(Topic)),
                notes=texts,
            ),
            max_size=5,
        )
    )
    checkins = draw(
        st.lists(
            st.builds(
                AllianceCheckin,
                date=dates,
                answers=st.fixed_dictionaries(
                    {item: opt(st.integers(0, 4)) for item in ALLIANCE_ITEMS}
                ),
                sponsor_key=keys,
                note=texts,
            ),
            max_size=3,
        )
    )
    entries = draw(
        st.lists(
            st.builds(
                JournalEntry,
                created_at=stamps,
                body=words,
                title=texts,
                tags=st.lists(words, max_size=2).map(tuple),
                date=st.none() | dates,
            ),
            max_size=3,
        )
    )
    people = [
        Person(key, draw(words), draw(st.sampled_from(list(Relationship))), draw(texts))
        for key in draw(st.lists(words, max_size=3, unique=True))
    ]
    person_keys = [p.key for p in people]
    person_entries = (
        draw(
            st.lists(
                st.builds(
                    PersonEntry,
                    date=dates,
                    person_key=st.sampled_from(person_keys),
                    use=st.sampled_from(list(PersonUse)),
                    stance=st.sampled_from(list(PersonStance)),
                    in_network=st.booleans(),
                    note=texts,
                ),
                max_size=5,
            )
        )
        if people
        else []
    )
    links = st.none() | (st.sampled_from(person_keys) if people else st.none())
    linked_meetings = [
        dataclasses.replace(m, person_key=draw(links))
        for m in draw(st.lists(meetings(), max_size=5))
    ]
    linked_contacts = [dataclasses.replace(c, person_key=draw(links)) for c in contacts]
    regular = draw(
        st.lists(
            st.builds(
                RegularMeeting,
                name=words,
                fellowship=st.sampled_from([f for f in Fellowship if f != Fellowship.OTHER]),
                weekdays=unique_tuple(list(Weekday)).filter(bool),
                time=st.builds(dt.time, st.integers(0, 23), st.integers(0, 59)),
                format=st.sampled_from(list(MeetingFormat)),
                home_group=st.booleans(),
            ),
            max_size=3,
        )
    )
    return JournalData(
        people=tuple(people),
        person_entries=tuple(sorted(person_entries, key=lambda e: e.date)),
        regular_meetings=tuple(regular),
        settings=Settings(
            tracking_start=draw(st.none() | dates),
            sobriety_date=draw(st.none() | dates),
            week_start=draw(st.sampled_from(list(WeekStart))),
        ),
        days=tuple(days),
        meetings=tuple(linked_meetings),
        sponsors=tuple(sponsors),
        contacts=tuple(linked_contacts),
        checkins=tuple(checkins),
        journal_entries=tuple(entries),
        anchor_events=tuple(
            draw(st.lists(st.builds(AnchorEvent, date=dates, label=words), max_size=3))
        ),
        call_list=tuple(
            draw(
                st.lists(st.builds(CallListPerson, name=words, role=texts, phone=texts), max_size=3)
            )
        ),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journals())
def test_any_valid_journal_round_trips_through_json(data: JournalData) -> None:
    assert validate_journal(data, TODAY) == []
    text = export_json(data, EXPORTED)
    parsed = parse_json(text, TODAY)
    assert export_json(parsed, EXPORTED) == text
    assert sorted(parsed.days, key=lambda d: d.date) == sorted(
        (
            d
            if d.entered_at is None
            else DayRecord(**{**_fields(d), "entered_at": d.entered_at.astimezone(dt.UTC)})
            for d in data.days
        ),
        key=lambda d: d.date,
    )
    assert parsed.settings == data.settings
    assert sorted(p.name for p in parsed.call_list) == sorted(p.name for p in data.call_list)
    assert parsed.people == data.people
    assert parsed.person_entries == data.person_entries
    assert parsed.regular_meetings == data.regular_meetings


def _fields(day: DayRecord) -> dict[str, object]:
    return {name: getattr(day, name) for name in DayRecord.__dataclass_fields__}

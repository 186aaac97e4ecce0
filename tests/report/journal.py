"""A small journal built by hand for the report tests, with private text in every place.

As of Tuesday 31 March 2026 (weeks start on Monday). Days from 1 Dec 2025: abstinent, except
used on 4 Jan and 20 Feb, three days never filled in (2–4 Mar) and one marked "not sure"
(20 Mar). A meeting every Tuesday except two weeks; a two-way contact every Friday except
three weeks, plus unanswered texts; two relationship check-ins.
"""

from __future__ import annotations

import datetime as dt

from recovery_journal.domain.models import (
    AllianceCheckin,
    AnchorEvent,
    CallListPerson,
    ContactMode,
    DayRecord,
    DayStatus,
    Fellowship,
    JournalData,
    JournalEntry,
    Meeting,
    Settings,
    Sponsor,
    SponsorContact,
)

AS_OF = dt.date(2026, 3, 31)
FIRST_DAY = dt.date(2025, 12, 1)
USED_DAYS = (dt.date(2026, 1, 4), dt.date(2026, 2, 20))
MISSING_DAYS = (dt.date(2026, 3, 2), dt.date(2026, 3, 3), dt.date(2026, 3, 4))
NOT_SURE_DAY = dt.date(2026, 3, 20)
NO_MEETING_WEEKS = (dt.date(2026, 2, 2), dt.date(2026, 3, 16))  # Mondays
NO_CONTACT_WEEKS = (dt.date(2026, 1, 26), dt.date(2026, 2, 16), dt.date(2026, 3, 9))
LAST_REVIEW = dt.date(2026, 3, 10)

DAY_NOTE = "I felt the pull near the bar"
SLIP_NOTE = "Slipped after the leaving do"
JOURNAL_TITLE = "Honest talk"
JOURNAL_BODY = "Today I told my sponsor the truth about the wedding."
TALKING_POINTS = "Ask about the step four inventory.\nThe family wedding in May."

#: Text that must never appear in a report, with or without notes.
NEVER_SHOWN = (
    "three pints of cider",  # a used day's amount
    "Bob shared about his divorce",  # meeting notes: other members' stories
    "We talked about my brother's debts",  # contact notes
    "I felt judged once",  # check-in note
    "Valentine dinner at Luigi",  # a memory anchor
    "07700 900555",  # the call list
    "Old entry from the autumn",  # a journal entry outside the period
    "Before the period began",  # a day note outside the period
)
#: Text that appears only with notes included.
NOTES_ONLY = (DAY_NOTE, SLIP_NOTE, JOURNAL_TITLE, JOURNAL_BODY)


def _days() -> list[DayRecord]:
    days = []
    day = FIRST_DAY
    while day <= AS_OF:
        if day not in MISSING_DAYS:
            status = DayStatus.ABSTINENT
            if day in USED_DAYS:
                status = DayStatus.USED
            elif day == NOT_SURE_DAY:
                status = DayStatus.UNKNOWN
            note = ""
            if day == dt.date(2026, 2, 19):
                note = DAY_NOTE
            elif day == dt.date(2026, 2, 20):
                note = SLIP_NOTE
            elif day == dt.date(2025, 12, 20):
                note = "Before the period began"
            used = status is DayStatus.USED
            days.append(
                DayRecord(
                    date=day,
                    status=status,
                    substances=("alcohol",) if used else (),
                    amount="three pints of cider" if used else "",
                    craving=3,
                    confidence=7,
                    note=note,
                )
            )
        day += dt.timedelta(days=1)
    return days


def _weekly(weekday: int, skip: tuple[dt.date, ...]) -> list[dt.date]:
    dates = []
    day = FIRST_DAY + dt.timedelta(days=(weekday - FIRST_DAY.weekday()) % 7)
    while day <= AS_OF:
        if day - dt.timedelta(days=day.weekday()) not in skip:
            dates.append(day)
        day += dt.timedelta(days=7)
    return dates


MEETING_DATES = tuple(_weekly(1, NO_MEETING_WEEKS))  # Tuesdays
CONTACT_DATES = tuple(_weekly(4, NO_CONTACT_WEEKS))  # Fridays
ONE_WAY_DATES = (dt.date(2026, 1, 27), dt.date(2026, 3, 10))


def journal(**settings: object) -> JournalData:
    base = Settings(
        sobriety_date=dt.date(2026, 1, 5),
        last_review=LAST_REVIEW,
        talking_points=TALKING_POINTS,
    )
    for key, value in settings.items():
        base = _replace(base, key, value)
    meetings = tuple(
        Meeting(
            date=day,
            fellowship=Fellowship.AA,
            name="Tuesday Hope",
            notes="Bob shared about his divorce" if day == MEETING_DATES[3] else "",
        )
        for day in MEETING_DATES
    )
    contacts = tuple(
        SponsorContact(
            date=day,
            mode=ContactMode.PHONE,
            sponsor_key="s1",
            notes="We talked about my brother's debts" if day == CONTACT_DATES[5] else "",
        )
        for day in CONTACT_DATES
    ) + tuple(
        SponsorContact(date=day, mode=ContactMode.TEXT, sponsor_key="s1", two_way=False)
        for day in ONE_WAY_DATES
    )
    checkins = (
        AllianceCheckin(
            date=dt.date(2026, 1, 15),
            sponsor_key="s1",
            answers={"B1": 3, "B2": 3, "R1": 3, "R2": 1, "G1": 3, "G2": 3, "T1": 3, "T2": 3},
        ),
        AllianceCheckin(
            date=dt.date(2026, 3, 15),
            sponsor_key="s1",
            answers={"B1": 4, "B2": 3, "R1": 4, "R2": 0, "G1": 3, "G2": 4, "T1": 3, "T2": 3},
            note="I felt judged once",
        ),
    )
    entries = (
        JournalEntry(
            created_at=dt.datetime(2026, 3, 12, 20, 0, tzinfo=dt.UTC),
            title=JOURNAL_TITLE,
            body=JOURNAL_BODY,
            date=dt.date(2026, 3, 12),
        ),
        JournalEntry(
            created_at=dt.datetime(2025, 10, 1, 20, 0, tzinfo=dt.UTC),
            title="Autumn",
            body="Old entry from the autumn",
            date=dt.date(2025, 10, 1),
        ),
    )
    return JournalData(
        settings=base,
        days=tuple(_days()),
        meetings=meetings,
        sponsors=(Sponsor(key="s1", name="Dana", started_on=dt.date(2025, 11, 1)),),
        contacts=contacts,
        checkins=checkins,
        journal_entries=entries,
        anchor_events=(AnchorEvent(date=dt.date(2026, 2, 14), label="Valentine dinner at Luigi"),),
        call_list=(CallListPerson(name="Marta", role="friend", phone="07700 900555"),),
    )


def _replace(settings: Settings, key: str, value: object) -> Settings:
    from dataclasses import replace

    return replace(settings, **{key: value})


def store(session: object, data: JournalData) -> None:
    """Put ``data`` into an open session: its records and the settings a review reads."""
    settings = data.settings
    session.add_all(data)  # type: ignore[attr-defined]
    session.update_settings(  # type: ignore[attr-defined]
        sobriety_date=settings.sobriety_date,
        last_review=settings.last_review,
        talking_points=settings.talking_points,
    )

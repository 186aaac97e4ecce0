"""Columns and filters of the contacts, sponsors and check-in history tables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from recovery_journal.domain.alliance import alliance_score, area_scores
from recovery_journal.domain.models import (
    ALLIANCE_ITEMS,
    AllianceCheckin,
    Initiator,
    Sponsor,
    SponsorContact,
    Topic,
)
from recovery_journal.domain.sponsors import sponsor_on, start_key
from recovery_journal.ui.common.record_model import (
    Column,
    date_text,
    first_line,
    minutes_text,
    time_text,
)
from recovery_journal.ui.dialogs.checkin_form import AREA_LABELS, score_text
from recovery_journal.ui.dialogs.contact import MODE_LABELS, TOPICS

TOPIC_LABELS: Mapping[Topic, str] = {topic: label for topic, label, _tip in TOPICS}
INITIATOR_LABELS: Mapping[Initiator, str] = {Initiator.ME: "I did", Initiator.SPONSOR: "Sponsor"}
NO_SPONSOR = "Not named"


def sponsor_names(sponsors: Sequence[Sponsor]) -> dict[str | None, str]:
    names: dict[str | None, str] = {s.key: s.name for s in sponsors}
    names[None] = NO_SPONSOR
    return names


def _when(contact: SponsorContact) -> tuple[dt.date, dt.time, int]:
    return (contact.date, contact.time or dt.time.min, contact.id or 0)


def contact_columns(
    today: Callable[[], dt.date], names: Callable[[], Mapping[str | None, str]]
) -> list[Column[SponsorContact]]:
    def sponsor(contact: SponsorContact) -> str:
        return names().get(contact.sponsor_key, NO_SPONSOR)

    return [
        Column("Date", lambda c: date_text(c.date, today()), _when),
        Column("Time", lambda c: time_text(c.time), lambda c: (c.time or dt.time.min, *_when(c))),
        Column("Sponsor", sponsor, lambda c: (sponsor(c).casefold(), _when(c))),
        Column("How", lambda c: MODE_LABELS[c.mode], lambda c: (c.mode.value, _when(c))),
        Column(
            "Who reached out",
            lambda c: INITIATOR_LABELS[c.initiated_by],
            lambda c: (c.initiated_by.value, _when(c)),
        ),
        Column(
            "Two-way",
            lambda c: "Two-way" if c.two_way else "One-way",
            lambda c: (c.two_way, _when(c)),
            description="Only two-way contacts count in your figures",
        ),
        Column(
            "Length",
            lambda c: minutes_text(c.duration_min),
            lambda c: (c.duration_min or -1, _when(c)),
            right=True,
        ),
        Column(
            "Topics",
            lambda c: ", ".join(TOPIC_LABELS[t] for t in c.topics),
            lambda c: (tuple(t.value for t in c.topics), _when(c)),
        ),
        Column(
            "Notes",
            lambda c: first_line(c.notes),
            lambda c: (c.notes.casefold(), _when(c)),
            tooltip=lambda c: c.notes,
        ),
    ]


def contact_search_text(names: Callable[[], Mapping[str | None, str]]) -> Callable[..., str]:
    def text(contact: SponsorContact) -> str:
        return " ".join(
            (
                names().get(contact.sponsor_key, NO_SPONSOR),
                MODE_LABELS[contact.mode],
                "two-way" if contact.two_way else "one-way",
                " ".join(TOPIC_LABELS[t] for t in contact.topics),
                contact.notes,
                contact.date.isoformat(),
                f"{contact.date:%A %B}",
            )
        )

    return text


def two_way_filters() -> list[tuple[str, Callable[[SponsorContact], bool] | None]]:
    return [
        ("Two-way and one-way", None),
        ("Two-way only", lambda c: c.two_way),
        ("One-way only", lambda c: not c.two_way),
    ]


# -- sponsors ---------------------------------------------------------------------------------


def sponsor_columns(today: Callable[[], dt.date]) -> list[Column[Sponsor]]:
    def ended(sponsor: Sponsor) -> str:
        if sponsor.ended_on is None:
            return "Your sponsor now" if sponsor_on(sponsor, today()) else "Starts later"
        return date_text(sponsor.ended_on)

    def since(sponsor: Sponsor) -> str:
        return "—" if sponsor.started_on is None else date_text(sponsor.started_on)

    return [
        Column("Name", lambda s: s.name, lambda s: (s.name.casefold(), start_key(s))),
        Column("Since", since, lambda s: (start_key(s), s.id or 0)),
        Column("Until", ended, lambda s: (s.ended_on or dt.date.max, start_key(s))),
    ]


# -- check-ins --------------------------------------------------------------------------------


def answered_count(checkin: AllianceCheckin) -> int:
    return sum(1 for item in ALLIANCE_ITEMS if checkin.answers.get(item) is not None)


def checkin_columns(
    names: Callable[[], Mapping[str | None, str]],
) -> list[Column[AllianceCheckin]]:
    def when(checkin: AllianceCheckin) -> tuple[dt.date, int]:
        return (checkin.date, checkin.id or 0)

    def score(checkin: AllianceCheckin) -> float:
        value = alliance_score(checkin.answers)
        return -1.0 if value is None else value

    columns: list[Column[AllianceCheckin]] = [
        Column("Date", lambda c: date_text(c.date), when),
        Column(
            "Score",
            lambda c: score_text(alliance_score(c.answers)),
            lambda c: (score(c), when(c)),
            right=True,
            description="Out of 100; shown when at least 6 of the 8 statements are answered",
            tooltip=lambda c: (
                f"{answered_count(c)} of 8 statements answered"
                + ("" if alliance_score(c.answers) is not None else " — a score needs 6")
            ),
        ),
        Column(
            "Sponsor",
            lambda c: names().get(c.sponsor_key, NO_SPONSOR),
            lambda c: (names().get(c.sponsor_key, NO_SPONSOR).casefold(), when(c)),
        ),
    ]
    return columns


def areas_text(checkin: AllianceCheckin) -> str:
    scores = area_scores(checkin.answers)
    return " · ".join(f"{AREA_LABELS[area]}: {score_text(scores[area])}" for area in AREA_LABELS)

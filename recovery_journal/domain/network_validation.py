"""Checking the records of the recovery network and the regular meetings before they are saved.

The same contract as ``validation.py`` (which calls these for its ``validate_record`` and
``validate_journal``): each function returns :class:`FieldError` s, empty when the record is
fine. ``person_keys``, when given, are the people a record may name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from typing import Any

from recovery_journal.domain import validation as v
from recovery_journal.domain.models import (
    Fellowship,
    JournalData,
    MeetingFormat,
    Person,
    PersonEntry,
    PersonStance,
    PersonUse,
    RegularMeeting,
    Relationship,
    Weekday,
)
from recovery_journal.domain.validation import FieldError, RecordError


def person_link(
    errors: list[FieldError], key: object, person_keys: Collection[str] | None, *, required: bool
) -> None:
    """``key`` must name someone in ``person_keys`` (``None`` allowed unless ``required``)."""
    if key is None and not required:
        return
    if not isinstance(key, str) or not key:
        errors.append(FieldError("person_key", "Please choose a person.", "is required"))
    elif person_keys is not None and key not in person_keys:
        errors.append(
            FieldError(
                "person_key",
                "This person is not in your network list.",
                "must name a person in the people list",
            )
        )


def validate_person(person: Person) -> list[FieldError]:
    errors: list[FieldError] = []
    v._text(errors, "key", person.key, required="The person needs an id.")
    v._text(errors, "name", person.name, required="Please give a name or a nickname.")
    v._choice(errors, "relationship", "Who they are to you", person.relationship, Relationship)
    v._text(errors, "notes", person.notes)
    return errors


def validate_person_entry(
    entry: PersonEntry, today: dt.date, person_keys: Collection[str] | None = None
) -> list[FieldError]:
    errors: list[FieldError] = []
    v._not_future(errors, "date", entry.date, today)
    person_link(errors, entry.person_key, person_keys, required=True)
    v._choice(errors, "use", "Their own use", entry.use, PersonUse)
    v._choice(errors, "stance", "How they relate to your recovery", entry.stance, PersonStance)
    v._flag(errors, "in_network", entry.in_network)
    v._text(errors, "note", entry.note)
    return errors


def validate_regular_meeting(meeting: RegularMeeting) -> list[FieldError]:
    errors: list[FieldError] = []
    v._text(errors, "name", meeting.name, required="Please give the meeting's name.")
    v._choice(errors, "fellowship", "The fellowship", meeting.fellowship, Fellowship)
    if meeting.fellowship_label is not None:
        v._text(errors, "fellowship_label", meeting.fellowship_label)
    if meeting.fellowship == Fellowship.OTHER and not (
        isinstance(meeting.fellowship_label, str) and meeting.fellowship_label.strip()
    ):
        errors.append(
            FieldError(
                "fellowship_label",
                "Please name the fellowship.",
                "is required when fellowship is other",
            )
        )
    if not meeting.weekdays:
        errors.append(
            FieldError("weekdays", "Please choose at least one day of the week.", "is empty")
        )
    v._choices(errors, "weekdays", "A day of the week", meeting.weekdays, Weekday)
    if not isinstance(meeting.time, dt.time):
        errors.append(FieldError("time", "Please enter a time like 19:30.", "must be a time"))
    v._choice(errors, "format", "The format", meeting.format, MeetingFormat)
    v._flag(errors, "home_group", meeting.home_group)
    return errors


def validate_network(data: JournalData, today: dt.date) -> list[RecordError]:
    """The network's records and regular meetings of ``data``, plus the rules across records:
    person ids unique; entries, meetings and contacts naming a person of ``data``."""
    found: list[RecordError] = []

    def add(collection: str, index: int, errors: Iterable[FieldError]) -> None:
        found.extend(RecordError(collection, index, e) for e in errors)

    keys: dict[str, int] = {}
    for index, person in enumerate(data.people):
        add("people", index, validate_person(person))
        if person.key in keys:
            reason = f"is used twice (also at people[{keys[person.key]}])"
            add("people", index, [FieldError("key", "Another person has this id.", reason)])
        else:
            keys[person.key] = index
    for index, entry in enumerate(data.person_entries):
        add("person_entries", index, validate_person_entry(entry, today, keys))
    for collection in ("meetings", "contacts"):
        records: tuple[Any, ...] = getattr(data, collection)
        for index, record in enumerate(records):
            errors: list[FieldError] = []
            person_link(errors, record.person_key, keys, required=False)
            add(collection, index, errors)
    for index, meeting in enumerate(data.regular_meetings):
        add("regular_meetings", index, validate_regular_meeting(meeting))
    return found

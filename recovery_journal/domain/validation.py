"""Checking records before they are saved, in plain words.

Pure functions, one per record type, used by the app's forms, the command line and the import.
Each returns a list of :class:`FieldError` (empty when the record is fine): ``field`` names the
record's field, ``message`` is a full, kind sentence for a form ("Craving must be between 0
and 10.") and ``reason`` the same thing as a short phrase for a ``path: reason`` line
("must be between 0 and 10"). Dates of days, meetings, contacts and check-ins may not lie after
``today`` (the person's local date, passed in).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from recovery_journal.domain.models import (
    ALLIANCE_ITEMS,
    ANSWER_RANGE,
    CONFIDENCE_RANGE,
    CRAVING_RANGE,
    HELPFULNESS_RANGE,
    MOOD_RANGE,
    STEP_RANGE,
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
    RegularMeeting,
    ServiceRole,
    Settings,
    Sponsor,
    SponsorContact,
    Theme,
    Topic,
    WeekStart,
)

#: A meeting or contact longer than a day is surely a typing slip.
DURATION_RANGE = (0, 24 * 60)
CONTACT_GAP_RANGE = (1, 365)
AUTOLOCK_RANGE = (0, 24 * 60)
BACKUPS_KEPT_RANGE = (1, 1000)
RULE_WINDOW_RANGE = (1, 365)


@dataclass(frozen=True, slots=True)
class FieldError:
    """One problem with one field."""

    field: str
    message: str
    reason: str = ""

    @property
    def short(self) -> str:
        """The short phrase (``reason``), or the sentence when there is none."""
        return self.reason or self.message


class InvalidRecordError(ValueError):
    """A record broke a rule of its fields; nothing was written.

    ``errors`` are the problems, each naming its field (forms show them next to it);
    ``str(error)`` is their sentences in one line (the command line's message).
    """

    exit_code = 2  # the command line's "usage error": the values given were not right

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors: tuple[FieldError, ...] = tuple(errors)
        super().__init__(" ".join(e.message for e in self.errors))

    def for_field(self, field: str) -> list[FieldError]:
        """The problems with ``field`` (also ``field[0]``, ``field.x``)."""
        return [e for e in self.errors if e.field.split("[")[0].split(".")[0] == field]


@dataclass(frozen=True, slots=True)
class RecordError:
    """A problem with the record at ``index`` of the ``JournalData`` list ``collection``
    (``collection`` is ``"settings"`` and ``index`` 0 for settings)."""

    collection: str
    index: int
    error: FieldError


# -- building blocks --------------------------------------------------------------------------


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _range(
    errors: list[FieldError],
    field: str,
    label: str,
    value: object,
    bounds: tuple[int, int],
    *,
    unit: str = "",
) -> None:
    if value is None:
        return
    low, high = bounds
    suffix = f" {unit}" if unit else ""
    if not _is_int(value):
        errors.append(
            FieldError(field, f"{label} must be a whole number.", "must be a whole number")
        )
    elif not low <= value <= high:  # type: ignore[operator]
        errors.append(
            FieldError(
                field,
                f"{label} must be between {low} and {high}{suffix}.",
                f"must be between {low} and {high}",
            )
        )


def _choice(
    errors: list[FieldError], field: str, label: str, value: object, enum: type[StrEnum]
) -> None:
    allowed = [member.value for member in enum]
    if not isinstance(value, str) or value not in allowed:
        errors.append(
            FieldError(
                field,
                f"{label} must be one of: {', '.join(allowed)}.",
                f"must be one of: {', '.join(allowed)}",
            )
        )


def _choices(
    errors: list[FieldError], field: str, label: str, values: Iterable[object], enum: type[StrEnum]
) -> None:
    seen: set[object] = set()
    for index, value in enumerate(values):
        _choice(errors, f"{field}[{index}]", label, value, enum)
        if value in seen:
            errors.append(
                FieldError(f"{field}[{index}]", f"{label} is listed twice.", "is listed twice")
            )
        seen.add(value)


def _not_future(errors: list[FieldError], field: str, value: object, today: dt.date) -> None:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        errors.append(FieldError(field, "Please enter a date.", "must be a date"))
    elif value > today:
        errors.append(
            FieldError(field, "The date can't be in the future.", "must not be after today")
        )


def _is_date(errors: list[FieldError], field: str, value: object, *, optional: bool) -> bool:
    if value is None and optional:
        return False
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        errors.append(FieldError(field, "Please enter a date.", "must be a date"))
        return False
    return True


def _text(
    errors: list[FieldError], field: str, value: object, *, required: str | None = None
) -> None:
    """``value`` must be text; with ``required`` (the sentence to show) also not blank."""
    if not isinstance(value, str):
        errors.append(FieldError(field, "This must be text.", "must be text"))
    elif required is not None and not value.strip():
        errors.append(FieldError(field, required, "must not be empty"))


def _texts(errors: list[FieldError], field: str, values: Iterable[object], what: str) -> None:
    for index, value in enumerate(values):
        _text(errors, f"{field}[{index}]", value, required=f"{what} can't be empty.")


def _flag(errors: list[FieldError], field: str, value: object) -> None:
    if not isinstance(value, bool):
        errors.append(FieldError(field, "This must be yes or no.", "must be true or false"))


def _aware(errors: list[FieldError], field: str, value: object, *, optional: bool) -> None:
    if value is None and optional:
        return
    if not isinstance(value, dt.datetime) or value.utcoffset() is None:
        errors.append(
            FieldError(
                field,
                "The time must include its time zone.",
                "must be a date and time with a UTC offset",
            )
        )


def _time(errors: list[FieldError], field: str, value: object) -> None:
    if value is not None and not isinstance(value, dt.time):
        errors.append(FieldError(field, "Please enter a time like 19:30.", "must be a time"))


# -- one function per record type -------------------------------------------------------------


def validate_day(day: DayRecord, today: dt.date) -> list[FieldError]:
    errors: list[FieldError] = []
    _not_future(errors, "date", day.date, today)
    _choice(errors, "status", "The day", day.status, DayStatus)
    _texts(errors, "substances", day.substances, "A substance")
    _text(errors, "amount", day.amount)
    _range(errors, "craving", "Craving", day.craving, CRAVING_RANGE)
    _range(errors, "confidence", "Confidence", day.confidence, CONFIDENCE_RANGE)
    _range(errors, "mood", "Mood", day.mood, MOOD_RANGE)
    _choices(errors, "activities", "An activity", day.activities, Activity)
    _range(errors, "step", "The step", day.step, STEP_RANGE)
    _text(errors, "note", day.note)
    _aware(errors, "entered_at", day.entered_at, optional=True)
    _aware(errors, "updated_at", day.updated_at, optional=True)
    return errors


def validate_meeting(meeting: Meeting, today: dt.date) -> list[FieldError]:
    errors: list[FieldError] = []
    _not_future(errors, "date", meeting.date, today)
    _time(errors, "time", meeting.time)
    _choice(errors, "fellowship", "The fellowship", meeting.fellowship, Fellowship)
    if meeting.fellowship_label is not None:
        _text(errors, "fellowship_label", meeting.fellowship_label)
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
    _text(errors, "name", meeting.name)
    _choice(errors, "format", "The format", meeting.format, MeetingFormat)
    _range(
        errors, "duration_min", "The length", meeting.duration_min, DURATION_RANGE, unit="minutes"
    )
    _flag(errors, "home_group", meeting.home_group)
    _flag(errors, "shared", meeting.shared)
    _choice(errors, "service_role", "The service role", meeting.service_role, ServiceRole)
    _flag(errors, "talked_with_members", meeting.talked_with_members)
    _range(errors, "helpfulness", "Helpfulness", meeting.helpfulness, HELPFULNESS_RANGE)
    _text(errors, "notes", meeting.notes)
    return errors


def validate_sponsor(sponsor: Sponsor) -> list[FieldError]:
    errors: list[FieldError] = []
    _text(errors, "key", sponsor.key, required="The sponsor needs an id.")
    _text(errors, "name", sponsor.name, required="Please give a name or a nickname.")
    started = _is_date(errors, "started_on", sponsor.started_on, optional=True)
    ended = _is_date(errors, "ended_on", sponsor.ended_on, optional=True)
    both = sponsor.started_on is not None and sponsor.ended_on is not None
    if started and ended and both and sponsor.ended_on < sponsor.started_on:  # type: ignore[operator]
        errors.append(
            FieldError(
                "ended_on",
                "The end date can't be before the start date.",
                "must not be before started_on",
            )
        )
    return errors


def _sponsor_ref(
    errors: list[FieldError], key: object, sponsor_keys: Collection[str] | None
) -> None:
    if key is None:
        return
    if not isinstance(key, str):
        errors.append(FieldError("sponsor_key", "This must be text.", "must be text"))
    elif sponsor_keys is not None and key not in sponsor_keys:
        errors.append(
            FieldError(
                "sponsor_key",
                "This sponsor is not in your list of sponsors.",
                "must name a sponsor in the sponsors list",
            )
        )


def validate_contact(
    contact: SponsorContact, today: dt.date, sponsor_keys: Collection[str] | None = None
) -> list[FieldError]:
    """``sponsor_keys``, when given, are the sponsors the contact may name."""
    errors: list[FieldError] = []
    _not_future(errors, "date", contact.date, today)
    _time(errors, "time", contact.time)
    _sponsor_ref(errors, contact.sponsor_key, sponsor_keys)
    _choice(errors, "mode", "The kind of contact", contact.mode, ContactMode)
    _choice(errors, "initiated_by", "Who reached out", contact.initiated_by, Initiator)
    _flag(errors, "two_way", contact.two_way)
    _range(
        errors, "duration_min", "The length", contact.duration_min, DURATION_RANGE, unit="minutes"
    )
    _choices(errors, "topics", "A topic", contact.topics, Topic)
    _text(errors, "notes", contact.notes)
    return errors


def validate_checkin(
    checkin: AllianceCheckin, today: dt.date, sponsor_keys: Collection[str] | None = None
) -> list[FieldError]:
    errors: list[FieldError] = []
    _not_future(errors, "date", checkin.date, today)
    _sponsor_ref(errors, checkin.sponsor_key, sponsor_keys)
    for item, answer in checkin.answers.items():
        if item not in ALLIANCE_ITEMS:
            errors.append(
                FieldError(
                    f"answers.{item}", "This is not one of the questions.", "is not a question"
                )
            )
        else:
            _range(errors, f"answers.{item}", "An answer", answer, ANSWER_RANGE)
    _text(errors, "note", checkin.note)
    return errors


def validate_journal_entry(entry: JournalEntry) -> list[FieldError]:
    errors: list[FieldError] = []
    _aware(errors, "created_at", entry.created_at, optional=False)
    _aware(errors, "updated_at", entry.updated_at, optional=True)
    _text(errors, "title", entry.title)
    _text(errors, "body", entry.body)
    title, body = entry.title, entry.body
    if isinstance(title, str) and isinstance(body, str) and not (title.strip() or body.strip()):
        errors.append(FieldError("body", "Write a few words before saving.", "must not be empty"))
    _texts(errors, "tags", entry.tags, "A tag")
    _is_date(errors, "date", entry.date, optional=True)
    return errors


def validate_anchor_event(event: AnchorEvent) -> list[FieldError]:
    errors: list[FieldError] = []
    _is_date(errors, "date", event.date, optional=False)
    _text(errors, "label", event.label, required="Please say what happened that day.")
    return errors


def validate_call_person(person: CallListPerson) -> list[FieldError]:
    errors: list[FieldError] = []
    _text(errors, "name", person.name, required="Please give a name.")
    _text(errors, "role", person.role)
    _text(errors, "phone", person.phone)
    return errors


def validate_settings(settings: Settings, today: dt.date | None = None) -> list[FieldError]:
    errors: list[FieldError] = []
    for field in ("tracking_start", "sobriety_date", "last_review"):
        value: Any = getattr(settings, field)
        if _is_date(errors, field, value, optional=True) and today is not None and value > today:
            errors.append(
                FieldError(field, "The date can't be in the future.", "must not be after today")
            )
    _choice(errors, "week_start", "The first day of the week", settings.week_start, WeekStart)
    _choice(errors, "theme", "The theme", settings.theme, Theme)
    _flag(errors, "unknown_breaks_runs", settings.unknown_breaks_runs)
    _range(errors, "contact_gap_days", "The gap", settings.contact_gap_days, CONTACT_GAP_RANGE)
    if settings.contact_gap_days is None:
        errors.append(FieldError("contact_gap_days", "Please enter a number.", "is required"))
    _range(errors, "autolock_minutes", "Auto-lock", settings.autolock_minutes, AUTOLOCK_RANGE)
    _range(errors, "backups_kept", "Backups kept", settings.backups_kept, BACKUPS_KEPT_RANGE)
    use, window = settings.personal_rule_use_days, settings.personal_rule_window_days
    if (use is None) != (window is None):
        errors.append(
            FieldError(
                "personal_rule_window_days",
                "Your own rule needs both numbers: how many days, and in how many.",
                "must be set together with personal_rule_use_days",
            )
        )
    _range(errors, "personal_rule_window_days", "The number of days", window, RULE_WINDOW_RANGE)
    if _is_int(window):
        _range(errors, "personal_rule_use_days", "The days of use", use, (1, window))  # type: ignore[arg-type]
    for name in ("country", "emergency_number", "talking_points"):
        _text(errors, name, getattr(settings, name))
    _texts(errors, "fellowships", settings.fellowships, "A fellowship")
    _text(errors, "review_name", settings.review_name)
    _texts(errors, "review_recipients", settings.review_recipients, "A sponsor's code")
    return errors


Record = (
    DayRecord
    | Meeting
    | Sponsor
    | SponsorContact
    | AllianceCheckin
    | JournalEntry
    | AnchorEvent
    | CallListPerson
    | Person
    | PersonEntry
    | RegularMeeting
)


def validate_record(
    record: Record,
    today: dt.date,
    sponsor_keys: Collection[str] | None = None,
    person_keys: Collection[str] | None = None,
) -> list[FieldError]:
    """The problems of any one record (the function for its type); ``sponsor_keys`` are the
    sponsors a contact or a check-in may name, ``person_keys`` the people a network entry, a
    meeting or a contact may name."""
    from recovery_journal.domain import network_validation as network  # it imports this module

    match record:
        case DayRecord():
            return validate_day(record, today)
        case Meeting():
            errors = validate_meeting(record, today)
            network.person_link(errors, record.person_key, person_keys, required=False)
            return errors
        case Sponsor():
            return validate_sponsor(record)
        case SponsorContact():
            errors = validate_contact(record, today, sponsor_keys)
            network.person_link(errors, record.person_key, person_keys, required=False)
            return errors
        case Person():
            return network.validate_person(record)
        case PersonEntry():
            return network.validate_person_entry(record, today, person_keys)
        case RegularMeeting():
            return network.validate_regular_meeting(record)
        case AllianceCheckin():
            return validate_checkin(record, today, sponsor_keys)
        case JournalEntry():
            return validate_journal_entry(record)
        case AnchorEvent():
            return validate_anchor_event(record)
        case CallListPerson():
            return validate_call_person(record)
    raise TypeError(f"not a journal record: {type(record).__name__}")


# -- a whole journal --------------------------------------------------------------------------


def validate_journal(data: JournalData, today: dt.date) -> list[RecordError]:
    """Every record of ``data`` plus the rules across records: one day record per date, sponsor
    ids unique, contacts and check-ins naming a sponsor of ``data``."""
    found: list[RecordError] = []

    def add(collection: str, index: int, errors: Iterable[FieldError]) -> None:
        found.extend(RecordError(collection, index, e) for e in errors)

    add("settings", 0, validate_settings(data.settings, today))
    first_day: dict[dt.date, int] = {}
    for index, day in enumerate(data.days):
        add("days", index, validate_day(day, today))
        if day.date in first_day:
            first = first_day[day.date]
            add(
                "days",
                index,
                [
                    FieldError(
                        "date",
                        f"There is already a record for {day.date.isoformat()}.",
                        f"{day.date.isoformat()} is recorded twice (also at days[{first}])",
                    )
                ],
            )
        else:
            first_day[day.date] = index
    keys: dict[str, int] = {}
    for index, sponsor in enumerate(data.sponsors):
        add("sponsors", index, validate_sponsor(sponsor))
        if sponsor.key in keys:
            add(
                "sponsors",
                index,
                [
                    FieldError(
                        "key",
                        "Another sponsor already has this id.",
                        f"is used twice (also at sponsors[{keys[sponsor.key]}])",
                    )
                ],
            )
        else:
            keys[sponsor.key] = index
    for index, meeting in enumerate(data.meetings):
        add("meetings", index, validate_meeting(meeting, today))
    for index, contact in enumerate(data.contacts):
        add("contacts", index, validate_contact(contact, today, keys))
    for index, checkin in enumerate(data.checkins):
        add("checkins", index, validate_checkin(checkin, today, keys))
    for index, entry in enumerate(data.journal_entries):
        add("journal_entries", index, validate_journal_entry(entry))
    for index, event in enumerate(data.anchor_events):
        add("anchor_events", index, validate_anchor_event(event))
    for index, person in enumerate(data.call_list):
        add("call_list", index, validate_call_person(person))
    from recovery_journal.domain.network_validation import validate_network  # imports this

    found.extend(validate_network(data, today))
    return found

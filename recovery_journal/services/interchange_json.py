"""The JSON interchange format, version 1 (``DESIGN.md``; described in ``docs/interchange.md``).

``export_json`` writes a journal as deterministic text: the same journal always gives the same
text but for ``exported_at``. ``parse_json`` reads a file into plain records, validating every
value (pydantic, strict, unknown keys refused at every depth) and the rules across records
(``domain.validation``); a file with any problem raises :class:`ImportRefused` listing JSON paths
and reasons, and nothing is returned. ``import_into`` writes parsed records into a journal, all
or nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, PlainValidator, ValidationError
from pydantic_core import PydanticCustomError

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
    WeekStart,
)
from recovery_journal.domain.sponsors import start_key
from recovery_journal.domain.validation import DURATION_RANGE, validate_journal
from recovery_journal.storage.errors import RecordConflictError
from recovery_journal.storage.repository import JournalRepository

FORMAT = "recovery-journal"
VERSION = 1
#: How many errors a refusal lists.
MAX_ERRORS = 10

ImportMode = Literal["refuse_if_not_empty", "merge", "replace"]


# -- errors -----------------------------------------------------------------------------------


class ImportRefused(Exception):
    """The file was not imported; nothing was written.

    ``errors`` holds ``(json_path, reason)`` pairs, at most :data:`MAX_ERRORS`; ``str()`` is
    ``import refused: $.days[3].craving: must be between 0 and 10`` then one further error per
    line.
    """

    exit_code = 6  # the command line's "invalid import data (nothing imported)"

    def __init__(self, errors: Sequence[tuple[str, str]]) -> None:
        self.errors: list[tuple[str, str]] = list(errors)[:MAX_ERRORS]
        if not self.errors:
            self.errors = [("$", "the file could not be imported")]
        super().__init__(self.message)

    @property
    def message(self) -> str:
        lines = [f"{path}: {reason}" for path, reason in self.errors]
        return "import refused: " + "\n".join(lines)

    def __str__(self) -> str:
        return self.message


class JournalNotEmptyError(ImportRefused):
    """The journal already has records and neither merge nor replace was asked for."""

    def __init__(self) -> None:
        super().__init__(
            [("$", "this journal already has records; choose merge to add to them, or replace")]
        )


# -- value types ------------------------------------------------------------------------------

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME_RE = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def _date(value: object) -> dt.date:
    if isinstance(value, str) and _DATE_RE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("date_format", 'must be a date like "2025-01-31"')


def _timestamp(value: object) -> dt.datetime:
    parsed = None
    if isinstance(value, str) and len(value) >= 16 and _DATE_RE.fullmatch(value[:10]):
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            parsed = None
    if parsed is None:
        raise PydanticCustomError(
            "datetime_format", 'must be a date and time like "2025-01-31T20:15:00Z"'
        )
    if parsed.utcoffset() is None:
        raise PydanticCustomError(
            "datetime_offset", 'must include a UTC offset, like "2025-01-31T20:15:00Z"'
        )
    return parsed.astimezone(dt.UTC)


def _time(value: object) -> dt.time:
    if not isinstance(value, str) or not _TIME_RE.fullmatch(value):
        raise PydanticCustomError("time_format", 'must be a time like "19:30"')
    return dt.time.fromisoformat(value)


def _between(low: int, high: int) -> Callable[[int], int]:
    def check(value: int) -> int:
        if not low <= value <= high:
            raise PydanticCustomError(
                "between", "must be between {low} and {high}", {"low": low, "high": high}
            )
        return value

    return check


Date = Annotated[dt.date, PlainValidator(_date)]
Timestamp = Annotated[dt.datetime, PlainValidator(_timestamp)]
Time = Annotated[dt.time, PlainValidator(_time)]
Rating10 = Annotated[int, AfterValidator(_between(0, 10))]
Mood = Annotated[int, AfterValidator(_between(1, 5))]
Step = Annotated[int, AfterValidator(_between(1, 12))]
Answer = Annotated[int, AfterValidator(_between(0, 4))]
Minutes = Annotated[int, AfterValidator(_between(*DURATION_RANGE))]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class SettingsIn(_In):
    tracking_start: Date | None = None
    sobriety_date: Date | None = None
    week_start: WeekStart = WeekStart.MONDAY


class DayIn(_In):
    date: Date
    status: DayStatus
    substances: list[str] = []
    craving: Rating10 | None = None
    confidence: Rating10 | None = None
    mood: Mood | None = None
    activities: list[Activity] = []
    step: Step | None = None
    note: str = ""
    amount: str = ""
    entered_at: Timestamp | None = None


class SponsorIn(_In):
    id: str
    name: str
    started_on: Date | None = None
    ended_on: Date | None = None


class MeetingIn(_In):
    date: Date
    time: Time | None = None
    fellowship: Fellowship
    fellowship_label: str | None = None
    name: str = ""
    format: MeetingFormat = MeetingFormat.IN_PERSON
    duration_min: Minutes | None = None
    home_group: bool = False
    shared: bool = False
    service_role: ServiceRole = ServiceRole.NONE
    talked_with_members: bool = False
    helpfulness: Rating10 | None = None
    notes: str = ""


class ContactIn(_In):
    date: Date
    time: Time | None = None
    sponsor_id: str | None = None
    mode: ContactMode
    initiated_by: Initiator = Initiator.ME
    two_way: bool = False
    duration_min: Minutes | None = None
    topics: list[Topic] = []
    notes: str = ""


class AnswersIn(_In):
    B1: Answer | None = None
    B2: Answer | None = None
    R1: Answer | None = None
    R2: Answer | None = None
    G1: Answer | None = None
    G2: Answer | None = None
    T1: Answer | None = None
    T2: Answer | None = None


class CheckinIn(_In):
    date: Date
    sponsor_id: str | None = None
    answers: AnswersIn
    note: str = ""


class EntryIn(_In):
    created_at: Timestamp
    title: str = ""
    body: str
    tags: list[str] = []
    date: Date | None = None


class AnchorIn(_In):
    date: Date
    label: str


class CallIn(_In):
    name: str
    role: str = ""
    phone: str = ""


class FileIn(_In):
    format: Literal["recovery-journal"]
    version: Literal[1]
    exported_at: Timestamp | None = None
    settings: SettingsIn = SettingsIn()
    days: list[DayIn] = []
    sponsors: list[SponsorIn] = []
    meetings: list[MeetingIn] = []
    sponsor_contacts: list[ContactIn] = []
    alliance_checkins: list[CheckinIn] = []
    journal_entries: list[EntryIn] = []
    anchor_events: list[AnchorIn] = []
    call_list: list[CallIn] = []


# -- paths and reasons ------------------------------------------------------------------------

_KEY_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def json_path(loc: Iterable[str | int]) -> str:
    """``("days", 3, "craving")`` → ``$.days[3].craving``."""
    path = "$"
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif _KEY_RE.fullmatch(part):
            path += f".{part}"
        else:
            path += "[" + json.dumps(part, ensure_ascii=False) + "]"
    return path


_REASONS = {
    "missing": "is required",
    "extra_forbidden": "is not a known field",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "string_type": "must be text",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "dict_type": "must be an object",
}


def _reason(error: Any) -> str:
    kind = error["type"]
    if kind in _REASONS:
        return _REASONS[kind]
    ctx = error.get("ctx") or {}
    if kind == "enum":
        return f"must be one of {ctx.get('expected', '')}".rstrip()
    if kind == "literal_error":
        return f"must be {ctx.get('expected', '')}".rstrip()
    if kind == "json_invalid":
        return f"is not valid JSON ({ctx.get('error', 'syntax error')})"
    message = str(error["msg"])
    return message[:1].lower() + message[1:]


# -- parsing ----------------------------------------------------------------------------------

_COLLECTION_PATHS = {
    "settings": "settings",
    "days": "days",
    "sponsors": "sponsors",
    "meetings": "meetings",
    "contacts": "sponsor_contacts",
    "checkins": "alliance_checkins",
    "journal_entries": "journal_entries",
    "anchor_events": "anchor_events",
    "call_list": "call_list",
}
_FIELD_PATHS = {"sponsor_key": "sponsor_id", "key": "id"}


class _DuplicateKeyError(ValueError):
    pass


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKeyError(key)
        seen[key] = value
    return seen


def _precheck(text: str) -> None:
    """Refuse what is not JSON at all, or not a Recovery Journal file of this version, with one
    clear error instead of a list of everything that then looks wrong."""
    try:
        document = json.loads(text, object_pairs_hook=_refuse_duplicate_keys)
    except _DuplicateKeyError as exc:
        raise ImportRefused([("$", f'the key "{exc}" appears twice in one object')]) from None
    except (json.JSONDecodeError, RecursionError) as exc:
        where = (
            f"line {exc.lineno}, column {exc.colno}"
            if isinstance(exc, json.JSONDecodeError)
            else "nested too deeply"
        )
        raise ImportRefused([("$", f"is not valid JSON ({where})")]) from None
    if not isinstance(document, dict):
        raise ImportRefused([("$", "must be a JSON object")])
    if "format" not in document:
        raise ImportRefused([("$.format", "is required")])
    if document["format"] != FORMAT:
        raise ImportRefused([("$.format", f'must be "{FORMAT}" (this is not a journal file)')])
    if "version" not in document:
        raise ImportRefused([("$.version", "is required")])
    version = document["version"]
    if type(version) is not int or version != VERSION:
        raise ImportRefused(
            [("$.version", f"must be {VERSION} (this program reads version {VERSION} files)")]
        )


def parse_json(text: str | bytes, today: dt.date) -> JournalData:
    """Read a JSON interchange file into plain records; :class:`ImportRefused` when invalid.

    ``today`` is the person's local date: days, meetings, contacts and check-ins after it are
    refused. Days without ``entered_at`` keep ``None`` (the import stamps them)."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportRefused([("$", "is not UTF-8 text")]) from None
    _precheck(text)
    try:
        parsed = FileIn.model_validate_json(text)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        raise ImportRefused([(json_path(e["loc"]), _reason(e)) for e in errors]) from None
    data = _to_domain(parsed)
    problems = validate_journal(data, today)
    if problems:
        raise ImportRefused(
            [
                (
                    _record_path(p.collection, p.index, p.error.field),
                    p.error.short,
                )
                for p in problems
            ]
        )
    return data


def _record_path(collection: str, index: int, field: str) -> str:
    head, dot, rest = field.partition(".")
    name, bracket, tail = head.partition("[")
    field = _FIELD_PATHS.get(name, name) + bracket + tail + dot + rest
    base = _COLLECTION_PATHS.get(collection, collection)
    if collection == "settings":
        return f"$.{base}.{field}"
    return f"$.{base}[{index}].{field}"


def _to_domain(f: FileIn) -> JournalData:
    settings = Settings(
        tracking_start=f.settings.tracking_start,
        sobriety_date=f.settings.sobriety_date,
        week_start=f.settings.week_start,
    )
    return JournalData(
        settings=settings,
        days=tuple(
            DayRecord(
                date=d.date,
                status=d.status,
                substances=tuple(d.substances),
                amount=d.amount,
                craving=d.craving,
                confidence=d.confidence,
                mood=d.mood,
                activities=tuple(d.activities),
                step=d.step,
                note=d.note,
                entered_at=d.entered_at,
            )
            for d in f.days
        ),
        sponsors=tuple(
            Sponsor(
                key=s.id,
                name=s.name,
                started_on=s.started_on,
                ended_on=s.ended_on,
            )
            for s in f.sponsors
        ),
        meetings=tuple(
            Meeting(
                date=m.date,
                time=m.time,
                fellowship=m.fellowship,
                fellowship_label=m.fellowship_label,
                name=m.name,
                format=m.format,
                duration_min=m.duration_min,
                home_group=m.home_group,
                shared=m.shared,
                service_role=m.service_role,
                talked_with_members=m.talked_with_members,
                helpfulness=m.helpfulness,
                notes=m.notes,
            )
            for m in f.meetings
        ),
        contacts=tuple(
            SponsorContact(
                date=c.date,
                time=c.time,
                sponsor_key=c.sponsor_id,
                mode=c.mode,
                initiated_by=c.initiated_by,
                two_way=c.two_way,
                duration_min=c.duration_min,
                topics=tuple(c.topics),
                notes=c.notes,
            )
            for c in f.sponsor_contacts
        ),
        checkins=tuple(
            AllianceCheckin(
                date=c.date,
                sponsor_key=c.sponsor_id,
                answers={item: getattr(c.answers, item) for item in ALLIANCE_ITEMS},
                note=c.note,
            )
            for c in f.alliance_checkins
        ),
        journal_entries=tuple(
            JournalEntry(
                created_at=e.created_at,
                title=e.title,
                body=e.body,
                tags=tuple(e.tags),
                date=e.date,
            )
            for e in f.journal_entries
        ),
        anchor_events=tuple(AnchorEvent(date=a.date, label=a.label) for a in f.anchor_events),
        call_list=tuple(
            CallListPerson(name=p.name, role=p.role, phone=p.phone) for p in f.call_list
        ),
    )


# -- export -----------------------------------------------------------------------------------


def format_timestamp(value: dt.datetime) -> str:
    """UTC, ISO 8601, with ``Z``: ``2025-01-31T20:15:00Z`` (microseconds only when present)."""
    if value.utcoffset() is None:
        raise ValueError("timestamps must be timezone-aware")
    text = value.astimezone(dt.UTC).replace(tzinfo=None).isoformat()
    return text + "Z"


def _opt_iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _hhmm(value: dt.time | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")


def _timed(date: dt.date, time: dt.time | None) -> tuple[dt.date, bool, dt.time]:
    return (date, time is not None, time or dt.time.min)


def _in_order(records: Sequence[Any], key: Callable[[Any], Any]) -> list[Any]:
    """Sorted by ``key``; equal keys keep their given (entry) order."""
    return sorted(records, key=key)


def export_document(data: JournalData, exported_at: dt.datetime) -> dict[str, Any]:
    """The JSON document as plain Python values (see :func:`export_json`)."""
    s = data.settings
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": format_timestamp(exported_at),
        "settings": {
            "tracking_start": _opt_iso(s.tracking_start),
            "sobriety_date": _opt_iso(s.sobriety_date),
            "week_start": WeekStart(s.week_start).value,
        },
        "days": [
            {
                "date": d.date.isoformat(),
                "status": DayStatus(d.status).value,
                "substances": list(d.substances),
                "craving": d.craving,
                "confidence": d.confidence,
                "mood": d.mood,
                "activities": [Activity(a).value for a in d.activities],
                "step": d.step,
                "note": d.note,
                "amount": d.amount,
                "entered_at": None if d.entered_at is None else format_timestamp(d.entered_at),
            }
            for d in _in_order(data.days, lambda d: d.date)
        ],
        "sponsors": [
            {
                "id": sp.key,
                "name": sp.name,
                "started_on": _opt_iso(sp.started_on),
                "ended_on": _opt_iso(sp.ended_on),
            }
            for sp in _in_order(data.sponsors, start_key)
        ],
        "meetings": [
            {
                "date": m.date.isoformat(),
                "time": _hhmm(m.time),
                "fellowship": Fellowship(m.fellowship).value,
                "fellowship_label": m.fellowship_label,
                "name": m.name,
                "format": MeetingFormat(m.format).value,
                "duration_min": m.duration_min,
                "home_group": m.home_group,
                "shared": m.shared,
                "service_role": ServiceRole(m.service_role).value,
                "talked_with_members": m.talked_with_members,
                "helpfulness": m.helpfulness,
                "notes": m.notes,
            }
            for m in _in_order(data.meetings, lambda m: _timed(m.date, m.time))
        ],
        "sponsor_contacts": [
            {
                "date": c.date.isoformat(),
                "time": _hhmm(c.time),
                "sponsor_id": c.sponsor_key,
                "mode": ContactMode(c.mode).value,
                "initiated_by": Initiator(c.initiated_by).value,
                "two_way": c.two_way,
                "duration_min": c.duration_min,
                "topics": [Topic(t).value for t in c.topics],
                "notes": c.notes,
            }
            for c in _in_order(data.contacts, lambda c: _timed(c.date, c.time))
        ],
        "alliance_checkins": [
            {
                "date": c.date.isoformat(),
                "sponsor_id": c.sponsor_key,
                "answers": {item: c.answers.get(item) for item in ALLIANCE_ITEMS},
                "note": c.note,
            }
            for c in _in_order(data.checkins, lambda c: c.date)
        ],
        "journal_entries": [
            {
                "created_at": format_timestamp(e.created_at),
                "title": e.title,
                "body": e.body,
                "tags": list(e.tags),
                "date": _opt_iso(e.date),
            }
            for e in _in_order(data.journal_entries, lambda e: e.created_at)
        ],
        "anchor_events": [
            {"date": a.date.isoformat(), "label": a.label}
            for a in _in_order(data.anchor_events, lambda a: a.date)
        ],
        "call_list": [{"name": p.name, "role": p.role, "phone": p.phone} for p in data.call_list],
    }


def export_json(data: JournalData, exported_at: dt.datetime) -> str:
    """The journal as JSON interchange text (UTF-8, two-space indent, newline at the end).

    Deterministic: every list in date order, then time, then entry order; sponsor ids as
    stored. Fields outside the format (storage ids, ``updated_at``, settings other than
    tracking start, sobriety date and week start) are not written."""
    return json.dumps(export_document(data, exported_at), ensure_ascii=False, indent=2) + "\n"


# -- import into a journal --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """How many records were written, by JSON list name."""

    mode: ImportMode
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _counts(data: JournalData) -> dict[str, int]:
    return {
        "days": len(data.days),
        "sponsors": len(data.sponsors),
        "meetings": len(data.meetings),
        "sponsor_contacts": len(data.contacts),
        "alliance_checkins": len(data.checkins),
        "journal_entries": len(data.journal_entries),
        "anchor_events": len(data.anchor_events),
        "call_list": len(data.call_list),
    }


def import_into(
    repo: JournalRepository, data: JournalData, mode: ImportMode = "refuse_if_not_empty"
) -> ImportSummary:
    """Write parsed records into the journal, all or nothing.

    * ``refuse_if_not_empty``: only into a journal with no records (else
      :class:`JournalNotEmptyError`);
    * ``merge``: add the records; a day date already in the journal, or a sponsor id that
      names a different sponsor, refuses the whole import. A sponsor identical to one in the
      journal is not added twice. The journal's settings stay as they are;
    * ``replace``: replace every record (the session keeps a backup first).

    Into an empty journal and with ``replace``, the file's tracking start, sobriety date and
    week start are taken; the other settings (auto-lock, theme, backups…) stay as they are.
    """
    if mode not in ("refuse_if_not_empty", "merge", "replace"):
        raise ValueError(f"unknown import mode {mode!r}")
    empty = repo.is_empty()
    if mode == "refuse_if_not_empty" and not empty:
        raise JournalNotEmptyError()
    try:
        if mode == "merge":  # adds records; the journal's settings stay as they are
            to_add = _merge_plan(repo, data)
            repo.add_all(to_add)
            return ImportSummary(mode, _counts(to_add))
        settings = replace(
            repo.settings(),
            tracking_start=data.settings.tracking_start,
            sobriety_date=data.settings.sobriety_date,
            week_start=data.settings.week_start,
        )
        repo.replace_all(replace(data, settings=settings))
    except RecordConflictError as exc:
        raise ImportRefused([("$", str(exc).rstrip("."))]) from exc
    return ImportSummary(mode, _counts(data))


def _merge_plan(repo: JournalRepository, data: JournalData) -> JournalData:
    errors: list[tuple[str, str]] = []
    recorded = {d.date for d in repo.days()}
    for index, day in enumerate(data.days):
        if day.date in recorded:
            errors.append(
                (f"$.days[{index}].date", f"{day.date.isoformat()} is already in this journal")
            )
    stored = {s.key: s for s in repo.sponsors()}
    new_sponsors = []
    for index, sponsor in enumerate(data.sponsors):
        same = stored.get(sponsor.key)
        if same is None:
            new_sponsors.append(sponsor)
        elif replace(same, id=None) != replace(sponsor, id=None):
            errors.append(
                (
                    f"$.sponsors[{index}].id",
                    f'a different sponsor with the id "{sponsor.key}" is already in this journal',
                )
            )
    if errors:
        raise ImportRefused(errors)
    return replace(data, sponsors=tuple(new_sponsors))

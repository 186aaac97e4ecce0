"""The JSON interchange format, version 2 (``DESIGN.md``; described in ``docs/interchange.md``).

Version 2 is version 1 plus the recovery network and the regular meetings (the lists
``people``, ``person_entries``, ``regular_meetings`` and ``person_id`` on meetings and sponsor
contacts, all optional). Files of both versions are read; files are written as version 2.

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
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from recovery_journal.domain.models import (
    JournalData,
    Settings,
    WeekStart,
)
from recovery_journal.domain.sponsors import start_key
from recovery_journal.domain.validation import validate_journal
from recovery_journal.services.interchange_records import (
    ADDED_IN_V2,
    LISTS,
    MODELS,
    Date,
    Timestamp,
    format_timestamp,
    from_domain,
    to_domain,
)
from recovery_journal.storage.errors import RecordConflictError
from recovery_journal.storage.repository import JournalRepository
from recovery_journal.storage.schema import RECORDS
from recovery_journal.vault.reading import FileTooLargeError, NotRegularFileError, read_regular

FORMAT = "recovery-journal"
#: The version written.
VERSION = 2
#: The versions read (a version 1 file is a version 2 file without what 2 added).
READABLE_VERSIONS = (1, 2)
#: How many errors a refusal lists.
MAX_ERRORS = 10

# Limits of an import file (docs/interchange.md), far beyond any real journal (ten years of
# daily use export to about 5 MB), checked before parsing where they can be, so a hostile
# file can neither exhaust memory nor take long to refuse. The limits of each record's texts
# and lists are the schema's own bounds (``storage/tables.py``, the numbers in
# ``domain/models.py``), checked with every other bound when the file is validated.
MAX_IMPORT_MIB = 32
MAX_IMPORT_BYTES = MAX_IMPORT_MIB * 1024 * 1024
#: Records in any one list (``days``, ``meetings``…).
MAX_RECORDS = 50_000
#: JSON objects and lists in the whole file, counted on the raw bytes before parsing (a
#: bracket inside a text counts too, which only ever errs on the side of refusing).
MAX_CONTAINERS = 600_000
#: How much of a key or value a refusal echoes.
ECHO_LIMIT = 40

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


# -- the file ---------------------------------------------------------------------------------


class SettingsIn(BaseModel):
    """The settings a file carries (the others belong to one installation)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    tracking_start: Date | None = None
    sobriety_date: Date | None = None
    week_start: WeekStart = WeekStart.MONDAY


def _file_model() -> type[BaseModel]:
    """The whole file: its header, the settings and one list per record kind."""
    fields: dict[str, Any] = {
        "format": (Literal["recovery-journal"], ...),
        "version": (Literal[1, 2], ...),
        "exported_at": (Timestamp | None, None),
        "settings": (SettingsIn, SettingsIn()),
    }
    for attribute, name in LISTS.items():
        item: Any = MODELS[attribute]
        fields[name] = (list[item], Field(default=[]))
    config = ConfigDict(extra="forbid", strict=True, frozen=True)
    return create_model("FileIn", __config__=config, **fields)


FileIn = _file_model()


# -- paths and reasons ------------------------------------------------------------------------

_KEY_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def short(text: str, limit: int = ECHO_LIMIT) -> str:
    """``text`` cut to a short prefix for an error message (a key may be megabytes long)."""
    return text if len(text) <= limit else text[:limit] + "…"


def json_path(loc: Iterable[str | int]) -> str:
    """``("days", 3, "craving")`` → ``$.days[3].craving``; a long key is cut short."""
    path = "$"
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif _KEY_RE.fullmatch(part) and len(part) <= ECHO_LIMIT:
            path += f".{part}"
        else:
            path += "[" + json.dumps(short(part), ensure_ascii=False) + "]"
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
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return "must not be empty"
    if kind == "string_too_short":
        return f"must be at least {ctx.get('min_length')} characters long"
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters, the most an import may hold"
    if kind == "too_long":
        return f"has more than {ctx.get('max_length')} items, the most an import may hold"
    message = str(error["msg"])
    return message[:1].lower() + message[1:]


# -- parsing ----------------------------------------------------------------------------------

_COLLECTION_PATHS = {"settings": "settings", **LISTS}
#: A record field's name in the files, where it differs (``key`` → ``id``).
_FIELD_PATHS = {
    field.record_path[0]: ".".join(field.path)
    for spec in RECORDS.values()
    for field in spec.fields
    if len(field.record_path) == 1 and field.path != field.record_path
}


class _DuplicateKeyError(ValueError):
    pass


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKeyError(key)
        seen[key] = value
    return seen


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _check_size(text: str | bytes) -> None:
    """The limits that need no parsing: the size and the count of objects and lists."""
    if len(text) > MAX_IMPORT_BYTES:
        raise ImportRefused(
            [("$", f"the file is larger than {MAX_IMPORT_MIB} MiB, the most an import may be")]
        )
    containers = (
        text.count(b"{") + text.count(b"[")
        if isinstance(text, bytes)
        else text.count("{") + text.count("[")
    )
    if containers > MAX_CONTAINERS:
        raise ImportRefused(
            [("$", f"holds more than {MAX_CONTAINERS} objects and lists, the most an import may")]
        )


def _check_counts(document: dict[str, Any]) -> None:
    for key in FileIn.model_fields:
        value = document.get(key)
        if isinstance(value, list) and len(value) > MAX_RECORDS:
            raise ImportRefused(
                [(f"$.{key}", f"has more than {MAX_RECORDS} records, the most an import may hold")]
            )


def _precheck(text: str) -> None:
    """Refuse what is not JSON at all, or not a Recovery Journal file of this version, with one
    clear error instead of a list of everything that then looks wrong."""
    try:
        document = json.loads(
            text, object_pairs_hook=_refuse_duplicate_keys, parse_constant=_refuse_constant
        )
    except _DuplicateKeyError as exc:
        key = short(str(exc))
        raise ImportRefused([("$", f'the key "{key}" appears twice in one object')]) from None
    except (json.JSONDecodeError, RecursionError) as exc:
        where = (
            f"line {exc.lineno}, column {exc.colno}"
            if isinstance(exc, json.JSONDecodeError)
            else "nested too deeply"
        )
        raise ImportRefused([("$", f"is not valid JSON ({where})")]) from None
    except ValueError as exc:  # a number too long to convert, NaN, Infinity
        reason = str(exc) if "JSON allows" in str(exc) else "a number in it is too long to read"
        raise ImportRefused([("$", f"is not valid JSON ({reason})")]) from None
    if not isinstance(document, dict):
        raise ImportRefused([("$", "must be a JSON object")])
    if "format" not in document:
        raise ImportRefused([("$.format", "is required")])
    if document["format"] != FORMAT:
        raise ImportRefused([("$.format", f'must be "{FORMAT}" (this is not a journal file)')])
    if "version" not in document:
        raise ImportRefused([("$.version", "is required")])
    version = document["version"]
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise ImportRefused(
            [("$.version", "must be 1 or 2 (this program reads version 1 and 2 files)")]
        )
    if version == 1:
        _refuse_v2_keys(document)
    _check_counts(document)


def _refuse_v2_keys(document: dict[str, Any]) -> None:
    """A version 1 file knows nothing of what version 2 added: such keys are unknown in it."""
    errors = []
    for name, fields in ADDED_IN_V2.items():
        value = document.get(name)
        if not fields and name in document:
            errors.append((f"$.{name}", "is not a known field in a version 1 file"))
        elif fields and isinstance(value, list):
            for index, record in enumerate(value):
                for key in fields:
                    if isinstance(record, dict) and key in record:
                        path = f"$.{name}[{index}].{key}"
                        errors.append((path, "is not a known field in a version 1 file"))
    if errors:
        raise ImportRefused(errors)


def read_import_file(path: Path) -> bytes:
    """The bytes of an import file, refused (:class:`ImportRefused`) when it is not a regular
    file or larger than the limit; never blocks on a pipe, never reads a device."""
    try:
        return read_regular(path, MAX_IMPORT_BYTES)
    except FileNotFoundError:
        reason = "the file doesn't exist"
    except NotRegularFileError as error:
        reason = f"{short(str(path))} is {error.kind}, not a file"
    except FileTooLargeError:
        reason = f"the file is larger than {MAX_IMPORT_MIB} MiB, the most an import may be"
    except PermissionError:
        reason = "the file can't be read: you aren't allowed to read it"
    except OSError as error:
        reason = f"the file can't be read: {error.strerror or error}"
    raise ImportRefused([("$", reason)])


def parse_json(text: str | bytes, today: dt.date) -> JournalData:
    """Read a JSON interchange file into plain records; :class:`ImportRefused` when invalid.

    ``today`` is the person's local date: days, meetings, contacts and check-ins after it are
    refused. Days without ``entered_at`` keep ``None`` (the import stamps them)."""
    _check_size(text)
    if isinstance(text, bytes):
        raw = text.removeprefix(b"\xef\xbb\xbf")
        try:
            _precheck(raw.decode("utf-8"))  # the decoded copy lives only while it is checked
        except UnicodeDecodeError:
            raise ImportRefused([("$", "is not UTF-8 text")]) from None
    else:
        _precheck(text)
        raw = text.encode("utf-8", "surrogatepass")
    try:
        parsed = FileIn.model_validate_json(raw)
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


def _to_domain(f: Any) -> JournalData:
    settings = Settings(
        tracking_start=f.settings.tracking_start,
        sobriety_date=f.settings.sobriety_date,
        week_start=f.settings.week_start,
    )
    lists = {
        attribute: tuple(to_domain(RECORDS[attribute], item) for item in getattr(f, name))
        for attribute, name in LISTS.items()
    }
    return JournalData(settings=settings, **lists)


# -- export -----------------------------------------------------------------------------------


def _opt_iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _timed(date: dt.date, time: dt.time | None) -> tuple[dt.date, bool, dt.time]:
    return (date, time is not None, time or dt.time.min)


#: The order of each list in a file (equal keys keep their entry order); none for the call list.
_ORDER: dict[str, Callable[[Any], Any]] = {
    "days": lambda d: d.date,
    "sponsors": start_key,
    "meetings": lambda m: _timed(m.date, m.time),
    "contacts": lambda c: _timed(c.date, c.time),
    "checkins": lambda c: c.date,
    "journal_entries": lambda e: e.created_at,
    "anchor_events": lambda a: a.date,
    "person_entries": lambda e: e.date,
}


def export_document(data: JournalData, exported_at: dt.datetime) -> dict[str, Any]:
    """The JSON document as plain Python values (see :func:`export_json`)."""
    s = data.settings
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": format_timestamp(exported_at),
        "settings": {
            "tracking_start": _opt_iso(s.tracking_start),
            "sobriety_date": _opt_iso(s.sobriety_date),
            "week_start": WeekStart(s.week_start).value,
        },
    }
    for attribute, name in LISTS.items():
        records: Sequence[Any] = getattr(data, attribute)
        if attribute in _ORDER:
            records = sorted(records, key=_ORDER[attribute])
        document[name] = [from_domain(RECORDS[attribute], r) for r in records]
    return document


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
    return {name: len(getattr(data, attribute)) for attribute, name in LISTS.items()}


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
    sponsors = _new_keyed(repo.sponsors(), data.sponsors, "sponsors", "sponsor", errors)
    people = _new_keyed(repo.people(), data.people, "people", "person", errors)
    if errors:
        raise ImportRefused(errors)
    return replace(data, sponsors=tuple(sponsors), people=tuple(people))


def _new_keyed(
    stored: Iterable[Any], incoming: Iterable[Any], name: str, what: str, errors: list[Any]
) -> list[Any]:
    """The records of ``incoming`` whose key is new; one identical to a stored record is
    reused, a different one with a stored record's key is an error."""
    by_key = {s.key: s for s in stored}
    new = []
    for index, record in enumerate(incoming):
        same = by_key.get(record.key)
        if same is None:
            new.append(record)
        elif replace(same, id=None) != replace(record, id=None):
            errors.append(
                (
                    f"$.{name}[{index}].id",
                    f'a different {what} with the id "{short(record.key)}" is already in this '
                    "journal",
                )
            )
    return new

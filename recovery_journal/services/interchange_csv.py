"""Export a journal as a folder of CSV files with a codebook, for spreadsheets and statistics.

One CSV per record type (the same fields and order as the JSON interchange format, see
``docs/interchange.md``) plus ``settings.csv`` and ``codebook.md``, which describes every column.
The columns and their descriptions come from the schema (``storage.schema``), like the JSON
format's: a field added to a record kind appears here with nothing written for it.
The folder is made private (0700) and every file is created 0600. CSV export is one-way: use the
JSON format to move a journal between installations.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from enum import StrEnum
from pathlib import Path
from typing import Any

from recovery_journal.domain.models import JournalData, Settings, Theme, WeekStart
from recovery_journal.services.interchange_json import export_document
from recovery_journal.services.interchange_records import LISTS
from recovery_journal.storage.schema import RECORDS, FieldSpec

LIST_SEPARATOR = ";"
FILE_MODE = 0o600
FOLDER_MODE = 0o700


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str
    values: str
    meaning: str
    path: tuple[str, ...] = ()  # where the value is in a record of the JSON export


def _one_of(enum: type[StrEnum]) -> str:
    return ", ".join(f"`{m.value}`" for m in enum)


def _describe(field: FieldSpec) -> tuple[str, str]:
    """The codebook's type and allowed values of one field, from its schema description."""
    kind = field.value
    if field.many:
        items = _one_of(kind) if issubclass(kind, StrEnum) else "text items"
        lead = "zero or more of " if issubclass(kind, StrEnum) else ""
        return "list", f"{lead}{items}, separated by `{LIST_SEPARATOR}`"
    if issubclass(kind, StrEnum):
        kind_name, values = "category", _one_of(kind)
    elif kind is bool:
        kind_name, values = "boolean", "`true` or `false`"
    elif kind is dt.datetime:
        kind_name, values = "date-time", "ISO 8601 in UTC, e.g. 2025-01-31T20:15:00Z"
    elif kind is dt.date:
        kind_name, values = "date", "YYYY-MM-DD"
    elif kind is dt.time:
        kind_name, values = "time", "HH:MM (24-hour local time)"
    elif kind is int:
        kind_name, values = "integer", f"{field.ge}–{field.le}"
    elif field.refers_to is not None:
        kind_name, values = "text", f"an `id` of {LISTS[field.refers_to]}.csv"
    elif field.unique:
        kind_name, values = "text", "unique, not empty"
    elif field.min_length:
        kind_name, values = "text", "not empty"
    elif field.optional:
        kind_name, values = "text", "free text"
    else:
        kind_name, values = "text", "free text (may be empty)"
    if field.max_length is not None:
        values += f", at most {field.max_length} characters"
    if field.optional:
        values += ", or empty"
    return kind_name, values


def _columns(attribute: str) -> list[Column]:
    columns = []
    for field in RECORDS[attribute].fields:
        kind, values = _describe(field)
        columns.append(Column(field.path[-1], kind, values, field.description, field.path))
    return columns


#: Every file: its description and its columns (one per field of the JSON format, nested
#: objects flattened), then the settings.
FILES: dict[str, tuple[str, list[Column]]] = {
    f"{name}.csv": (RECORDS[attribute].about, _columns(attribute))
    for attribute, name in LISTS.items()
}
FILES["settings.csv"] = (
    "The journal's settings, one per row.",
    [
        Column("setting", "text", "a setting name, listed below", "Which setting."),
        Column("value", "text", "as described below", "Its value; empty when not set."),
    ],
)

SETTING_NOTES: dict[str, str] = {
    "tracking_start": "date: the first day counted in every figure (empty: the earliest record)",
    "sobriety_date": "date: the sobriety date I declared",
    "week_start": f"{_one_of(WeekStart)}: the first day of a week",
    "unknown_breaks_runs": "`true`/`false`: whether unrecorded days end a run",
    "contact_gap_days": "integer: days without sponsor contact before a gentle notice",
    "personal_rule_use_days": "integer: my own rule, days of use …",
    "personal_rule_window_days": "integer: … within this many days",
    "autolock_minutes": "integer: minutes before the journal locks itself",
    "backups_kept": "integer: encrypted backups kept",
    "theme": f"{_one_of(Theme)}",
    "country": "text: country code for the helpline table",
    "emergency_number": "text: my emergency number",
    "fellowships": f"list separated by `{LIST_SEPARATOR}`: fellowships I go to",
    "last_review": "date: the last review with my sponsor",
    "talking_points": "text: things to bring up at the next review",
}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(_cell(v) for v in value)
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _at(record: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = record
    for part in path:
        value = value[part]
    return value


def _open_private(path: Path) -> Any:
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
        return os.fdopen(fd, "w", encoding="utf-8", newline="")
    except BaseException:
        os.close(fd)
        raise


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    with _open_private(path) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _settings_rows(settings: Settings) -> list[list[str]]:
    return [[f.name, _cell(getattr(settings, f.name))] for f in fields(Settings)]


def codebook_markdown() -> str:
    lines = [
        "# Recovery Journal — CSV codebook",
        "",
        "Files are UTF-8, comma-separated, with a header row. An empty cell means *not recorded*.",
        f"Lists are joined with `{LIST_SEPARATOR}`. Dates are YYYY-MM-DD; times are local;",
        "date-times are in UTC. Rows are in date order, then time, then the order entered.",
        "This export is for reading and analysis; to move a journal, use the JSON export.",
        "",
    ]
    for name, (about, columns) in FILES.items():
        lines += [f"## {name}", "", about, "", "| column | type | values | meaning |"]
        lines.append("|---|---|---|---|")
        lines += [f"| `{c.name}` | {c.type} | {c.values} | {c.meaning} |" for c in columns]
        lines.append("")
        if name == "settings.csv":
            lines += ["| setting | value |", "|---|---|"]
            lines += [f"| `{key}` | {text} |" for key, text in SETTING_NOTES.items()]
            lines.append("")
    return "\n".join(lines)


def export_csv(data: JournalData, folder: Path) -> list[Path]:
    """Write the CSV files and ``codebook.md`` into ``folder`` (made 0700 if needed).

    Existing files of the same names are overwritten; other files are left alone. Returns the
    paths written."""
    folder = Path(folder)
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    folder.chmod(FOLDER_MODE)
    document = export_document(data, dt.datetime.now(dt.UTC))
    written: list[Path] = []
    for name, (_about, columns) in FILES.items():
        header = [c.name for c in columns]
        path = folder / name
        if name == "settings.csv":
            rows: list[list[str]] = _settings_rows(data.settings)
        else:
            records = document[name.removesuffix(".csv")]
            rows = [[_cell(_at(r, c.path)) for c in columns] for r in records]
        _write_csv(path, header, rows)
        written.append(path)
    codebook = folder / "codebook.md"
    with _open_private(codebook) as handle:
        handle.write(codebook_markdown())
    written.append(codebook)
    return written

"""Export a journal as a folder of CSV files with a codebook, for spreadsheets and statistics.

One CSV per record type (the same fields and order as the JSON interchange format, see
``docs/interchange.md``) plus ``settings.csv`` and ``codebook.md``, which describes every column.
The columns and their descriptions come from the schema (``storage.schema``), like the JSON
format's: a field added to a record kind appears here with nothing written for it.
The folder is made private (0700) and every file is written 0600, through a temporary file that
replaces it in one step. CSV export is one-way: use the JSON format to move a journal between
installations.

A cell a spreadsheet would run as a formula (text starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return) gets a leading apostrophe, as OWASP advises against CSV injection:
a note such as ``=HYPERLINK(...)`` then shows as text instead of running. The codebook says so.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import Any

from recovery_journal.domain.models import JournalData, Settings, Theme, WeekStart
from recovery_journal.services.files import write_private_file
from recovery_journal.services.interchange_json import export_document
from recovery_journal.services.interchange_records import LISTS
from recovery_journal.storage.schema import RECORDS, FieldSpec
from recovery_journal.vault.atomic import TEMP_MARKER, ensure_private_dir

LIST_SEPARATOR = ";"
FILE_MODE = 0o600
FOLDER_MODE = 0o700
#: What a spreadsheet may run as a formula when a cell starts with it (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
        if field.item_max_length is not None:
            items += f" of at most {field.item_max_length:,} characters"
        lead = "zero or more of " if issubclass(kind, StrEnum) else ""
        values = f"{lead}{items}, separated by `{LIST_SEPARATOR}`"
        if field.max_length is not None:
            values += f", at most {field.max_length:,} items"
        return "list", values
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
        values += f", at most {field.max_length:,} characters"
    if field.optional:
        values += ", or empty"
    return kind_name, values


def _columns(attribute: str) -> list[Column]:
    columns = []
    for spec in RECORDS[attribute].fields:
        kind, values = _describe(spec)
        columns.append(Column(spec.path[-1], kind, values, spec.description, spec.path))
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
    "declined_meeting_offers": f"list separated by `{LIST_SEPARATOR}`: regular meetings I "
    "said I didn't go to, as `date/regular meeting`",
}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(_text(v) for v in value)
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def neutralise(text: str) -> str:
    """``text`` as a spreadsheet shows it but never runs it: a leading apostrophe before a
    cell that starts like a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(value: Any) -> str:
    return neutralise(_text(value))


def _at(record: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = record
    for part in path:
        value = value[part]
    return value


def _csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    # RFC 4180 line ends: with CR LF as the terminator, a field holding a lone CR is quoted too
    # (with "\n" alone Python's writer leaves it bare, and readers split the row there).
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _settings_rows(settings: Settings) -> list[list[str]]:
    return [[f.name, _cell(getattr(settings, f.name))] for f in fields(Settings)]


def codebook_markdown() -> str:
    lines = [
        "# Recovery Journal — CSV codebook",
        "",
        "Files are UTF-8, comma-separated, with a header row and CR LF line ends (RFC 4180).",
        "An empty cell means *not recorded*.",
        f"Lists are joined with `{LIST_SEPARATOR}`. Dates are YYYY-MM-DD; times are local;",
        "date-times are in UTC. Rows are in date order, then time, then the order entered.",
        "This export is for reading and analysis; to move a journal, use the JSON export.",
        "",
        "A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written",
        "with an apostrophe (`'`) in front, so a spreadsheet shows it as text instead of",
        "running it as a formula (CSV injection, as OWASP describes it). Remove that one",
        "apostrophe to get the exact text; the JSON export always keeps text exactly.",
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


def _leftover_names() -> re.Pattern[str]:
    names = "|".join(re.escape(name) for name in [*FILES, "codebook.md"])
    return re.compile(rf"\.(?:{names}){re.escape(TEMP_MARKER)}[0-9a-f]{{16}}")


def holds_files(folder: Path) -> bool:
    """True when ``folder`` has anything in it but the temporary files an earlier, killed
    export left (those are removed when the export is written again)."""
    leftover = _leftover_names()
    return any(not leftover.fullmatch(entry.name) for entry in Path(folder).iterdir())


@dataclass
class CsvExport:
    """What :func:`export_csv` wrote; ``durable`` is False when a file is in place but its
    folder could not be synced."""

    paths: list[Path] = field(default_factory=list)
    durable: bool = True

    def add(self, path: Path, data: bytes) -> None:
        self.durable &= write_private_file(path, data)
        self.paths.append(path)


def export_csv(data: JournalData, folder: Path) -> CsvExport:
    """Write the CSV files and ``codebook.md`` into ``folder`` (made 0700 if needed).

    Existing files of the same names are replaced; other files are left alone."""
    folder = Path(folder)
    ensure_private_dir(folder)
    folder.chmod(FOLDER_MODE)
    document = export_document(data, dt.datetime.now(dt.UTC))
    written = CsvExport()
    for name, (_about, columns) in FILES.items():
        header = [c.name for c in columns]
        if name == "settings.csv":
            rows: list[list[str]] = _settings_rows(data.settings)
        else:
            records = document[name.removesuffix(".csv")]
            rows = [[_cell(_at(r, c.path)) for c in columns] for r in records]
        written.add(folder / name, _csv_bytes(header, rows))
    written.add(folder / "codebook.md", codebook_markdown().encode("utf-8"))
    return written

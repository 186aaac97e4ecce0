"""Export a journal as a folder of CSV files with a codebook, for spreadsheets and statistics.

One CSV per record type (the same fields and order as the JSON interchange format, see
``docs/interchange.md``) plus ``settings.csv`` and ``codebook.md``, which describes every column.
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

from recovery_journal.domain.models import (
    ALLIANCE_ITEMS,
    Activity,
    ContactMode,
    DayStatus,
    Fellowship,
    Initiator,
    JournalData,
    MeetingFormat,
    ServiceRole,
    Settings,
    Theme,
    Topic,
    WeekStart,
)
from recovery_journal.services.files import write_private_file
from recovery_journal.services.interchange_json import export_document
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


def _one_of(enum: type[StrEnum]) -> str:
    return ", ".join(f"`{m.value}`" for m in enum)


def _list_of(enum: type[StrEnum]) -> str:
    return f"zero or more of {_one_of(enum)}, separated by `{LIST_SEPARATOR}`"


_DATE = ("date", "YYYY-MM-DD")
_OPT_DATE = ("date", "YYYY-MM-DD, or empty")
_TIME = ("time", "HH:MM (24-hour local time), or empty")
_TS = ("date-time", "ISO 8601 in UTC, e.g. 2025-01-31T20:15:00Z")
_BOOL = ("boolean", "`true` or `false`")
_TEXT = ("text", "free text (may be empty)")


def _int(low: int, high: int) -> tuple[str, str]:
    return ("integer", f"{low}–{high}, or empty when not recorded")


ANSWER_TEXT = (
    "0 = Not at all true, 1 = A little true, 2 = Somewhat true, 3 = Mostly true, "
    "4 = Completely true; empty when not answered"
)
ITEM_STATEMENTS = {
    "B1": "I feel my sponsor genuinely cares how I am doing.",
    "B2": "I can be honest with my sponsor, even about things I am ashamed of.",
    "R1": "My sponsor and I take each other's views seriously.",
    "R2": "I sometimes feel judged or talked down to by my sponsor. (reversed when scored)",
    "G1": "My sponsor and I agree on what I am working toward in recovery right now.",
    "G2": "My sponsor understands what matters most to me in my recovery.",
    "T1": "I am clear about what my sponsor and I are working on together.",
    "T2": "The things my sponsor suggests feel useful for my recovery.",
}


def _col(name: str, kind: tuple[str, str], meaning: str) -> Column:
    return Column(name, kind[0], kind[1], meaning)


FILES: dict[str, tuple[str, list[Column]]] = {
    "days.csv": (
        "One row per recorded day. A day with no row is not recorded (unknown).",
        [
            _col("date", _DATE, "The day."),
            Column("status", "category", _one_of(DayStatus), "Whether there was use that day."),
            Column(
                "substances",
                "list",
                f"text items separated by `{LIST_SEPARATOR}`",
                "What was used.",
            ),
            _col("craving", _int(0, 10), "How strong were urges to use today? 0 = none."),
            _col(
                "confidence", _int(0, 10), "How confident I was that I would stay abstinent today."
            ),
            _col("mood", _int(1, 5), "Mood, 1 = very low, 5 = very good."),
            Column("activities", "list", _list_of(Activity), "Recovery activities done that day."),
            _col("step", _int(1, 12), "The step worked on, with step work."),
            _col("note", _TEXT, "The day's note."),
            _col("amount", _TEXT, 'How much was used, in my own words (e.g. "3 drinks").'),
            Column("entered_at", _TS[0], _TS[1] + ", or empty", "When the day was first recorded."),
        ],
    ),
    "sponsors.csv": (
        "Sponsors, past and present.",
        [
            _col("id", ("text", "a short id, unique"), "Names the sponsor in other files."),
            _col("name", ("text", "not empty"), "Name or nickname."),
            _col("started_on", _DATE, "When the sponsorship started."),
            _col("ended_on", _OPT_DATE, "When it ended; empty while it goes on."),
        ],
    ),
    "meetings.csv": (
        "One row per meeting attended.",
        [
            _col("date", _DATE, "The day of the meeting."),
            _col("time", _TIME, "Start time."),
            Column("fellowship", "category", _one_of(Fellowship), "The fellowship."),
            _col("fellowship_label", ("text", "set when fellowship is `other`"), "Its name."),
            _col("name", _TEXT, "The meeting's name."),
            Column("format", "category", _one_of(MeetingFormat), "How I attended."),
            _col("duration_min", _int(0, 1440), "Length in minutes."),
            _col("home_group", _BOOL, "My home group."),
            _col("shared", _BOOL, "I shared or spoke."),
            Column("service_role", "category", _one_of(ServiceRole), "Service done."),
            _col("talked_with_members", _BOOL, "Talked with members before or after."),
            _col("helpfulness", _int(0, 10), "How helpful it felt."),
            _col("notes", _TEXT, "Notes."),
        ],
    ),
    "sponsor_contacts.csv": (
        "One row per contact with a sponsor. Only two-way contacts count in the statistics.",
        [
            _col("date", _DATE, "The day of the contact."),
            _col("time", _TIME, "Time of the contact."),
            _col("sponsor_id", ("text", "an id of sponsors.csv, or empty"), "Which sponsor."),
            Column("mode", "category", _one_of(ContactMode), "How we were in touch."),
            Column("initiated_by", "category", _one_of(Initiator), "Who reached out."),
            _col("two_way", _BOOL, "A real exchange (a text with no answer is one-way)."),
            _col("duration_min", _int(0, 1440), "Length in minutes."),
            Column("topics", "list", _list_of(Topic), "What we talked about."),
            _col("notes", _TEXT, "Notes."),
        ],
    ),
    "alliance_checkins.csv": (
        "Sponsor relationship check-ins (the product's own items, not a validated instrument).",
        [
            _col("date", _DATE, "The day of the check-in."),
            _col("sponsor_id", ("text", "an id of sponsors.csv, or empty"), "Which sponsor."),
            *[
                Column(item, "integer", ANSWER_TEXT, ITEM_STATEMENTS[item])
                for item in ALLIANCE_ITEMS
            ],
            _col("note", _TEXT, "Note."),
        ],
    ),
    "journal_entries.csv": (
        "Free journal entries.",
        [
            _col("created_at", _TS, "When the entry was written."),
            _col("title", _TEXT, "Title."),
            _col("body", _TEXT, "The text."),
            Column("tags", "list", f"text items separated by `{LIST_SEPARATOR}`", "Tags."),
            _col("date", _OPT_DATE, "The day the entry is about, if any."),
        ],
    ),
    "anchor_events.csv": (
        "Personal memory anchors that help fill in past days.",
        [_col("date", _DATE, "The day."), _col("label", ("text", "not empty"), "What happened.")],
    ),
    "call_list.csv": (
        "People to call when it is hard.",
        [
            _col("name", ("text", "not empty"), "Name."),
            _col("role", _TEXT, "Who they are to me (sponsor, friend, helpline…)."),
            _col("phone", _TEXT, "Phone number."),
        ],
    ),
    "settings.csv": (
        "The journal's settings, one per row.",
        [
            _col("setting", ("text", "a setting name, listed below"), "Which setting."),
            _col("value", ("text", "as described below"), "Its value; empty when not set."),
        ],
    ),
}

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

_SOURCES = {
    "days.csv": "days",
    "sponsors.csv": "sponsors",
    "meetings.csv": "meetings",
    "sponsor_contacts.csv": "sponsor_contacts",
    "alliance_checkins.csv": "alliance_checkins",
    "journal_entries.csv": "journal_entries",
    "anchor_events.csv": "anchor_events",
    "call_list.csv": "call_list",
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


def _flatten(record: dict[str, Any]) -> dict[str, Any]:
    answers = record.pop("answers", None)
    if answers is not None:
        note = record.pop("note")
        record.update(answers)
        record["note"] = note
    return record


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
            records = [_flatten(dict(r)) for r in document[_SOURCES[name]]]
            rows = [[_cell(r[column]) for column in header] for r in records]
        written.add(folder / name, _csv_bytes(header, rows))
    written.add(folder / "codebook.md", codebook_markdown().encode("utf-8"))
    return written

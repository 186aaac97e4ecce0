"""Review files: a review made for one sponsor, encrypted to their sponsor key.

The person chooses a period and the parts to share (``domain.review_share``); the file carries
the records that rebuild that review (the JSON interchange format, ``docs/interchange.md``),
the name they chose, the period and when it was made, as JSON inside the encrypted envelope of
``vault/review_file.py`` (``docs/review-file-format.md``). The sponsor's app parses it with
the same strict interchange parser and recomputes every figure with the same domain code;
nothing from it enters the sponsor's own journal. Opened files are kept as they came, still
encrypted, in a folder beside the sponsor key (:class:`KeptReviews`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from recovery_journal.domain.models import LONG_TEXT_MAX, JournalData
from recovery_journal.domain.review_share import (
    NAME_MAX,
    Recipient,
    SharedParts,
    name_problem,
    recipients,
    shared_records,
)
from recovery_journal.services.files import check_target, write_private_file
from recovery_journal.services.interchange_json import (
    ImportRefused,
    export_document,
    json_path,
    parse_json,
)
from recovery_journal.services.interchange_records import Date, Timestamp, format_timestamp
from recovery_journal.services.sponsor_key import SponsorKey
from recovery_journal.vault import sponsor_code
from recovery_journal.vault.atomic import ensure_private_dir, explain_os_error
from recovery_journal.vault.errors import SaveError, VaultError
from recovery_journal.vault.reading import is_regular_file
from recovery_journal.vault.review_file import (
    check_recipient,
    open_sealed,
    parse_review_file,
    read_review_file,
    seal,
)
from recovery_journal.vault.sharing_errors import (
    ReviewFileDamagedError,
    ReviewFileVersionError,
    SponsorCodeError,
)

FORMAT = "recovery-journal-review"
VERSION = 1
SUFFIX = ".rjreview"
TEXT_MAX = 1000


@dataclass(frozen=True, slots=True)
class ReviewRequest:
    """What the person chose: the name on the file, the period (as the review shows it) and
    the parts to share."""

    name: str
    start: dt.date
    end: dt.date
    kind: str
    label: str
    note: str = ""
    parts: SharedParts = field(default_factory=SharedParts)
    talking_points: bool = True


@dataclass(frozen=True, slots=True)
class ReceivedReview:
    """A review file opened with the sponsor key: who made it, when, for which period, and
    the records to rebuild it from (never merged into any journal)."""

    file_id: str
    name: str
    made_at: dt.datetime
    start: dt.date
    end: dt.date
    kind: str
    label: str
    note: str
    parts: SharedParts
    talking_points: bool
    data: JournalData


# -- the content ----------------------------------------------------------------------------------


class _Period(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    start: Date
    end: Date
    kind: str = Field(max_length=40)
    label: str = Field(min_length=1, max_length=TEXT_MAX)
    note: str = Field(default="", max_length=TEXT_MAX)


class _Parts(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    meetings: bool
    contacts: bool
    checkins: bool
    notes: bool
    talking_points: bool


class _Envelope(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    format: str
    version: int
    made_at: Timestamp
    name: str = Field(min_length=1, max_length=NAME_MAX)
    period: _Period
    parts: _Parts
    talking_points: str = Field(default="", max_length=LONG_TEXT_MAX)
    journal: dict[str, Any]


def review_document(data: JournalData, request: ReviewRequest, made_at: dt.datetime) -> bytes:
    """The JSON inside a review file (UTF-8)."""
    subset = shared_records(data, request.start, request.end, request.parts)
    points = data.settings.talking_points if request.talking_points else ""
    subset = replace(subset, settings=replace(subset.settings, talking_points=points))
    journal = export_document(subset, made_at)
    parts = request.parts
    document = {
        "format": FORMAT,
        "version": VERSION,
        "made_at": format_timestamp(made_at),
        "name": request.name.strip(),
        "period": {
            "start": request.start.isoformat(),
            "end": request.end.isoformat(),
            "kind": request.kind,
            "label": request.label,
            "note": request.note,
        },
        "parts": {
            "meetings": parts.meetings,
            "contacts": parts.contacts,
            "checkins": parts.checkins,
            "notes": parts.notes,
            "talking_points": bool(points),
        },
        "talking_points": points,
        "journal": journal,
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _refused(reason: str) -> ReviewFileDamagedError:
    return ReviewFileDamagedError(f"Its contents can't be read ({reason}).")


def parse_review_document(content: bytes, file_id: str) -> ReceivedReview:
    """Check and read the JSON of a review file (already authenticated: a problem here means
    a file made by something other than this app, or a newer one)."""
    try:
        head = json.loads(content)
    except (ValueError, RecursionError):
        raise _refused("not JSON") from None
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        raise _refused("not a review")
    version = head.get("version")
    if type(version) is int and version > VERSION:
        raise ReviewFileVersionError(f"(Its contents are version {version}; this app reads 1.)")
    try:
        envelope = _Envelope.model_validate(head)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        raise _refused(f"{json_path(first['loc'])}: {first['msg'].lower()}") from None
    if envelope.version != VERSION:
        raise _refused("an unknown version")
    period = envelope.period
    made_on = envelope.made_at.date() + dt.timedelta(days=1)  # any time zone of the maker
    if period.start > period.end or period.end > made_on or name_problem(envelope.name):
        raise _refused("its period or name is impossible")
    try:
        data = parse_json(json.dumps(envelope.journal), made_on)
    except ImportRefused as error:
        path, reason = error.errors[0]
        raise _refused(f"$.journal{path[1:]}: {reason}") from None
    points = envelope.talking_points
    data = replace(data, settings=replace(data.settings, talking_points=points))
    parts = envelope.parts
    return ReceivedReview(
        file_id=file_id,
        name=envelope.name.strip(),
        made_at=envelope.made_at,
        start=period.start,
        end=period.end,
        kind=period.kind,
        label=period.label,
        note=period.note,
        parts=SharedParts(parts.meetings, parts.contacts, parts.checkins, parts.notes),
        talking_points=parts.talking_points,
        data=data,
    )


# -- making one -----------------------------------------------------------------------------------


def recipient_for(text: str, settings_recipients: list[Recipient]) -> tuple[str, bytes]:
    """``(name, public key)`` for a kept sponsor's name or a typed code."""
    wanted = text.strip().casefold()
    for recipient in settings_recipients:
        if recipient.name.casefold() == wanted:
            return recipient.name, sponsor_code.decode(recipient.code)
    public_key = sponsor_code.decode(text)
    check_recipient(public_key)
    return "", public_key


def make_review_file(
    data: JournalData,
    request: ReviewRequest,
    public_key: bytes,
    target: Path,
    journal: Path | None,
    made_at: dt.datetime,
) -> bool:
    """Write the review file for ``public_key`` at ``target`` (never over the journal, its
    backups or any journal or key file; atomically, mode 0600). Returns False when the file
    is in place but its folder could not be synced."""
    problem = name_problem(request.name)
    if problem is not None:
        raise SponsorCodeError(problem)
    check_target(Path(target), journal)
    blob = seal(review_document(data, request, made_at), public_key)
    return write_private_file(Path(target), blob)


def default_file_name(made_on: dt.date) -> str:
    """A name that says nothing about recovery, for a file that may travel by e-mail."""
    return f"review-{made_on.isoformat()}{SUFFIX}"


# -- the people a person makes review files for (kept in the journal's settings) ------------------


def add_recipient(session: Any, name: str, code: str) -> Recipient:
    """Keep ``code`` (checked) under ``name`` in the journal, replacing one of the same name."""
    problem = name_problem(name)
    if problem is not None:
        raise SponsorCodeError(problem)
    public_key = sponsor_code.decode(code)
    check_recipient(public_key)
    recipient = Recipient(name.strip(), sponsor_code.encode(public_key))
    kept = [r for r in recipients(session.settings()) if r.name.casefold() != name.casefold()]
    entries = tuple(r.entry() for r in [*kept, recipient])
    session.update_settings(review_recipients=entries)
    return recipient


def remove_recipient(session: Any, name: str) -> None:
    kept = [r for r in recipients(session.settings()) if r.name != name]
    session.update_settings(review_recipients=tuple(r.entry() for r in kept))


# -- opening and keeping received files -----------------------------------------------------------


def check_review_file(path: Path) -> None:
    """Refuse what can't be a review file (missing, a pipe, too large, not ours, a newer
    version, cut short) before a passphrase is asked for."""
    parse_review_file(read_review_file(Path(path)))


def read_review(blob: bytes, key: SponsorKey) -> ReceivedReview:
    header, content = open_sealed(blob, key.pair)
    return parse_review_document(content, header.file_id.hex())


def open_review_file(path: Path, key: SponsorKey) -> tuple[ReceivedReview, bytes]:
    """The review in the file at ``path`` and the file's bytes (bounded read)."""
    blob = read_review_file(Path(path))
    return read_review(blob, key), blob


class KeptReviews:
    """Review files the sponsor opened, kept as they came (still encrypted) in one folder;
    each is named after its file id, so opening one twice keeps it once."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path_for(self, file_id: str) -> Path:
        return self.folder / f"{file_id}{SUFFIX}"

    def keep(self, blob: bytes) -> Path:
        header, _, _ = parse_review_file(blob)
        try:
            ensure_private_dir(self.folder)
        except OSError as error:
            raise SaveError(explain_os_error(error)) from error
        path = self.path_for(header.file_id.hex())
        write_private_file(path, blob)
        return path

    def files(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if p.suffix == SUFFIX and is_regular_file(p))

    def open_all(self, key: SponsorKey) -> tuple[list[ReceivedReview], list[tuple[Path, str]]]:
        """Every kept review, and the files that could not be opened with their reason."""
        opened, failed = [], []
        for path in self.files():
            try:
                opened.append(open_review_file(path, key)[0])
            except (VaultError, OSError) as error:
                failed.append((path, str(error)))
        return opened, failed

    def remove(self, file_ids: list[str]) -> dict[str, bytes]:
        """Delete the kept files; returns their bytes (still encrypted) for an undo."""
        removed: dict[str, bytes] = {}
        for file_id in file_ids:
            path = self.path_for(file_id)
            with contextlib.suppress(OSError):
                removed[file_id] = read_review_file(path)
                path.unlink()
        return removed

    def restore(self, removed: dict[str, bytes]) -> None:
        for blob in removed.values():
            self.keep(blob)


def latest_by_person(reviews: list[ReceivedReview]) -> list[ReceivedReview]:
    """Each person's latest review (by when it was made), in name order."""
    latest: dict[str, ReceivedReview] = {}
    for review in reviews:
        key = review.name.casefold()
        if key not in latest or review.made_at > latest[key].made_at:
            latest[key] = review
    return sorted(latest.values(), key=lambda r: r.name.casefold())

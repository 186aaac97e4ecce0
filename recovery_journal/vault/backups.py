"""Rotating encrypted backups in ``backups/`` beside the vault.

A backup is a byte-for-byte copy of the encrypted vault file as it was before a save replaced
it. Regular backups are taken at most once an hour and the newest ``keep`` are kept; backups
taken before a migration or a replacing import carry a reason in their name and are kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path

from recovery_journal.vault.atomic import TEMP_MARKER, atomic_write, ensure_private_dir
from recovery_journal.vault.reading import is_regular_file

BACKUP_DIR = "backups"
SUFFIX = ".rjvault"
DEFAULT_KEEP = 10
MIN_INTERVAL = dt.timedelta(hours=1)
_STAMP = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{12}Z)(?:-(?P<reason>[a-z-]+))?\.rjvault$")


def backup_dir(vault_path: Path) -> Path:
    return vault_path.parent / BACKUP_DIR


def _parse(path: Path, stem: str) -> tuple[dt.datetime, str | None] | None:
    """The time and reason of a backup of the vault named ``stem``, or None for other files
    (including backups of another journal whose name merely starts the same way)."""
    match = _NAME.match(path.name)
    if match is None or match["stem"] != stem:
        return None
    try:
        stamp = dt.datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=dt.UTC)
    except ValueError:
        return None
    return stamp, match["reason"]


def list_backups(vault_path: Path, *, regular_only: bool = False) -> list[Path]:
    """Backups of this vault, oldest first. Only regular files count: a pipe, a device, a
    folder or a symbolic link with a backup's name is left alone (reading it could hang)."""
    folder = backup_dir(vault_path)
    try:
        entries = list(folder.iterdir()) if folder.is_dir() else []
    except OSError:  # a backups folder that can't be read holds no usable backup
        return []
    found: list[tuple[dt.datetime, Path]] = []
    for entry in entries:
        parsed = _parse(entry, vault_path.stem)
        if parsed is None or not is_regular_file(entry):
            continue
        if regular_only and parsed[1] is not None:
            continue
        found.append((parsed[0], entry))
    return [path for _, path in sorted(found)]


def newest_backup(vault_path: Path) -> Path | None:
    backups = list_backups(vault_path)
    return backups[-1] if backups else None


def write_backup(
    vault_path: Path, data: bytes, now: dt.datetime, reason: str | None = None
) -> Path:
    folder = backup_dir(vault_path)
    ensure_private_dir(folder)
    name = f"{vault_path.stem}-{now.astimezone(dt.UTC).strftime(_STAMP)}"
    target = folder / (name + (f"-{reason}" if reason else "") + SUFFIX)
    atomic_write(target, data)
    return target


def backup_due(vault_path: Path, now: dt.datetime) -> bool:
    regular = list_backups(vault_path, regular_only=True)
    if not regular:
        return True
    parsed = _parse(regular[-1], vault_path.stem)
    return parsed is None or now - parsed[0] >= MIN_INTERVAL or now < parsed[0]


def prune(vault_path: Path, keep: int, *, just_written: Path | None = None) -> None:
    """Delete the oldest regular backups beyond ``keep`` (never the one just written, even
    when a clock that once ran ahead makes it sort as the oldest)."""
    regular = [p for p in list_backups(vault_path, regular_only=True) if p != just_written]
    keep_others = keep - 1 if just_written is not None else keep
    for old in regular[: max(len(regular) - keep_others, 0)]:
        with contextlib.suppress(OSError):
            old.unlink()


def remove_leftovers(vault_path: Path) -> None:
    """Delete temporary files a crashed backup left (call while holding the vault's lock)."""
    folder = backup_dir(vault_path)
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        name, marker, _ = entry.name.partition(TEMP_MARKER)
        if marker and name.startswith(".") and _parse(Path(name[1:]), vault_path.stem):
            with contextlib.suppress(OSError):
                entry.unlink()

"""Atomic, durable file replacement: temp file (0600) → fsync → rename → fsync the folder."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path

from recovery_journal.vault import platform
from recovery_journal.vault.errors import SaveError
from recovery_journal.vault.reading import is_regular_file

TEMP_MARKER = ".tmp-"

#: Test seam: called with the name of each completed step of a save
#: ("created", "written", "synced", "replaced", "dir_synced").
after_step: Callable[[str], None] | None = None


def _step(name: str) -> None:
    if after_step is not None:
        after_step(name)


def temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}{TEMP_MARKER}{secrets.token_hex(8)}")


def explain_os_error(error: OSError, *, reading: bool = False) -> str:
    """The reason in plain words; ``reading`` when the error came from reading a file."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "The disk is full. Free some space and try again."
    if error.errno in (errno.EACCES, errno.EPERM):
        if reading:
            return "The app isn't allowed to read that file."
        return "The app isn't allowed to write in that folder."
    if error.errno == errno.EROFS:
        return "That disk is read-only."
    return f"The system reported: {error.strerror or error}."


def fsync_directory(folder: Path) -> None:
    platform.sync_directory(folder)


def atomic_write(target: Path, data: bytes, *, mode: int = 0o600) -> bool:
    """Replace ``target`` with ``data`` so that a crash leaves either the old or the new file.

    The new file gets ``mode`` (at most 0600; the umask may tighten it further).

    On any failure before the rename the temporary file is removed, ``target`` is untouched
    and SaveError says why. Once the rename has happened the new file *is* in place, so a
    failing fsync of the folder (some network and FUSE filesystems refuse it) is not an
    error: the function returns False ("in place, durability not confirmed") instead of True.
    """
    tmp = temp_name(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd: int | None = None
    try:
        fd = os.open(tmp, flags, mode & 0o600)
        _step("created")
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        _step("written")
        platform.sync_file(fd)
        _step("synced")
        os.close(fd)
        fd = None
        platform.replace_file(tmp, target)
        _step("replaced")
    except OSError as error:
        _discard(fd, tmp)
        raise SaveError(explain_os_error(error)) from error
    except BaseException:
        _discard(fd, tmp)
        raise
    try:
        fsync_directory(target.parent)
    except OSError:
        return False
    _step("dir_synced")
    return True


def _discard(fd: int | None, tmp: Path) -> None:
    if fd is not None:
        with contextlib.suppress(OSError):
            os.close(fd)
    with contextlib.suppress(OSError):
        tmp.unlink()


def remove_leftovers(target: Path) -> list[Path]:
    """Delete temp files a killed write left beside ``target`` (for the vault: call while
    holding the lock). Only regular files named exactly as :func:`temp_name` names them."""
    removed = []
    name = re.compile(re.escape(f".{target.name}{TEMP_MARKER}") + r"[0-9a-f]{16}")
    with contextlib.suppress(OSError):
        for entry in target.parent.iterdir():
            if name.fullmatch(entry.name) and is_regular_file(entry):
                with contextlib.suppress(OSError):
                    entry.unlink()
                    removed.append(entry)
    return removed


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` and any missing parents readable by this user only (0700, whatever
    the umask); folders that already exist are left as they are."""
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        with contextlib.suppress(FileExistsError):
            candidate.mkdir(mode=0o700)
            platform.restrict_to_owner(candidate, folder=True)
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)  # raises the reason

"""The journal file on disk: what the path must name, how it is read (bounded, regular files
only), which mode a rewrite keeps, and what the file looked like when last read or written."""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import os
import stat
from pathlib import Path

from recovery_journal.vault import format as fmt
from recovery_journal.vault.atomic import explain_os_error
from recovery_journal.vault.errors import (
    CorruptHeaderError,
    JournalTooLargeError,
    NotAFileError,
    VaultAccessError,
    VaultMissingError,
)
from recovery_journal.vault.format import MAX_HEADER_BODY, PREFIX, TAG_LEN
from recovery_journal.vault.reading import (
    FileTooLargeError,
    NotRegularFileError,
    check_regular,
    read_regular,
)

NEWER_VERSION = (
    "It was written by a newer version of Recovery Journal, which may keep things in it that "
    "this version doesn't know; so that nothing of them is lost, this version only reads it. "
    "Update the app to make changes."
)


def resolve_journal_path(path: Path) -> Path:
    """The real path (symbolic links followed); a link loop is "not a journal file"."""
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError):
        raise NotAFileError(f"{path} is a loop of symbolic links.") from None


def check_journal_file(path: Path) -> None:
    """Refuse, before any lock file is made beside it, a path that is not a regular file."""
    try:
        check_regular(path)
    except FileNotFoundError:
        raise VaultMissingError(str(path)) from None
    except NotRegularFileError as error:
        raise NotAFileError(f"{path} is {error.kind}.") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotAFileError(f"{path} is a loop of symbolic links.") from None
        raise VaultAccessError(explain_os_error(error, reading=True)) from error


def folder_read_only(folder: Path) -> str | None:
    """Why nothing can be written in ``folder`` (a read-only disk, no permission), or None."""
    statvfs = getattr(os, "statvfs", None)
    if statvfs is not None:
        with contextlib.suppress(OSError):
            if statvfs(folder).f_flag & getattr(os, "ST_RDONLY", 1):
                return "That disk is read-only."
    if not os.access(folder, os.W_OK | os.X_OK):
        return "The app isn't allowed to write in that folder."
    return None


def kept_mode(path: Path) -> int:
    """The mode a rewrite of ``path`` gets: its own, tightened to at most 0600 (never wider),
    but always readable by its owner, who has to open it again."""
    try:
        return (stat.S_IMODE(path.stat().st_mode) & 0o600) | 0o400
    except OSError:
        return 0o600


def check_size(payload: bytes) -> None:
    """Refuse to write a journal that opening would refuse (the 1 GiB bound)."""
    if len(payload) + TAG_LEN > fmt.MAX_PAYLOAD:
        raise JournalTooLargeError()


def max_file_size() -> int:
    """The largest file that can be a journal: what opening reads, at most."""
    return PREFIX.size + MAX_HEADER_BODY + fmt.MAX_PAYLOAD


def read_journal_file(path: Path) -> bytes:
    """The whole file at ``path`` with the vault's own errors (bounded; regular files only)."""
    try:
        return read_regular(path, max_file_size())
    except FileNotFoundError:
        raise VaultMissingError(str(path)) from None
    except NotRegularFileError as error:
        raise NotAFileError(f"{path} is {error.kind}.") from None
    except FileTooLargeError:
        raise CorruptHeaderError("It is far larger than any journal can be.") from None
    except OSError as error:
        raise VaultAccessError(explain_os_error(error, reading=True)) from error


@dataclasses.dataclass(frozen=True, slots=True)
class DiskState:
    """What the file looked like after we last read or wrote it.

    ``blob`` is the file's bytes, which the vault keeps anyway: a changed-looking file is
    compared with them byte for byte, so no hash is computed on every open and save.
    """

    inode: int
    size: int
    mtime_ns: int
    blob: bytes

    @classmethod
    def of(cls, path: Path, blob: bytes) -> DiskState:
        st = path.stat()
        return cls(st.st_ino, st.st_size, st.st_mtime_ns, blob)


def code_marker_path(vault_path: Path) -> Path:
    """An empty file beside the journal while a new recovery code may not have been seen."""
    return vault_path.with_name(vault_path.name + ".code-unseen")

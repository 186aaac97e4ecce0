"""The few file operations that differ between Linux, macOS and Windows: one function each.

Linux is where the app is run and tested every day. The macOS and Windows branches follow
those systems' documented APIs and are unit-tested here with the platform faked
(``tests/vault/test_platform.py``), but they have not yet run on those systems
(``docs/packaging.md``, "Beyond Linux").

* :func:`lock_file` — one running copy per journal: ``flock(2)`` on Linux and macOS,
  ``msvcrt.locking`` (``LockFileEx`` underneath) on Windows. Both locks belong to the open
  file and vanish when the process dies, so a crash never leaves the journal locked.
* :func:`sync_file` — data on the disk itself: ``fsync(2)`` on Linux; ``F_FULLFSYNC`` on
  macOS, whose ``fsync`` only reaches the drive's cache (Apple's fsync(2) page says so);
  ``os.fsync`` on Windows is ``_commit``, that is ``FlushFileBuffers``.
* :func:`replace_file` — the atomic rename: ``rename(2)`` on Linux and macOS; on Windows
  ``MoveFileExW`` with ``MOVEFILE_WRITE_THROUGH``, which returns only once the move is on
  the disk (Windows has no way to flush a folder, so this is how the rename is made durable).
* :func:`sync_directory` — the rename itself on the disk: ``fsync`` of the folder on Linux,
  ``F_FULLFSYNC`` on macOS; nothing on Windows (see :func:`replace_file`).
* :func:`restrict_to_owner` — readable by this user only: mode 0600/0700 on Linux and
  macOS. Windows has no mode bits (``chmod`` there only sets "read-only"); files under
  ``%LOCALAPPDATA%`` inherit an access list that admits only the user, SYSTEM and
  Administrators, which is the same promise.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Any

#: Flags of MoveFileExW (winbase.h).
MOVEFILE_REPLACE_EXISTING = 0x1
MOVEFILE_WRITE_THROUGH = 0x8
#: fcntl command on macOS (sys/fcntl.h); Python's fcntl has it only on macOS.
F_FULLFSYNC = 51


def system() -> str:
    """``linux``, ``darwin``, ``win32`` (or another ``sys.platform``): a seam for tests."""
    return sys.platform


def lock_file(fd: int) -> bool:
    """Lock the open file ``fd`` for this process alone, without waiting.

    True when locked; False when another process holds the lock.
    """
    if system() == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)  # msvcrt locks bytes from the current position
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        except OSError:  # LK_NBLCK does not wait: raised at once when another holds the byte
            return False
        return True
    import fcntl  # Linux and macOS alike: flock(2)

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def sync_file(fd: int) -> None:
    """Put the data written to ``fd`` on the disk itself (raises OSError when that fails)."""
    if system() == "darwin":
        import fcntl

        try:
            fcntl.fcntl(fd, getattr(fcntl, "F_FULLFSYNC", F_FULLFSYNC))
            return
        except OSError:  # file systems without it (SMB, some FUSE): the best there is
            pass
    os.fsync(fd)


def replace_file(source: Path, target: Path) -> None:
    """Rename ``source`` over ``target`` atomically (raises OSError)."""
    if system() != "win32":
        os.replace(source, target)
        return
    kernel32 = _kernel32()
    flags = MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH
    if not kernel32.MoveFileExW(str(source), str(target), flags):
        code = _last_error()
        # With winerror given, Python maps errno from it (ERROR_DISK_FULL → ENOSPC, ...).
        raise OSError(None, f"MoveFileExW failed (Windows error {code})", str(source), code)


def sync_directory(folder: Path) -> None:
    """Put a rename in ``folder`` on the disk (raises OSError where the file system refuses)."""
    if system() == "win32":
        return  # replace_file already waited for the disk (MOVEFILE_WRITE_THROUGH)
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        sync_file(fd)
    finally:
        os.close(fd)


def restrict_to_owner(path: Path, *, folder: bool = False) -> None:
    """Make ``path`` readable and writable by this user only."""
    if system() == "win32":
        return  # no mode bits; the per-user folder's inherited access list does this
    path.chmod(0o700 if folder else 0o600)


def _kernel32() -> Any:  # pragma: no cover - Windows only; tests put a fake in its place
    import ctypes

    return ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]


def _last_error() -> int:  # pragma: no cover - Windows only; tests put a fake in its place
    import ctypes

    with contextlib.suppress(AttributeError):
        return int(ctypes.get_last_error())  # type: ignore[attr-defined,unused-ignore]
    return 0

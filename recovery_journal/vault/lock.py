"""One running copy per vault: an OS file lock that disappears when the process dies."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from recovery_journal.vault import platform
from recovery_journal.vault.errors import VaultLockedError


def lock_path(vault_path: Path) -> Path:
    return vault_path.with_name(vault_path.name + ".lock")


class VaultLock:
    """Held while a vault is open. The lock file itself is never deleted (that would race)."""

    def __init__(self, vault_path: Path) -> None:
        self.path = lock_path(vault_path)
        self._fd: int | None = None

    def acquire(self, *, create: bool = True) -> None:
        """Take the lock. With ``create=False`` (a journal on read-only media) an existing lock
        file is opened for reading and locked; when there is none, no lock is taken."""
        flags = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)
        if create:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | flags, 0o600)
        else:
            try:
                fd = os.open(self.path, os.O_RDONLY | flags)
            except (FileNotFoundError, PermissionError):
                return
        if not platform.lock_file(fd):
            os.close(fd)
            raise VaultLockedError("Close it there first, then try again.")
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

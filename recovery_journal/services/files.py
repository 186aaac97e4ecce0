"""Files the person asks for (exports, reports): private, written atomically."""

from __future__ import annotations

from pathlib import Path

from recovery_journal.vault.atomic import atomic_write


def write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` with mode 0600, replacing it atomically.

    Raises the vault's ``SaveError`` (with the reason in plain words) on failure.
    """
    path = Path(path)
    atomic_write(path, data)
    path.chmod(0o600)

"""Small helpers only the desktop app needs from the layers it may not import.

The app (``ui/``) may not import ``vault`` or ``storage``; what it needs from them lives here.
Rules about the journal's meaning do not: they live in ``domain/`` (check-in due in
``alliance``, the run before a day in ``runs``, meetings this week in ``attendance``).
"""

from __future__ import annotations

from pathlib import Path


def vault_in_use(path: Path) -> bool:
    """True when another running copy holds this journal open (checked before asking for the
    passphrase; opening still refuses a second copy on its own)."""
    from recovery_journal.vault.errors import VaultLockedError
    from recovery_journal.vault.lock import VaultLock, lock_path

    if not lock_path(Path(path)).exists():
        return False
    probe = VaultLock(Path(path))
    try:
        probe.acquire()
    except VaultLockedError:
        return True
    except OSError:
        return False
    probe.release()
    return False

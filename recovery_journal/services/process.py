"""Process set-up shared by the app and the command line."""

from __future__ import annotations

from recovery_journal.vault.hardening import disable_core_dumps


def harden_process() -> None:
    """Call first thing: no core dumps (they would hold the decrypted journal)."""
    disable_core_dumps()

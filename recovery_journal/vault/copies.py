"""Encrypted copies of an open vault: a kept backup now, the app's version beside the journal
after an outside change, and a copy elsewhere (``backup -o``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from recovery_journal.vault import backups
from recovery_journal.vault.atomic import atomic_write
from recovery_journal.vault.core import VaultCore, now_utc
from recovery_journal.vault.crypto import encrypt_payload, fresh_payload_params
from recovery_journal.vault.errors import SaveError
from recovery_journal.vault.format import TAG_LEN
from recovery_journal.vault.journal_file import check_size


class VaultCopies(VaultCore):
    """Writing encrypted copies; the journal file itself is never touched here."""

    def backup_now(self, reason: str, *, now: dt.datetime | None = None) -> Path:
        """A kept backup of the file as it is now (before a migration or a replacing import)."""
        self.check_writable()
        self._check_unchanged()
        blob = self._require_blob()
        return backups.write_backup(self.path, blob, now or now_utc(), reason)

    def write_current_copy(self, payload: bytes, destination: Path) -> None:
        """Encrypt ``payload`` (the journal as it is in memory) to another file, with the same
        key slots; used to keep the app's version when the file changed on disk."""
        header = self._require_header()
        check_size(payload)
        salt, nonce = fresh_payload_params()
        new_header = dataclasses.replace(
            header, payload_salt=salt, payload_nonce=nonce, payload_length=len(payload) + TAG_LEN
        )
        atomic_write(Path(destination), encrypt_payload(self._require_key(), new_header, payload))

    def write_copy(self, destination: Path) -> bool:
        """An encrypted copy of the saved journal, openable with the same passphrase.

        Returns False when the copy is in place but its folder could not be synced."""
        self._check_unchanged()
        destination = Path(destination)
        if destination.resolve() == self.path.resolve():
            raise SaveError("A backup can't be written over the journal itself.")
        durable = atomic_write(destination, self._require_blob())
        self.all_writes_durable &= durable
        return durable

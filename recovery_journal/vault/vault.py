"""An open vault: the encrypted file, its key slots, the data key and the running-copy lock.

The vault stores one opaque payload (the serialized journal database). It never writes
plaintext anywhere: every write goes through :func:`atomic_write` with freshly encrypted bytes.
:class:`Vault` opens and creates; its state and saving live in :mod:`.core`, changes of
secrets in :mod:`.rekeying`, encrypted copies in :mod:`.copies`, and what the file on disk
must be in :mod:`.journal_file`.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from recovery_journal.vault import backups, platform, recovery_code
from recovery_journal.vault.atomic import ensure_private_dir, explain_os_error, remove_leftovers
from recovery_journal.vault.copies import VaultCopies
from recovery_journal.vault.crypto import (
    calibrate,
    fresh_payload_params,
    make_slot,
    new_data_key,
    passphrase_bytes,
)
from recovery_journal.vault.errors import (
    VaultAccessError,
    VaultExistsError,
    VaultLockedError,
    WrongSecretError,
)
from recovery_journal.vault.format import TAG_LEN, VAULT_ID_LEN, Header, KdfParams, SlotKind
from recovery_journal.vault.journal_file import (
    NEWER_VERSION,
    check_journal_file,
    code_marker_path,
    folder_read_only,
    resolve_journal_path,
)
from recovery_journal.vault.lock import VaultLock
from recovery_journal.vault.rekeying import VaultSecrets

__all__ = [
    "NEWER_VERSION",
    "SUFFIX",
    "Vault",
    "check_journal_file",
    "code_marker_path",
    "default_vault_path",
    "ensure_file_private",
]

SUFFIX = ".rjvault"


class Vault(VaultSecrets, VaultCopies):
    """Use :meth:`create` or :meth:`open`; call :meth:`close` when done."""

    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: str,
        payload: bytes,
        *,
        kdf: KdfParams | None = None,
    ) -> tuple[Vault, str]:
        """Make a new vault holding ``payload``; returns it and the recovery code (show once)."""
        path = resolve_journal_path(path)
        if not passphrase:
            raise WrongSecretError("The passphrase is empty.")
        if os.path.lexists(path):  # before a lock file is made beside it
            raise VaultExistsError(str(path))
        ensure_private_dir(path.parent)
        vault = cls(path, VaultLock(path))
        vault._lock.acquire()
        try:
            if path.exists():
                raise VaultExistsError(str(path))
            remove_leftovers(path)
            params = kdf or calibrate()
            params.check()
            vault_id = secrets.token_bytes(VAULT_ID_LEN)
            data_key = new_data_key()
            code = recovery_code.generate()
            slots = (
                make_slot(
                    SlotKind.PASSPHRASE, passphrase_bytes(passphrase), data_key, vault_id, params
                ),
                make_slot(SlotKind.RECOVERY_CODE, code, data_key, vault_id, params),
            )
            salt, nonce = fresh_payload_params()
            vault._data_key = data_key
            vault._header = Header(vault_id, slots, salt, nonce, len(payload) + TAG_LEN)
            vault._write(payload, slots=slots, check_disk=False, backup=False)
        except BaseException:
            vault.close()
            raise
        return vault, recovery_code.encode(code)

    @classmethod
    def open(
        cls, path: Path, secret: str, *, kind: SlotKind = SlotKind.PASSPHRASE
    ) -> tuple[Vault, bytes]:
        """Open with the passphrase (or the recovery code); returns the vault and its payload.

        A symbolic link is followed, so the lock and the saves apply to the real file. On a
        disk or in a folder that can't be written, the journal opens for reading only
        (``read_only`` says why), without making a lock file.
        """
        path = resolve_journal_path(path)
        check_journal_file(path)
        vault = cls(path, VaultLock(path))
        vault.read_only = vault._take_lock()
        try:
            if vault.read_only is None:
                remove_leftovers(path)
                backups.remove_leftovers(path)
            payload = vault.unlock(secret, kind=kind)
        except BaseException:
            vault.close()
            raise
        if vault.read_only is None:
            vault.unrewrapped_backups = vault.rewrap_backups(only=vault._stale_backups())
        return vault, payload

    def _take_lock(self) -> str | None:
        """Lock the journal to this copy; returns why it can only be read, or None."""
        reason = folder_read_only(self.path.parent)
        if reason is None:
            try:
                self._lock.acquire()
            except OSError as error:
                if error.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
                    raise VaultAccessError(explain_os_error(error)) from error
                reason = explain_os_error(error)
            else:
                return None
        try:
            self._lock.acquire(create=False)
        except VaultLockedError:
            raise
        except OSError as error:
            raise VaultAccessError(explain_os_error(error, reading=True)) from error
        return reason


def default_vault_path(data_dir: Path) -> Path:
    return data_dir / f"journal{SUFFIX}"


def ensure_file_private(path: Path) -> None:
    """Tighten a file to 0600 (used for exported files that are not encrypted)."""
    platform.restrict_to_owner(path)

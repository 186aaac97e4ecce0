"""The state of an open vault and its one write path: unlock, save, lock, close.

:class:`VaultCore` holds the header, the data key and the encrypted file as last read or
written; every save of the journal goes through :meth:`VaultCore._write` (read-only and size
checks, the changed-on-disk check, the hourly backup, then :func:`atomic_write`). The key
slots are changed in :mod:`.rekeying`, copies are written in :mod:`.copies`, and
:class:`~recovery_journal.vault.vault.Vault` opens and creates.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from pathlib import Path

from recovery_journal.vault import backups, recovery_code
from recovery_journal.vault.atomic import atomic_write
from recovery_journal.vault.crypto import (
    decrypt_payload,
    encrypt_payload,
    fresh_payload_params,
    open_slot,
    passphrase_bytes,
    wipe,
)
from recovery_journal.vault.errors import (
    ChangedOnDiskError,
    ReadOnlyError,
    SaveError,
    VaultError,
    WrongSecretError,
)
from recovery_journal.vault.format import TAG_LEN, Header, KdfParams, KeySlot, SlotKind, parse
from recovery_journal.vault.journal_file import (
    NEWER_VERSION,
    DiskState,
    check_size,
    kept_mode,
    max_file_size,
    read_journal_file,
)
from recovery_journal.vault.lock import VaultLock
from recovery_journal.vault.reading import read_regular


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def secret_bytes(secret: str, kind: SlotKind) -> bytes:
    if kind == SlotKind.RECOVERY_CODE:
        try:
            return recovery_code.decode(secret)
        except recovery_code.RecoveryCodeFormatError as error:
            raise WrongSecretError(str(error)) from None
    if not secret:
        raise WrongSecretError("The passphrase is empty.")
    return passphrase_bytes(secret)


class VaultCore:
    """An open (or auto-locked) vault: its state and the one way its file is rewritten."""

    def __init__(self, path: Path, lock: VaultLock) -> None:
        self.path = path
        self._lock = lock
        self._header: Header | None = None
        self._data_key: bytearray | None = None
        self._blob: bytes | None = None  # the encrypted file as last read or written
        self._disk: DiskState | None = None
        self.backups_kept = backups.DEFAULT_KEEP
        self.last_backup_error: SaveError | None = None
        # Changes that could not be written before a lock, kept encrypted in memory only.
        self._pending: bytes | None = None
        #: After an unlock: where changes kept across a lock were saved instead, because the
        #: file had been changed by something else meanwhile.
        self.conflict_copy: Path | None = None
        #: False when the last save is in place but the folder could not be synced.
        self.last_write_durable = True
        #: False once any save since opening was not confirmed durable (the command line
        #: reports it when it ends).
        self.all_writes_durable = True
        #: Backups the last change of a secret could not re-encrypt (they keep the old one).
        self.unrewrapped_backups: list[Path] = []
        #: Why the journal is open for reading only (read-only disk, a folder the user can't
        #: write, a newer minor version), or None when it can be saved.
        self.read_only: str | None = None

    def unlock(self, secret: str, *, kind: SlotKind = SlotKind.PASSPHRASE) -> bytes:
        """(Re)read the file and decrypt it; used at open and after an auto-lock.

        Changes kept across a lock (see :meth:`forget_keys`) are returned instead of the
        file's contents — unless the file was changed by something else meanwhile; then the
        kept changes are written to a conflict copy (``conflict_copy``) and the file's
        contents are returned, so neither version is lost.
        """
        try:
            blob = self._read_file()
            header, header_bytes, ciphertext = parse(blob)
            data_key = open_slot(header.slot(kind), secret_bytes(secret, kind), header.vault_id)
            try:
                payload = decrypt_payload(data_key, header, header_bytes, ciphertext)
                payload = self._take_pending(data_key, blob, payload)
            except BaseException:
                wipe(data_key)
                raise
        except VaultError as error:
            # A backup opens with the same secrets, so it is no help for a wrong one.
            if error.newest_backup is None and not isinstance(error, WrongSecretError):
                with contextlib.suppress(OSError, ValueError):
                    error.newest_backup = backups.newest_backup(self.path)
            raise
        self._header, self._data_key, self._blob = header, data_key, blob
        self._disk = DiskState.of(self.path, blob)
        if header.is_newer and self.read_only is None:
            self.read_only = NEWER_VERSION
        return payload

    def _read_file(self) -> bytes:
        return read_journal_file(self.path)

    def _take_pending(self, data_key: bytearray, blob: bytes, payload: bytes) -> bytes:
        pending, self._pending = self._pending, None
        self.conflict_copy = None
        if pending is None:
            return payload
        unchanged = self._disk is not None and blob == self._disk.blob
        if unchanged:
            with contextlib.suppress(VaultError):
                pending_header, pending_bytes, pending_ciphertext = parse(pending)
                return decrypt_payload(data_key, pending_header, pending_bytes, pending_ciphertext)
        # The file changed while locked (or the kept changes no longer decrypt under its key):
        # keep both. The pending image is a complete vault file with the slots it was made with.
        self.conflict_copy = backups.write_backup(self.path, pending, now_utc(), "conflict")
        return payload

    @property
    def has_pending(self) -> bool:
        """True while unsaved changes wait, encrypted in memory, for the next unlock."""
        return self._pending is not None

    @property
    def is_unlocked(self) -> bool:
        return self._data_key is not None

    @property
    def kdf(self) -> KdfParams:
        return self._require_header().slot(SlotKind.PASSPHRASE).kdf

    def forget_keys(self, unsaved_payload: bytes | None = None) -> None:
        """Drop the data key (auto-lock); the running-copy lock stays held.

        ``unsaved_payload`` (changes a failed save could not write) is kept encrypted in
        memory and returned by the next :meth:`unlock` instead of the file's contents.
        """
        if unsaved_payload is not None and self._header is not None:
            salt, nonce = fresh_payload_params()
            header = dataclasses.replace(
                self._header,
                payload_salt=salt,
                payload_nonce=nonce,
                payload_length=len(unsaved_payload) + TAG_LEN,
            )
            self._pending = encrypt_payload(self._require_key(), header, unsaved_payload)
        if self._data_key is not None:
            wipe(self._data_key)
        self._data_key = None
        self._header = None

    def close(self) -> None:
        self.forget_keys()
        self._blob = None
        self._pending = None
        self._lock.release()

    def save(self, payload: bytes, *, now: dt.datetime | None = None) -> None:
        """Encrypt and atomically replace the file, after an hourly rotating backup."""
        self._write(payload, slots=self._require_header().slots, now=now)

    def _write(
        self,
        payload: bytes,
        *,
        slots: tuple[KeySlot, ...],
        now: dt.datetime | None = None,
        check_disk: bool = True,
        backup: bool = True,
    ) -> None:
        header = self._require_header()
        data_key = self._require_key()
        self.check_writable()
        check_size(payload)
        if check_disk:
            self._check_unchanged()
        if backup and self._blob is not None:
            self._rotate_backup(self._blob, now or now_utc())
        salt, nonce = fresh_payload_params()
        new_header = dataclasses.replace(
            header,
            slots=slots,
            payload_salt=salt,
            payload_nonce=nonce,
            payload_length=len(payload) + TAG_LEN,
        )
        blob = encrypt_payload(data_key, new_header, payload)
        self.last_write_durable = atomic_write(self.path, blob, mode=kept_mode(self.path))
        self.all_writes_durable &= self.last_write_durable
        self._header, self._blob = new_header, blob
        self._disk = DiskState.of(self.path, blob)

    def check_writable(self) -> None:
        """Raise ReadOnlyError (saying why) when the journal is open for reading only."""
        if self.read_only is not None:
            raise ReadOnlyError(self.read_only)

    def _check_unchanged(self) -> None:
        known = self._disk
        try:
            st = self.path.stat()
        except FileNotFoundError:
            raise ChangedOnDiskError("The file was moved or deleted.") from None
        if known is None:
            return
        if (st.st_ino, st.st_size, st.st_mtime_ns) == (known.inode, known.size, known.mtime_ns):
            return
        try:
            same = read_regular(self.path, max_file_size()) == known.blob
        except OSError:
            raise ChangedOnDiskError() from None
        if not same:
            raise ChangedOnDiskError()
        self._disk = dataclasses.replace(
            known, inode=st.st_ino, size=st.st_size, mtime_ns=st.st_mtime_ns
        )

    def _rotate_backup(self, blob: bytes, now: dt.datetime) -> None:
        """Keep an hourly copy of the previous file; a failure here never blocks the save."""
        self.last_backup_error = None
        try:
            if backups.backup_due(self.path, now):
                written = backups.write_backup(self.path, blob, now)
                backups.prune(self.path, self.backups_kept, just_written=written)
        except SaveError as error:
            self.last_backup_error = error
        except Exception as error:  # a backup problem must never block the save itself
            self.last_backup_error = SaveError(f"The hourly backup couldn't be written ({error}).")

    def _require_header(self) -> Header:
        if self._header is None:
            raise VaultError("The journal is locked.")
        return self._header

    def _require_key(self) -> bytearray:
        if self._data_key is None:
            raise VaultError("The journal is locked.")
        return self._data_key

    def _require_blob(self) -> bytes:
        if self._blob is None:
            raise VaultError("The journal is locked.")
        return self._blob

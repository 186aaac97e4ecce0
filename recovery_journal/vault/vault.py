"""An open vault: the encrypted file, its key slots, the data key and the running-copy lock.

The vault stores one opaque payload (the serialized journal database). It never writes
plaintext anywhere: every write goes through :func:`atomic_write` with freshly encrypted bytes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import hmac
import secrets
from pathlib import Path

from recovery_journal.vault import backups, platform, recovery_code
from recovery_journal.vault.atomic import (
    atomic_write,
    ensure_private_dir,
    explain_os_error,
    remove_leftovers,
)
from recovery_journal.vault.crypto import (
    calibrate,
    decrypt_payload,
    encrypt_payload,
    fresh_payload_params,
    make_slot,
    new_data_key,
    open_slot,
    passphrase_bytes,
    wipe,
)
from recovery_journal.vault.errors import (
    ChangedOnDiskError,
    CorruptHeaderError,
    SaveError,
    VaultAccessError,
    VaultError,
    VaultExistsError,
    VaultMissingError,
    WrongSecretError,
)
from recovery_journal.vault.format import (
    MAX_HEADER_BODY,
    MAX_PAYLOAD,
    PREFIX,
    TAG_LEN,
    VAULT_ID_LEN,
    Header,
    KdfParams,
    KeySlot,
    SlotKind,
    parse,
)
from recovery_journal.vault.lock import VaultLock

SUFFIX = ".rjvault"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _secret_bytes(secret: str, kind: SlotKind) -> bytes:
    if kind == SlotKind.RECOVERY_CODE:
        try:
            return recovery_code.decode(secret)
        except recovery_code.RecoveryCodeFormatError as error:
            raise WrongSecretError(str(error)) from None
    if not secret:
        raise WrongSecretError("The passphrase is empty.")
    return passphrase_bytes(secret)


@dataclasses.dataclass(frozen=True, slots=True)
class _DiskState:
    """What the file looked like after we last read or wrote it."""

    inode: int
    size: int
    mtime_ns: int
    digest: bytes

    @classmethod
    def of(cls, path: Path, blob: bytes) -> _DiskState:
        st = path.stat()
        return cls(st.st_ino, st.st_size, st.st_mtime_ns, hashlib.sha256(blob).digest())


class Vault:
    """Use :meth:`create` or :meth:`open`; call :meth:`close` when done."""

    def __init__(self, path: Path, lock: VaultLock) -> None:
        self.path = path
        self._lock = lock
        self._header: Header | None = None
        self._data_key: bytearray | None = None
        self._blob: bytes | None = None  # the encrypted file as last read or written
        self._disk: _DiskState | None = None
        self.backups_kept = backups.DEFAULT_KEEP
        self.last_backup_error: SaveError | None = None
        # Changes that could not be written before a lock, kept encrypted in memory only.
        self._pending: bytes | None = None
        #: After an unlock: where changes kept across a lock were saved instead, because the
        #: file had been changed by something else meanwhile.
        self.conflict_copy: Path | None = None
        #: False when the last save is in place but the folder could not be synced.
        self.last_write_durable = True
        #: Backups the last change of a secret could not re-encrypt (they keep the old one).
        self.unrewrapped_backups: list[Path] = []

    # ----------------------------------------------------------------- opening
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
        path = Path(path).resolve()
        if not passphrase:
            raise WrongSecretError("The passphrase is empty.")
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

        A symbolic link is followed, so the lock and the saves apply to the real file.
        """
        path = Path(path).resolve()
        vault = cls(path, VaultLock(path))
        if not path.exists():
            raise VaultMissingError(str(path))
        try:
            vault._lock.acquire()
        except OSError as error:
            raise VaultAccessError(explain_os_error(error)) from error
        try:
            remove_leftovers(path)
            backups.remove_leftovers(path)
            payload = vault.unlock(secret, kind=kind)
        except BaseException:
            vault.close()
            raise
        vault.unrewrapped_backups = vault.rewrap_backups(only=vault._stale_backups())
        return vault, payload

    def _stale_backups(self) -> list[Path]:
        """Backups of this journal whose key slots are not the journal's: a change of secret
        was interrupted before it reached them (they would still open with the old one)."""
        header = self._require_header()
        current = tuple(slot.to_bytes() for slot in header.slots)
        stale = []
        for path in backups.list_backups(self.path):
            with contextlib.suppress(OSError, VaultError):
                with path.open("rb") as handle:
                    head = handle.read(PREFIX.size + MAX_HEADER_BODY)
                old, _, _ = parse(head, whole=False)
                same_journal = old.vault_id == header.vault_id
                if same_journal and tuple(s.to_bytes() for s in old.slots) != current:
                    stale.append(path)
        return stale

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
            data_key = open_slot(header.slot(kind), _secret_bytes(secret, kind), header.vault_id)
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
        self._disk = _DiskState.of(self.path, blob)
        return payload

    def _read_file(self) -> bytes:
        try:
            size = self.path.stat().st_size
            if size > PREFIX.size + MAX_HEADER_BODY + MAX_PAYLOAD:
                raise CorruptHeaderError("It is far larger than any journal can be.")
            return self.path.read_bytes()
        except FileNotFoundError:
            raise VaultMissingError(str(self.path)) from None
        except OSError as error:
            raise VaultAccessError(explain_os_error(error)) from error

    def _take_pending(self, data_key: bytearray, blob: bytes, payload: bytes) -> bytes:
        pending, self._pending = self._pending, None
        self.conflict_copy = None
        if pending is None:
            return payload
        unchanged = self._disk is not None and hashlib.sha256(blob).digest() == self._disk.digest
        if unchanged:
            with contextlib.suppress(VaultError):
                pending_header, pending_bytes, pending_ciphertext = parse(pending)
                return decrypt_payload(data_key, pending_header, pending_bytes, pending_ciphertext)
        # The file changed while locked (or the kept changes no longer decrypt under its key):
        # keep both. The pending image is a complete vault file with the slots it was made with.
        self.conflict_copy = backups.write_backup(self.path, pending, _now(), "conflict")
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

    # ----------------------------------------------------------------- saving
    def save(self, payload: bytes, *, now: dt.datetime | None = None) -> None:
        """Encrypt and atomically replace the file, after an hourly rotating backup."""
        self._write(payload, slots=self._require_header().slots, now=now)

    def check_secret(self, secret: str, *, kind: SlotKind = SlotKind.PASSPHRASE) -> None:
        """Raise WrongSecretError unless ``secret`` opens this vault's slot (derives a key)."""
        header = self._require_header()
        key = open_slot(header.slot(kind), _secret_bytes(secret, kind), header.vault_id)
        same = hmac.compare_digest(bytes(key), bytes(self._require_key()))
        wipe(key)
        if not same:
            raise WrongSecretError()

    def change_passphrase(self, new_passphrase: str, payload: bytes) -> None:
        if not new_passphrase:
            raise WrongSecretError("The new passphrase is empty.")
        self._replace_slot(SlotKind.PASSPHRASE, passphrase_bytes(new_passphrase), payload)

    def new_recovery_code(self, payload: bytes) -> str:
        """Issue a new recovery code; the old one stops working (here and in backups)."""
        code = recovery_code.generate()
        self._replace_slot(SlotKind.RECOVERY_CODE, code, payload)
        return recovery_code.encode(code)

    def _replace_slot(self, kind: SlotKind, secret: bytes, payload: bytes) -> None:
        header = self._require_header()
        data_key = self._require_key()
        old = header.slot(kind)
        new = make_slot(kind, secret, data_key, header.vault_id, old.kdf)
        slots = tuple(new if slot.kind == kind else slot for slot in header.slots)
        self._write(payload, slots=slots)
        self.unrewrapped_backups = self.rewrap_backups()

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
        if check_disk:
            self._check_unchanged()
        if backup and self._blob is not None:
            self._rotate_backup(self._blob, now or _now())
        salt, nonce = fresh_payload_params()
        new_header = dataclasses.replace(
            header,
            slots=slots,
            payload_salt=salt,
            payload_nonce=nonce,
            payload_length=len(payload) + TAG_LEN,
        )
        blob = encrypt_payload(data_key, new_header, payload)
        self.last_write_durable = atomic_write(self.path, blob)
        self._header, self._blob = new_header, blob
        self._disk = _DiskState.of(self.path, blob)

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
            digest = hashlib.sha256(self.path.read_bytes()).digest()
        except OSError:
            raise ChangedOnDiskError() from None
        if digest != known.digest:
            raise ChangedOnDiskError()
        self._disk = dataclasses.replace(
            known, inode=st.st_ino, size=st.st_size, mtime_ns=st.st_mtime_ns
        )

    # ----------------------------------------------------------------- backups
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

    def backup_now(self, reason: str, *, now: dt.datetime | None = None) -> Path:
        """A kept backup of the file as it is now (before a migration or a replacing import)."""
        self._check_unchanged()
        blob = self._require_blob()
        return backups.write_backup(self.path, blob, now or _now(), reason)

    def write_current_copy(self, payload: bytes, destination: Path) -> None:
        """Encrypt ``payload`` (the journal as it is in memory) to another file, with the same
        key slots; used to keep the app's version when the file changed on disk."""
        header = self._require_header()
        salt, nonce = fresh_payload_params()
        new_header = dataclasses.replace(
            header, payload_salt=salt, payload_nonce=nonce, payload_length=len(payload) + TAG_LEN
        )
        atomic_write(Path(destination), encrypt_payload(self._require_key(), new_header, payload))

    def write_copy(self, destination: Path) -> None:
        """An encrypted copy of the saved journal, openable with the same passphrase."""
        self._check_unchanged()
        destination = Path(destination)
        if destination.resolve() == self.path.resolve():
            raise SaveError("A backup can't be written over the journal itself.")
        atomic_write(destination, self._require_blob())

    def rewrap_backups(
        self, old_data_key: bytes | bytearray | None = None, *, only: list[Path] | None = None
    ) -> list[Path]:
        """Re-encrypt this vault's backups under the current key slots (and data key).

        Without this, an old backup would still open with a passphrase or recovery code the
        person has just replaced (perhaps because someone learned it). ``old_data_key`` is
        the key the backups were made with, when it has just been rotated; ``only`` limits the
        work to those files. Returns the backups that could *not* be rewritten (they still
        open with the old secret).
        """
        header = self._require_header()
        data_key = self._require_key()
        failed: list[Path] = []
        for path in backups.list_backups(self.path) if only is None else only:
            try:
                old_header, old_bytes, ciphertext = parse(path.read_bytes())
                if old_header.vault_id != header.vault_id:
                    continue
                payload = decrypt_payload(
                    old_data_key or data_key, old_header, old_bytes, ciphertext
                )
                salt, nonce = fresh_payload_params()
                new_header = dataclasses.replace(
                    header,
                    payload_salt=salt,
                    payload_nonce=nonce,
                    payload_length=len(payload) + TAG_LEN,
                )
                atomic_write(path, encrypt_payload(data_key, new_header, payload))
            except (VaultError, OSError):
                failed.append(path)
        return failed

    def rotate_keys(self, new_passphrase: str, payload: bytes) -> str:
        """A new data key, passphrase and recovery code at once (after a recovery-code open).

        Someone who once learned the old passphrase or code *and* copied the file could have
        kept the old data key; after this, neither the journal nor its backups use it.
        Returns the new recovery code.
        """
        if not new_passphrase:
            raise WrongSecretError("The new passphrase is empty.")
        header = self._require_header()
        old_key = self._require_key()
        kdf = header.slot(SlotKind.PASSPHRASE).kdf
        new_key = new_data_key()
        code = recovery_code.generate()
        slots = (
            make_slot(
                SlotKind.PASSPHRASE, passphrase_bytes(new_passphrase), new_key, header.vault_id, kdf
            ),
            make_slot(SlotKind.RECOVERY_CODE, code, new_key, header.vault_id, kdf),
        )
        self._check_unchanged()
        self._data_key = new_key
        try:
            self._write(payload, slots=slots, check_disk=False)
        except BaseException:
            self._data_key = old_key
            wipe(new_key)
            raise
        self.unrewrapped_backups = self.rewrap_backups(old_data_key=old_key)
        wipe(old_key)
        return recovery_code.encode(code)

    # ----------------------------------------------------------------- helpers
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


def default_vault_path(data_dir: Path) -> Path:
    return data_dir / f"journal{SUFFIX}"


def ensure_file_private(path: Path) -> None:
    """Tighten a file to 0600 (used for exported files that are not encrypted)."""
    platform.restrict_to_owner(path)

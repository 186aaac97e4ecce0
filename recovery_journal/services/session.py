"""An open journal: the vault, the in-memory database, and saving after every change.

This is the one place that joins ``vault`` (bytes on disk) and ``storage`` (the database).
The command line and the app call it; neither touches the vault or the database directly.
"""

from __future__ import annotations

import datetime as dt
import importlib
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_journal.services.records import RecordsMixin
from recovery_journal.vault import KdfParams, SaveError, SlotKind, VaultError

if TYPE_CHECKING:
    from recovery_journal.storage.database import JournalDatabase
    from recovery_journal.storage.repository import JournalRepository
    from recovery_journal.vault import Vault

MIN_PASSPHRASE_LENGTH = 8


class SessionLockedError(VaultError):
    summary = "The journal is locked. Unlock it to go on."


class PassphraseTooShortError(VaultError):
    exit_code = 2
    summary = f"Please choose a passphrase of at least {MIN_PASSPHRASE_LENGTH} characters."


def check_journal_path(path: Path) -> None:
    """Before asking for a secret: refuse a journal path that is missing or is not a regular
    file (a folder, a named pipe, a device), with the vault's typed errors."""
    from recovery_journal.vault.vault import check_journal_file

    check_journal_file(Path(path).expanduser())


def kdf_for_memory(mib: int | None) -> KdfParams | None:
    """``--kdf-memory-mib N``: N MiB with the standard 3 passes and 4 lanes (None: calibrate)."""
    if mib is None:
        return None
    params = KdfParams(memory_kib=mib * 1024)
    params.check()
    return params


def check_new_passphrase(passphrase: str, minimum: int = MIN_PASSPHRASE_LENGTH) -> None:
    """The app asks for at least 8 characters; the command line only for one (it warns), as
    DESIGN.md sets no length and scripts may have their own rules."""
    if len(passphrase) < max(minimum, 1):
        raise PassphraseTooShortError()


@dataclass(frozen=True, slots=True)
class SaveState:
    """What the status bar shows: saved, or why not (the data is kept in memory)."""

    saved: bool
    at: dt.datetime | None = None
    error: VaultError | None = None
    #: False when the change is in place but the system couldn't confirm it reached the disk
    #: (the folder could not be synced after the rename).
    durable: bool = True


def _open_database(payload: bytes) -> JournalDatabase:
    from recovery_journal.storage.database import JournalDatabase  # lazy: keeps start-up fast

    return JournalDatabase.from_bytes(payload)


#: What opening a journal imports: the vault (with ``cryptography``) and the plain-SQL storage.
#: Neither sqlmodel nor SQLAlchemy: opening does without them (``storage/rows.py``).
OPENING_MODULES = (
    "recovery_journal.vault.vault",
    "recovery_journal.storage.database",
    "recovery_journal.storage.repository",
)


def warm_up(extra: Iterable[str] = ()) -> threading.Thread:
    """Import what opening a journal needs (and ``extra`` modules) on a background thread.

    For the app's unlock window: started once it shows, it runs while the person types, so
    pressing Unlock waits for the key derivation, not for imports. Importing is safe from any
    thread (Python's import lock makes a later import of the same module wait for this one);
    pass only modules that create nothing at import time that belongs to another thread.
    """
    names = (*OPENING_MODULES, *extra)

    def run() -> None:
        for name in names:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: S112 - only a head start: a real import reports it
                continue

    thread = threading.Thread(target=run, name="warm-up imports", daemon=True)
    thread.start()
    return thread


class JournalSession(RecordsMixin):
    """Create with :meth:`create` or :meth:`open`; :meth:`close` when done.

    Every change goes through :meth:`changed`, which saves at once. A failed save keeps the
    change in memory, reports it through ``save_state`` and is retried on the next change or
    by :meth:`retry_save`.
    """

    def __init__(self, vault: Vault, database: JournalDatabase) -> None:
        self._vault = vault
        self._db: JournalDatabase | None = database
        self._repo: JournalRepository | None = None
        self.save_state = SaveState(saved=True, at=None)
        self.listeners: list[Callable[[SaveState], None]] = []
        self.change_listeners: list[Callable[[], None]] = []
        self.recovered = False  # opened with the recovery code: a new passphrase is due
        #: Set by :meth:`unlock` when changes kept across a lock could not be saved into the
        #: journal because the file had changed meanwhile; they are in this encrypted copy.
        self.conflict_copy: Path | None = None

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: str,
        *,
        kdf: KdfParams | None = None,
        min_length: int = MIN_PASSPHRASE_LENGTH,
    ) -> tuple[JournalSession, str]:
        """A new, empty journal; returns it and the recovery code to show once."""
        from recovery_journal.storage.database import JournalDatabase
        from recovery_journal.vault import Vault

        check_new_passphrase(passphrase, min_length)
        database = JournalDatabase.new()
        vault, code = Vault.create(Path(path), passphrase, database.to_bytes(), kdf=kdf)
        return cls(vault, database), code

    @classmethod
    def open(
        cls, path: Path, secret: str, *, recovery_code: bool = False, read_all: bool = False
    ) -> JournalSession:
        """Open the journal at ``path``. With ``read_all``, also read every record now (see
        :meth:`data`): the app opens on a worker thread, and so does not read the journal
        again on the thread that paints."""
        from recovery_journal.vault import Vault

        kind = SlotKind.RECOVERY_CODE if recovery_code else SlotKind.PASSPHRASE
        vault, payload = Vault.open(Path(path), secret, kind=kind)
        try:
            session = cls(vault, _open_database(payload))
            session.recovered = recovery_code
            session._migrate_if_needed()
            if read_all:
                session.data()
        except BaseException:
            vault.close()
            raise
        return session

    def _migrate_if_needed(self) -> None:
        database = self.database
        if database.needs_migration:
            if self.read_only is not None:  # read it as this version does; write nothing
                database.migrate()
                return
            self._vault.backup_now("before-migration")
            database.migrate()
            self.changed()
            self.ensure_saved()

    @property
    def read_only(self) -> str | None:
        """Why the journal is open for reading only (a read-only disk, a folder you can't
        write, a file from a newer version), or None when changes are saved."""
        return self._vault.read_only

    def check_writable(self) -> None:
        """Raise ``ReadOnlyError`` (saying why) when the journal can only be read; a change
        made anyway stays in memory, unsaved, like any change a save could not write."""
        self._vault.check_writable()

    @property
    def path(self) -> Path:
        return self._vault.path

    @property
    def is_unlocked(self) -> bool:
        return self._db is not None

    @property
    def database(self) -> JournalDatabase:
        if self._db is None:
            raise SessionLockedError()
        return self._db

    @property
    def repository(self) -> JournalRepository:
        if self._repo is None:
            from recovery_journal.storage.repository import JournalRepository

            self._repo = JournalRepository(self.database)
        return self._repo

    def lock(self) -> None:
        """Drop the keys and the decrypted journal; the file stays locked to this copy.

        A change that could not be saved yet is tried once more; if it still can't be
        written it is kept encrypted in memory and saved after the next unlock.
        """
        unsaved = None
        if self._db is not None and not self.save_state.saved and not self.retry_save().saved:
            unsaved = self._db.to_bytes()
        self._vault.forget_keys(unsaved_payload=unsaved)
        self._drop_plaintext()

    def _drop_plaintext(self) -> None:
        """The decrypted journal must not outlive a lock: the database and the cached records.
        (The storage layer keeps no module-level cache of what the person typed: the row
        readers' memos live only as long as one read, ``storage/values.py``.)"""
        if self._db is not None:
            self._db.close()
        self._db = None
        self._repo = None
        self._data_cache = None

    def unlock(self, secret: str, *, recovery_code: bool = False, read_all: bool = False) -> None:
        """Unlock after :meth:`lock`; ``read_all`` as for :meth:`open`."""
        kind = SlotKind.RECOVERY_CODE if recovery_code else SlotKind.PASSPHRASE
        had_pending = self._vault.has_pending
        payload = self._vault.unlock(secret, kind=kind)
        try:
            self._db = _open_database(payload)
        except BaseException:
            self._vault.forget_keys()
            raise
        self.recovered = recovery_code
        self.revision += 1
        self.conflict_copy = self._vault.conflict_copy
        if had_pending and self.conflict_copy is None:
            self.changed()
        if read_all:
            self.data()

    def close(self) -> None:
        if self._db is not None and not self.save_state.saved:
            self.retry_save()
        self._drop_plaintext()
        self._vault.close()

    # ------------------------------------------------------------------ saving
    def changed(self) -> SaveState:
        """Call after every committed change: serialize, encrypt, write atomically."""
        database = self.database
        try:
            self._vault.check_writable()  # read-only: say so without serializing every time
            self._vault.backups_kept = self.repository.settings().backups_kept
            self._vault.save(database.to_bytes())
        except VaultError as error:
            self._set_state(SaveState(saved=False, at=self.save_state.at, error=error))
        else:
            durable = self._vault.last_write_durable
            self._set_state(SaveState(saved=True, at=dt.datetime.now(dt.UTC), durable=durable))
        return self.save_state

    def retry_save(self) -> SaveState:
        return self.changed()

    def ensure_saved(self) -> None:
        """Raise the pending save error, if any (the command line's way to report it)."""
        if self.save_state.error is not None:
            raise self.save_state.error

    def _set_state(self, state: SaveState) -> None:
        self.save_state = state
        for listener in list(self.listeners):
            listener(state)

    @property
    def all_saves_durable(self) -> bool:
        """False when any save since opening was written but not confirmed on the disk."""
        return self._vault.all_writes_durable

    @property
    def last_backup_error(self) -> SaveError | None:
        return self._vault.last_backup_error

    # ------------------------------------------------------------------ secrets and copies
    def change_passphrase(
        self,
        new_passphrase: str,
        *,
        current: str | None = None,
        min_length: int = MIN_PASSPHRASE_LENGTH,
    ) -> None:
        """Replace the passphrase; with ``current``, only if it is the passphrase in use (so
        someone at an unlocked, unattended computer can't lock the owner out)."""
        check_new_passphrase(new_passphrase, min_length)
        if current is not None:
            self._vault.check_secret(current)
        self._vault.change_passphrase(new_passphrase, self.database.to_bytes())
        self.recovered = False

    def new_recovery_code(self, *, current: str | None = None) -> str:
        """A new recovery code (the old one stops working); with ``current``, only if it is
        the passphrase in use, so someone at an unlocked, unattended computer can't make a
        code for themselves. Call :meth:`recovery_code_seen` once it has been shown."""
        if current is not None:
            self._vault.check_secret(current)
        return self._vault.new_recovery_code(self.database.to_bytes())

    @property
    def recovery_code_unseen(self) -> bool:
        """A new recovery code was written but never shown (``recover`` or ``new-code`` was
        stopped in between): the person may have no working code; offer a new one."""
        return self._vault.code_unseen

    def recovery_code_seen(self) -> None:
        self._vault.code_seen()

    def reset_after_recovery(
        self, new_passphrase: str, *, min_length: int = MIN_PASSPHRASE_LENGTH
    ) -> str:
        """After opening with the recovery code: a new passphrase, a new recovery code and a
        new data key (see ``Vault.rotate_keys``); returns the new code to show once."""
        check_new_passphrase(new_passphrase, min_length)
        code = self._vault.rotate_keys(new_passphrase, self.database.to_bytes())
        self.recovered = False
        return code

    @property
    def unrewrapped_backups(self) -> list[Path]:
        """Backups the last change of a secret could not re-encrypt (they keep the old one)."""
        return list(self._vault.unrewrapped_backups)

    def keep_my_version(self) -> Path:
        """After "changed on disk": save the journal as it is in the app to a new encrypted
        file beside the journal (same passphrase), so neither version is lost."""
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.stem}-my-version-{stamp}{self.path.suffix}")
        self._vault.write_current_copy(self.database.to_bytes(), target)
        return target

    def write_backup(self, destination: Path) -> bool:
        """An encrypted copy at ``destination``; False when it is in place but its folder
        could not be synced."""
        from recovery_journal.services.files import check_target

        check_target(Path(destination), self.path, copy_of_journal=True)
        self.ensure_saved()
        return self._vault.write_copy(Path(destination))

    def backup_now(self, reason: str) -> Path:
        return self._vault.backup_now(reason)

    def verify(self) -> list[str]:
        """Check every layer again; returns what was checked (raises on the first problem)."""
        database = self.database
        database.integrity_check()
        return [
            "header and key slots: ok",
            "contents decrypted and authenticated: ok",
            "database integrity check: ok",
            f"schema version: {database.schema_version}",
        ]

    @property
    def kdf(self) -> KdfParams:
        return self._vault.kdf

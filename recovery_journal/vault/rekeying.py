"""Changing what opens a vault: the passphrase, the recovery code, the data key — and
re-encrypting the backups so that a replaced secret opens none of them."""

from __future__ import annotations

import contextlib
import dataclasses
import hmac
import os
from collections.abc import Iterator
from pathlib import Path

from recovery_journal.vault import backups, recovery_code
from recovery_journal.vault.atomic import atomic_write, explain_os_error
from recovery_journal.vault.core import VaultCore, secret_bytes
from recovery_journal.vault.crypto import (
    decrypt_payload,
    encrypt_payload,
    fresh_payload_params,
    make_slot,
    new_data_key,
    open_slot,
    passphrase_bytes,
    wipe,
)
from recovery_journal.vault.errors import SaveError, VaultError, WrongSecretError
from recovery_journal.vault.format import MAX_HEADER_BODY, PREFIX, TAG_LEN, SlotKind, parse
from recovery_journal.vault.journal_file import code_marker_path, max_file_size
from recovery_journal.vault.reading import read_regular


class VaultSecrets(VaultCore):
    """Replacing key slots (and the data key) of an unlocked vault."""

    def check_secret(self, secret: str, *, kind: SlotKind = SlotKind.PASSPHRASE) -> None:
        """Raise WrongSecretError unless ``secret`` opens this vault's slot (derives a key)."""
        header = self._require_header()
        key = open_slot(header.slot(kind), secret_bytes(secret, kind), header.vault_id)
        same = hmac.compare_digest(bytes(key), bytes(self._require_key()))
        wipe(key)
        if not same:
            raise WrongSecretError()

    def change_passphrase(self, new_passphrase: str, payload: bytes) -> None:
        if not new_passphrase:
            raise WrongSecretError("The new passphrase is empty.")
        self._replace_slot(SlotKind.PASSPHRASE, passphrase_bytes(new_passphrase), payload)

    def new_recovery_code(self, payload: bytes) -> str:
        """Issue a new recovery code; the old one stops working (here and in backups).

        Until :meth:`code_seen` is called, a marker beside the journal says that the code in
        the file may never have been shown (see :attr:`code_unseen`)."""
        code = recovery_code.generate()
        with self._code_marked():
            self._replace_slot(SlotKind.RECOVERY_CODE, code, payload)
        return recovery_code.encode(code)

    @property
    def code_unseen(self) -> bool:
        """True when a new recovery code was written to the file but its showing was never
        confirmed (the program was stopped in between): the person may not have it."""
        return code_marker_path(self.path).exists()

    def code_seen(self) -> None:
        """The new recovery code was shown (and, in the app, confirmed as kept)."""
        with contextlib.suppress(FileNotFoundError):
            code_marker_path(self.path).unlink()

    @contextlib.contextmanager
    def _code_marked(self) -> Iterator[None]:
        """Mark before a new code is written; unmark when writing fails (the old code and the
        old file are still in place then)."""
        self.check_writable()
        marker = code_marker_path(self.path)
        existed = marker.exists()
        flags = (
            os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
        )
        try:
            os.close(os.open(marker, flags, 0o600))
        except OSError as error:
            raise SaveError(explain_os_error(error)) from error
        try:
            yield
        except BaseException:
            if not existed:
                with contextlib.suppress(OSError):
                    marker.unlink()
            raise

    def _replace_slot(self, kind: SlotKind, secret: bytes, payload: bytes) -> None:
        header = self._require_header()
        data_key = self._require_key()
        old = header.slot(kind)
        new = make_slot(kind, secret, data_key, header.vault_id, old.kdf)
        slots = tuple(new if slot.kind == kind else slot for slot in header.slots)
        self._write(payload, slots=slots)
        self.unrewrapped_backups = self.rewrap_backups()

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
            with self._code_marked():
                self._write(payload, slots=slots, check_disk=False)
        except BaseException:
            self._data_key = old_key
            wipe(new_key)
            raise
        self.unrewrapped_backups = self.rewrap_backups(old_data_key=old_key)
        wipe(old_key)
        return recovery_code.encode(code)

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
                old_header, old_bytes, ciphertext = parse(read_regular(path, max_file_size()))
                if old_header.vault_id != header.vault_id:
                    continue
                if old_header.is_newer:  # re-encrypting would drop what a newer version added
                    failed.append(path)
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

    def _stale_backups(self) -> list[Path]:
        """Backups of this journal whose key slots are not the journal's: a change of secret
        was interrupted before it reached them (they would still open with the old one)."""
        header = self._require_header()
        current = tuple(slot.to_bytes() for slot in header.slots)
        stale = []
        for path in backups.list_backups(self.path):
            with contextlib.suppress(OSError, VaultError):
                head = read_regular(path, PREFIX.size + MAX_HEADER_BODY, head=True)
                old, _, _ = parse(head, whole=False)
                same_journal = old.vault_id == header.vault_id
                if same_journal and tuple(s.to_bytes() for s in old.slots) != current:
                    stale.append(path)
        return stale

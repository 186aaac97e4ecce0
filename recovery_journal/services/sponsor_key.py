"""The sponsor key: make it, open it, show its code, change its passphrase.

A sponsor makes one key (Settings › For sponsors, or ``sponsor-key init``) and gives its code
to the people they sponsor; review files made with that code open only with this key. The key
file lives beside the journal (``services/paths.py``); its format and the reasoning behind it
are in ``docs/review-file-format.md``. Argon2id runs here: the app calls these on a worker
thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from recovery_journal.vault import sponsor_code
from recovery_journal.vault.format import KdfParams
from recovery_journal.vault.sponsor_key import (
    SponsorKeyPair,
    new_key_file,
    open_key_file,
    parse_key_file,
    read_key_file,
    rewrap_key_file,
    write_key_file,
)

#: A sponsor key's passphrase is held to the journal's own minimum.
MIN_PASSPHRASE = 8


class KeyPassphraseTooShortError(ValueError):
    exit_code = 2

    def __init__(self) -> None:
        super().__init__(
            f"A passphrase needs at least {MIN_PASSPHRASE} characters; a few random words are best."
        )


@dataclass
class SponsorKey:
    """An opened sponsor key. Call :meth:`close` when done: it overwrites the private key."""

    path: Path
    pair: SponsorKeyPair

    @property
    def code(self) -> str:
        return sponsor_code.encode(self.pair.public_key)

    def close(self) -> None:
        self.pair.wipe()


def key_exists(path: Path) -> bool:
    return Path(path).exists()


def check_key_file(path: Path) -> None:
    """Refuse a missing, odd or damaged key file before a passphrase is asked for."""
    parse_key_file(read_key_file(Path(path)))


def create_key(path: Path, passphrase: str, kdf: KdfParams | None = None) -> str:
    """Make a key at ``path`` (never over an existing one); returns its code."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyPassphraseTooShortError()
    blob, public_key = new_key_file(passphrase, kdf)
    write_key_file(Path(path), blob)
    return sponsor_code.encode(public_key)


def open_key(path: Path, passphrase: str) -> SponsorKey:
    """Open the key (Argon2id): the code it shows is then checked against its private key."""
    return SponsorKey(Path(path), open_key_file(read_key_file(Path(path)), passphrase))


def change_key_passphrase(path: Path, old: str, new: str) -> None:
    if len(new) < MIN_PASSPHRASE:
        raise KeyPassphraseTooShortError()
    blob = rewrap_key_file(read_key_file(Path(path)), old, new)
    write_key_file(Path(path), blob, replace_existing=True)

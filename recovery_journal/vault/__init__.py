"""The encrypted vault file: format, keys, atomic writes, backups and the running-copy lock.

Depends on the standard library and ``cryptography`` only. ``Vault`` (and with it
``cryptography``) is imported on first use, so the errors and the format's types are cheap to
import: the unlock window needs them before the person has typed anything.
"""

from typing import TYPE_CHECKING, Any

from recovery_journal.vault.errors import (
    ChangedOnDiskError,
    CorruptHeaderError,
    DamagedContentsError,
    NotAVaultError,
    SaveError,
    UnsupportedVersionError,
    VaultError,
    VaultExistsError,
    VaultLockedError,
    VaultMissingError,
    WrongSecretError,
)
from recovery_journal.vault.format import KdfParams, SlotKind

if TYPE_CHECKING:
    from recovery_journal.vault.vault import Vault

__all__ = [
    "ChangedOnDiskError",
    "CorruptHeaderError",
    "DamagedContentsError",
    "KdfParams",
    "NotAVaultError",
    "SaveError",
    "SlotKind",
    "UnsupportedVersionError",
    "Vault",
    "VaultError",
    "VaultExistsError",
    "VaultLockedError",
    "VaultMissingError",
    "WrongSecretError",
]


def __getattr__(name: str) -> Any:
    if name == "Vault":
        from recovery_journal.vault.vault import Vault

        return Vault
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

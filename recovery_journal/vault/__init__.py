"""The encrypted vault file: format, keys, atomic writes, backups and the running-copy lock.

Depends on the standard library and ``cryptography`` only.
"""

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

"""Every error a caller of the services may need to tell apart, in one place.

The app and the command line import errors from here rather than from ``vault`` or
``storage``, which they must not depend on.
"""

from recovery_journal.services.session import PassphraseTooShortError, SessionLockedError
from recovery_journal.storage.errors import DatabaseCheckError
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

__all__ = [
    "ChangedOnDiskError",
    "CorruptHeaderError",
    "DamagedContentsError",
    "DatabaseCheckError",
    "NotAVaultError",
    "PassphraseTooShortError",
    "SaveError",
    "SessionLockedError",
    "UnsupportedVersionError",
    "VaultError",
    "VaultExistsError",
    "VaultLockedError",
    "VaultMissingError",
    "WrongSecretError",
]

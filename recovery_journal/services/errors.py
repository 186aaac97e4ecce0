"""Every error a caller of the services may need to tell apart, in one place.

The app and the command line import errors from here rather than from ``vault`` or
``storage``, which they must not depend on. The errors of a write are
:class:`InvalidRecordError` (a value breaks a rule: ``errors`` name each field; nothing was
written), :class:`RecordConflictError` (it clashes with what is stored: a date already
recorded, a sponsor id taken) and :class:`RecordNotFoundError` (the record is gone). Tell
them apart by their type, never by their message.
"""

from recovery_journal.domain.validation import InvalidRecordError
from recovery_journal.services.session import PassphraseTooShortError, SessionLockedError
from recovery_journal.storage.errors import (
    DatabaseCheckError,
    RecordConflictError,
    RecordNotFoundError,
)
from recovery_journal.vault.errors import (
    ChangedOnDiskError,
    CorruptHeaderError,
    DamagedContentsError,
    JournalTooLargeError,
    NotAFileError,
    NotAVaultError,
    NotDurableError,
    ReadOnlyError,
    SaveError,
    UnsupportedVersionError,
    VaultError,
    VaultExistsError,
    VaultLockedError,
    VaultMissingError,
    WrongSecretError,
)
from recovery_journal.vault.sharing_errors import (
    NotAReviewFileError,
    ReviewFileDamagedError,
    ReviewFileError,
    ReviewFileVersionError,
    ReviewForAnotherKeyError,
    SponsorCodeError,
    SponsorKeyError,
    SponsorKeyExistsError,
    SponsorKeyMissingError,
    WrongKeyPassphraseError,
)


class UnsafeTargetError(VaultError):
    """A file the person asked to write (an export, a chart, a report, a backup copy) would
    replace their journal, one of its backups or its lock file; nothing was written."""

    exit_code = 2
    summary = "Nothing was written."

    @property
    def message(self) -> str:
        if not self.detail:
            return self.summary
        return f"{self.detail.rstrip('.')}. {self.summary}"


__all__ = [
    "ChangedOnDiskError",
    "CorruptHeaderError",
    "DamagedContentsError",
    "DatabaseCheckError",
    "InvalidRecordError",
    "JournalTooLargeError",
    "NotAFileError",
    "NotAReviewFileError",
    "NotAVaultError",
    "NotDurableError",
    "PassphraseTooShortError",
    "ReadOnlyError",
    "RecordConflictError",
    "RecordNotFoundError",
    "ReviewFileDamagedError",
    "ReviewFileError",
    "ReviewFileVersionError",
    "ReviewForAnotherKeyError",
    "SaveError",
    "SessionLockedError",
    "SponsorCodeError",
    "SponsorKeyError",
    "SponsorKeyExistsError",
    "SponsorKeyMissingError",
    "UnsafeTargetError",
    "UnsupportedVersionError",
    "VaultError",
    "VaultExistsError",
    "VaultLockedError",
    "VaultMissingError",
    "WrongKeyPassphraseError",
    "WrongSecretError",
]

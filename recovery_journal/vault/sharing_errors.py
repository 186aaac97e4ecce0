"""Typed errors of the sponsor key file and the review file, each with a plain message.

Like the journal's own errors (:mod:`.errors`), ``exit_code`` is the command line's status
(``DESIGN.md``): 3 for a passphrase that doesn't open the key, 4 for a file that can't be read
(not one of ours, a newer version, damaged, cut short, altered, or made for another key).
"""

from __future__ import annotations

from recovery_journal.vault.errors import VaultError, WrongSecretError, _AtPathError


class SponsorKeyError(VaultError):
    """Base of every error about the sponsor key file."""

    exit_code = 4
    summary = "Your sponsor key couldn't be opened."


class NotASponsorKeyError(SponsorKeyError):
    summary = "That file is not a Recovery Journal sponsor key."


class SponsorKeyVersionError(SponsorKeyError):
    summary = (
        "Your sponsor key was made by a newer version of Recovery Journal. Nothing was "
        "changed; please update the app to use it."
    )


class SponsorKeyDamagedError(SponsorKeyError):
    summary = "Your sponsor key file is damaged or cut short, so it can't be opened."


class WrongKeyPassphraseError(WrongSecretError):
    summary = "That passphrase doesn't open your sponsor key."


class SponsorKeyMissingError(_AtPathError):
    exit_code = 1
    summary = "You have no sponsor key yet."
    template = "You have no sponsor key yet (none at {path})."


class SponsorKeyExistsError(_AtPathError):
    exit_code = 1
    summary = "You already have a sponsor key; it was left untouched."
    template = "You already have a sponsor key at {path}; it was left untouched."


class ReviewFileError(VaultError):
    """Base of every error about a review file being opened."""

    exit_code = 4
    summary = "This review file couldn't be opened."


class NotAReviewFileError(ReviewFileError):
    summary = "That file is not a Recovery Journal review file."


class ReviewFileVersionError(ReviewFileError):
    summary = (
        "This review file was made by a newer version of Recovery Journal; please update the "
        "app to open it."
    )


class ReviewFileDamagedError(ReviewFileError):
    summary = "This review file is damaged, cut short or altered, so it can't be opened."


class ReviewForAnotherKeyError(ReviewFileError):
    summary = (
        "This review file was made for another sponsor key, so yours can't open it. Ask for "
        "it to be made again with the code your key shows."
    )


class SponsorCodeError(ValueError):
    """Text that is not a usable sponsor code; the message says what to check."""

    exit_code = 2

"""Typed vault errors, each with a plain message a person can act on.

``exit_code`` is the command line's exit status for the error (``DESIGN.md``).
"""

from __future__ import annotations

from pathlib import Path


class VaultError(Exception):
    """Base of every error the vault layer raises on purpose."""

    exit_code = 1
    summary = "The journal couldn't be opened."

    def __init__(self, detail: str | None = None, *, newest_backup: Path | None = None) -> None:
        self.detail = detail
        self.newest_backup = newest_backup
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = self.summary if self.detail is None else f"{self.summary} {self.detail}"
        if self.newest_backup is not None:
            text += f" Your newest backup is {self.newest_backup}."
        return text


class NotAVaultError(VaultError):
    exit_code = 4
    summary = "This file is not a Recovery Journal file."


class UnsupportedVersionError(VaultError):
    exit_code = 4
    summary = (
        "This journal was written by a newer version of Recovery Journal. "
        "Nothing was changed; please update the app to open it."
    )


class CorruptHeaderError(VaultError):
    exit_code = 4
    summary = "The start of this journal file is damaged or cut short, so it can't be opened."


class WrongSecretError(VaultError):
    exit_code = 3
    summary = "That passphrase or recovery code doesn't open this journal."


class DamagedContentsError(VaultError):
    exit_code = 4
    summary = (
        "This journal file has been damaged or altered, so it can't be read. Nothing was changed."
    )


class VaultLockedError(VaultError):
    exit_code = 5
    summary = "This journal is already open in another running copy of Recovery Journal."


class ChangedOnDiskError(VaultError):
    exit_code = 7
    summary = (
        "The journal file was changed by something else since it was opened, so it was not "
        "overwritten."
    )


class SaveError(VaultError):
    """Writing failed; the file on disk is untouched and the data is still in memory."""

    exit_code = 1
    summary = "The journal couldn't be saved."


class VaultAccessError(VaultError):
    """The file or its folder can't be read or written (permissions, read-only disk…)."""

    exit_code = 1
    summary = "The journal file couldn't be opened."


class NotAFileError(VaultError):
    """The journal path names a folder, a pipe, a device… (never read, never locked)."""

    exit_code = 4
    summary = "That is not a journal file."


class JournalTooLargeError(SaveError):
    """A save would write a file larger than any reader accepts (the open bound)."""

    summary = (
        "The journal couldn't be saved: it would grow past 1 GiB, the most a journal file can "
        "hold, and could then not be opened again. The journal on disk is unchanged."
    )


class ReadOnlyError(SaveError):
    """The journal is open for reading only; ``detail`` says why."""

    summary = "Your journal is open for reading only, so nothing was changed."


class NotDurableError(VaultError):
    """A file was written and renamed into place, but its folder could not be synced."""

    exit_code = 1
    summary = (
        "The system couldn't confirm that what was just written reached the disk (its folder "
        "couldn't be synced); if the disk is removed or the power fails soon, it may be lost."
    )


class _AtPathError(VaultError):
    """An error whose detail is a path, placed inside the sentence."""

    template = "{path}"

    @property
    def message(self) -> str:
        return self.template.format(path=self.detail or "that place")


class VaultExistsError(_AtPathError):
    exit_code = 1
    summary = "A journal already exists there; it was left untouched."
    template = "A journal already exists at {path}; it was left untouched."


class VaultMissingError(_AtPathError):
    exit_code = 1
    summary = "There is no journal there yet."
    template = "There is no journal at {path} yet."

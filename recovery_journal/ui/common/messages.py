"""Kind, plain words for everything that can go wrong (UI.md "Words": what happened, that
nothing was lost, and what to do)."""

from __future__ import annotations

import sys
import traceback

from recovery_journal.services.errors import (
    ChangedOnDiskError,
    DatabaseCheckError,
    ReadOnlyError,
    SaveError,
    VaultError,
    VaultLockedError,
    VaultMissingError,
    WrongSecretError,
)

ALREADY_OPEN = (
    "Recovery Journal is already open with this journal in another window. Please switch to "
    "that window. Only one copy can have a journal open at a time, so nothing gets overwritten."
)

NOT_OPENED_TEXT = (
    "That passphrase didn't open your journal. Nothing has changed. Check Caps Lock and try "
    "again, or use your recovery code."
)
WRONG_RECOVERY_CODE = (
    "That recovery code didn't open your journal. Nothing has changed. Check it and try "
    "again; capitals, hyphens and spaces don't matter."
)

_BACKUPS = (
    "Your journal keeps encrypted backups in the “backups” folder beside it; they open with "
    "the same passphrase."
)


def open_error_text(error: BaseException, *, recovery_code: bool = False) -> str:
    """Why a journal could not be opened or unlocked, and what to do next."""
    if isinstance(error, WrongSecretError):
        if recovery_code:
            text = WRONG_RECOVERY_CODE
            if error.detail:
                text += f" {error.detail}"
            return text
        return NOT_OPENED_TEXT
    if isinstance(error, VaultLockedError):
        return ALREADY_OPEN
    if isinstance(error, VaultMissingError):
        return f"{error.message} It may have been moved or renamed."
    if isinstance(error, VaultError):
        text = error.message
        if error.newest_backup is None:
            text += " " + _BACKUPS
        return text
    if isinstance(error, DatabaseCheckError):
        return f"{error.message} Nothing was changed. {_BACKUPS}"
    return unexpected_text(error)


def save_error_text(error: BaseException | None) -> str:
    """The status bar's words for a save that did not reach the disk."""
    if isinstance(error, ChangedOnDiskError):
        return f"Not saved. {error.message}"
    if isinstance(error, ReadOnlyError):
        return (
            f"Not saved. {error.message} What you change stays in this window until you close "
            "it, but it can't be written to this journal."
        )
    detail = error.message if isinstance(error, VaultError) else "The journal couldn't be saved."
    if isinstance(error, SaveError) and "disk is full" in detail:
        return (
            "This journal couldn't be saved because the disk is full. Your changes are safe in "
            "the app; free some space and they will be saved automatically."
        )
    return (
        f"Not saved yet. {detail} Your changes are safe in the app and will be saved "
        "automatically as soon as it works again."
    )


def unexpected_text(error: BaseException) -> str:
    """Something we did not plan for: say so plainly and keep the details for a bug report."""
    traceback.print_exception(error, file=sys.stderr)
    return (
        "Something unexpected went wrong, and it is not your fault. Nothing in your journal was "
        f"changed by it. (Details for a bug report: {type(error).__name__}: {error})"
    )

"""Errors raised by the storage layer, each with a message in plain words."""

from __future__ import annotations


class StorageError(Exception):
    """Base class of every storage error."""


class DatabaseCheckError(StorageError):
    """The journal database is not ours, is damaged, or was made by a newer program.

    ``str(error)`` is a plain sentence for the person; ``detail`` is for logs and ``--debug``.
    """

    exit_code = 4  # the command line's "damaged file"

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class UncommittedChangesError(StorageError, RuntimeError):
    """``to_bytes`` was called while a transaction was still open (a programming error)."""


class RecordNotFoundError(StorageError, LookupError):
    """The record to change or delete is not in the journal."""


class RecordConflictError(StorageError, ValueError):
    """The change clashes with what is stored (a date already recorded, a sponsor id taken,
    a contact naming a sponsor that is not in the journal)."""

"""Where secrets come from: an interactive prompt, or ``--password-stdin`` one per line."""

from __future__ import annotations

import getpass
import sys
from typing import TextIO


class UsageError(Exception):
    """A mistake in how the command was called (exit code 2)."""


class SecretSource:
    """Hands out secrets in order, each read once; never from the command line itself."""

    def __init__(self, from_stdin: bool, stdin: TextIO | None = None) -> None:
        self.from_stdin = from_stdin
        self._stdin = stdin or sys.stdin

    @property
    def stream(self) -> TextIO:
        """Standard input: what is left after the secrets (``--note -`` reads it)."""
        return self._stdin

    def _read_line(self, what: str) -> str:
        line = self._stdin.readline()
        if not line:
            raise UsageError(f"expected {what} on standard input, one per line")
        return line.rstrip("\r\n")

    def _ensure_terminal(self) -> None:
        if not self._stdin.isatty():
            raise UsageError(
                "no terminal to ask for a passphrase: run in a terminal or use --password-stdin"
            )

    def existing(self, prompt: str = "Passphrase: ") -> str:
        if self.from_stdin:
            return self._read_line(prompt.rstrip(": ").lower())
        self._ensure_terminal()
        return getpass.getpass(prompt)

    def new(self, prompt: str = "New passphrase: ") -> str:
        """A new secret: asked twice at a prompt, once on standard input."""
        if self.from_stdin:
            return self._read_line(prompt.rstrip(": ").lower())
        self._ensure_terminal()
        first = getpass.getpass(prompt)
        if getpass.getpass("Type it again: ") != first:
            raise UsageError("the two passphrases were not the same; nothing was changed")
        return first

"""The argument parser and what every command receives."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from recovery_journal import __version__
from recovery_journal.cli.secrets_input import SecretSource


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)  # "--password" must not mean --password-stdin
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        """One line on stderr and exit code 2, as for every other error."""
        self.exit(2, f"usage error: {message} (see --help)\n")


@dataclass
class CliContext:
    vault: Path
    secrets: SecretSource
    out: TextIO
    today: dt.date
    #: Every journal the command opened, so the end of the command can report a save that
    #: was written but not confirmed on the disk.
    sessions: list[Any] = field(default_factory=list)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliContext:
        from recovery_journal.services.paths import default_vault_path

        vault = Path(args.vault).expanduser() if args.vault else default_vault_path()
        return cls(
            vault=vault,
            secrets=SecretSource(args.password_stdin),
            out=sys.stdout,
            today=dt.date.today(),
        )


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-31") from None


def _global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # On sub-commands the defaults are suppressed so a value given before the command stays.
    default = (lambda value: value) if top else (lambda value: argparse.SUPPRESS)
    parser.add_argument(
        "--vault", metavar="PATH", default=default(None), help="the journal file to use"
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        default=default(False),
        help="read secrets from standard input, one per line, instead of asking",
    )
    parser.add_argument(
        "--debug", action="store_true", default=default(False), help="show tracebacks"
    )


def build_parser() -> argparse.ArgumentParser:
    from recovery_journal.cli import (
        chart_command,
        data_commands,
        log_command,
        network_command,
        report_command,
        review_commands,
        stats_command,
        vault_commands,
    )

    parser = _Parser(
        prog="recovery-journal-cli",
        description=(
            "Recovery Journal from the terminal: create, check and back up your encrypted "
            "journal, log a day, import, export and see your figures. Secrets are asked for "
            "at a prompt (or read from standard input with --password-stdin), never taken "
            "as arguments."
        ),
        epilog=(
            "Exit codes: 0 success, 1 other failure, 2 usage error, 3 wrong passphrase or "
            "recovery code, 4 not a journal file or damaged, 5 open in another copy, "
            "6 invalid import data (nothing imported), 7 file changed on disk since opened."
        ),
    )
    _global_options(parser, top=True)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    modules = (
        vault_commands,
        data_commands,
        log_command,
        stats_command,
        network_command,
        chart_command,
        report_command,
        review_commands,
    )
    for module in modules:
        module.register(commands, lambda p: _global_options(p, top=False))
    return parser

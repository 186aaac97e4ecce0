"""``recovery-journal-cli``: headless tasks in the spirit of ``keepassxc-cli``.

Errors are one line on standard error and an exit code from ``DESIGN.md``; ``--debug`` adds
the traceback. Heavy modules (sqlmodel, matplotlib) load only in the commands that need them.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence

from recovery_journal.cli.context import CliContext, build_parser
from recovery_journal.cli.secrets_input import UsageError

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
EXIT_INVALID_IMPORT = 6


def _exit_code(error: BaseException) -> int:
    code = getattr(error, "exit_code", None)
    if isinstance(code, int):
        return code
    if isinstance(error, UsageError):
        return EXIT_USAGE
    return EXIT_FAILURE


#: What to try next, after the message, for the errors where the next step is not obvious.
_NEXT_STEPS = {
    "WrongSecretError": "Nothing was changed. Forgot it? Run: recovery-journal-cli recover",
    "VaultMissingError": "Create one with: recovery-journal-cli init",
}


def _message(error: BaseException) -> str:
    text = getattr(error, "message", None) or str(error) or type(error).__name__
    hint = _NEXT_STEPS.get(type(error).__name__)
    if hint:
        text = f"{text} {hint}"
    if getattr(error, "exit_code", None) == EXIT_INVALID_IMPORT:
        return str(text)  # already "import refused: $.path: reason", one error per line
    if type(error).__name__ == "NotDurableError":
        return f"warning: {text}"  # the command did its work; its durability is unconfirmed
    return f"error: {text}"


def _check_durable(ctx: CliContext) -> None:
    """A journal save whose folder could not be synced is reported, not taken as durable."""
    if any(not session.all_saves_durable for session in ctx.sessions):
        from recovery_journal.services.errors import NotDurableError

        raise NotDurableError()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "handler", None) is None:
        print("usage error: choose a command, such as init or stats (see --help)", file=sys.stderr)
        return EXIT_USAGE
    try:
        from recovery_journal.services.process import harden_process

        harden_process()
        ctx = CliContext.from_args(args)
        code = int(args.handler(args, ctx) or EXIT_OK)
        _check_durable(ctx)
        return code
    except KeyboardInterrupt:
        print("error: interrupted; nothing more was changed", file=sys.stderr)
        return 130
    except Exception as error:
        if getattr(args, "debug", False):
            traceback.print_exc()
        print(_message(error), file=sys.stderr)
        return _exit_code(error)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

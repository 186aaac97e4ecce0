"""Commands about the journal file itself: init, verify, passwd, recover, new-code, backup."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from recovery_journal.cli.context import CliContext
from recovery_journal.cli.output import recovery_code_block
from recovery_journal.services.session import (
    MIN_PASSPHRASE_LENGTH,
    JournalSession,
    check_journal_path,
    kdf_for_memory,
)

Register = Callable[[argparse.ArgumentParser], None]


def _kdf_memory(text: str) -> int:
    value = int(text)
    if value < 19 or value > 1024:
        raise argparse.ArgumentTypeError("must be between 19 and 1024 (MiB)")
    return value


def register(commands: Any, add_globals: Register) -> None:
    init = commands.add_parser(
        "init",
        help="create a new encrypted journal",
        description=(
            "Create a new encrypted journal and print its recovery code once. Key derivation "
            "is calibrated to take about half a second on this computer. At a terminal the "
            "new passphrase is asked twice; with --password-stdin it is read once, from the "
            "first line."
        ),
    )
    init.add_argument(
        "--kdf-memory-mib",
        type=_kdf_memory,
        metavar="N",
        help="use N MiB for key derivation instead of calibrating (19 to 1024)",
    )
    init.set_defaults(handler=cmd_init)

    verify = commands.add_parser(
        "verify",
        help="check the journal file",
        description="Open the journal and check "
        "every layer: header, key slot, encrypted contents and the database inside.",
    )
    verify.set_defaults(handler=cmd_verify)

    passwd = commands.add_parser(
        "passwd",
        help="change the passphrase",
        description="Change the passphrase (asks for the current one, then the new one).",
    )
    passwd.set_defaults(handler=cmd_passwd)

    recover = commands.add_parser(
        "recover",
        help="open with the recovery code and set a new passphrase",
        description=(
            "Open the journal with its recovery code, set a new passphrase and print a new "
            "recovery code (the old code stops working)."
        ),
    )
    recover.set_defaults(handler=cmd_recover)

    new_code = commands.add_parser(
        "new-code",
        help="make a new recovery code (asks for the passphrase)",
        description=(
            "Make a new recovery code with your passphrase and print it once; the old code "
            "stops working, in the journal and in its backups. Use it when you lost your code, "
            "or when a recover was stopped before it could show you the new one."
        ),
    )
    new_code.set_defaults(handler=cmd_new_code)

    backup = commands.add_parser(
        "backup",
        help="write an encrypted copy",
        description="Write an encrypted copy of the journal; it opens with the same passphrase.",
    )
    backup.add_argument("-o", "--output", required=True, metavar="FILE", type=Path)
    backup.set_defaults(handler=cmd_backup)

    for sub in (init, verify, passwd, recover, new_code, backup):
        add_globals(sub)


def _new_passphrase(ctx: CliContext) -> str:
    """A new passphrase; a short one is allowed here (DESIGN.md sets no length) with a word
    of warning, while the app asks for at least 8 characters."""
    passphrase = ctx.secrets.new()
    if 0 < len(passphrase) < MIN_PASSPHRASE_LENGTH:
        print(
            f"warning: a passphrase under {MIN_PASSPHRASE_LENGTH} characters is easy to guess; "
            "a few random words is stronger (change it with: recovery-journal-cli passwd)",
            file=sys.stderr,
        )
    return passphrase


def open_session(ctx: CliContext, *, recovery_code: bool = False) -> JournalSession:
    """Open the journal (a missing or odd path is refused before a secret is asked for)."""
    check_journal_path(ctx.vault)
    secret = ctx.secrets.existing("Recovery code: " if recovery_code else "Passphrase: ")
    session = JournalSession.open(ctx.vault, secret, recovery_code=recovery_code)
    ctx.sessions.append(session)
    session.set_clock(lambda: ctx.today)  # writes are checked against the command's today
    return session
    return session


def cmd_init(args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.services.errors import VaultExistsError

    if ctx.vault.exists():
        raise VaultExistsError(str(ctx.vault))
    passphrase = _new_passphrase(ctx)
    session, code = JournalSession.create(
        ctx.vault, passphrase, kdf=kdf_for_memory(args.kdf_memory_mib), min_length=1
    )
    ctx.sessions.append(session)
    session.close()
    print(f"Created your journal at {ctx.vault}", file=ctx.out)
    print(recovery_code_block(code), file=ctx.out)
    return 0


def cmd_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    session = open_session(ctx)
    try:
        checks = session.verify()
        kdf = session.kdf
        left = session.unrewrapped_backups
        read_only = session.read_only
        unseen = session.recovery_code_unseen
    finally:
        session.close()
    print(f"{ctx.vault}: everything checks out.", file=ctx.out)
    for line in checks:
        print(f"  {line}", file=ctx.out)
    print(
        f"  key derivation: Argon2id, {kdf.memory_kib // 1024} MiB, "
        f"{kdf.iterations} passes, {kdf.lanes} lanes",
        file=ctx.out,
    )
    if read_only:
        print(f"  opened for reading only: {read_only}", file=ctx.out)
    if unseen:
        print(
            "  recovery code: a new code was made (by recover or new-code) but the command was "
            "stopped before showing it, so you may not have a working one. Make one now with "
            "your passphrase: recovery-journal-cli new-code",
            file=ctx.out,
        )
    else:
        print(
            "  recovery code: if you no longer have it, make a new one with your passphrase: "
            "recovery-journal-cli new-code",
            file=ctx.out,
        )
    _report_unrewrapped(left, ctx)
    return 0


def cmd_passwd(args: argparse.Namespace, ctx: CliContext) -> int:
    session = open_session(ctx)
    try:
        session.change_passphrase(_new_passphrase(ctx), min_length=1)
        left = session.unrewrapped_backups
    finally:
        session.close()
    print("Your passphrase was changed. Backups now open with the new one.", file=ctx.out)
    _report_unrewrapped(left, ctx)
    return 0


def _report_unrewrapped(left: list[Path], ctx: CliContext) -> None:
    if left:
        print(
            f"{len(left)} backup(s) could not be re-encrypted and still open with the old "
            "secret; delete them if that secret is no longer safe:",
            file=ctx.out,
        )
        for path in left:
            print(f"  {path}", file=ctx.out)


def cmd_recover(args: argparse.Namespace, ctx: CliContext) -> int:
    session = open_session(ctx, recovery_code=True)
    try:
        session.check_writable()  # before a new passphrase is asked for
        new_code = session.reset_after_recovery(_new_passphrase(ctx), min_length=1)
        left = session.unrewrapped_backups
        _show_new_code(
            session,
            ctx,
            "Your journal is open again with the new passphrase.\n"
            "The old recovery code no longer works; here is the new one.",
            new_code,
        )
    finally:
        session.close()
    _report_unrewrapped(left, ctx)
    return 0


def cmd_new_code(args: argparse.Namespace, ctx: CliContext) -> int:
    session = open_session(ctx)
    try:
        new_code = session.new_recovery_code()
        left = session.unrewrapped_backups
        _show_new_code(session, ctx, "The old recovery code no longer works.", new_code)
    finally:
        session.close()
    _report_unrewrapped(left, ctx)
    return 0


def _show_new_code(session: JournalSession, ctx: CliContext, intro: str, code: str) -> None:
    """Print a new code first thing, then note that it was shown (until then ``verify`` says
    it may never have been seen)."""
    print(intro, file=ctx.out)
    print(recovery_code_block(code), file=ctx.out)
    ctx.out.flush()
    session.recovery_code_seen()


def cmd_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.services.files import check_target

    check_target(args.output, ctx.vault, copy_of_journal=True)
    session = open_session(ctx)
    try:
        session.write_backup(args.output)
    finally:
        session.close()
    print(f"Wrote an encrypted copy to {args.output}", file=ctx.out)
    return 0

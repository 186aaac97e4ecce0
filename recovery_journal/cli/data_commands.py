"""``import``, ``export`` and ``demo``: moving a journal's contents in and out."""

from __future__ import annotations

import argparse
import datetime as dt
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from recovery_journal.cli.context import CliContext
from recovery_journal.cli.output import recovery_code_block
from recovery_journal.cli.secrets_input import UsageError

Register = Callable[[argparse.ArgumentParser], None]


class ExportError(Exception):
    """Writing an export failed (the journal itself is untouched)."""

    exit_code = 1


NOT_ENCRYPTED = "Note: this export is not encrypted; keep it somewhere private."


def register(commands: Any, add_globals: Register) -> None:
    imp = commands.add_parser(
        "import",
        help="import a JSON interchange file (all or nothing)",
        description=(
            "Import a JSON interchange file. Nothing is written unless the whole file is valid. "
            "Into a journal that already has records, choose --merge (add; a day already "
            "recorded is an error) or --replace (replace everything, after an encrypted backup)."
        ),
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    how = imp.add_mutually_exclusive_group()
    how.add_argument("--merge", action="store_true", help="add to the records already there")
    how.add_argument("--replace", action="store_true", help="replace every record")
    imp.set_defaults(handler=cmd_import)

    exp = commands.add_parser(
        "export",
        help="export as JSON or as a folder of CSV files",
        description=(
            "Write your journal in the open JSON interchange format, or as a folder of CSV "
            "files with a codebook. Exports are NOT encrypted."
        ),
    )
    exp.add_argument("--format", required=True, choices=["json", "csv"])
    exp.add_argument("-o", "--output", required=True, type=Path, metavar="PATH")
    exp.set_defaults(handler=cmd_export)

    demo = commands.add_parser(
        "demo",
        help="write a demo journal with made-up data",
        description="Write a new journal holding two years of made-up data; prints its passphrase.",
    )
    demo.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    demo.set_defaults(handler=cmd_demo)

    for sub in (imp, exp, demo):
        add_globals(sub)


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.cli.vault_commands import open_session
    from recovery_journal.services.interchange_json import (
        ImportMode,
        parse_json,
        read_import_file,
    )

    text = read_import_file(args.file)  # a regular file within the size limit, or refused
    data = parse_json(text, ctx.today)  # refused before anything is opened or written
    del text
    mode: ImportMode = (
        "merge" if args.merge else "replace" if args.replace else "refuse_if_not_empty"
    )
    session = open_session(ctx)
    try:
        summary = session.import_data(data, mode)
        session.ensure_saved()
    finally:
        session.close()
    counts = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in summary.counts.items() if n)
    print(f"Imported {counts or 'nothing (the file has no records)'}.", file=ctx.out)
    return 0


def _check_csv_folder(folder: Path) -> None:
    from recovery_journal.services.interchange_csv import holds_files

    if not folder.exists():
        return
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder; choose a new or empty folder")
    if holds_files(folder):
        raise UsageError(f"{folder} is not empty; choose a new or empty folder")


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.cli.vault_commands import open_session
    from recovery_journal.services.errors import NotDurableError, SaveError
    from recovery_journal.services.files import check_target

    check_target(args.output, ctx.vault)  # never over the journal: before anything is asked
    if args.format == "csv":
        _check_csv_folder(args.output)
    session = open_session(ctx)
    try:
        data = session.data()
    finally:
        session.close()
    try:
        if args.format == "json":
            from recovery_journal.services.files import write_private_file
            from recovery_journal.services.interchange_json import export_json

            text = export_json(data, dt.datetime.now(dt.UTC))
            durable = write_private_file(args.output, text.encode("utf-8"))
        else:
            from recovery_journal.services.interchange_csv import export_csv

            durable = export_csv(data, args.output).durable
    except SaveError as error:
        raise ExportError(f"The export couldn't be written. {error.detail or ''}") from None
    except OSError as error:
        raise ExportError(f"The export couldn't be written: {error.strerror or error}.") from None
    print(f"Exported your journal to {args.output}", file=ctx.out)
    print(NOT_ENCRYPTED, file=ctx.out)
    if not durable:
        raise NotDurableError()
    return 0


def cmd_demo(args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.services.demo import generate_demo
    from recovery_journal.services.errors import VaultExistsError
    from recovery_journal.services.session import JournalSession, kdf_for_memory

    if args.output.exists():
        raise VaultExistsError(str(args.output))
    passphrase = "-".join(secrets.token_hex(3) for _ in range(4))
    session, code = JournalSession.create(args.output, passphrase, kdf=kdf_for_memory(64))
    ctx.sessions.append(session)
    try:
        session.import_data(generate_demo(ctx.today), "replace")
        session.ensure_saved()
    finally:
        session.close()
    print(f"Wrote a demo journal (made-up data) to {args.output}", file=ctx.out)
    print(f"Its passphrase: {passphrase}", file=ctx.out)
    print(recovery_code_block(code), file=ctx.out)
    return 0

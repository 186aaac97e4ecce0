"""``report -o FILE.pdf [--as-of DATE] [--range R | --since-last-review] [--include-notes]``.

The sponsor review report as a PDF, made on this computer (no network) and written readable
by this user only (mode 0600). Notes and journal text are left out unless ``--include-notes``
is given, every time. matplotlib is imported only when the command runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from recovery_journal.charts.report.period import DEFAULT_RANGE, RANGE_KEYS, RANGE_LABELS
from recovery_journal.cli.context import CliContext, parse_date
from recovery_journal.cli.secrets_input import UsageError

Register = Callable[[argparse.ArgumentParser], None]

NOT_ENCRYPTED_LINE = (
    "The PDF is not encrypted: keep it somewhere private and delete it when you no longer need it."
)


def _output(text: str) -> Path:
    path = Path(text).expanduser()
    if path.suffix.lower() != ".pdf":
        raise argparse.ArgumentTypeError(f"{text!r}: the file name must end in .pdf")
    return path


def register(commands: Any, add_globals: Register) -> None:
    ranges = ", ".join(f"{key} ({RANGE_LABELS[key].lower()})" for key in RANGE_KEYS)
    report = commands.add_parser(
        "report",
        help="the review report for your sponsor, as a PDF",
        description=(
            "Make the review report to go through with your sponsor: a summary, the charts, a "
            "week-by-week table, milestones and your talking points. It covers the last 90 "
            "days ending at --as-of (default: today), another --range, or the time since your "
            "last review. Your notes and journal text are included only with --include-notes. "
            "The PDF is made on this computer, readable by you only, and not encrypted."
        ),
    )
    report.add_argument(
        "-o", "--output", required=True, type=_output, metavar="FILE", help="FILE.pdf"
    )
    report.add_argument("--as-of", type=parse_date, metavar="DATE", help="default: today")
    period = report.add_mutually_exclusive_group()
    period.add_argument(
        "--range",
        choices=RANGE_KEYS,
        metavar="RANGE",
        help=f"how far back: {ranges}; default: {DEFAULT_RANGE}",
    )
    period.add_argument(
        "--since-last-review",
        action="store_true",
        help="from the day of your last review (the last 90 days if there was none)",
    )
    report.add_argument(
        "--include-notes",
        action="store_true",
        help="also print your day notes and journal entries from the period",
    )
    report.set_defaults(handler=cmd_report)
    add_globals(report)


def check_output(output: Path, vault: Path) -> None:
    """Refuse a target that would overwrite the journal (or its backups, its lock, any
    journal file), a folder or a file that is not a PDF."""
    from recovery_journal.charts.report.pdf import target_problem
    from recovery_journal.services.files import target_problem as journal_problem

    problem = journal_problem(output, vault) or target_problem(output, vault)
    if problem is not None:
        raise UsageError(f"{problem}. Nothing was written.")


def cmd_report(args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.charts.report import (
        make_report,
        period_for_range,
        period_since_last_review,
    )
    from recovery_journal.cli.vault_commands import open_session

    output: Path = args.output
    check_output(output, ctx.vault)
    session = open_session(ctx)
    try:
        data = session.data()
    finally:
        session.close()
    as_of = args.as_of or ctx.today
    if args.since_last_review:
        period = period_since_last_review(data, as_of)
    else:
        period = period_for_range(data, as_of, args.range or DEFAULT_RANGE)
    content, pages = make_report(
        data, period, output, include_notes=args.include_notes, prepared_on=ctx.today
    )
    notes = (
        "with your notes and journal text"
        if content.include_notes
        else "without notes or journal text"
    )
    print(
        f"Wrote your review report ({period.title}; {pages} pages, {notes}) to {output}. "
        + NOT_ENCRYPTED_LINE,
        file=ctx.out,
    )
    return 0

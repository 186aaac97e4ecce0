"""``chart NAME [--as-of DATE] [--range 3m|6m|1y|all] -o FILE.png|.svg``: one Trends chart.

The chart is drawn with the non-interactive Agg (PNG) or SVG canvas, in the light style, and
written readable by this user only (mode 0600). matplotlib is imported only here, when the
command runs, so other commands start fast.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from recovery_journal.charts import CHART_NAMES, RANGE_KEYS
from recovery_journal.cli.context import CliContext, parse_date

Register = Callable[[argparse.ArgumentParser], None]
DEFAULT_RANGE = "1y"


def _output(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() not in (".png", ".svg"):
        raise argparse.ArgumentTypeError(f"{text!r}: the file name must end in .png or .svg")
    return path


def register(commands: Any, add_globals: Register) -> None:
    chart = commands.add_parser(
        "chart",
        help="save one chart of the Trends view as PNG or SVG",
        description=(
            "Draw one chart of the Trends view and save it as a PNG picture or an SVG "
            "drawing. The range ends at --as-of (default: today) and reaches back 3 months, "
            "6 months, 1 year (the default) or to when you started tracking (all). The file "
            "is readable by you only."
        ),
    )
    chart.add_argument("name", choices=CHART_NAMES, metavar="NAME", help=", ".join(CHART_NAMES))
    chart.add_argument("--as-of", type=parse_date, metavar="DATE", help="default: today")
    chart.add_argument(
        "--range",
        choices=RANGE_KEYS,
        default=DEFAULT_RANGE,
        help=f"how far back: {', '.join(RANGE_KEYS)} (default: {DEFAULT_RANGE})",
    )
    chart.add_argument(
        "-o", "--output", required=True, type=_output, metavar="FILE", help="FILE.png or FILE.svg"
    )
    chart.set_defaults(handler=cmd_chart)
    add_globals(chart)


def cmd_chart(args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.charts import build_chart, chart_range
    from recovery_journal.charts.export import save_figure
    from recovery_journal.charts.style import ChartStyle
    from recovery_journal.charts.words import span
    from recovery_journal.cli.vault_commands import open_session
    from recovery_journal.services.files import check_target

    check_target(args.output, ctx.vault)  # never over the journal: before anything is asked
    session = open_session(ctx)
    try:
        data = session.data()
    finally:
        session.close()
    as_of = args.as_of or ctx.today
    start, end = chart_range(data, as_of, args.range)
    style = ChartStyle.light()
    figure = build_chart(args.name, data, start, end, style)
    fmt = save_figure(figure, args.output, style)
    print(
        f"Saved the {args.name} chart ({span(start, end)}) as {fmt.upper()} to {args.output}",
        file=ctx.out,
    )
    return 0

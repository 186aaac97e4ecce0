"""``recovery-journal``: the desktop app's entry point.

Only what the unlock screen needs is imported before it shows (Qt widgets and the session
service); the journal's pages, matplotlib and the database load after unlocking.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from recovery_journal import __version__


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="recovery-journal",
        description="Recovery Journal: a private, encrypted, offline recovery journal.",
    )
    parser.add_argument("--vault", metavar="PATH", help="the journal file to open or make")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a made-up demo journal (nothing is saved to your own journal)",
    )
    parser.add_argument(
        "--tray",
        action="store_true",
        help="start in the tray, locked (used at login when the daily reminder is on)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    from recovery_journal.ui.app.application import run

    vault = Path(args.vault).expanduser() if args.vault else None
    return run(vault, demo=args.demo, tray=args.tray)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

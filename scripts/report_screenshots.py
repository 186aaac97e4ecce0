"""Render the review report of the demo journal to PNG pages, for the README.

    .venv/bin/python scripts/report_screenshots.py [--out docs/screenshots] [--greyscale]

Writes ``report-page-N.png`` (N = 1, 2, …) from the very page figures the PDF is made of,
drawn with matplotlib's Agg renderer (no PDF tools needed). ``--greyscale`` also writes
``report-page-N-grey.png`` to check that the report reads in black and white. The journal is
the generated demo (made-up data); nothing is read from or written to a real journal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from recovery_journal.charts.report import (  # noqa: E402
    build_report_pages,
    gather_report,
    period_for_range,
)
from recovery_journal.charts.report.pdf import page_png  # noqa: E402
from recovery_journal.services.demo import generate_demo  # noqa: E402

TODAY = dt.date(2026, 3, 31)
TALKING_POINTS = (
    "The wedding in June: I'd like a plan for the evening.\n"
    "Starting step four — how do I begin the inventory?\n"
    "Saying no to after-work drinks without explaining myself."
)
DPI = 110


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--range", default="90d", help="report range (default: 90d)")
    parser.add_argument("--greyscale", action="store_true", help="also write greyscale copies")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    demo = generate_demo(TODAY)
    demo = replace(demo, settings=replace(demo.settings, talking_points=TALKING_POINTS))
    content = gather_report(demo, period_for_range(demo, TODAY, args.range))
    pages = build_report_pages(demo, content, prepared_on=TODAY)
    for old in args.out.glob("report-page-*.png"):
        old.unlink()
    for number, page in enumerate(pages, start=1):
        path = args.out / f"report-page-{number}.png"
        page_png(page, path, dpi=DPI)
        path.chmod(0o644)  # demo data, for the README
        if args.greyscale:
            from PIL import Image

            with Image.open(path) as image:
                image.convert("L").save(args.out / f"report-page-{number}-grey.png")
    print(f"Wrote {len(pages)} pages to {args.out}/report-page-N.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

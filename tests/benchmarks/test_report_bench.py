"""The review report (PDF) for a one-year period of the ten-year journal. Budget: ≤ 3 s.

Not run by default; run it with
    .venv/bin/python -m pytest tests/benchmarks/test_report_bench.py --benchmark-only \
        -p no:cacheprovider
Each round gathers the content, builds every page (charts included) and writes the PDF, as
``report --range 1y`` does after opening the journal. The budget applies to the default report;
the run with notes (a note on every day of the year and about 100 long journal entries, some 30
pages) is measured for the record: matplotlib lays out each line of text on its own, so its time
grows with the amount of text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from recovery_journal.charts.report import make_report, period_for_range
from recovery_journal.services.demo import ten_year_journal

TODAY = dt.date(2026, 3, 31)
BUDGET_S = 3.0


@pytest.fixture(scope="module")
def big():
    return ten_year_journal(TODAY)


@pytest.mark.parametrize("notes", [False, True], ids=["figures", "with-notes"])
def test_one_year_report(benchmark, big, tmp_path, notes):
    period = period_for_range(big, TODAY, "1y")
    make_report(big, period, tmp_path / "warm.pdf")  # imports and font caches, once

    def report() -> int:
        _, pages = make_report(big, period, tmp_path / "report.pdf", include_notes=notes)
        return pages

    pages = benchmark.pedantic(report, rounds=5, iterations=1)
    benchmark.extra_info["pages"] = pages
    if not notes:  # the budget is for the report as made by default (figures and charts)
        assert benchmark.stats.stats.median <= BUDGET_S

"""Charts and the Trends view on the ten-year journal (run with --benchmark-only).

Budgets (DESIGN.md): all six charts ≤ 500 ms in total; opening the Trends view ≤ 700 ms.
"Rendering" means building each Figure and drawing it once with Agg at screen resolution,
which is what the person waits for. Opening the view means: from creating it to its first
screen drawn (the two top charts; the four below and the insights follow one per turn of the
event loop). It is measured warm (matplotlib already imported, as on every visit after the
first) and cold (a fresh process: imports included); the time until every chart is built is
reported too.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest

from recovery_journal.charts import CHART_NAMES, build_chart, chart_range
from recovery_journal.charts.style import ChartStyle
from tests.benchmarks.conftest import TODAY


def _render_all(data, key):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    start, end = chart_range(data, TODAY, key)
    style = ChartStyle.light(titles=False)
    for name in CHART_NAMES:
        FigureCanvasAgg(build_chart(name, data, start, end, style)).draw()


@pytest.mark.parametrize("key", ["1y", "all"])
def test_all_six_charts(benchmark, ten_years, key):
    _render_all(ten_years, key)  # imports and font cache out of the way
    benchmark.pedantic(_render_all, args=(ten_years, key), rounds=7, iterations=1)


@pytest.fixture
def big_session(tmp_path, fast_kdf, ten_years):
    from recovery_journal.services.session import JournalSession

    session, _ = JournalSession.create(
        tmp_path / "ten.rjvault", "benchmark passphrase", kdf=fast_kdf
    )
    session.replace_all(ten_years)
    yield session
    session.close()


def test_open_trends_view_warm(benchmark, qapp, big_session):
    from PySide6.QtWidgets import QApplication

    from recovery_journal.ui.pages.trends.view import TrendsView

    complete: list[float] = []
    opened: list[tuple[TrendsView, float]] = []

    def open_view():
        big_session._data_cache = None  # read the journal again, as after a change
        started = time.perf_counter()
        view = TrendsView(big_session, lambda: TODAY)
        view.resize(1200, 800)
        view.show()
        view.grab()  # the first screen, drawn
        opened.append((view, started))

    def finish(*_args):
        view, started = opened.pop()
        while not view.is_complete:
            QApplication.processEvents()
        complete.append(time.perf_counter() - started)
        view.close()
        view.deleteLater()
        QApplication.processEvents()

    benchmark.pedantic(open_view, teardown=finish, rounds=5, warmup_rounds=1, iterations=1)
    benchmark.extra_info["complete_seconds"] = complete
    print(f"warm: every chart built after {[round(s * 1000) for s in complete]} ms")


COLD = textwrap.dedent(
    """
    import datetime as dt, sys, tempfile, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from recovery_journal.services.demo import ten_year_journal
    from recovery_journal.services.session import JournalSession
    from recovery_journal.vault import KdfParams
    app = QApplication([])
    today = dt.date(2026, 11, 22)
    with tempfile.TemporaryDirectory() as folder:
        kdf = KdfParams(memory_kib=19 * 1024, iterations=1, lanes=1)
        session, _ = JournalSession.create(Path(folder) / "t.rjvault", "bench passphrase", kdf=kdf)
        session.replace_all(ten_year_journal(today))
        session._data_cache = None
        assert "matplotlib" not in sys.modules
        started = time.perf_counter()
        from recovery_journal.ui.pages.trends.view import TrendsView
        view = TrendsView(session, lambda: today)
        view.resize(1200, 800)
        view.show()
        view.grab()
        first = time.perf_counter() - started
        while not view.is_complete:
            app.processEvents()
        print(first, time.perf_counter() - started)
        view.close()
        session.close()
    """
)


def test_open_trends_view_cold(benchmark):
    """First visit in a fresh process: includes importing matplotlib and its QtAgg canvas."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    seconds: list[tuple[float, float]] = []

    def run():
        out = subprocess.run(
            [sys.executable, "-c", COLD], capture_output=True, text=True, env=env, check=True
        )
        first, complete = out.stdout.strip().splitlines()[-1].split()
        seconds.append((float(first), float(complete)))

    benchmark.pedantic(run, rounds=3, iterations=1)
    benchmark.extra_info["first_screen_and_complete_seconds"] = seconds
    print(
        "cold first open of Trends (first screen, every chart): "
        f"{[(round(a * 1000), round(b * 1000)) for a, b in seconds]} ms"
    )

"""Benchmark (not a test; pytest does not collect it): how fast the app opens.

1. Process start → unlock window shown (budget 0.8 s): a fresh interpreter imports what the
   entry point imports, builds the window and reports when the first frame has been
   processed; measured from just before the process is spawned.
2. Unlock → Today painted on the ten-year journal (budget: key derivation + 0.5 s), with the
   key-derivation time measured on its own at the same parameters.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.benchmark_startup [--runs 7]
    xvfb-run -a .venv/bin/python -m tests.ui.benchmark_startup      # a real X server

The figures are recorded in docs/performance.md and docs/ui.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "benchmark passphrase, not secret"
TODAY = dt.date(2026, 11, 22)

CHILD = """
import sys, time
from pathlib import Path
import recovery_journal.app  # the entry point's own imports
from PySide6.QtCore import QTimer
from recovery_journal.ui.app.application import Launcher, make_application
from recovery_journal.ui.app.prefs import Prefs
from recovery_journal.ui.common.theme import apply_theme

app = make_application(sys.argv[:1])
prefs = Prefs(Path(sys.argv[2]))
apply_theme(prefs.theme())
launcher = Launcher(Path(sys.argv[1]), prefs=prefs)
launcher.start()

def shown():
    print(time.time(), launcher.window.isVisible(), flush=True)
    app.quit()

QTimer.singleShot(0, shown)
app.exec()
"""


def start_to_unlock_window(vault: Path, scratch: Path, runs: int) -> list[float]:
    times = []
    env = dict(os.environ, XDG_CONFIG_HOME=str(scratch / "config"))
    for _ in range(runs):
        before = time.time()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(vault), str(scratch / "prefs.ini")],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout.split()
        assert out[1] == "True", "the unlock window was not shown"
        times.append(float(out[0]) - before)
    return times


def unlock_to_today(vault: Path, scratch: Path, runs: int) -> tuple[list[float], list[float]]:
    from PySide6.QtWidgets import QApplication

    from recovery_journal.services.session import JournalSession
    from recovery_journal.ui.app.application import Launcher, make_application
    from recovery_journal.ui.app.prefs import Prefs
    from recovery_journal.vault.crypto import derive_slot_key

    app = make_application(sys.argv[:1])
    session = JournalSession.open(vault, PASSPHRASE)
    kdf = session.kdf
    session.close()
    kdf_times = []
    for _ in range(runs):
        began = time.perf_counter()
        derive_slot_key(b"x" * 16, b"s" * 16, kdf)
        kdf_times.append(time.perf_counter() - began)

    launcher = Launcher(vault, prefs=Prefs(scratch / "prefs.ini"), today=lambda: TODAY)
    launcher.start()
    window = launcher.window
    assert window is not None
    times = []
    for _ in range(runs):
        view = window.unlock_view
        view.secret.setText(PASSPHRASE)
        began = time.perf_counter()
        view.unlock_button.click()
        while window.shell is None:
            app.processEvents()
            time.sleep(0.001)
        window.shell.page("today").repaint()  # painted, not only built
        QApplication.processEvents()
        times.append(time.perf_counter() - began)
        window.lock()  # the next round unlocks the kept session: the same work plus KDF
    launcher.cleanup()
    return times, kdf_times


def make_vault(path: Path, kdf_mib: int | None) -> None:
    from recovery_journal.services.demo import ten_year_journal
    from recovery_journal.services.session import JournalSession, kdf_for_memory

    session, _code = JournalSession.create(path, PASSPHRASE, kdf=kdf_for_memory(kdf_mib))
    session.import_data(ten_year_journal(TODAY), "replace")
    session.close()


def main() -> int:
    parser = argparse.ArgumentParser(description="Start-up and unlock timings.")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--kdf-memory-mib",
        type=int,
        default=None,
        help="key-derivation memory (default: calibrated for ~0.5 s, as the app does)",
    )
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="rj-bench-") as folder:
        scratch = Path(folder)
        os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
        vault = scratch / "journal" / "journal.rjvault"
        make_vault(vault, args.kdf_memory_mib)
        starts = start_to_unlock_window(vault, scratch, args.runs)
        unlocks, kdfs = unlock_to_today(vault, scratch, args.runs)
    platform = os.environ.get("QT_QPA_PLATFORM", "default")
    print(f"Qt platform: {platform}; {args.runs} runs each; medians")
    print(f"process start → unlock window shown: {statistics.median(starts):.3f} s (budget 0.8 s)")
    kdf = statistics.median(kdfs)
    unlock = statistics.median(unlocks)
    print(f"key derivation alone:                {kdf:.3f} s")
    print(
        f"unlock → Today painted (ten years):  {unlock:.3f} s "
        f"= KDF + {unlock - kdf:.3f} s (budget KDF + 0.5 s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Start-up stays light: the unlock window needs neither the database nor the charts, and the
entry point knows its options."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from recovery_journal.app import parse_args

CHILD = """
import sys
from pathlib import Path
import recovery_journal.app
from recovery_journal.ui.app.application import Launcher, make_application
from recovery_journal.ui.app.prefs import Prefs
app = make_application(sys.argv[:1])
launcher = Launcher(Path(sys.argv[1]), prefs=Prefs(Path(sys.argv[2])))
launcher.start()
app.processEvents()
assert launcher.window.isVisible()
heavy = sorted(m for m in ("sqlmodel", "sqlalchemy", "matplotlib", "pydantic") if m in sys.modules)
print(",".join(heavy))
"""


def test_the_unlock_window_loads_no_database_or_chart_library(journal, tmp_path):
    path, _code = journal
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "c"))
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(tmp_path / "prefs.ini")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    )
    assert out.stdout.strip() == ""
    assert out.stderr == ""  # not a warning


def test_the_entry_point_options():
    args = parse_args(["--vault", "~/somewhere/journal.rjvault", "--demo"])
    assert args.vault == "~/somewhere/journal.rjvault" and args.demo
    with pytest.raises(SystemExit):
        parse_args(["--no-such-option"])


def test_every_module_warmed_up_at_the_unlock_window_exists():
    """The warm-up forgives a failed import (it is only a head start), so a module renamed or
    moved must show here instead."""
    import importlib

    from recovery_journal.services.session import OPENING_MODULES
    from recovery_journal.ui.app.application import WARM_UP

    for name in (*OPENING_MODULES, *WARM_UP):
        importlib.import_module(name)

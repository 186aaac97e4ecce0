"""Hostile files for issue 10: the committed ones in ``tests/data/hostile/`` and the ones
that can only be made at test time (named pipes, links to devices, sparse giant files).

Anything that could hang on a broken build runs in a child process with a timeout, so a
regression fails the test instead of stalling the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "data" / "hostile"
#: Generous: a correct build answers in well under a second; a broken one hangs for ever.
HANG_TIMEOUT = 30

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
needs_dev = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")

#: Every kind of "not a regular file" a path may name.
KINDS = [
    "named pipe",
    "link to a named pipe",
    "link to /dev/zero",
    "link to /dev/urandom",
    "folder",
    "link to a folder",
    "link loop",
]


def make(kind: str, path: Path) -> Path:
    """Put a ``kind`` thing at ``path`` (its parent must exist); returns ``path``."""
    if kind == "named pipe":
        os.mkfifo(path)
    elif kind == "link to a named pipe":
        target = path.with_name(path.name + ".pipe")
        os.mkfifo(target)
        path.symlink_to(target)
    elif kind == "link to /dev/zero":
        path.symlink_to("/dev/zero")
    elif kind == "link to /dev/urandom":
        path.symlink_to("/dev/urandom")
    elif kind == "folder":
        path.mkdir()
    elif kind == "link to a folder":
        target = path.with_name(path.name + ".folder")
        target.mkdir()
        path.symlink_to(target, target_is_directory=True)
    elif kind == "link loop":
        other = path.with_name(path.name + ".loop")
        path.symlink_to(other)
        other.symlink_to(path)
    else:  # pragma: no cover - a typo in a test
        raise ValueError(kind)
    return path


def sparse_file(path: Path, size: int, head: bytes = b"") -> Path:
    """A file of ``size`` bytes that takes no room on disk (a hole after ``head``)."""
    with path.open("wb") as handle:
        handle.write(head)
        handle.truncate(size)
    return path


def run_python(
    code: str, *args: str, stdin: str = "", timeout: float = HANG_TIMEOUT
) -> subprocess.CompletedProcess:
    """Run ``code`` in a child Python; a hang fails the test (TimeoutExpired) after ``timeout``."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=os.getcwd(),
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def run_cli(
    *args: str, stdin: str = "", timeout: float = HANG_TIMEOUT
) -> subprocess.CompletedProcess:
    """``recovery-journal-cli ARGS`` in a child process, with a hang timeout."""
    return subprocess.run(
        [sys.executable, "-m", "recovery_journal.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )

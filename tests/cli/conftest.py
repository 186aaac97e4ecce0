from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import dataclass

import pytest

from recovery_journal.cli import main

PASS = "a long passphrase"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(monkeypatch, capsys, vault_path):
    """Run the command line in this process with secrets on standard input."""

    def run(*args: str, stdin: str = "", vault=vault_path) -> Result:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        argv = ["--vault", str(vault), *args] if vault is not None else list(args)
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse exits for --help and usage errors
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def initialised(cli):
    result = cli("init", "--kdf-memory-mib", "19", "--password-stdin", stdin=PASS + "\n")
    assert result.code == 0, result.err
    return result


def run_process(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "recovery_journal.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )

"""packaging/linux/install.sh: a menu entry that starts the program by its absolute path."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging/linux/install.sh"
ENTRY = "share/applications/io.github.recoveryjournal.RecoveryJournal.desktop"


@pytest.fixture
def program(tmp_path: Path) -> Path:
    folder = tmp_path / "venv" / "bin"
    folder.mkdir(parents=True)
    for name in ("recovery-journal", "recovery-journal-cli"):
        (folder / name).write_text("#!/bin/sh\n", encoding="utf-8")
        (folder / name).chmod(0o755)
    return folder / "recovery-journal"


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        ["bash", str(SCRIPT), *args], env=env, capture_output=True, text=True, check=True
    )


def test_the_entry_starts_the_program_by_its_absolute_path(tmp_path: Path, program) -> None:
    prefix = tmp_path / "prefix"
    run("--program", str(program), "--prefix", str(prefix), home=tmp_path)
    lines = (prefix / ENTRY).read_text(encoding="utf-8").splitlines()
    assert f"Exec={program}" in lines
    assert f"Exec={program} --demo" in lines
    assert (prefix / "bin/recovery-journal-cli").resolve() == program.with_name(
        "recovery-journal-cli"
    )
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(prefix / ENTRY)], check=True)


def test_uninstall_removes_the_entry_and_links_but_not_the_journal(tmp_path: Path, program) -> None:
    prefix = tmp_path / "prefix"
    journal = prefix / "share/recovery-journal/journal.rjvault"
    journal.parent.mkdir(parents=True)
    journal.write_bytes(b"encrypted")
    run("--program", str(program), "--prefix", str(prefix), home=tmp_path)
    result = run("--uninstall", "--prefix", str(prefix), home=tmp_path)
    assert not (prefix / ENTRY).exists()
    assert not (prefix / "bin/recovery-journal").exists()
    assert journal.read_bytes() == b"encrypted"
    assert "Your journal is untouched" in result.stdout

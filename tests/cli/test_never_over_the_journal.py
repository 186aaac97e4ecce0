"""Issue 10, item 1: ``export``, ``chart``, ``report`` and ``backup`` never write over the
journal, its backups or its lock, however the path reaches them; exit 2, nothing written."""

from __future__ import annotations

import os

import pytest

from recovery_journal.services.files import target_problem
from recovery_journal.vault import backups
from recovery_journal.vault.lock import lock_path
from tests.cli.conftest import PASS

STDIN = PASS + "\n"


def _ways_to_name(vault_path, tmp_path):
    """The journal named directly, through a link, a relative path and a hard link."""
    link = tmp_path / "innocent.json"
    link.symlink_to(vault_path)
    hard = tmp_path / "hard.json"
    os.link(vault_path, hard)
    relative = os.path.relpath(vault_path, os.getcwd())
    dotted = vault_path.parent / "." / ".." / vault_path.parent.name / vault_path.name
    return {
        "journal": str(vault_path),
        "symlink": str(link),
        "relative": relative,
        "dotted": str(dotted),
        "hard link": str(hard),
    }


def _protected_paths(vault_path):
    folder = backups.backup_dir(vault_path)
    backup = backups.list_backups(vault_path)[-1]
    return {
        "backup": str(backup),
        "lock": str(lock_path(vault_path)),
        "backups folder": str(folder),
    }


@pytest.fixture
def journal_with_backup(initialised, cli, vault_path):
    result = cli("log", "day", "--status", "abstinent", "--password-stdin", stdin=STDIN)
    assert result.code == 0, result.err
    assert backups.list_backups(vault_path)
    return vault_path


def _everything(folder):
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


COMMANDS = {
    "export json": ("export", "--format", "json", "-o"),
    "export csv": ("export", "--format", "csv", "-o"),
    "chart": ("chart", "pda", "-o"),
    "report": ("report", "-o"),
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_writing_over_the_journal_is_refused_however_it_is_named(
    command, journal_with_backup, cli, vault_path, tmp_path
):
    before = _everything(vault_path.parent)
    targets = {**_ways_to_name(vault_path, tmp_path), **_protected_paths(vault_path)}
    for way, target in targets.items():
        if command in ("chart", "report"):
            # these commands want a .png / .pdf name: give the journal one through a link
            suffix = ".png" if command == "chart" else ".pdf"
            if way == "backups folder":
                target = os.path.join(target, f"inside{suffix}")
            else:
                named = tmp_path / f"{way.replace(' ', '-')}{suffix}"
                named.symlink_to(os.path.abspath(target))
                target = str(named)
        result = cli(*COMMANDS[command], target, "--password-stdin", stdin=STDIN)
        assert result.code == 2, (way, result)
        assert len(result.err.strip().splitlines()) == 1, (way, result.err)
        assert "Nothing was written" in result.err, (way, result.err)
        assert "Traceback" not in result.err
    assert _everything(vault_path.parent) == before


def test_backup_copy_is_refused_over_the_journal_its_backups_and_lock(
    journal_with_backup, cli, vault_path, tmp_path
):
    before = _everything(vault_path.parent)
    targets = {**_ways_to_name(vault_path, tmp_path), **_protected_paths(vault_path)}
    for way, target in targets.items():
        result = cli("backup", "-o", target, "--password-stdin", stdin=STDIN)
        assert result.code == 2, (way, result)
        assert "Nothing was written" in result.err
    assert _everything(vault_path.parent) == before
    # An earlier copy elsewhere may be replaced by a newer one, as before.
    copy = tmp_path / "copy.rjvault"
    assert cli("backup", "-o", str(copy), "--password-stdin", stdin=STDIN).code == 0
    assert cli("backup", "-o", str(copy), "--password-stdin", stdin=STDIN).code == 0


def test_an_export_never_replaces_any_journal_file(journal_with_backup, cli, tmp_path):
    other = tmp_path / "someone-elses.rjvault"
    other.write_bytes((tmp_path / "data" / "journal.rjvault").read_bytes())
    result = cli("export", "--format", "json", "-o", str(other), "--password-stdin", stdin=STDIN)
    assert result.code == 2 and "encrypted journal file" in result.err


def test_ordinary_targets_are_fine(vault_path, tmp_path):
    assert target_problem(tmp_path / "export.json", vault_path) is None
    assert target_problem(vault_path.parent / "export.json", vault_path) is None
    assert target_problem(tmp_path / "charts", vault_path) is None

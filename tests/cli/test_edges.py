"""Issue 10 from the command line: unconfirmed saves (4), a new recovery code with the
passphrase (5), exports through a temporary file (8), ``--note -`` (11), read-only journals
(12) and a NUL in a note (13)."""

from __future__ import annotations

import errno
import io
import os
import re
import shutil
import sys

import pytest

from recovery_journal.cli import main
from recovery_journal.services.session import JournalSession
from recovery_journal.vault import atomic
from recovery_journal.vault import lock as lock_module
from tests.cli.conftest import PASS
from tests.hostile import FIXTURES, run_cli, run_python

STDIN = PASS + "\n"
CODE = re.compile(r"\b([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})\b")


def _fsync_fails(monkeypatch):
    def refuse(folder):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic, "fsync_directory", refuse)


# -- item 4: a folder fsync that fails is reported ---------------------------------------------
@pytest.mark.parametrize(
    "command",
    [
        ("log", "day", "--status", "abstinent"),
        ("export", "--format", "json", "-o", "{tmp}/out.json"),
        ("export", "--format", "csv", "-o", "{tmp}/csv"),
        ("backup", "-o", "{tmp}/copy.rjvault"),
        ("passwd",),
    ],
)
def test_a_folder_that_could_not_be_synced_is_reported(
    command, initialised, cli, tmp_path, monkeypatch
):
    _fsync_fails(monkeypatch)
    args = [word.format(tmp=tmp_path) for word in command]
    stdin = STDIN + ("a new passphrase\n" if command == ("passwd",) else "")
    result = cli(*args, "--password-stdin", stdin=stdin)
    assert result.code == 1, result
    assert result.err.startswith("warning: The system couldn't confirm that what was just")
    assert len(result.err.strip().splitlines()) == 1
    assert result.out  # the work itself was done and said so


def test_a_synced_save_exits_0(initialised, cli):
    assert cli("log", "day", "--status", "abstinent", "--password-stdin", stdin=STDIN).code == 0


# -- item 5: a new recovery code with the passphrase --------------------------------------------
INTERRUPTED_RECOVER = """
    import os, sys
    from pathlib import Path
    from recovery_journal.cli import main
    from recovery_journal.vault import atomic
    journal = Path(sys.argv[1])
    original = journal.read_bytes()
    def die_once_replaced(step):
        if step == "dir_synced" and journal.read_bytes() != original:
            os._exit(9)  # killed: the journal is replaced, the new code never printed
    atomic.after_step = die_once_replaced
    main(["--vault", str(journal), "recover", "--password-stdin"])
"""


def test_a_recover_stopped_after_the_journal_was_replaced_can_get_a_new_code(
    initialised, cli, vault_path
):
    old_code = CODE.findall(initialised.out)[0]
    killed = run_python(
        INTERRUPTED_RECOVER, str(vault_path), stdin=f"{old_code}\nthe new passphrase\n"
    )
    assert killed.returncode == 9, killed.stderr
    assert not CODE.findall(killed.stdout)  # the new code was never shown
    new_pass = "the new passphrase\n"
    # The old code no longer opens it; the new passphrase does, and verify says what to do.
    assert cli("verify", "--password-stdin", stdin=old_code + "\n").code == 3
    verify = cli("verify", "--password-stdin", stdin=new_pass)
    assert verify.code == 0, verify.err
    assert "stopped before showing it" in verify.out
    assert "recovery-journal-cli new-code" in verify.out
    made = cli("new-code", "--password-stdin", stdin=new_pass)
    assert made.code == 0, made.err
    (code,) = CODE.findall(made.out)
    JournalSession.open(vault_path, code, recovery_code=True).close()
    again = cli("verify", "--password-stdin", stdin=new_pass)
    assert "stopped before showing it" not in again.out
    assert "if you no longer have it" in again.out


def test_new_code_needs_the_passphrase_and_replaces_the_old_code(initialised, cli, vault_path):
    old_code = CODE.findall(initialised.out)[0]
    wrong = cli("new-code", "--password-stdin", stdin="not it\n")
    assert wrong.code == 3
    made = cli("new-code", "--password-stdin", stdin=STDIN)
    assert made.code == 0 and "only this once" in made.out
    (code,) = CODE.findall(made.out)
    assert code != old_code
    assert cli("verify", "--password-stdin", stdin=old_code + "\n").code == 3
    JournalSession.open(vault_path, code, recovery_code=True).close()


# -- item 8: exports go through a temporary file; leftovers are removed -------------------------
KILLED_EXPORT = """
    import os, sys
    from recovery_journal.cli import main
    from recovery_journal.vault import atomic
    def die(step):
        if step == "written":
            os._exit(9)
    atomic.after_step = die
    main(sys.argv[1:])
"""


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_a_killed_export_leaves_only_a_temporary_file_that_the_next_export_removes(
    kind, initialised, cli, vault_path, tmp_path
):
    cli(
        "log",
        "day",
        "--status",
        "used",
        "--note",
        "PLAINTEXT-MARK",
        "--password-stdin",
        stdin=STDIN,
    )
    target = tmp_path / ("out.json" if kind == "json" else "csv")
    args = ["--vault", str(vault_path), "export", "--format", kind, "-o", str(target)]
    killed = run_python(KILLED_EXPORT, *args, "--password-stdin", stdin=STDIN)
    assert killed.returncode == 9, killed.stderr
    folder = tmp_path if kind == "json" else target
    leftovers = [p for p in folder.iterdir() if atomic.TEMP_MARKER in p.name]
    assert len(leftovers) == 1 and not (target if kind == "json" else target / "days.csv").exists()
    result = cli(*args[2:], "--password-stdin", stdin=STDIN)
    assert result.code == 0, result.err
    assert not [p for p in folder.iterdir() if atomic.TEMP_MARKER in p.name]
    assert "PLAINTEXT-MARK" in (target if kind == "json" else target / "days.csv").read_text()


# -- item 11: --note - -----------------------------------------------------------------------------
def test_a_note_from_standard_input_never_appears_in_the_arguments(initialised, cli, vault_path):
    note = "Hard evening.\nCalled my sponsor — it helped.\n"
    result = cli(
        "log", "day", "--status", "abstinent", "--note", "-", "--password-stdin", stdin=STDIN + note
    )
    assert result.code == 0, result.err
    session = JournalSession.open(vault_path, PASS)
    try:
        assert session.data().days[0].note == note.rstrip("\n")
    finally:
        session.close()


def test_meeting_and_contact_notes_read_standard_input_too(initialised, cli, vault_path):
    meeting = ["log", "meeting", "--fellowship", "AA", "--note", "-", "--password-stdin"]
    assert cli(*meeting, stdin=STDIN + "shared about step 4").code == 0
    contact = ["log", "contact", "--mode", "phone", "--notes", "-", "--password-stdin"]
    assert cli(*contact, stdin=STDIN + "talked it through").code == 0
    session = JournalSession.open(vault_path, PASS)
    try:
        data = session.data()
        assert data.meetings[0].notes == "shared about step 4"
        assert data.contacts[0].notes == "talked it through"
    finally:
        session.close()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


EDITOR = """
import pathlib, sys
note = pathlib.Path(sys.argv[2])
pathlib.Path(sys.argv[1]).write_text(str(note.parent))
note.write_text("Written in the editor.\\n")
"""


def test_at_a_terminal_the_note_is_written_in_the_editor_in_memory_only(
    initialised, vault_path, tmp_path, monkeypatch
):
    from recovery_journal.cli.note_input import memory_folder

    if memory_folder() is None:
        pytest.skip("no tmpfs folder here; the editor is refused instead")
    script, where = tmp_path / "editor.py", tmp_path / "where.txt"
    script.write_text(EDITOR)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script} {where}")
    monkeypatch.setattr(sys, "stdin", _Terminal(STDIN))
    argv = ["--vault", str(vault_path), "log", "day", "--status", "abstinent", "--note", "-"]
    assert main([*argv, "--password-stdin"]) == 0
    folder = where.read_text()
    assert folder.startswith(str(memory_folder()))
    assert not os.path.exists(folder)  # the note and its folder are gone
    session = JournalSession.open(vault_path, PASS)
    try:
        assert session.data().days[0].note == "Written in the editor."
    finally:
        session.close()


def test_help_says_why_to_use_note_dash(cli):
    result = cli("log", "day", "--help", vault=None)
    assert "process list" in " ".join(result.out.split())


# -- item 12: a journal on read-only media -------------------------------------------------------
@pytest.fixture
def read_only(initialised, cli, vault_path, monkeypatch):
    cli("log", "day", "--status", "abstinent", "--note", "kept", "--password-stdin", stdin=STDIN)
    lock_module.lock_path(vault_path).unlink()
    before = vault_path.read_bytes()
    real_open = os.open

    def guarded(path, flags, *args, **kwargs):
        inside = str(path).startswith(str(vault_path.parent))
        if inside and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    flag = type("StatVfs", (), {"f_flag": getattr(os, "ST_RDONLY", 1)})()
    real_statvfs = os.statvfs
    monkeypatch.setattr(
        os,
        "statvfs",
        lambda p: flag if str(p).startswith(str(vault_path.parent)) else real_statvfs(p),
    )
    monkeypatch.setattr(lock_module.os, "open", guarded)
    monkeypatch.setattr(atomic.os, "open", guarded)
    yield vault_path
    assert vault_path.read_bytes() == before
    assert not lock_module.lock_path(vault_path).exists()


@pytest.mark.parametrize(
    "command",
    [
        ("verify",),
        ("stats", "--json"),
        ("export", "--format", "json", "-o", "{tmp}/out.json"),
        ("export", "--format", "csv", "-o", "{tmp}/csv"),
        ("chart", "pda", "-o", "{tmp}/pda.png"),
        ("report", "-o", "{tmp}/review.pdf"),
        ("backup", "-o", "{tmp}/copy.rjvault"),
    ],
)
def test_reading_commands_work_on_a_read_only_disk(command, read_only, cli, tmp_path):
    args = [word.format(tmp=tmp_path) for word in command]
    result = cli(*args, "--password-stdin", stdin=STDIN)
    assert result.code == 0, result.err


@pytest.mark.parametrize(
    "command",
    [
        ("log", "day", "--status", "used"),
        ("log", "day", "--status", "used", "--note", "-"),
        ("log", "meeting", "--fellowship", "NA"),
        ("import", str(FIXTURES / "import-formulas.json"), "--merge"),
        ("passwd",),
        ("new-code",),
    ],
)
def test_writing_commands_say_plainly_that_the_disk_is_read_only(command, read_only, cli):
    result = cli(*command, "--password-stdin", stdin=STDIN + "a new passphrase\n")
    assert result.code == 1, result
    assert result.err.startswith("error: Your journal is open for reading only")
    assert "That disk is read-only." in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_verify_says_the_journal_was_opened_for_reading_only(read_only, cli):
    result = cli("verify", "--password-stdin", stdin=STDIN)
    assert "opened for reading only: That disk is read-only." in result.out


def test_a_newer_minor_version_is_read_but_never_written(tmp_path):
    path = tmp_path / "journal.rjvault"
    shutil.copyfile(FIXTURES / "newer-minor.rjvault", path)
    before = path.read_bytes()
    secret = "hostile fixture passphrase\n"
    stats = run_cli("--vault", str(path), "stats", "--json", "--password-stdin", stdin=secret)
    assert stats.returncode == 0, stats.stderr
    log = run_cli(
        "--vault", str(path), "log", "day", "--status", "used", "--password-stdin", stdin=secret
    )
    assert log.returncode == 1 and "newer version" in log.stderr
    assert path.read_bytes() == before


# -- item 13: a NUL in a note --------------------------------------------------------------------
@pytest.mark.slow
def test_a_nul_in_a_note_does_not_make_report_print_warnings(
    initialised, cli, vault_path, tmp_path
):
    assert (
        cli("import", str(FIXTURES / "import-nul-note.json"), "--password-stdin", stdin=STDIN).code
        == 0
    )
    args = ["--vault", str(vault_path), "report", "-o", str(tmp_path / "r.pdf")]
    result = run_cli(
        *args,
        "--as-of",
        "2025-01-10",
        "--include-notes",
        "--password-stdin",
        stdin=STDIN,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""

"""init, verify, passwd, recover, backup: exit codes and one-line errors of DESIGN.md."""

from __future__ import annotations

import re

from recovery_journal.services.session import JournalSession
from tests.cli.conftest import PASS, run_process

CODE = re.compile(r"\b([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})\b")


def test_init_prints_the_recovery_code_once_with_a_warning(initialised, vault_path):
    assert vault_path.exists()
    codes = CODE.findall(initialised.out)
    assert len(codes) == 1
    assert "only this once" in initialised.out
    assert "nobody can open your journal" in initialised.out
    JournalSession.open(vault_path, codes[0], recovery_code=True).close()


def test_init_refuses_an_existing_journal(initialised, cli, vault_path):
    before = vault_path.read_bytes()
    result = cli("init", "--password-stdin", stdin="another passphrase\n")
    assert result.code == 1
    assert "already exists" in result.err
    assert vault_path.read_bytes() == before


def test_init_takes_a_short_passphrase_with_a_warning_but_not_an_empty_one(cli, vault_path):
    empty = cli("init", "--kdf-memory-mib", "19", "--password-stdin", stdin="\n")
    assert empty.code == 2 and not vault_path.exists()
    short = cli("init", "--kdf-memory-mib", "19", "--password-stdin", stdin="secret\n")
    assert short.code == 0, short.err
    assert short.err.startswith("warning: a passphrase under 8 characters is easy to guess")
    assert cli("verify", "--password-stdin", stdin="secret\n").code == 0


def test_kdf_memory_below_the_floor_is_a_usage_error(cli, vault_path):
    result = cli("init", "--kdf-memory-mib", "8", "--password-stdin", stdin=PASS + "\n")
    assert result.code == 2
    assert not vault_path.exists()


def test_verify_ok_and_wrong_passphrase(initialised, cli):
    ok = cli("--password-stdin", "verify", stdin=PASS + "\n")  # global option before
    assert ok.code == 0 and "everything checks out" in ok.out
    wrong = cli("verify", "--password-stdin", stdin="not the passphrase\n")
    assert wrong.code == 3
    assert wrong.err.count("\n") == 1 and "Traceback" not in wrong.err


def test_verify_damaged_and_not_a_vault(initialised, cli, vault_path, tmp_path):
    damaged = bytearray(vault_path.read_bytes())
    damaged[-5] ^= 0xFF
    vault_path.write_bytes(bytes(damaged))
    result = cli("verify", "--password-stdin", stdin=PASS + "\n")
    assert result.code == 4 and "damaged or altered" in result.err
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    result = cli("verify", "--password-stdin", stdin=PASS + "\n", vault=other)
    assert result.code == 4 and "not a Recovery Journal file" in result.err


def test_open_elsewhere_gives_exit_5(initialised, cli, vault_path):
    holder = JournalSession.open(vault_path, PASS)
    try:
        result = cli("verify", "--password-stdin", stdin=PASS + "\n")
    finally:
        holder.close()
    assert result.code == 5 and "another running copy" in result.err


def test_passwd_changes_the_passphrase(initialised, cli):
    result = cli("passwd", "--password-stdin", stdin=f"{PASS}\nthe new passphrase\n")
    assert result.code == 0, result.err
    assert cli("verify", "--password-stdin", stdin=PASS + "\n").code == 3
    assert cli("verify", "--password-stdin", stdin="the new passphrase\n").code == 0


def test_recover_sets_a_new_passphrase_and_prints_a_new_code(initialised, cli):
    old_code = CODE.findall(initialised.out)[0]
    result = cli("recover", "--password-stdin", stdin=f"{old_code.lower()}\nrecovered pass\n")
    assert result.code == 0, result.err
    new_codes = CODE.findall(result.out)
    assert len(new_codes) == 1 and new_codes[0] != old_code
    again = cli("recover", "--password-stdin", stdin=f"{old_code}\nwhatever pass\n")
    assert again.code == 3
    assert cli("verify", "--password-stdin", stdin="recovered pass\n").code == 0


def test_backup_writes_an_encrypted_copy(initialised, cli, tmp_path):
    target = tmp_path / "copy.rjvault"
    result = cli("backup", "-o", str(target), "--password-stdin", stdin=PASS + "\n")
    assert result.code == 0, result.err
    assert target.read_bytes().startswith(b"RJVAULT")
    assert cli("verify", "--password-stdin", stdin=PASS + "\n", vault=target).code == 0


def test_no_terminal_and_no_password_stdin_is_a_usage_error(initialised, cli):
    result = cli("verify")
    assert result.code == 2 and "--password-stdin" in result.err


def test_missing_secret_line_is_a_usage_error(initialised, cli):
    result = cli("passwd", "--password-stdin", stdin=PASS + "\n")
    assert result.code == 2


def test_unknown_command_is_a_usage_error(cli):
    result = cli("frobnicate")
    assert result.code == 2 and result.err.count("\n") == 1


def test_real_process_exit_codes_and_debug(tmp_path):
    vault = str(tmp_path / "j.rjvault")
    made = run_process(
        "init", "--vault", vault, "--kdf-memory-mib", "19", "--password-stdin", stdin=PASS + "\n"
    )
    assert made.returncode == 0, made.stderr
    wrong = run_process("verify", "--vault", vault, "--password-stdin", stdin="nope nope\n")
    assert wrong.returncode == 3
    assert wrong.stderr.strip().count("\n") == 0 and "Traceback" not in wrong.stderr
    debug = run_process(
        "verify", "--vault", vault, "--password-stdin", "--debug", stdin="nope nope\n"
    )
    assert debug.returncode == 3 and "Traceback" in debug.stderr


def test_help_does_not_import_qt_or_matplotlib():
    probe = (
        "import sys; from recovery_journal.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = ('PySide6', 'matplotlib', 'sqlmodel', 'sqlalchemy')\n"
        "bad = [m for m in heavy if m in sys.modules]\n"
        "print('HEAVY', bad)\n"
    )
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr


def test_errors_say_what_to_do_next(initialised, cli, tmp_path):
    wrong = cli("verify", "--password-stdin", stdin="not the passphrase\n")
    assert "recovery-journal-cli recover" in wrong.err and "backup" not in wrong.err
    missing = tmp_path / "nothing.rjvault"
    result = cli("verify", vault=missing)  # no passphrase asked: there is nothing to open
    assert result.code == 1
    assert f"There is no journal at {missing} yet." in result.err
    assert "recovery-journal-cli init" in result.err


def test_no_command_is_one_line_and_options_are_never_abbreviated(cli):
    bare = cli(vault=None)
    assert bare.code == 2 and bare.err.count("\n") == 1
    abbreviated = cli("verify", "--password", stdin="x\n")
    assert abbreviated.code == 2

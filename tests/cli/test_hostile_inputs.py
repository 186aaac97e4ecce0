"""Issue 10, items 6 and 7 from the command line: a journal or an import file that is a pipe,
a device, a folder or a link to one, and import files past the documented limits, are refused
with the documented exit code and one line, without hanging or filling memory."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.cli.conftest import PASS
from tests.hostile import FIXTURES, KINDS, make, needs_dev, needs_fifo, run_cli, run_python

STDIN = PASS + "\n"
MIB = 1024 * 1024


@pytest.fixture
def journal(tmp_path, cli, initialised, vault_path):
    return vault_path


# -- the journal path ---------------------------------------------------------------------------
@needs_fifo
@needs_dev
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", [("verify",), ("stats",), ("log", "day", "--status", "used")])
def test_a_journal_that_is_not_a_file_is_exit_4_at_once(kind, command, tmp_path):
    path = make(kind, tmp_path / "journal.rjvault")
    result = run_cli("--vault", str(path), *command, "--password-stdin", stdin=STDIN)
    assert result.returncode == 4, result
    assert result.stderr.startswith("error: That is not a journal file.")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not list(tmp_path.glob("*.lock"))


@needs_dev
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_as_the_journal_is_exit_4_and_no_lock_is_made_beside_it(device):
    result = run_cli("--vault", device, "verify", "--password-stdin", stdin=STDIN)
    assert result.returncode == 4, result
    assert not Path(device + ".lock").exists()


@needs_fifo
def test_recover_and_new_code_also_refuse_a_pipe_before_asking(tmp_path):
    path = make("named pipe", tmp_path / "journal.rjvault")
    for command in ("recover", "new-code"):
        result = run_cli("--vault", str(path), command, "--password-stdin", stdin="")
        assert result.returncode == 4, result


# -- the import file ------------------------------------------------------------------------------
@needs_fifo
@needs_dev
@pytest.mark.parametrize("kind", KINDS)
def test_an_import_file_that_is_not_a_file_is_exit_6_at_once(kind, journal, tmp_path):
    before = journal.read_bytes()
    source = make(kind, tmp_path / "import.json")
    result = run_cli(
        "--vault", str(journal), "import", str(source), "--password-stdin", stdin=STDIN
    )
    assert result.returncode == 6, result
    assert result.stderr.startswith("import refused: $: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert journal.read_bytes() == before


@needs_dev
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_as_the_import_file_is_exit_6(device, journal):
    result = run_cli("--vault", str(journal), "import", device, "--password-stdin", stdin=STDIN)
    assert result.returncode == 6, result
    assert "is a device, not a file" in result.stderr


# The peak resident size of this process's own memory: VmHWM belongs to the address space made
# at exec, unlike ru_maxrss, which Linux carries across exec from the forked test process.
MEASURE = """
    import re, sys
    from pathlib import Path
    from recovery_journal.cli import main
    code = main(sys.argv[1:])
    status = Path("/proc/self/status").read_text()
    print(code, re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1))
"""


@pytest.mark.slow
def test_a_100_mb_import_is_refused_before_it_is_read(journal, tmp_path):
    day = json.dumps({"date": "2025-01-01", "status": "used", "substances": ["x"]}) + ","
    source = tmp_path / "huge.json"
    with source.open("w") as handle:
        handle.write('{"format": "recovery-journal", "version": 1, "days": [')
        handle.write(day * (100 * MIB // len(day)))
        handle.write('{"date": "2025-01-02", "status": "used"}]}')
    assert source.stat().st_size > 100 * MIB
    before = journal.read_bytes()
    args = ["--vault", str(journal), "import", str(source), "--password-stdin"]
    result = run_python(MEASURE, *args)
    code, peak_kib = (int(word) for word in result.stdout.split())
    assert code == 6, result
    assert result.stderr.startswith("import refused: $: the file is larger than 32 MiB")
    assert 10 * 1024 < peak_kib < 500 * 1024, peak_kib  # VmHWM is in KiB
    assert journal.read_bytes() == before


LIMIT_FIXTURES = {
    "import-long-integer.json": "$: is not valid JSON (a number in it is too long to read)",
    "import-timestamp-before-year-1.json": "$.journal_entries[0].created_at: is outside",
    "import-timestamp-after-year-9999.json": "$.days[0].entered_at: is outside",
    "import-long-unknown-key.json": '$["' + "x" * 40 + '…"]: is not a known field',
    "import-long-duplicate-key.json": '$: the key "' + "d" * 40 + '…" appears twice',
    "import-long-note.json": "$.days[0].note: is longer than 100000 characters",
    "import-many-substances.json": "$.days[0].substances: has more than 100 items",
    "import-nan.json": "$: is not valid JSON (NaN is not a number JSON allows)",
}


@pytest.mark.parametrize(("name", "expected"), list(LIMIT_FIXTURES.items()))
def test_hostile_import_files_are_refused_with_a_short_line(name, expected, cli, journal):
    before = journal.read_bytes()
    result = cli("import", str(FIXTURES / name), "--password-stdin", stdin=STDIN)
    assert result.code == 6, result
    assert result.err.startswith("import refused: " + expected), result.err[:300]
    assert all(len(line) < 200 for line in result.err.splitlines())
    assert "Traceback" not in result.err
    assert journal.read_bytes() == before


def test_too_many_records_of_one_kind_are_refused_before_validation(cli, journal, tmp_path):
    source = tmp_path / "many.json"
    days = [{"date": "2025-01-01", "status": "used"}] * 50_001
    source.write_text(json.dumps({"format": "recovery-journal", "version": 1, "days": days}))
    result = cli("import", str(source), "--password-stdin", stdin=STDIN)
    assert result.code == 6
    assert (
        result.err
        == "import refused: $.days: has more than 50000 records, the most an import may hold\n"
    )


def test_a_file_of_nested_lists_is_refused_before_parsing(cli, journal, tmp_path):
    source = tmp_path / "nested.json"
    source.write_text('{"format": "recovery-journal", "version": 1, "x": ' + "[" * 700_000)
    result = cli("import", str(source), "--password-stdin", stdin=STDIN)
    assert result.code == 6
    assert "more than 600000 objects and lists" in result.err


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_import_file_is_called_unreadable(cli, journal, tmp_path):
    source = tmp_path / "secret.json"
    shutil.copyfile(FIXTURES / "import-formulas.json", source)
    source.chmod(0)
    result = cli("import", str(source), "--password-stdin", stdin=STDIN)
    assert result.code == 6 and "aren't allowed to read it" in result.err

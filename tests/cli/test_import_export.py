"""import, export and demo: all or nothing, exit 6 with the JSON path, round trips."""

from __future__ import annotations

import json
import stat

import pytest

from recovery_journal.services.session import JournalSession
from tests.cli.conftest import PASS
from tests.storage.storage_samples import sample_data

STDIN = PASS + "\n"


@pytest.fixture
def sample_file(tmp_path):
    from datetime import UTC, datetime

    from recovery_journal.services.interchange_json import export_json

    path = tmp_path / "sample.json"
    path.write_text(export_json(sample_data(), datetime(2026, 1, 1, tzinfo=UTC)))
    return path


def test_export_import_export_round_trip(initialised, cli, sample_file, tmp_path, vault_path):
    assert cli("import", str(sample_file), "--password-stdin", stdin=STDIN).code == 0
    out = tmp_path / "out.json"
    result = cli("export", "--format", "json", "-o", str(out), "--password-stdin", stdin=STDIN)
    assert result.code == 0, result.err
    assert "not encrypted" in result.out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    first, again = json.loads(sample_file.read_text()), json.loads(out.read_text())
    first.pop("exported_at"), again.pop("exported_at")
    assert first == again


def test_import_into_a_journal_with_records_needs_merge_or_replace(
    initialised, cli, sample_file, vault_path
):
    assert cli("import", str(sample_file), "--password-stdin", stdin=STDIN).code == 0
    before = vault_path.read_bytes()
    again = cli("import", str(sample_file), "--password-stdin", stdin=STDIN)
    assert again.code == 6 and again.err.startswith("import refused: ")
    merge = cli("import", str(sample_file), "--merge", "--password-stdin", stdin=STDIN)
    assert merge.code == 6 and "already in this journal" in merge.err
    assert vault_path.read_bytes() == before
    replace = cli("import", str(sample_file), "--replace", "--password-stdin", stdin=STDIN)
    assert replace.code == 0, replace.err
    backups = list((vault_path.parent / "backups").glob("*before-replace*"))
    assert len(backups) == 1


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["days"][0].update(craving=11), "$.days[0].craving: "),
        (lambda d: d["days"][0].update(date="2999-01-01"), "$.days[0].date: "),
        (lambda d: d["days"].append(dict(d["days"][0])), "$.days["),
        (lambda d: d["days"][0].update(status="fine"), "$.days[0].status: "),
        (lambda d: d["days"][0].update(cravings=3), "$.days[0].cravings: "),
        (lambda d: d["meetings"][0].update(format="zoom"), "$.meetings[0].format: "),
        (lambda d: d.update(version=3), "$.version: "),
        (lambda d: d.update(format="other-app"), "$.format: "),
    ],
)
def test_invalid_imports_are_refused_with_path_and_nothing_written(
    initialised, cli, sample_file, vault_path, mutate, expected
):
    document = json.loads(sample_file.read_text())
    mutate(document)
    sample_file.write_text(json.dumps(document))
    before = vault_path.read_bytes()
    result = cli("import", str(sample_file), "--password-stdin", stdin=STDIN)
    assert result.code == 6, result.err
    first = result.err.splitlines()[0]
    assert first.startswith("import refused: " + expected), first
    assert len(result.err.splitlines()) <= 10 and "Traceback" not in result.err
    assert vault_path.read_bytes() == before


def test_malformed_json_is_refused(initialised, cli, tmp_path, vault_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "recovery-journal", "version": 1,')
    before = vault_path.read_bytes()
    result = cli("import", str(bad), "--password-stdin", stdin=STDIN)
    assert result.code == 6 and result.err.startswith("import refused: $")
    assert vault_path.read_bytes() == before


def test_csv_export_has_a_codebook_and_private_files(initialised, cli, sample_file, tmp_path):
    cli("import", str(sample_file), "--password-stdin", stdin=STDIN)
    folder = tmp_path / "csv"
    result = cli("export", "--format", "csv", "-o", str(folder), "--password-stdin", stdin=STDIN)
    assert result.code == 0, result.err
    names = {p.name for p in folder.iterdir()}
    assert {"days.csv", "meetings.csv", "codebook.md"} <= names
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_demo_writes_a_journal_that_opens_with_the_printed_passphrase(cli, tmp_path):
    target = tmp_path / "demo.rjvault"
    result = cli("demo", "-o", str(target), vault=None)
    assert result.code == 0, result.err
    passphrase = next(
        line.split(": ", 1)[1] for line in result.out.splitlines() if "passphrase:" in line
    )
    session = JournalSession.open(target, passphrase)
    try:
        data = session.data()
        assert (data.days[-1].date - data.days[0].date).days > 600
        assert data.meetings and data.contacts and data.checkins
    finally:
        session.close()


def test_merge_never_changes_the_settings(initialised, cli, tmp_path):
    settings_only = tmp_path / "settings.json"
    settings_only.write_text(
        json.dumps(
            {
                "format": "recovery-journal",
                "version": 1,
                "settings": {"tracking_start": "2026-01-01", "week_start": "sunday"},
            }
        )
    )
    assert cli("import", str(settings_only), "--password-stdin", stdin=STDIN).code == 0
    one_day = tmp_path / "day.json"
    one_day.write_text(
        json.dumps(
            {
                "format": "recovery-journal",
                "version": 1,
                "days": [{"date": "2026-01-05", "status": "abstinent"}],
            }
        )
    )
    merged = cli("import", str(one_day), "--merge", "--password-stdin", stdin=STDIN)
    assert merged.code == 0, merged.err
    out = tmp_path / "out.json"
    cli("export", "--format", "json", "-o", str(out), "--password-stdin", stdin=STDIN)
    settings = json.loads(out.read_text())["settings"]
    assert settings["week_start"] == "sunday" and settings["tracking_start"] == "2026-01-01"


def test_an_export_that_cannot_be_written_says_so_plainly(initialised, cli, tmp_path):
    target = tmp_path / "no such folder" / "out.json"
    result = cli("export", "--format", "json", "-o", str(target), "--password-stdin", stdin=STDIN)
    assert result.code == 1
    assert result.err.startswith("error: The export couldn't be written.")
    assert "journal couldn't be saved" not in result.err

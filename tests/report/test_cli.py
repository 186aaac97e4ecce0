"""``recovery-journal-cli report`` through the real ``main()``.

Until the lead wires ``report_command.register`` into ``cli.context.build_parser``, the
``cli_main`` fixture adds the sub-command to the real parser for these tests; once it is wired
the fixture uses the parser as it is, unchanged.
"""

from __future__ import annotations

import argparse
import io
import stat
import sys

import pytest
from pypdf import PdfReader

from recovery_journal.services.session import JournalSession
from tests.conftest import FAST_KDF
from tests.report.journal import AS_OF, DAY_NOTE, JOURNAL_BODY, journal, store

PASS = "a long passphrase"


def _with_report(build):  # type: ignore[no-untyped-def]
    def build_parser() -> argparse.ArgumentParser:
        from recovery_journal.cli import context, report_command

        parser = build()
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if "report" not in sub.choices:
            report_command.register(sub, lambda p: context._global_options(p, top=False))
        return parser

    return build_parser


@pytest.fixture
def vault(tmp_path):
    path = tmp_path / "journal.rjvault"
    session, _ = JournalSession.create(path, PASS, kdf=FAST_KDF)
    store(session, journal())
    session.close()
    return path


@pytest.fixture
def cli(monkeypatch, capsys, vault):
    import recovery_journal.cli as cli_module

    monkeypatch.setattr(cli_module, "build_parser", _with_report(cli_module.build_parser))

    def run(*args: str, stdin: str = PASS + "\n"):
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            code = cli_module.main(["--vault", str(vault), *args])
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def text_of(path) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(path).pages).split())


def test_report_writes_a_private_pdf_of_the_last_90_days_without_notes(cli, tmp_path):
    out = tmp_path / "review.pdf"
    code, stdout, stderr = cli(
        "report", "-o", str(out), "--as-of", AS_OF.isoformat(), "--password-stdin"
    )
    assert (code, stderr) == (0, "")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert len(stdout.strip().splitlines()) == 1
    assert "not encrypted" in stdout and "without notes" in stdout
    text = text_of(out)
    assert "Last 90 days: 1 Jan 2026 – 31 Mar 2026" in text
    assert DAY_NOTE not in text and JOURNAL_BODY not in text


def test_include_notes_puts_the_notes_and_journal_text_in(cli, tmp_path):
    out = tmp_path / "review.pdf"
    code, stdout, _ = cli(
        "report", "-o", str(out), "--as-of", "2026-03-31", "--include-notes", "--password-stdin"
    )
    assert code == 0 and "with your notes and journal text" in stdout
    text = text_of(out)
    assert DAY_NOTE in text and JOURNAL_BODY in text


def test_range_and_since_last_review_choose_the_period(cli, tmp_path):
    out = tmp_path / "r.pdf"
    assert (
        cli(
            "report", "-o", str(out), "--as-of", "2026-03-31", "--range", "30d", "--password-stdin"
        )[0]
        == 0
    )
    assert "Last 30 days: 2 Mar 2026 – 31 Mar 2026" in text_of(out)
    assert (
        cli(
            "report",
            "-o",
            str(out),
            "--as-of",
            "2026-03-31",
            "--since-last-review",
            "--password-stdin",
        )[0]
        == 0
    )
    assert "Since your last review: 10 Mar 2026 – 31 Mar 2026" in text_of(out)


def test_range_and_since_last_review_together_are_a_usage_error(cli, tmp_path):
    code, _, stderr = cli(
        "report",
        "-o",
        str(tmp_path / "r.pdf"),
        "--range",
        "30d",
        "--since-last-review",
        "--password-stdin",
    )
    assert code == 2 and "not allowed with" in stderr


def test_the_file_name_must_end_in_pdf(cli, tmp_path):
    code, _, stderr = cli("report", "-o", str(tmp_path / "r.txt"), "--password-stdin")
    assert code == 2 and ".pdf" in stderr


def test_a_wrong_passphrase_is_exit_code_3_and_writes_nothing(cli, tmp_path):
    out = tmp_path / "review.pdf"
    code, _, stderr = cli("report", "-o", str(out), "--password-stdin", stdin="wrong one\n")
    assert code == 3 and stderr.startswith("error:")
    assert not out.exists()


def test_the_report_never_overwrites_a_file_that_is_not_a_pdf(cli, tmp_path):
    other = tmp_path / "notes.pdf"
    other.write_text("my own notes")
    code, _, stderr = cli("report", "-o", str(other), "--password-stdin")
    assert code == 2 and "not a PDF" in stderr
    assert other.read_text() == "my own notes"


def test_the_report_never_overwrites_the_journal_itself(tmp_path):
    from recovery_journal.cli.report_command import check_output
    from recovery_journal.cli.secrets_input import UsageError

    vault = tmp_path / "journal.pdf"
    vault.write_bytes(b"%PDF-looks like one")
    with pytest.raises(UsageError, match="your journal itself"):
        check_output(tmp_path / "sub" / ".." / "journal.pdf", vault)


def test_a_missing_folder_is_a_usage_error(cli, tmp_path):
    code, _, stderr = cli("report", "-o", str(tmp_path / "nowhere" / "r.pdf"), "--password-stdin")
    assert code == 2 and "doesn't exist" in stderr

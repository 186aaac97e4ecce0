"""``chart NAME [--as-of DATE] [--range …] -o FILE`` through a small parser like the real one.

The lead wires ``chart_command.register`` into ``recovery-journal-cli``; until then these tests
build the same shape of parser (sub-command, global options after the command).
"""

from __future__ import annotations

import argparse
import io
import stat
import sys

import pytest

from recovery_journal.cli import chart_command
from recovery_journal.cli.context import CliContext
from recovery_journal.services.demo import generate_demo
from recovery_journal.services.session import JournalSession
from tests.domain.builders import D

PASS = "a long passphrase"
TODAY = D(2026, 3, 15)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="recovery-journal-cli")
    commands = top.add_subparsers()

    def add_globals(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--vault")
        sub.add_argument("--password-stdin", action="store_true")
        sub.add_argument("--debug", action="store_true")

    chart_command.register(commands, add_globals)
    return top


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory):
    from tests.conftest import FAST_KDF

    path = tmp_path_factory.mktemp("vault") / "journal.rjvault"
    session, _ = JournalSession.create(path, PASS, kdf=FAST_KDF)
    session.add_all(generate_demo(TODAY))
    session.close()
    return path


def run(argv, monkeypatch):
    args = parser().parse_args(argv)
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASS + "\n"))
    out = io.StringIO()
    ctx = CliContext.from_args(args)
    ctx.out = out
    ctx.today = TODAY
    return args.handler(args, ctx), out.getvalue()


@pytest.mark.parametrize("name", ["pda", "calendar"])
def test_writes_a_private_png(name, demo_vault, tmp_path, monkeypatch):
    target = tmp_path / f"{name}.png"
    code, out = run(
        ["chart", name, "-o", str(target), "--vault", str(demo_vault), "--password-stdin"],
        monkeypatch,
    )
    assert code == 0
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert out.count("\n") == 1 and "16 Mar 2025 – 15 Mar 2026" in out and str(target) in out


def test_writes_an_svg_for_a_range_and_date(demo_vault, tmp_path, monkeypatch):
    target = tmp_path / "meetings.svg"
    code, out = run(
        ["chart", "attendance", "--as-of", "2026-01-31", "--range", "3m", "-o", str(target),
         "--vault", str(demo_vault), "--password-stdin"],
        monkeypatch,
    )  # fmt: skip
    assert code == 0
    text = target.read_text()
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "attendance.meetings" in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "1 Nov 2025 – 31 Jan 2026" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["chart", "moods", "-o", "x.png"],
        ["chart", "pda", "--range", "2w", "-o", "x.png"],
        ["chart", "pda", "-o", "x.pdf"],
        ["chart", "pda", "--as-of", "15/03/2026", "-o", "x.png"],
        ["chart", "pda"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        parser().parse_args(argv)
    assert exit_.value.code == 2


def test_wrong_passphrase_writes_nothing(demo_vault, tmp_path, monkeypatch):
    from recovery_journal.vault import VaultError

    target = tmp_path / "x.png"
    args = parser().parse_args(
        ["chart", "pda", "-o", str(target), "--vault", str(demo_vault), "--password-stdin"]
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO("not the passphrase\n"))
    with pytest.raises(VaultError):
        args.handler(args, CliContext.from_args(args))
    assert not target.exists()

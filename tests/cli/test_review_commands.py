"""sponsor-key, sponsor-code and review-file from the terminal: exit codes and one-line errors."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.cli.conftest import PASS

KEY_PASS = "sponsor key passphrase"


@pytest.fixture
def sponsor(cli, tmp_path):
    """A sponsor's own folder with a sponsor key; returns (journal path, code)."""
    journal = tmp_path / "sponsor" / "journal.rjvault"
    made = cli(
        "sponsor-key",
        "init",
        "--kdf-memory-mib",
        "19",
        "--password-stdin",
        stdin=KEY_PASS + "\n",
        vault=journal,
    )
    assert made.code == 0, made.err
    shown = cli("sponsor-key", "show", "--password-stdin", stdin=KEY_PASS + "\n", vault=journal)
    assert shown.code == 0
    code = "".join(shown.out.split())
    assert code.replace("-", "") in made.out.replace("-", "").replace(" ", "").replace("\n", "")
    return journal, code


@pytest.fixture
def sponsee(cli, initialised):
    today = dt.date.today()
    for offset in range(20):
        day = (today - dt.timedelta(days=offset)).isoformat()
        logged = cli(
            "log",
            "day",
            "--date",
            day,
            "--status",
            "abstinent",
            "--craving",
            "2",
            "--password-stdin",
            stdin=PASS + "\n",
        )
        assert logged.code == 0, logged.err


def test_make_and_open_a_review_file(cli, sponsor, sponsee, tmp_path):
    journal, code = sponsor
    added = cli("sponsor-code", "add", "Robin", code, "--password-stdin", stdin=PASS + "\n")
    assert added.code == 0, added.err
    out = tmp_path / "review.rjreview"
    made = cli(
        "review-file",
        "make",
        "-o",
        str(out),
        "--for",
        "robin",
        "--name",
        "Alex",
        "--range",
        "30d",
        "--password-stdin",
        stdin=PASS + "\n",
    )
    assert made.code == 0, made.err
    opened = cli(
        "review-file",
        "open",
        str(out),
        "--keep",
        "--password-stdin",
        stdin=KEY_PASS + "\n",
        vault=journal,
    )
    assert opened.code == 0, opened.err
    assert "Review from Alex" in opened.out and "Days abstinent: 100%" in opened.out
    assert len(list((journal.parent / "sponsee-reviews").iterdir())) == 1
    # The name is remembered for next time.
    again = cli(
        "review-file",
        "make",
        "-o",
        str(out),
        "--for",
        code,
        "--password-stdin",
        stdin=PASS + "\n",
    )
    assert again.code == 0, again.err


def test_bad_input_gets_one_line_and_its_exit_code(cli, sponsor, sponsee, tmp_path, vault_path):
    journal, code = sponsor
    out = tmp_path / "review.rjreview"
    wrong_code = cli(
        "review-file",
        "make",
        "-o",
        str(out),
        "--for",
        "ABCD-EFGH",
        "--name",
        "A",
        "--password-stdin",
        stdin=PASS + "\n",
    )
    assert wrong_code.code == 2 and wrong_code.err.count("\n") == 1
    over_journal = cli(
        "review-file",
        "make",
        "-o",
        str(vault_path),
        "--for",
        code,
        "--name",
        "A",
        "--password-stdin",
        stdin=PASS + "\n",
    )
    assert over_journal.code == 2 and "journal itself" in over_journal.err
    made = cli(
        "review-file",
        "make",
        "-o",
        str(out),
        "--for",
        code,
        "--name",
        "A",
        "--password-stdin",
        stdin=PASS + "\n",
    )
    assert made.code == 0
    wrong_pass = cli(
        "review-file", "open", str(out), "--password-stdin", stdin="nope\n", vault=journal
    )
    assert wrong_pass.code == 3 and wrong_pass.err.startswith("error: That passphrase")
    cut = tmp_path / "cut.rjreview"
    cut.write_bytes(out.read_bytes()[:-5])
    damaged = cli(
        "review-file", "open", str(cut), "--password-stdin", stdin=KEY_PASS + "\n", vault=journal
    )
    assert damaged.code == 4 and damaged.err.count("\n") == 1
    other = tmp_path / "other" / "journal.rjvault"
    cli(
        "sponsor-key",
        "init",
        "--kdf-memory-mib",
        "19",
        "--password-stdin",
        stdin="other key 1\n",
        vault=other,
    )
    for_another = cli(
        "review-file", "open", str(out), "--password-stdin", stdin="other key 1\n", vault=other
    )
    assert for_another.code == 4 and "another sponsor key" in for_another.err
    no_key = cli(
        "review-file",
        "open",
        str(out),
        "--password-stdin",
        stdin="x\n",
        vault=tmp_path / "none" / "j.rjvault",
    )
    assert no_key.code == 1 and "no sponsor key yet" in no_key.err


def test_a_second_key_is_never_made_over_the_first(cli, sponsor):
    journal, _ = sponsor
    before = (journal.parent / "sponsor-key.rjkey").read_bytes()
    again = cli(
        "sponsor-key",
        "init",
        "--kdf-memory-mib",
        "19",
        "--password-stdin",
        stdin="x" * 9 + "\n",
        vault=journal,
    )
    assert again.code == 1 and "already have a sponsor key" in again.err
    assert (journal.parent / "sponsor-key.rjkey").read_bytes() == before

"""log person and network, through the real command line."""

from __future__ import annotations

import json

from recovery_journal.domain.models import PersonStance, PersonUse
from recovery_journal.services.session import JournalSession
from tests.cli.conftest import PASS

STDIN = PASS + "\n"


def _log(cli, *args: str, stdin: str = STDIN):
    return cli("log", "person", *args, "--password-stdin", stdin=stdin)


def test_log_person_adds_then_records_a_change_keeping_the_history(initialised, cli, vault_path):
    first = _log(
        cli,
        "--name",
        "Jo",
        "--relationship",
        "friend",
        "--date",
        "2026-01-10",
        "--use",
        "recovery",
        "--stance",
        "supports",
    )
    assert first.code == 0, first.err
    assert "Added someone to your network (id person-1) as of 2026-01-10" in first.out
    second = _log(cli, "--name", "jo", "--date", "2026-02-01", "--stance", "neutral", "--left")
    assert second.code == 0, second.err
    assert "Noted a change" in second.out
    session = JournalSession.open(vault_path, PASS)
    try:
        data = session.data()
    finally:
        session.close()
    assert [p.name for p in data.people] == ["Jo"]
    assert [(e.date.isoformat(), e.stance, e.use, e.in_network) for e in data.person_entries] == [
        ("2026-01-10", PersonStance.SUPPORTS, PersonUse.RECOVERY, True),
        ("2026-02-01", PersonStance.NEUTRAL, PersonUse.UNKNOWN, False),
    ]


def test_the_name_can_come_from_standard_input(initialised, cli, vault_path):
    result = _log(cli, "--name", "-", "--date", "2026-01-10", stdin=STDIN + "Mum\n")
    assert result.code == 0, result.err
    session = JournalSession.open(vault_path, PASS)
    try:
        assert [p.name for p in session.data().people] == ["Mum"]
    finally:
        session.close()


def test_bad_person_input_is_a_usage_error_and_writes_nothing(initialised, cli, vault_path):
    before = vault_path.read_bytes()
    unknown = _log(cli, "--id", "nobody", "--date", "2026-01-10")
    assert unknown.code == 2
    assert unknown.err.startswith("error: no one in your network has the id")
    blank = _log(cli, "--name", "   ", "--date", "2026-01-10")
    assert blank.code == 2
    assert "name" in blank.err.lower()
    assert "Traceback" not in blank.err + unknown.err
    assert vault_path.read_bytes() == before


def test_network_lists_people_by_stance_and_its_figures(initialised, cli):
    _log(cli, "--name", "Jo", "--date", "2026-01-10", "--use", "recovery", "--stance", "supports")
    _log(cli, "--name", "Mick", "--date", "2026-01-11", "--use", "heavy", "--stance", "against")
    _log(cli, "--name", "Mick", "--date", "2026-03-01", "--use", "heavy", "--left")
    text = cli("network", "--as-of", "2026-02-01", "--password-stdin", stdin=STDIN)
    assert text.code == 0, text.err
    assert "2 people in your network" in text.out
    assert "1 support your recovery (50%)" in text.out
    assert "makes recovery harder" in text.out.lower()
    later = cli("network", "--as-of", "2026-03-05", "--json", "--password-stdin", stdin=STDIN)
    document = json.loads(later.out)
    assert document["figures"]["people"] == 1
    assert document["figures"]["use_linked"] == 0
    mick = next(p for p in document["people"] if p["name"] == "Mick")
    assert mick["in_network"] is False
    assert [e["date"] for e in mick["entries"]] == ["2026-01-11", "2026-03-01"]
    early = cli("network", "--as-of", "2026-01-10", "--json", "--password-stdin", stdin=STDIN)
    assert [p["name"] for p in json.loads(early.out)["people"] if p["in_network"]] == ["Jo"]


def test_stats_json_has_a_network_key(initialised, cli):
    _log(cli, "--name", "Jo", "--date", "2026-01-10", "--use", "recovery", "--stance", "supports")
    result = cli("stats", "--as-of", "2026-01-20", "--json", "--password-stdin", stdin=STDIN)
    network = json.loads(result.out)["network"]
    assert network["people"] == 1
    assert network["supportive_share"] == 100.0
    assert network["change_90"]["added_supportive"] == 1
    assert network["insight"]["id"] == "network"


def test_stats_text_mentions_the_network_only_once_there_is_one(initialised, cli):
    cli(
        "log",
        "day",
        "--date",
        "2026-01-20",
        "--status",
        "abstinent",
        "--password-stdin",
        stdin=STDIN,
    )
    before = cli("stats", "--as-of", "2026-01-20", "--password-stdin", stdin=STDIN)
    assert "Your network" not in before.out
    _log(cli, "--name", "Jo", "--date", "2026-01-10", "--use", "recovery", "--stance", "supports")
    after = cli("stats", "--as-of", "2026-01-20", "--password-stdin", stdin=STDIN)
    assert "Your network: 1 person, 1 supporting your recovery, 0 drinking" in after.out
    assert "The people around you (too early)" in after.out

"""log day|meeting|contact and stats, through the real command line."""

from __future__ import annotations

import json

from recovery_journal.domain.models import DayStatus
from recovery_journal.services.session import JournalSession
from tests.cli.conftest import PASS

STDIN = PASS + "\n"


def opened(vault_path):
    return JournalSession.open(vault_path, PASS)


def test_log_day_creates_then_updates_keeping_other_fields(initialised, cli, vault_path):
    first = cli(
        "log",
        "day",
        "--date",
        "2026-01-10",
        "--status",
        "abstinent",
        "--craving",
        "7",
        "--note",
        "hard evening",
        "--activity",
        "reading",
        "--password-stdin",
        stdin=STDIN,
    )
    assert first.code == 0, first.err
    assert "Recorded 2026-01-10" in first.out
    second = cli(
        "log",
        "day",
        "--date",
        "2026-01-10",
        "--status",
        "used",
        "--substance",
        "alcohol",
        "--amount",
        "3 drinks",
        "--password-stdin",
        stdin=STDIN,
    )
    assert second.code == 0, second.err
    assert "Updated 2026-01-10" in second.out and "honestly" in second.out
    session = opened(vault_path)
    day = session.data().days[0]
    session.close()
    assert day.status == DayStatus.USED
    assert day.craving == 7 and day.note == "hard evening"
    assert day.substances == ("alcohol",) and day.amount == "3 drinks"
    assert [a.value for a in day.activities] == ["reading"]


def test_log_refuses_bad_values_and_changes_nothing(initialised, cli, vault_path):
    before = vault_path.read_bytes()
    for args in (
        ("log", "day", "--status", "abstinent", "--craving", "11"),
        ("log", "day", "--status", "abstinent", "--date", "2999-01-01"),
        ("log", "day", "--status", "great"),
        ("log", "meeting", "--fellowship", "other"),  # needs a label
        ("log", "contact", "--mode", "phone", "--sponsor", "nobody"),
    ):
        result = cli(*args, "--password-stdin", stdin=STDIN)
        assert result.code == 2, (args, result.err)
        assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert vault_path.read_bytes() == before
    # The service's own words, from its typed error (the command does not check by itself).
    craving = cli(
        "log", "day", "--status", "abstinent", "--craving", "11", "--password-stdin", stdin=STDIN
    )
    assert craving.err == "error: Craving must be between 0 and 10.\n"


def test_log_meeting_and_contact(initialised, cli, vault_path):
    meeting = cli(
        "log",
        "meeting",
        "--date",
        "2026-01-11",
        "--time",
        "19:30",
        "--fellowship",
        "NA",
        "--name",
        "Clean Sunday",
        "--format",
        "online",
        "--shared",
        "--service-role",
        "chair",
        "--helpfulness",
        "8",
        "--password-stdin",
        stdin=STDIN,
    )
    assert meeting.code == 0, meeting.err
    contact = cli(
        "log",
        "contact",
        "--date",
        "2026-01-11",
        "--mode",
        "text",
        "--one-way",
        "--topic",
        "craving",
        "--password-stdin",
        stdin=STDIN,
    )
    assert contact.code == 0, contact.err
    assert "one-way" in contact.out
    session = opened(vault_path)
    data = session.data()
    session.close()
    (m,) = data.meetings
    assert (m.name, m.format.value, m.shared, m.service_role.value, m.helpfulness) == (
        "Clean Sunday",
        "online",
        True,
        "chair",
        8,
    )
    assert m.time.isoformat() == "19:30:00"
    (c,) = data.contacts
    assert not c.two_way and [t.value for t in c.topics] == ["craving"]


def test_stats_json_has_the_stable_keys_and_right_numbers(initialised, cli):
    for date, status in (
        ("2026-01-01", "abstinent"),
        ("2026-01-02", "used"),
        ("2026-01-04", "abstinent"),
    ):
        assert (
            cli(
                "log", "day", "--date", date, "--status", status, "--password-stdin", stdin=STDIN
            ).code
            == 0
        )
    cli(
        "log",
        "meeting",
        "--date",
        "2026-01-04",
        "--fellowship",
        "AA",
        "--password-stdin",
        stdin=STDIN,
    )
    result = cli("stats", "--as-of", "2026-01-04", "--json", "--password-stdin", stdin=STDIN)
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert set(doc) >= {
        "as_of",
        "tracking_start",
        "pda",
        "runs",
        "point_prevalence",
        "attendance",
        "sponsor",
        "insights",
        "notices",
    }
    window = doc["pda"]["30"]
    assert (window["days"], window["abstinent"], window["used"], window["unknown"]) == (4, 2, 1, 1)
    assert window["coverage"] == 0.75
    assert window["pda_low"] == 50.0 and window["pda_high"] == 75.0
    assert doc["runs"]["current_days"] == 2 and doc["runs"]["current_unverified_days"] == 1
    assert doc["runs"]["last_used"] == "2026-01-02"
    assert doc["attendance"]["meetings_7"] == 1
    assert doc["tracking_start"] == "2026-01-01"


def test_stats_text_is_plain_and_kind(initialised, cli):
    cli(
        "log",
        "day",
        "--date",
        "2026-01-01",
        "--status",
        "abstinent",
        "--password-stdin",
        stdin=STDIN,
    )
    result = cli("stats", "--as-of", "2026-01-01", "--password-stdin", stdin=STDIN)
    assert result.code == 0, result.err
    assert "Days abstinent" in result.out and "100%" in result.out
    for word in ("relapse", "failure", "PDA"):
        assert word not in result.out


def test_a_day_no_longer_used_forgets_what_and_how_much(initialised, cli, vault_path):
    cli(
        "log",
        "day",
        "--date",
        "2026-01-10",
        "--status",
        "used",
        "--substance",
        "alcohol",
        "--amount",
        "3 drinks",
        "--craving",
        "8",
        "--password-stdin",
        stdin=STDIN,
    )
    cli(
        "log",
        "day",
        "--date",
        "2026-01-10",
        "--status",
        "abstinent",
        "--password-stdin",
        stdin=STDIN,
    )
    session = opened(vault_path)
    day = session.data().days[0]
    session.close()
    assert day.status == DayStatus.ABSTINENT
    assert day.substances == () and day.amount == ""
    assert day.craving == 8  # what was not about the use stays

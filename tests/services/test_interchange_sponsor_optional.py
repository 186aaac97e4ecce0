"""DESIGN.md: only ``id`` and ``name`` are required on a sponsor."""

import datetime as dt
import json

from recovery_journal.services.interchange_json import export_json, parse_json

TODAY = dt.date(2026, 1, 1)


def test_a_sponsor_needs_only_an_id_and_a_name():
    text = json.dumps(
        {
            "format": "recovery-journal",
            "version": 1,
            "sponsors": [{"id": "s1", "name": "Sam"}],
            "sponsor_contacts": [{"date": "2025-12-30", "mode": "phone", "sponsor_id": "s1"}],
        }
    )
    data = parse_json(text, TODAY)
    assert data.sponsors[0].started_on is None
    again = json.loads(export_json(data, dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))
    assert again["sponsors"] == [{"id": "s1", "name": "Sam", "started_on": None, "ended_on": None}]


def test_a_sponsor_without_a_start_date_is_stored_and_read_back(tmp_path, fast_kdf):
    from recovery_journal.domain.models import Sponsor
    from recovery_journal.services.session import JournalSession

    session, _ = JournalSession.create(tmp_path / "j.rjvault", "a long passphrase", kdf=fast_kdf)
    try:
        session.add_sponsor(Sponsor(key="s1", name="Sam"))
        assert session.data().sponsors[0].started_on is None
    finally:
        session.close()

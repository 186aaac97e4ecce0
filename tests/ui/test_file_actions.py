"""File menu work: an encrypted backup, a readable export, and an import refused whole."""

from __future__ import annotations

import json

import pytest

from recovery_journal.domain.models import DayRecord, DayStatus
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.app.file_actions import (
    NOT_ENCRYPTED,
    ActionFailed,
    export_to,
    import_from,
    write_backup,
)
from tests.ui.conftest import PASSPHRASE, TODAY, open_journal


def test_backup_export_and_import(qtbot, launch, journal, tmp_path):
    window = open_journal(qtbot, launch, journal[0])
    controller = window.controller
    controller.session.save_day(DayRecord(date=TODAY, status=DayStatus.ABSTINENT, note="n"))

    copy = tmp_path / "copy.rjvault"
    assert "encrypted copy" in write_backup(controller, copy)
    opened = JournalSession.open(copy, PASSPHRASE)
    try:
        assert opened.get_day(TODAY).note == "n"
    finally:
        opened.close()

    exported = tmp_path / "export.json"
    words = export_to(controller, exported, "json")
    assert NOT_ENCRYPTED in words
    assert exported.stat().st_mode & 0o777 == 0o600
    document = json.loads(exported.read_text())
    assert [day["date"] for day in document["days"]] == [TODAY.isoformat()]

    folder = tmp_path / "csv"
    export_to(controller, folder, "csv")
    assert (folder / "codebook.md").exists()
    with pytest.raises(ActionFailed, match="already has files"):
        export_to(controller, folder, "csv")

    # The same day again: merging refuses the whole file and changes nothing.
    with pytest.raises(ActionFailed, match="Nothing was imported") as refused:
        import_from(controller, exported, "merge")
    assert "already in this journal" in str(refused.value)
    document["days"][0]["date"] = "2026-03-17"
    exported.write_text(json.dumps(document))
    assert import_from(controller, exported, "merge") == "Imported 1 day."
    assert {d.date.isoformat() for d in controller.data().days} == {"2026-03-17", "2026-03-18"}

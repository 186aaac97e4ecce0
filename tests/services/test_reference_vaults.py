"""Every released schema's reference vault keeps opening, with the same records."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from recovery_journal.services.session import JournalSession
from tests.storage.storage_samples import SAMPLES

DATA = Path(__file__).resolve().parent.parent / "data"
PASSPHRASE = "reference vault passphrase"
REFERENCES = sorted(DATA.glob("reference-schema-v*.rjvault"))


def _without_ids(data):
    from dataclasses import fields, replace

    def strip(record):
        names = {f.name for f in fields(record)}
        return replace(record, id=None) if "id" in names else record

    return {
        f.name: tuple(map(strip, getattr(data, f.name)))
        for f in fields(data)
        if f.name != "settings"
    } | {"settings": data.settings}


def test_there_is_a_reference_for_every_schema():
    from recovery_journal.storage.migrations import CURRENT_SCHEMA_VERSION

    for version in range(1, CURRENT_SCHEMA_VERSION + 1):
        assert DATA / f"reference-schema-v{version}.rjvault" in REFERENCES


@pytest.mark.parametrize("reference", REFERENCES, ids=lambda p: p.name)
def test_reference_vault_opens_with_passphrase_and_code(reference, tmp_path):
    copy = tmp_path / reference.name
    shutil.copyfile(reference, copy)  # opening may migrate; never touch the original
    session = JournalSession.open(copy, PASSPHRASE)
    try:
        version = int(reference.stem.rsplit("-v", 1)[1])
        assert _without_ids(session.data()) == _without_ids(SAMPLES[version]())
        assert session.verify()
    finally:
        session.close()
    code = reference.with_suffix(".recovery-code.txt").read_text().strip()
    JournalSession.open(copy, code, recovery_code=True).close()

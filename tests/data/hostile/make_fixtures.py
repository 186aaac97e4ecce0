"""Write the hostile fixture files of this folder (issue 10). Run from the repository root:

    .venv/bin/python -m tests.data.hostile.make_fixtures

Files that can't be committed (named pipes, devices, a 100 MB file, a journal over 1 GiB) are
made at test time instead (``tests/hostile.py``).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

HERE = Path(__file__).parent
#: The passphrase of ``newer-minor.rjvault`` (a test fixture, not a secret).
PASSPHRASE = "hostile fixture passphrase"
FUTURE_FIELD = b"\x00\x07future\x01"
BASE = {"format": "recovery-journal", "version": 1}


def _day(**fields: object) -> dict[str, object]:
    return {"date": "2025-01-01", "status": "abstinent", **fields}


IMPORTS: dict[str, object] = {
    # An integer with more digits than Python converts (json.loads raises ValueError).
    "import-long-integer.json": '{"format": "recovery-journal", "version": 1, "days": '
    '[{"date": "2025-01-01", "status": "used", "craving": ' + "9" * 5000 + "}]}",
    # Timestamps whose conversion to UTC leaves the range of dates.
    "import-timestamp-before-year-1.json": {
        **BASE,
        "journal_entries": [{"created_at": "0001-01-01T00:00:00+01:00", "body": "x"}],
    },
    "import-timestamp-after-year-9999.json": {
        **BASE,
        "days": [_day(entered_at="9999-12-31T23:59:59-01:00")],
    },
    # An unknown key 200,000 characters long: the refusal echoes a short prefix only.
    "import-long-unknown-key.json": {**BASE, "x" * 200_000: 1},
    "import-long-duplicate-key.json": '{"format": "recovery-journal", "version": 1, "'
    + "d" * 200_000
    + '": 1, "'
    + "d" * 200_000
    + '": 2}',
    # A note over the 100,000-character limit, and too many substances on one day.
    "import-long-note.json": {**BASE, "days": [_day(note="n" * 100_001)]},
    "import-many-substances.json": {
        **BASE,
        "days": [_day(status="used", substances=[f"s{i}" for i in range(101)])],
    },
    "import-nan.json": '{"format": "recovery-journal", "version": 1, "days": '
    '[{"date": "2025-01-01", "status": "used", "craving": NaN}]}',
    # Notes a spreadsheet would run as formulas, and a NUL the report must not choke on.
    "import-formulas.json": {
        **BASE,
        "days": [
            _day(date="2025-01-01", note='=HYPERLINK("http://example.invalid","click")'),
            _day(date="2025-01-02", note="+1+1"),
            _day(date="2025-01-03", note="-2+3"),
            _day(date="2025-01-04", note="@SUM(A1:A2)"),
            _day(date="2025-01-05", note="\t=1+1"),
            _day(date="2025-01-06", note="\r=1+1"),
            _day(date="2025-01-07", note="a plain note = fine"),
        ],
        "call_list": [{"name": "=cmd|' /C calc'!A0", "role": "friend", "phone": "+44 20 0000"}],
    },
    "import-nul-note.json": {
        **BASE,
        "days": [_day(date="2025-01-01", note="before\x00after\x01\x1b[31m")],
    },
}


def write_imports() -> None:
    for name, content in IMPORTS.items():
        text = content if isinstance(content, str) else json.dumps(content)
        (HERE / name).write_text(text, encoding="utf-8")


def write_newer_minor(tmp: Path) -> None:
    """A genuine journal whose header says version 1.1 and carries a field 1.0 doesn't know
    (authenticated like every header byte). It opens with :data:`PASSPHRASE`."""
    import datetime as dt

    from recovery_journal.domain.models import DayRecord, DayStatus
    from recovery_journal.services.session import JournalSession
    from recovery_journal.vault import format as fmt
    from recovery_journal.vault.crypto import (
        encrypt_payload,
        fresh_payload_params,
        open_slot,
        passphrase_bytes,
    )
    from tests.conftest import FAST_KDF

    path = tmp / "journal.rjvault"
    session, _ = JournalSession.create(path, PASSPHRASE, kdf=FAST_KDF)
    session.save_day(
        DayRecord(date=dt.date(2025, 1, 1), status=DayStatus.ABSTINENT, note="written by 1.1")
    )
    payload = session.database.to_bytes()
    session.close()
    header, _, _ = fmt.parse(path.read_bytes())
    key = open_slot(
        header.slot(fmt.SlotKind.PASSPHRASE), passphrase_bytes(PASSPHRASE), header.vault_id
    )
    salt, nonce = fresh_payload_params()
    newer = dataclasses.replace(
        header,
        minor=1,
        extra=FUTURE_FIELD,
        payload_salt=salt,
        payload_nonce=nonce,
        payload_length=len(payload) + fmt.TAG_LEN,
    )
    (HERE / "newer-minor.rjvault").write_bytes(encrypt_payload(key, newer, payload))


if __name__ == "__main__":
    import tempfile

    write_imports()
    with tempfile.TemporaryDirectory() as folder:
        write_newer_minor(Path(folder))

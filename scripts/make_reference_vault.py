"""Write the reference vault of the current schema to tests/data/ (run once per schema release).

Every released schema keeps a reference vault that later versions must keep opening
(tests/services/test_reference_vaults.py). Never regenerate an existing one.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from recovery_journal.services.session import JournalSession, kdf_for_memory  # noqa: E402
from tests.storage.storage_samples import SAMPLES  # noqa: E402

PASSPHRASE = "reference vault passphrase"  # noqa: S105 - a test fixture, not a secret


def main() -> None:
    session, code = JournalSession.create(
        Path(tempfile.mkdtemp()) / "reference.rjvault", PASSPHRASE, kdf=kdf_for_memory(19)
    )
    try:
        version = session.database.schema_version
        target = ROOT / "tests" / "data" / f"reference-schema-v{version}.rjvault"
        if target.exists():
            raise SystemExit(f"{target} exists; reference vaults are never regenerated")
        session.replace_all(SAMPLES[version]())
        session.write_backup(target)
        (target.with_suffix(".recovery-code.txt")).write_text(code + "\n")
        print(f"wrote {target}")
    finally:
        session.close()
        shutil.rmtree(session.path.parent, ignore_errors=True)


if __name__ == "__main__":
    main()

"""``recovery-journal --demo``: a generated journal in a fresh private temporary folder.

The demo is a real, encrypted journal (so every screen works as usual) under a random
passphrase nobody sees, with the smallest key-derivation cost. The folder is removed when the
app closes. It never touches the person's own journal.
"""

from __future__ import annotations

import datetime as dt
import secrets
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession

DEMO_KDF_MIB = 19


class DemoJournal:
    def __init__(self, today: dt.date, seed: int = 7) -> None:
        self.today = today
        self.seed = seed
        self.folder = Path(tempfile.mkdtemp(prefix="recovery-journal-demo-"))
        self.folder.chmod(0o700)
        self.path = self.folder / "demo.rjvault"

    def open(self) -> JournalSession:
        """Make and fill the demo journal (slow-ish: run it on a worker thread)."""
        from recovery_journal.services.demo import generate_demo
        from recovery_journal.services.session import JournalSession, kdf_for_memory

        passphrase = secrets.token_urlsafe(24)
        session, _code = JournalSession.create(
            self.path, passphrase, kdf=kdf_for_memory(DEMO_KDF_MIB)
        )
        session.import_data(generate_demo(self.today, self.seed), "replace")
        return session

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

"""The bundle's ``recovery-journal-cli``: the same entry point pip's launcher calls."""

from recovery_journal.cli import main

raise SystemExit(main())

"""The bundle's ``recovery-journal``: the same entry point pip's launcher calls."""

from recovery_journal.app import main

raise SystemExit(main())

from recovery_journal.cli import main

raise SystemExit(main())

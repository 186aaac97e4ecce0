"""``recovery-journal``: the desktop app's entry point."""

from __future__ import annotations

import sys


def main() -> int:
    print(
        "The Recovery Journal desktop window is not built yet. Until it is, please use the "
        "command line: recovery-journal-cli --help",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

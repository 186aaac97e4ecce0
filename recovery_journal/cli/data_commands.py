"""Commands about what the journal holds (filled in as the data layer lands)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

Register = Callable[[argparse.ArgumentParser], None]


def register(commands: Any, add_globals: Register) -> None:
    return None

"""Shared fixtures: fast key derivation and private temporary folders."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from recovery_journal.vault import KdfParams

#: The smallest parameters the format allows: tests stay fast, the code path stays real.
FAST_KDF = KdfParams(memory_kib=19 * 1024, iterations=1, lanes=1)


@pytest.fixture
def fast_kdf() -> KdfParams:
    return FAST_KDF


@pytest.fixture
def vault_path(tmp_path):
    return tmp_path / "data" / "journal.rjvault"

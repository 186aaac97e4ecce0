"""Helpers for building and taking apart vault files in tests."""

from __future__ import annotations

import struct

from recovery_journal.vault import format as fmt

FORMAT_ERRORS = (
    fmt.NotAVaultError,
    fmt.UnsupportedVersionError,
    fmt.CorruptHeaderError,
    fmt.DamagedContentsError,
)


def header_end(blob: bytes) -> int:
    return fmt.PREFIX.size + struct.unpack_from(">I", blob, 12)[0]


def first_slot_offset() -> int:
    """Offset of the first key slot: prefix, vault id, cipher id and slot count."""
    return fmt.PREFIX.size + fmt.VAULT_ID_LEN + 2

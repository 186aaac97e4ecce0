"""The recovery code: 160 random bits as 32 Crockford base32 characters in 8 groups of 4."""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_BYTES = 20
CODE_CHARS = 32
_DECODE = {c: i for i, c in enumerate(ALPHABET)} | {"O": 0, "I": 1, "L": 1}
_IGNORED = str.maketrans("", "", "- \t\r\n")


class RecoveryCodeFormatError(ValueError):
    """The text typed is not shaped like a recovery code."""


def generate() -> bytes:
    return secrets.token_bytes(CODE_BYTES)


def encode(raw: bytes) -> str:
    """Format 20 bytes as ``XXXX-XXXX-…`` (8 groups of 4)."""
    if len(raw) != CODE_BYTES:
        raise ValueError("a recovery code is 20 bytes")
    number = int.from_bytes(raw, "big")
    chars = [ALPHABET[(number >> (5 * (CODE_CHARS - 1 - i))) & 31] for i in range(CODE_CHARS)]
    return "-".join("".join(chars[i : i + 4]) for i in range(0, CODE_CHARS, 4))


def decode(text: str) -> bytes:
    """Read a code typed in any case, with or without hyphens or spaces."""
    cleaned = text.upper().translate(_IGNORED)
    if len(cleaned) != CODE_CHARS or any(c not in _DECODE for c in cleaned):
        raise RecoveryCodeFormatError(
            "A recovery code has 32 letters and digits, in 8 groups of 4."
        )
    number = 0
    for c in cleaned:
        number = (number << 5) | _DECODE[c]
    return number.to_bytes(CODE_BYTES, "big")

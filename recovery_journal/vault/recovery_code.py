"""The recovery code: 160 random bits as 32 Crockford base32 characters in 8 groups of 4.

The Crockford base32 helpers here also serve the sponsor code (:mod:`.sponsor_code`).
"""

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


def to_groups(raw: bytes, chars: int, group: int = 4) -> str:
    """``raw`` (big-endian, ``5 * chars`` bits at most) as Crockford base32 in hyphenated
    groups of ``group`` characters."""
    number = int.from_bytes(raw, "big")
    text = "".join(ALPHABET[(number >> (5 * (chars - 1 - i))) & 31] for i in range(chars))
    return "-".join(text[i : i + group] for i in range(0, chars, group))


def cleaned(text: str) -> str:
    """Typed text in capitals, without hyphens or spaces."""
    return text.upper().translate(_IGNORED)


def is_base32(text: str) -> bool:
    """Every character of ``cleaned`` text reads as a digit (``O``, ``I`` and ``L`` too)."""
    return all(c in _DECODE for c in text)


def from_base32(text: str, size: int) -> bytes:
    """``cleaned`` text (checked with :func:`is_base32`) as ``size`` big-endian bytes."""
    number = 0
    for c in text:
        number = (number << 5) | _DECODE[c]
    return number.to_bytes(size, "big")


def encode(raw: bytes) -> str:
    """Format 20 bytes as ``XXXX-XXXX-…`` (8 groups of 4)."""
    if len(raw) != CODE_BYTES:
        raise ValueError("a recovery code is 20 bytes")
    return to_groups(raw, CODE_CHARS)


def decode(text: str) -> bytes:
    """Read a code typed in any case, with or without hyphens or spaces."""
    plain = cleaned(text)
    if len(plain) != CODE_CHARS or not is_base32(plain):
        raise RecoveryCodeFormatError(
            "A recovery code has 32 letters and digits, in 8 groups of 4."
        )
    return from_base32(plain, CODE_BYTES)

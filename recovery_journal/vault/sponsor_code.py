"""The sponsor code: a sponsor key's X25519 public key as text a person can copy or type.

32 bytes of public key and a 3-byte checksum (the first bytes of SHA-256 over a label and the
key) make 280 bits: 56 Crockford base32 characters in 14 groups of 4, read like the recovery
code (any case, with or without hyphens or spaces; ``O`` as ``0``, ``I`` and ``L`` as ``1``).
The checksum catches a typo before anything is made with a wrong key: a changed character
slips through once in 16.7 million. See ``docs/review-file-format.md``.
"""

from __future__ import annotations

import hashlib

from recovery_journal.vault.recovery_code import cleaned, from_base32, is_base32, to_groups
from recovery_journal.vault.sharing_errors import SponsorCodeError

PUBLIC_KEY_LEN = 32
CHECK_LEN = 3
CODE_CHARS = 56  # (32 + 3) bytes = 280 bits = 56 × 5 bits
_LABEL = b"recovery-journal sponsor code v1"

SHAPE = "A sponsor code has 56 letters and digits, in 14 groups of 4."


def _check(public_key: bytes) -> bytes:
    return hashlib.sha256(_LABEL + public_key).digest()[:CHECK_LEN]


def encode(public_key: bytes) -> str:
    """``XXXX-XXXX-…`` (14 groups of 4) for a 32-byte public key."""
    if len(public_key) != PUBLIC_KEY_LEN:
        raise ValueError("a sponsor key's public key is 32 bytes")
    return to_groups(public_key + _check(public_key), CODE_CHARS)


def decode(text: str) -> bytes:
    """The public key in a typed code; :class:`SponsorCodeError` says what is wrong."""
    plain = cleaned(text)
    if not plain:
        raise SponsorCodeError("Enter the sponsor code your sponsor gave you.")
    if not is_base32(plain):
        bad = next(c for c in plain if not is_base32(c))
        raise SponsorCodeError(f"“{bad}” can't be part of a sponsor code. {SHAPE}")
    if len(plain) != CODE_CHARS:
        raise SponsorCodeError(f"That code has {len(plain)} letters and digits. {SHAPE}")
    raw = from_base32(plain, PUBLIC_KEY_LEN + CHECK_LEN)
    public_key, check = raw[:PUBLIC_KEY_LEN], raw[PUBLIC_KEY_LEN:]
    if _check(public_key) != check:
        raise SponsorCodeError(
            "That sponsor code has a typo somewhere: compare it with the one your sponsor gave "
            "you, group by group."
        )
    return public_key


def normalized(text: str) -> str:
    """The code in its one written form (capitals, hyphens), after checking it."""
    return encode(decode(text))

"""The vault file format v1: parsing and building the header (see ``docs/vault-format.md``).

Everything here is bytes in, bytes out. The parser is strict: it checks every length and every
key-derivation parameter against fixed bounds *before* anyone derives a key or allocates memory,
and it raises only the vault's own error types, whatever the input.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from recovery_journal.vault.errors import (
    CorruptHeaderError,
    DamagedContentsError,
    NotAVaultError,
    UnsupportedVersionError,
)

MAGIC = b"RJVAULT\x00"
MAJOR = 1
MINOR = 0
PREFIX = struct.Struct(">8sHHI")  # magic, major, minor, header body length
MAX_HEADER_BODY = 4096
MAX_PAYLOAD = 1 << 30  # 1 GiB of ciphertext is far beyond any real journal

VAULT_ID_LEN = 16
DATA_KEY_LEN = 32
NONCE_LEN = 12
TAG_LEN = 16
WRAPPED_KEY_LEN = DATA_KEY_LEN + TAG_LEN
PAYLOAD_SALT_LEN = 32
MIN_SALT, MAX_SALT = 16, 64
MAX_SLOTS = 8

MIN_MEMORY_KIB, MAX_MEMORY_KIB = 19 * 1024, 1024 * 1024
MIN_ITERATIONS, MAX_ITERATIONS = 1, 10
MIN_LANES, MAX_LANES = 1, 16

CIPHER_AES256GCM_HKDF_ARGON2ID = 1
KDF_ARGON2ID = 1


class SlotKind(IntEnum):
    PASSPHRASE = 1
    RECOVERY_CODE = 2


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id parameters: memory in KiB, passes and lanes."""

    memory_kib: int
    iterations: int = 3
    lanes: int = 4

    def check(self) -> None:
        """Refuse parameters outside sane bounds (a hostile file must not make us allocate)."""
        if not MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB:
            raise CorruptHeaderError("Its key settings ask for an unreasonable amount of memory.")
        if not MIN_ITERATIONS <= self.iterations <= MAX_ITERATIONS:
            raise CorruptHeaderError("Its key settings ask for an unreasonable number of passes.")
        if not MIN_LANES <= self.lanes <= MAX_LANES:
            raise CorruptHeaderError("Its key settings ask for an unreasonable number of lanes.")


@dataclass(frozen=True, slots=True)
class KeySlot:
    kind: SlotKind
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes

    def descriptor(self) -> bytes:
        """The slot's fixed fields, bound into its own associated data."""
        return (
            struct.pack(
                ">BBIII",
                self.kind,
                KDF_ARGON2ID,
                self.kdf.memory_kib,
                self.kdf.iterations,
                self.kdf.lanes,
            )
            + bytes([len(self.salt)])
            + self.salt
        )

    def to_bytes(self) -> bytes:
        return self.descriptor() + self.nonce + bytes([len(self.wrapped_key)]) + self.wrapped_key


@dataclass(frozen=True, slots=True)
class Header:
    vault_id: bytes
    slots: tuple[KeySlot, ...]
    payload_salt: bytes
    payload_nonce: bytes
    payload_length: int
    minor: int = MINOR
    #: Header fields appended by a later minor version, kept as they were (authenticated).
    extra: bytes = b""

    @property
    def is_newer(self) -> bool:
        """Written by a later minor version: this app reads it but must not rewrite it."""
        return self.minor > MINOR

    def slot(self, kind: SlotKind) -> KeySlot:
        for slot in self.slots:
            if slot.kind == kind:
                return slot
        raise CorruptHeaderError("It has no key slot of the kind needed.")

    def body(self) -> bytes:
        parts = [
            self.vault_id,
            bytes([CIPHER_AES256GCM_HKDF_ARGON2ID, len(self.slots)]),
            *(slot.to_bytes() for slot in self.slots),
            self.payload_salt,
            self.payload_nonce,
            struct.pack(">Q", self.payload_length),
            self.extra,
        ]
        return b"".join(parts)

    def to_bytes(self) -> bytes:
        """Everything before the payload; this is the payload's associated data."""
        body = self.body()
        return PREFIX.pack(MAGIC, MAJOR, self.minor, len(body)) + body


def slot_associated_data(vault_id: bytes, slot: KeySlot) -> bytes:
    """Bind a wrapped key to this vault, this slot kind and these KDF parameters."""
    return MAGIC + struct.pack(">H", MAJOR) + b"slot" + vault_id + slot.descriptor()


class Reader:
    """Reads fields off a header; running out raises ``cut_short()`` (the journal's
    "ends in the middle of its header" unless the caller's format names its own error)."""

    def __init__(self, data: bytes, cut_short: Callable[[], Exception] | None = None) -> None:
        self.data = data
        self.pos = 0
        self.cut_short = cut_short or (
            lambda: CorruptHeaderError("It ends in the middle of its header.")
        )

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise self.cut_short()
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def byte(self) -> int:
        return self.take(1)[0]

    def unpack(self, fmt: str) -> tuple[int, ...]:
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))


def _parse_slot(reader: Reader) -> KeySlot:
    kind_id, kdf_id, memory, iterations, lanes = reader.unpack(">BBIII")
    if kind_id not in (SlotKind.PASSPHRASE, SlotKind.RECOVERY_CODE):
        raise CorruptHeaderError("It has a key slot of an unknown kind.")
    if kdf_id != KDF_ARGON2ID:
        raise CorruptHeaderError("It names a key derivation this version does not know.")
    kdf = KdfParams(memory_kib=memory, iterations=iterations, lanes=lanes)
    kdf.check()
    salt_len = reader.byte()
    if not MIN_SALT <= salt_len <= MAX_SALT:
        raise CorruptHeaderError("A key slot has a salt of an impossible length.")
    salt = reader.take(salt_len)
    nonce = reader.take(NONCE_LEN)
    if reader.byte() != WRAPPED_KEY_LEN:
        raise CorruptHeaderError("A key slot has a wrapped key of an impossible length.")
    return KeySlot(SlotKind(kind_id), kdf, salt, nonce, reader.take(WRAPPED_KEY_LEN))


def parse(data: bytes, *, whole: bool = True) -> tuple[Header, bytes, bytes]:
    """Split a whole vault file into (header, header bytes, payload ciphertext).

    Raises only :class:`NotAVaultError`, :class:`UnsupportedVersionError`,
    :class:`CorruptHeaderError` and :class:`DamagedContentsError`. With ``whole=False``,
    ``data`` may be just the start of a file (at least the header): the payload is not
    checked and comes back empty.
    """
    if len(data) < len(MAGIC) or data[: len(MAGIC)] != MAGIC:
        raise NotAVaultError()
    if len(data) < PREFIX.size:
        raise CorruptHeaderError("It ends in the middle of its header.")
    _, major, minor, body_len = PREFIX.unpack_from(data)
    if major != MAJOR:
        raise UnsupportedVersionError(f"(File format {major}.{minor}; this app reads {MAJOR}.x.)")
    if body_len > MAX_HEADER_BODY:
        raise CorruptHeaderError("Its header claims an impossible length.")
    header_end = PREFIX.size + body_len
    reader = Reader(data[PREFIX.size : header_end])
    if len(reader.data) != body_len:
        raise CorruptHeaderError("It ends in the middle of its header.")
    vault_id = reader.take(VAULT_ID_LEN)
    if reader.byte() != CIPHER_AES256GCM_HKDF_ARGON2ID:
        raise CorruptHeaderError("It names a cipher this version does not know.")
    slot_count = reader.byte()
    if not 1 <= slot_count <= MAX_SLOTS:
        raise CorruptHeaderError("It has an impossible number of key slots.")
    slots = tuple(_parse_slot(reader) for _ in range(slot_count))
    if len({slot.kind for slot in slots}) != len(slots):
        raise CorruptHeaderError("It has two key slots of the same kind.")
    payload_salt = reader.take(PAYLOAD_SALT_LEN)
    payload_nonce = reader.take(NONCE_LEN)
    (payload_length,) = reader.unpack(">Q")
    # A later minor version may append fields to the header; they stay authenticated.
    if reader.pos != body_len and minor <= MINOR:
        raise CorruptHeaderError("Its header has unexpected bytes at the end.")
    if not TAG_LEN <= payload_length <= MAX_PAYLOAD:
        raise CorruptHeaderError("It claims an impossible size for its contents.")
    extra = reader.data[reader.pos :]
    header = Header(vault_id, slots, payload_salt, payload_nonce, payload_length, minor, extra)
    if not whole:
        return header, data[:header_end], b""
    if len(data) - header_end != payload_length:
        raise DamagedContentsError("It is shorter or longer than its header says.")
    return header, data[:header_end], data[header_end:]

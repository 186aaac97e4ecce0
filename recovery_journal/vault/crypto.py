"""Key derivation, key wrapping and payload encryption (Argon2id, AES-256-GCM, HKDF-SHA256)."""

from __future__ import annotations

import secrets
import time
import unicodedata

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from recovery_journal.vault.errors import DamagedContentsError, WrongSecretError
from recovery_journal.vault.format import (
    DATA_KEY_LEN,
    MAX_MEMORY_KIB,
    NONCE_LEN,
    PAYLOAD_SALT_LEN,
    Header,
    KdfParams,
    KeySlot,
    SlotKind,
    slot_associated_data,
)

SLOT_SALT_LEN = 16
CALIBRATION_TARGET_S = 0.5
CALIBRATION_FLOOR_KIB = 64 * 1024
CALIBRATION_PROBE_KIB = 64 * 1024
_PAYLOAD_INFO = b"recovery-journal v1 payload key"


def passphrase_bytes(passphrase: str) -> bytes:
    """The same passphrase typed on any system gives the same bytes (NFC, UTF-8)."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_slot_key(secret: bytes, salt: bytes, kdf: KdfParams) -> bytes:
    kdf.check()
    return Argon2id(
        salt=salt,
        length=32,
        iterations=kdf.iterations,
        lanes=kdf.lanes,
        memory_cost=kdf.memory_kib,
    ).derive(secret)


def calibrate(target_s: float = CALIBRATION_TARGET_S) -> KdfParams:
    """Pick Argon2id memory so one derivation takes about ``target_s`` on this machine."""
    probe = KdfParams(memory_kib=CALIBRATION_PROBE_KIB)
    started = time.perf_counter()
    derive_slot_key(b"calibration", b"\0" * SLOT_SALT_LEN, probe)
    elapsed = max(time.perf_counter() - started, 1e-3)
    memory = int(CALIBRATION_PROBE_KIB * target_s / elapsed) // 1024 * 1024
    return KdfParams(memory_kib=min(max(memory, CALIBRATION_FLOOR_KIB), MAX_MEMORY_KIB))


def new_data_key() -> bytearray:
    return bytearray(secrets.token_bytes(DATA_KEY_LEN))


def make_slot(
    kind: SlotKind, secret: bytes, data_key: bytes | bytearray, vault_id: bytes, kdf: KdfParams
) -> KeySlot:
    """Wrap the data key under a key derived from ``secret``."""
    salt = secrets.token_bytes(SLOT_SALT_LEN)
    nonce = secrets.token_bytes(NONCE_LEN)
    unsigned = KeySlot(kind, kdf, salt, nonce, b"")
    wrapping_key = derive_slot_key(secret, salt, kdf)
    wrapped = AESGCM(wrapping_key).encrypt(
        nonce, bytes(data_key), slot_associated_data(vault_id, unsigned)
    )
    return KeySlot(kind, kdf, salt, nonce, wrapped)


def open_slot(slot: KeySlot, secret: bytes, vault_id: bytes) -> bytearray:
    """Unwrap the data key; a wrong secret or an altered slot raises WrongSecretError."""
    wrapping_key = derive_slot_key(secret, slot.salt, slot.kdf)
    try:
        key = AESGCM(wrapping_key).decrypt(
            slot.nonce, slot.wrapped_key, slot_associated_data(vault_id, slot)
        )
    except InvalidTag:
        raise WrongSecretError() from None
    return bytearray(key)


def _payload_key(data_key: bytes | bytearray, salt: bytes, vault_id: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=_PAYLOAD_INFO + vault_id
    ).derive(bytes(data_key))


def fresh_payload_params() -> tuple[bytes, bytes]:
    return secrets.token_bytes(PAYLOAD_SALT_LEN), secrets.token_bytes(NONCE_LEN)


def encrypt_payload(data_key: bytes | bytearray, header: Header, plaintext: bytes) -> bytes:
    """Encrypt with the whole header as associated data; returns header bytes + ciphertext."""
    header_bytes = header.to_bytes()
    key = _payload_key(data_key, header.payload_salt, header.vault_id)
    ciphertext = AESGCM(key).encrypt(header.payload_nonce, plaintext, header_bytes)
    if len(ciphertext) != header.payload_length:
        raise AssertionError("payload length must be fixed before encrypting")
    return header_bytes + ciphertext


def decrypt_payload(
    data_key: bytes | bytearray, header: Header, header_bytes: bytes, ciphertext: bytes
) -> bytes:
    key = _payload_key(data_key, header.payload_salt, header.vault_id)
    try:
        return AESGCM(key).decrypt(header.payload_nonce, ciphertext, header_bytes)
    except InvalidTag:
        raise DamagedContentsError() from None


def wipe(buffer: bytearray) -> None:
    """Overwrite a key buffer (best effort: Python may hold other copies)."""
    for i in range(len(buffer)):
        buffer[i] = 0

"""The sponsor key file: an X25519 key pair, its private half wrapped under the sponsor's
passphrase with the vault's own rules (Argon2id, bounds checked before any derivation,
AES-256-GCM with the whole header as associated data, atomic 0600 writes).

Bytes in, bytes out, plus the bounded read and the atomic write of the file; the layout is in
``docs/review-file-format.md``. The public key stands in the header in the clear (so the
file says which code it belongs to) and is authenticated with it; after unwrapping, the
public key is derived again from the private key and must match.
"""

from __future__ import annotations

import errno
import secrets
import struct
from dataclasses import dataclass, replace
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from recovery_journal.vault.atomic import atomic_write, ensure_private_dir, explain_os_error
from recovery_journal.vault.crypto import (
    SLOT_SALT_LEN,
    calibrate,
    derive_slot_key,
    passphrase_bytes,
    wipe,
)
from recovery_journal.vault.errors import CorruptHeaderError, SaveError
from recovery_journal.vault.format import (
    KDF_ARGON2ID,
    MAX_SALT,
    MIN_SALT,
    NONCE_LEN,
    TAG_LEN,
    KdfParams,
    Reader,
)
from recovery_journal.vault.reading import FileTooLargeError, NotRegularFileError, read_regular
from recovery_journal.vault.sharing_errors import (
    NotASponsorKeyError,
    SponsorKeyDamagedError,
    SponsorKeyError,
    SponsorKeyExistsError,
    SponsorKeyMissingError,
    SponsorKeyVersionError,
    WrongKeyPassphraseError,
)

KEY_MAGIC = b"RJSPKEY\x00"
KEY_MAJOR = 1
KEY_MINOR = 0
KEY_PREFIX = struct.Struct(">8sHHI")  # magic, major, minor, header body length
MAX_KEY_BODY = 1024
KEY_ID_LEN = 16
PUBLIC_KEY_LEN = 32
PRIVATE_KEY_LEN = 32
WRAPPED_LEN = PRIVATE_KEY_LEN + TAG_LEN
SUITE_X25519_ARGON2ID_AESGCM = 1
#: The largest file that can be a sponsor key (anything larger is refused unread).
MAX_KEY_FILE = KEY_PREFIX.size + MAX_KEY_BODY + WRAPPED_LEN


def _cut_short() -> Exception:
    return SponsorKeyDamagedError("It ends in the middle of its header.")


@dataclass(frozen=True, slots=True)
class KeyHeader:
    key_id: bytes
    public_key: bytes
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    minor: int = KEY_MINOR
    #: Fields appended by a later minor version, kept as read (they are authenticated).
    extra: bytes = b""

    def body(self) -> bytes:
        kdf = self.kdf
        return (
            self.key_id
            + bytes([SUITE_X25519_ARGON2ID_AESGCM])
            + self.public_key
            + struct.pack(">BIII", KDF_ARGON2ID, kdf.memory_kib, kdf.iterations, kdf.lanes)
            + bytes([len(self.salt)])
            + self.salt
            + self.nonce
            + self.extra
        )

    def to_bytes(self) -> bytes:
        """Everything before the wrapped key: its associated data."""
        body = self.body()
        return KEY_PREFIX.pack(KEY_MAGIC, KEY_MAJOR, self.minor, len(body)) + body


@dataclass(frozen=True, slots=True)
class SponsorKeyPair:
    """An opened sponsor key; ``private_key`` is overwritten by :meth:`wipe`."""

    public_key: bytes
    private_key: bytearray

    def wipe(self) -> None:
        wipe(self.private_key)


def _check_kdf(kdf: KdfParams) -> None:
    try:
        kdf.check()
    except CorruptHeaderError as error:
        raise SponsorKeyDamagedError(error.detail) from None


def parse_key_file(data: bytes) -> tuple[KeyHeader, bytes, bytes]:
    """``(header, header bytes, wrapped key)``; raises only :class:`NotASponsorKeyError`,
    :class:`SponsorKeyVersionError` and :class:`SponsorKeyDamagedError`. Every bound,
    the key-derivation settings included, is checked here, before anything is derived."""
    if data[: len(KEY_MAGIC)] != KEY_MAGIC:
        raise NotASponsorKeyError()
    if len(data) < KEY_PREFIX.size:
        raise _cut_short()
    _, major, minor, body_len = KEY_PREFIX.unpack_from(data)
    if major != KEY_MAJOR:
        raise SponsorKeyVersionError(f"(Key format {major}.{minor}; this app reads 1.x.)")
    if body_len > MAX_KEY_BODY:
        raise SponsorKeyDamagedError("Its header claims an impossible length.")
    end = KEY_PREFIX.size + body_len
    reader = Reader(data[KEY_PREFIX.size : end], _cut_short)
    if len(reader.data) != body_len:
        raise _cut_short()
    key_id = reader.take(KEY_ID_LEN)
    if reader.byte() != SUITE_X25519_ARGON2ID_AESGCM:
        raise SponsorKeyDamagedError("It names a kind of key this version does not know.")
    public_key = reader.take(PUBLIC_KEY_LEN)
    kdf_id, memory, iterations, lanes = reader.unpack(">BIII")
    if kdf_id != KDF_ARGON2ID:
        raise SponsorKeyDamagedError("It names a key derivation this version does not know.")
    kdf = KdfParams(memory_kib=memory, iterations=iterations, lanes=lanes)
    _check_kdf(kdf)
    salt_len = reader.byte()
    if not MIN_SALT <= salt_len <= MAX_SALT:
        raise SponsorKeyDamagedError("Its salt has an impossible length.")
    salt = reader.take(salt_len)
    nonce = reader.take(NONCE_LEN)
    if reader.pos != body_len and minor <= KEY_MINOR:
        raise SponsorKeyDamagedError("Its header has unexpected bytes at the end.")
    extra = reader.data[reader.pos :]
    if len(data) - end != WRAPPED_LEN:
        raise SponsorKeyDamagedError("It is shorter or longer than a sponsor key is.")
    header = KeyHeader(key_id, public_key, kdf, salt, nonce, minor, extra)
    return header, data[:end], data[end:]


def _wrap(private_key: bytes | bytearray, header: KeyHeader, passphrase: str) -> bytes:
    header_bytes = header.to_bytes()
    key = derive_slot_key(passphrase_bytes(passphrase), header.salt, header.kdf)
    return header_bytes + AESGCM(key).encrypt(header.nonce, bytes(private_key), header_bytes)


def public_key_of(private_key: bytes | bytearray) -> bytes:
    return X25519PrivateKey.from_private_bytes(bytes(private_key)).public_key().public_bytes_raw()


def new_key_file(passphrase: str, kdf: KdfParams | None = None) -> tuple[bytes, bytes]:
    """A new key pair wrapped under ``passphrase``: ``(file bytes, public key)``."""
    if not passphrase:
        raise WrongKeyPassphraseError("The passphrase is empty.")
    params = kdf or calibrate()
    _check_kdf(params)
    private_key = bytearray(X25519PrivateKey.generate().private_bytes_raw())
    try:
        public_key = public_key_of(private_key)
        header = KeyHeader(
            key_id=secrets.token_bytes(KEY_ID_LEN),
            public_key=public_key,
            kdf=params,
            salt=secrets.token_bytes(SLOT_SALT_LEN),
            nonce=secrets.token_bytes(NONCE_LEN),
        )
        return _wrap(private_key, header, passphrase), public_key
    finally:
        wipe(private_key)


def open_key_file(data: bytes, passphrase: str) -> SponsorKeyPair:
    """Unwrap the private key. A wrong passphrase (or an altered file: the two can't be told
    apart, by design) raises :class:`WrongKeyPassphraseError`."""
    header, header_bytes, wrapped = parse_key_file(data)
    if not passphrase:
        raise WrongKeyPassphraseError("The passphrase is empty.")
    key = derive_slot_key(passphrase_bytes(passphrase), header.salt, header.kdf)
    try:
        private_key = bytearray(AESGCM(key).decrypt(header.nonce, wrapped, header_bytes))
    except InvalidTag:
        raise WrongKeyPassphraseError() from None
    if public_key_of(private_key) != header.public_key:
        wipe(private_key)
        raise SponsorKeyDamagedError("Its public key doesn't belong to its private key.")
    return SponsorKeyPair(header.public_key, private_key)


def rewrap_key_file(data: bytes, old_passphrase: str, new_passphrase: str) -> bytes:
    """The same key pair under a new passphrase (new salt and nonce, same parameters)."""
    if not new_passphrase:
        raise WrongKeyPassphraseError("The new passphrase is empty.")
    pair = open_key_file(data, old_passphrase)
    header, _, _ = parse_key_file(data)
    try:
        fresh = replace(
            header, salt=secrets.token_bytes(SLOT_SALT_LEN), nonce=secrets.token_bytes(NONCE_LEN)
        )
        return _wrap(pair.private_key, fresh, new_passphrase)
    finally:
        pair.wipe()


# -- the file on disk ---------------------------------------------------------------------------


def read_key_file(path: Path) -> bytes:
    """The key file's bytes (regular files only, never more than :data:`MAX_KEY_FILE`)."""
    try:
        return read_regular(path, MAX_KEY_FILE)
    except FileNotFoundError:
        raise SponsorKeyMissingError(str(path)) from None
    except NotRegularFileError as error:
        raise NotASponsorKeyError(f"({path} is {error.kind}.)") from None
    except FileTooLargeError:
        raise SponsorKeyDamagedError("It is far larger than a sponsor key can be.") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotASponsorKeyError(f"({path} is a loop of symbolic links.)") from None
        raise SponsorKeyError(explain_os_error(error, reading=True)) from error


def write_key_file(path: Path, blob: bytes, *, replace_existing: bool = False) -> bool:
    """Write the key file atomically (0600, folders 0700); never over an existing key unless
    ``replace_existing`` (a passphrase change). Returns False when its folder couldn't be
    synced."""
    path = Path(path)
    if not replace_existing and path.exists():
        raise SponsorKeyExistsError(str(path))
    try:
        ensure_private_dir(path.parent)
    except OSError as error:
        raise SaveError(explain_os_error(error)) from error
    return atomic_write(path, blob)

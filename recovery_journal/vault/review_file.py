"""The review file: bytes encrypted to one sponsor's public key (``docs/review-file-format.md``).

An ephemeral X25519 key pair per file; HKDF-SHA256 over the shared secret, with the file id as
salt and both public keys in ``info``, gives the payload key and a key check; AES-256-GCM
encrypts the padded payload with the whole header as associated data. The key check, which
only the holder of the private key can recompute, tells "made for another key" apart from
"damaged or altered" without naming the recipient to anyone else.

Bytes in, bytes out, and a bounded read; the parser raises only this module's errors,
whatever the input, and checks every length before any key agreement.
"""

from __future__ import annotations

import errno
import hmac
import secrets
import struct
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from recovery_journal.vault.atomic import explain_os_error
from recovery_journal.vault.crypto import wipe
from recovery_journal.vault.format import NONCE_LEN, TAG_LEN, Reader
from recovery_journal.vault.reading import FileTooLargeError, NotRegularFileError, read_regular
from recovery_journal.vault.sharing_errors import (
    NotAReviewFileError,
    ReviewFileDamagedError,
    ReviewFileError,
    ReviewFileVersionError,
    ReviewForAnotherKeyError,
    SponsorCodeError,
)
from recovery_journal.vault.sponsor_key import PUBLIC_KEY_LEN, SponsorKeyPair

REVIEW_MAGIC = b"RJREVIEW"
REVIEW_MAJOR = 1
REVIEW_MINOR = 0
REVIEW_PREFIX = struct.Struct(">8sHHI")  # magic, major, minor, header body length
MAX_REVIEW_BODY = 4096
FILE_ID_LEN = 16
KEY_CHECK_LEN = 16
SUITE_X25519_HKDF_AESGCM = 1
LENGTH = struct.Struct(">I")
#: The most content (the JSON inside) a review file may hold, and so the most it may be.
MAX_CONTENT = 32 * 1024 * 1024
MAX_PAYLOAD = LENGTH.size + MAX_CONTENT + (MAX_CONTENT >> 3) + TAG_LEN  # Padmé adds < 12 %
MAX_REVIEW_FILE = REVIEW_PREFIX.size + MAX_REVIEW_BODY + MAX_PAYLOAD
_INFO = b"recovery-journal review v1"


@dataclass(frozen=True, slots=True)
class ReviewHeader:
    file_id: bytes
    ephemeral_key: bytes
    key_check: bytes
    nonce: bytes
    payload_length: int
    minor: int = REVIEW_MINOR
    #: Fields appended by a later minor version (authenticated; this version ignores them).
    extra: bytes = b""

    def to_bytes(self) -> bytes:
        body = (
            self.file_id
            + bytes([SUITE_X25519_HKDF_AESGCM])
            + self.ephemeral_key
            + self.key_check
            + self.nonce
            + struct.pack(">Q", self.payload_length)
            + self.extra
        )
        return REVIEW_PREFIX.pack(REVIEW_MAGIC, REVIEW_MAJOR, self.minor, len(body)) + body


def _cut_short() -> Exception:
    return ReviewFileDamagedError("It ends in the middle of its header.")


def parse_review_file(data: bytes) -> tuple[ReviewHeader, bytes, bytes]:
    """``(header, header bytes, ciphertext)``; raises only :class:`NotAReviewFileError`,
    :class:`ReviewFileVersionError` and :class:`ReviewFileDamagedError`."""
    if data[: len(REVIEW_MAGIC)] != REVIEW_MAGIC:
        raise NotAReviewFileError()
    if len(data) < REVIEW_PREFIX.size:
        raise _cut_short()
    _, major, minor, body_len = REVIEW_PREFIX.unpack_from(data)
    if major != REVIEW_MAJOR:
        raise ReviewFileVersionError(f"(Review file format {major}.{minor}; this app reads 1.x.)")
    if body_len > MAX_REVIEW_BODY:
        raise ReviewFileDamagedError("Its header claims an impossible length.")
    end = REVIEW_PREFIX.size + body_len
    reader = Reader(data[REVIEW_PREFIX.size : end], _cut_short)
    if len(reader.data) != body_len:
        raise _cut_short()
    file_id = reader.take(FILE_ID_LEN)
    if reader.byte() != SUITE_X25519_HKDF_AESGCM:
        raise ReviewFileDamagedError("It names a cipher this version does not know.")
    ephemeral_key = reader.take(PUBLIC_KEY_LEN)
    key_check = reader.take(KEY_CHECK_LEN)
    nonce = reader.take(NONCE_LEN)
    (payload_length,) = reader.unpack(">Q")
    if reader.pos != body_len and minor <= REVIEW_MINOR:
        raise ReviewFileDamagedError("Its header has unexpected bytes at the end.")
    if not TAG_LEN + LENGTH.size <= payload_length <= MAX_PAYLOAD:
        raise ReviewFileDamagedError("It claims an impossible size for its contents.")
    if len(data) - end != payload_length:
        raise ReviewFileDamagedError("It is shorter or longer than its header says.")
    extra = reader.data[reader.pos :]
    header = ReviewHeader(file_id, ephemeral_key, key_check, nonce, payload_length, minor, extra)
    return header, data[:end], data[end:]


def padded_length(length: int) -> int:
    """Padmé (Nikitin et al., PURBs, 2019): round ``length`` up so that at most
    ``log2(log2(length)) + 1`` bits of it show, with less than 12 % overhead."""
    if length < 2:
        return length
    exponent = length.bit_length() - 1
    shown = exponent.bit_length()
    mask = (1 << (exponent - shown)) - 1
    return (length + mask) & ~mask


def _keys(
    shared: bytes, file_id: bytes, ephemeral_key: bytes, recipient_key: bytes
) -> tuple[bytes, bytes]:
    okm = HKDF(
        algorithm=hashes.SHA256(),
        length=32 + KEY_CHECK_LEN,
        salt=file_id,
        info=_INFO + ephemeral_key + recipient_key,
    ).derive(shared)
    return okm[:32], okm[32:]


def _agree(private: X25519PrivateKey, public_key: bytes) -> bytes:
    """X25519; ``ValueError`` for a low-order public key (an all-zero shared secret)."""
    return private.exchange(X25519PublicKey.from_public_bytes(public_key))


def check_recipient(public_key: bytes) -> None:
    """Refuse a public key no file can be made for (a low-order point, which only a code
    made on purpose can hold: its checksum is right)."""
    try:
        _agree(X25519PrivateKey.generate(), public_key)
    except ValueError:
        raise SponsorCodeError(
            "That sponsor code can't be used. Ask your sponsor to show you their code again."
        ) from None


def seal(content: bytes, recipient_key: bytes) -> bytes:
    """The whole review file: ``content`` padded and encrypted to ``recipient_key``."""
    if len(content) > MAX_CONTENT:
        raise ValueError("the review is larger than a review file may hold")
    ephemeral = X25519PrivateKey.generate()
    ephemeral_key = ephemeral.public_key().public_bytes_raw()
    try:
        shared = _agree(ephemeral, recipient_key)
    except ValueError:
        check_recipient(recipient_key)  # raises the plain reason
        raise
    file_id = secrets.token_bytes(FILE_ID_LEN)
    key, key_check = _keys(shared, file_id, ephemeral_key, recipient_key)
    framed = LENGTH.pack(len(content)) + content
    plaintext = framed + bytes(padded_length(len(framed)) - len(framed))
    header = ReviewHeader(
        file_id,
        ephemeral_key,
        key_check,
        secrets.token_bytes(NONCE_LEN),
        len(plaintext) + TAG_LEN,
    )
    header_bytes = header.to_bytes()
    return header_bytes + AESGCM(key).encrypt(header.nonce, plaintext, header_bytes)


def open_sealed(data: bytes, key_pair: SponsorKeyPair) -> tuple[ReviewHeader, bytes]:
    """``(header, content)`` of a review file made for ``key_pair``."""
    header, header_bytes, ciphertext = parse_review_file(data)
    private = X25519PrivateKey.from_private_bytes(bytes(key_pair.private_key))
    try:
        shared = _agree(private, header.ephemeral_key)
    except ValueError:
        raise ReviewFileDamagedError("Its key can't be used.") from None
    key, key_check = _keys(shared, header.file_id, header.ephemeral_key, key_pair.public_key)
    if not hmac.compare_digest(key_check, header.key_check):
        raise ReviewForAnotherKeyError()
    buffer = bytearray()
    try:
        buffer = bytearray(AESGCM(key).decrypt(header.nonce, ciphertext, header_bytes))
    except InvalidTag:
        raise ReviewFileDamagedError() from None
    try:
        (length,) = LENGTH.unpack_from(buffer)
        end = LENGTH.size + length
        if end > len(buffer) or any(buffer[end:]):
            raise ReviewFileDamagedError("Its contents are framed wrongly.")
        return header, bytes(buffer[LENGTH.size : end])
    finally:
        wipe(buffer)


def read_review_file(path: Path) -> bytes:
    """The file's bytes (regular files only, never more than :data:`MAX_REVIEW_FILE`)."""
    try:
        return read_regular(path, MAX_REVIEW_FILE)
    except FileNotFoundError:
        raise ReviewFileError(f"{path} doesn't exist.") from None
    except NotRegularFileError as error:
        raise NotAReviewFileError(f"({path} is {error.kind}.)") from None
    except FileTooLargeError:
        raise ReviewFileDamagedError("It is far larger than any review file can be.") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotAReviewFileError(f"({path} is a loop of symbolic links.)") from None
        raise ReviewFileError(explain_os_error(error, reading=True)) from error

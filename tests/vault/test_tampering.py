"""Truncation, flipped bits, moved slots, hostile parameters and fuzzing of the header."""

from __future__ import annotations

import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_journal.vault import (
    CorruptHeaderError,
    DamagedContentsError,
    NotAVaultError,
    UnsupportedVersionError,
    Vault,
    VaultError,
    WrongSecretError,
    crypto,
)
from recovery_journal.vault import format as fmt
from tests.vault.helpers import FORMAT_ERRORS, first_slot_offset, header_end

PAYLOAD = bytes(range(256)) * 40


@pytest.fixture
def blob(vault_path, fast_kdf):
    vault, _ = Vault.create(vault_path, "pw", PAYLOAD, kdf=fast_kdf)
    vault.close()
    return vault_path.read_bytes()


@pytest.fixture
def no_derivation(monkeypatch):
    """Fail the test if anything derives a key."""

    def refuse(*args, **kwargs):
        raise AssertionError("a key was derived from a file that should have been refused")

    monkeypatch.setattr(crypto, "derive_slot_key", refuse)


def reopen(path, data):
    path.write_bytes(data)
    vault, payload = Vault.open(path, "pw")
    vault.close()
    return payload


def test_truncation_at_every_header_offset(blob, vault_path, no_derivation):
    for cut in range(header_end(blob) + 1):
        with pytest.raises((NotAVaultError, CorruptHeaderError, DamagedContentsError)):
            reopen(vault_path, blob[:cut])


def test_truncation_in_the_payload(blob, vault_path):
    start = header_end(blob)
    for cut in range(start + 1, len(blob), max(1, (len(blob) - start) // 25)):
        with pytest.raises(DamagedContentsError):
            reopen(vault_path, blob[:cut])
    with pytest.raises(DamagedContentsError):
        reopen(vault_path, blob + b"\0")


def test_flipped_bit_anywhere_in_the_header_is_detected(blob, vault_path):
    for offset in range(header_end(blob)):
        damaged = bytearray(blob)
        damaged[offset] ^= 1 << (offset % 8)
        with pytest.raises(VaultError) as info:
            reopen(vault_path, bytes(damaged))
        assert isinstance(info.value, (*FORMAT_ERRORS, WrongSecretError)), offset


def test_flipped_bit_in_the_payload_is_detected(blob, vault_path):
    start = header_end(blob)
    for offset in range(start, len(blob), 97):
        damaged = bytearray(blob)
        damaged[offset] ^= 0x80
        with pytest.raises(DamagedContentsError):
            reopen(vault_path, bytes(damaged))
    assert reopen(vault_path, blob) == PAYLOAD


def test_a_slot_moved_from_another_vault_does_not_open(tmp_path, fast_kdf):
    a, b = tmp_path / "a.rjvault", tmp_path / "b.rjvault"
    Vault.create(a, "same passphrase", b"A", kdf=fast_kdf)[0].close()
    Vault.create(b, "same passphrase", b"B", kdf=fast_kdf)[0].close()
    blob_a, blob_b = a.read_bytes(), b.read_bytes()
    header_a, _, _ = fmt.parse(blob_a)
    header_b, _, _ = fmt.parse(blob_b)
    slot_len = len(header_a.slots[0].to_bytes())
    start = first_slot_offset()
    moved = blob_a[:start] + blob_b[start : start + slot_len] + blob_a[start + slot_len :]
    a.write_bytes(moved)
    with pytest.raises(WrongSecretError):
        Vault.open(a, "same passphrase")


def test_weakened_kdf_parameters_do_not_open(blob, vault_path, fast_kdf):
    # Raise the stored memory of the passphrase slot: the slot's associated data no longer
    # matches, so the wrapped key is refused rather than unwrapped with other settings.
    offset = first_slot_offset() + 2
    memory = struct.unpack_from(">I", blob, offset)[0]
    changed = bytearray(blob)
    struct.pack_into(">I", changed, offset, memory + 1024)
    with pytest.raises(WrongSecretError):
        reopen(vault_path, bytes(changed))


@pytest.mark.parametrize(
    ("field_offset", "fmt_char", "value"),
    [
        (2, ">I", 2 * 1024 * 1024),  # 2 GiB of memory
        (2, ">I", 1024),  # 1 MiB: below the floor
        (6, ">I", 0),  # no passes
        (6, ">I", 1_000_000),  # a million passes
        (10, ">I", 0),  # no lanes
        (10, ">I", 255),  # 255 lanes
        (14, ">B", 255),  # absurd salt length
        (14, ">B", 1),  # too short a salt
    ],
)
def test_hostile_kdf_parameters_are_refused_before_deriving(
    blob, vault_path, no_derivation, field_offset, fmt_char, value
):
    hostile = bytearray(blob)
    struct.pack_into(fmt_char, hostile, first_slot_offset() + field_offset, value)
    with pytest.raises(CorruptHeaderError):
        reopen(vault_path, bytes(hostile))


def test_absurd_lengths_are_refused(blob, vault_path, no_derivation):
    for body_length in (0, fmt.MAX_HEADER_BODY + 1, 0xFFFFFFFF):
        hostile = bytearray(blob)
        struct.pack_into(">I", hostile, 12, body_length)
        with pytest.raises(FORMAT_ERRORS):
            reopen(vault_path, bytes(hostile))
    end = header_end(blob)
    hostile = bytearray(blob)
    struct.pack_into(">Q", hostile, end - 8, 1 << 62)
    with pytest.raises(CorruptHeaderError):
        reopen(vault_path, bytes(hostile))


def test_unknown_major_version_is_refused_and_nothing_written(blob, vault_path, no_derivation):
    newer = bytearray(blob)
    struct.pack_into(">H", newer, 8, 2)
    vault_path.write_bytes(bytes(newer))
    with pytest.raises(UnsupportedVersionError) as info:
        Vault.open(vault_path, "pw")
    assert info.value.exit_code == 4
    assert vault_path.read_bytes() == bytes(newer)


def test_not_a_vault(vault_path, no_derivation):
    vault_path.parent.mkdir(parents=True, exist_ok=True)
    for data in (b"", b"SQLite format 3\0" + bytes(100), b"hello world"):
        with pytest.raises(NotAVaultError):
            reopen(vault_path, data)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600))
def test_fuzz_random_bytes_raise_only_format_errors(data):
    for candidate in (data, fmt.MAGIC + data, fmt.PREFIX.pack(fmt.MAGIC, 1, 0, len(data)) + data):
        try:
            fmt.parse(candidate)
        except FORMAT_ERRORS:
            pass


_VALID_HEADER_BLOB = None


def _valid_blob() -> bytes:
    global _VALID_HEADER_BLOB
    if _VALID_HEADER_BLOB is None:
        header = fmt.Header(
            vault_id=bytes(16),
            slots=(
                fmt.KeySlot(
                    fmt.SlotKind.PASSPHRASE,
                    fmt.KdfParams(19 * 1024),
                    bytes(16),
                    bytes(12),
                    bytes(48),
                ),
            ),
            payload_salt=bytes(32),
            payload_nonce=bytes(12),
            payload_length=20,
        )
        _VALID_HEADER_BLOB = header.to_bytes() + bytes(20)
    return _VALID_HEADER_BLOB


@settings(max_examples=500)
@given(
    edits=st.lists(st.tuples(st.integers(0, 200), st.integers(0, 255)), max_size=6),
    cut=st.integers(0, 250),
)
def test_fuzz_mutated_headers_raise_only_format_errors(edits, cut):
    data = bytearray(_valid_blob())
    for offset, value in edits:
        if offset < len(data):
            data[offset] = value
    try:
        header, header_bytes, payload = fmt.parse(bytes(data[: len(data) - cut % len(data)]))
    except FORMAT_ERRORS:
        return
    for slot in header.slots:
        slot.kdf.check()
    assert len(payload) == header.payload_length
    assert header_bytes.startswith(fmt.MAGIC)

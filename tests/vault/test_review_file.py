"""The sponsor key file and the review file: round trips and every kind of bad input."""

from __future__ import annotations

import os
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_journal.vault import review_file as rf
from recovery_journal.vault import sponsor_code
from recovery_journal.vault import sponsor_key as sk
from recovery_journal.vault.format import KdfParams
from recovery_journal.vault.sharing_errors import (
    NotAReviewFileError,
    NotASponsorKeyError,
    ReviewFileDamagedError,
    ReviewFileError,
    ReviewFileVersionError,
    ReviewForAnotherKeyError,
    SponsorCodeError,
    SponsorKeyDamagedError,
    SponsorKeyError,
    SponsorKeyExistsError,
    SponsorKeyVersionError,
    WrongKeyPassphraseError,
)
from tests.hostile import KINDS, make, needs_dev, needs_fifo, sparse_file

FAST = KdfParams(memory_kib=19 * 1024, iterations=1, lanes=1)
REVIEW_ERRORS = (NotAReviewFileError, ReviewFileVersionError, ReviewFileDamagedError)
CONTENT = b'{"a review": "as JSON"}' * 20


@pytest.fixture(scope="module")
def key():
    blob, public_key = sk.new_key_file("sponsor passphrase", FAST)
    return blob, public_key, sk.open_key_file(blob, "sponsor passphrase")


@pytest.fixture(scope="module")
def other_key():
    blob, _ = sk.new_key_file("another one", FAST)
    return sk.open_key_file(blob, "another one")


@pytest.fixture(scope="module")
def sealed(key):
    return rf.seal(CONTENT, key[1])


# -- the review file ---------------------------------------------------------------------------


def test_round_trip(key, sealed):
    header, content = rf.open_sealed(sealed, key[2])
    assert content == CONTENT
    assert sealed.startswith(b"RJREVIEW\x00\x01\x00\x00")
    assert len(header.file_id) == 16 and header.minor == 0


def test_two_files_of_one_review_share_nothing_but_the_magic(key):
    a, b = rf.seal(CONTENT, key[1]), rf.seal(CONTENT, key[1])
    assert a[:12] == b[:12] and a[16:] != b[16:]
    assert key[1] not in a  # the recipient's key is never in the file


def test_a_file_for_another_key_says_so(sealed, other_key):
    with pytest.raises(ReviewForAnotherKeyError, match="made for another sponsor key"):
        rf.open_sealed(sealed, other_key)


def test_every_header_byte_changed_is_refused(key, sealed):
    end = rf.REVIEW_PREFIX.size + struct.unpack_from(">I", sealed, 12)[0]
    for offset in range(end):
        altered = bytearray(sealed)
        altered[offset] ^= 0x01
        with pytest.raises(ReviewFileError):
            rf.open_sealed(bytes(altered), key[2])


def test_every_payload_byte_changed_is_refused_as_damaged(key, sealed):
    end = rf.REVIEW_PREFIX.size + struct.unpack_from(">I", sealed, 12)[0]
    for offset in range(end, len(sealed), 7):
        altered = bytearray(sealed)
        altered[offset] ^= 0x80
        with pytest.raises(ReviewFileDamagedError):
            rf.open_sealed(bytes(altered), key[2])


def test_cut_short_at_every_offset_is_refused(key, sealed):
    for cut in range(len(sealed)):
        with pytest.raises(REVIEW_ERRORS):
            rf.open_sealed(sealed[:cut], key[2])
    with pytest.raises(ReviewFileDamagedError):
        rf.open_sealed(sealed + b"\0", key[2])


def test_a_newer_major_version_asks_for_an_update(key, sealed):
    newer = sealed[:8] + struct.pack(">H", 2) + sealed[10:]
    with pytest.raises(ReviewFileVersionError, match="update the app"):
        rf.open_sealed(newer, key[2])


def test_a_newer_minor_version_with_appended_fields_opens(key):
    header = rf.ReviewHeader(b"\1" * 16, b"", b"", b"", 0, minor=1, extra=b"later")
    # Build a 1.1 file by hand: same key schedule, the extra bytes authenticated.
    sealed = rf.seal(CONTENT, key[1])
    parsed, _, ciphertext = rf.parse_review_file(sealed)
    assert header.minor == 1
    newer = (
        rf.ReviewHeader(
            parsed.file_id,
            parsed.ephemeral_key,
            parsed.key_check,
            parsed.nonce,
            parsed.payload_length,
            minor=1,
            extra=b"later",
        ).to_bytes()
        + ciphertext
    )
    # The extra bytes are part of the associated data: this file (made as 1.0) no longer opens.
    with pytest.raises(ReviewFileDamagedError):
        rf.open_sealed(newer, key[2])
    assert rf.parse_review_file(newer)[0].extra == b"later"


def test_padding_hides_the_exact_size(key):
    sizes = {len(rf.seal(b"x" * n, key[1])) for n in range(1030, 1080)}
    assert len(sizes) == 1
    for n in (1, 100, 10_000, 1_000_000):
        assert n <= rf.padded_length(n) < n * 1.12 + 2


def test_a_low_order_key_is_refused_before_sealing():
    with pytest.raises(SponsorCodeError, match="can't be used"):
        rf.seal(CONTENT, bytes(32))


@given(data=st.binary(max_size=300))
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_fuzz_the_parser_raises_only_its_own_errors(data):
    prefix = rf.REVIEW_PREFIX.pack(rf.REVIEW_MAGIC, 1, 0, len(data))
    for candidate in (data, rf.REVIEW_MAGIC + data, prefix + data):
        try:
            rf.parse_review_file(candidate)
        except REVIEW_ERRORS:
            pass


@given(
    edits=st.lists(st.tuples(st.integers(0, 140), st.integers(0, 255)), max_size=5),
    cut=st.integers(0, 200),
)
@settings(max_examples=150, deadline=None)
def test_fuzz_edits_of_a_real_file_are_refused_cleanly(edits, cut):
    blob, public_key = _SHARED_KEY
    sealed = bytearray(rf.seal(CONTENT, public_key))
    for offset, value in edits:
        if offset < len(sealed):
            sealed[offset] = value
    data = bytes(sealed[: len(sealed) - cut])
    try:
        _, content = rf.open_sealed(data, sk.open_key_file(blob, "sponsor passphrase"))
    except (*REVIEW_ERRORS, ReviewForAnotherKeyError):
        return
    assert content == CONTENT and bytes(sealed) == data  # only a no-op edit opens


_SHARED_KEY = sk.new_key_file("sponsor passphrase", FAST)[0], None
_SHARED_KEY = (_SHARED_KEY[0], sk.parse_key_file(_SHARED_KEY[0])[0].public_key)


@needs_fifo
@needs_dev
@pytest.mark.parametrize("kind", KINDS)
def test_reading_refuses_what_is_not_a_regular_file(tmp_path, kind):
    path = make(kind, tmp_path / "review.rjreview")
    with pytest.raises((NotAReviewFileError, ReviewFileError)):
        rf.read_review_file(path)
    with pytest.raises((SponsorKeyError, OSError)):
        sk.read_key_file(path)


def test_reading_refuses_huge_files_unread(tmp_path):
    huge = sparse_file(tmp_path / "huge.rjreview", rf.MAX_REVIEW_FILE + 1, rf.REVIEW_MAGIC)
    with pytest.raises(ReviewFileDamagedError, match="far larger"):
        rf.read_review_file(huge)
    key = sparse_file(tmp_path / "huge.rjkey", sk.MAX_KEY_FILE + 1, sk.KEY_MAGIC)
    with pytest.raises(SponsorKeyDamagedError, match="far larger"):
        sk.read_key_file(key)


def test_a_missing_file_says_so(tmp_path):
    with pytest.raises(ReviewFileError, match="doesn't exist"):
        rf.read_review_file(tmp_path / "missing.rjreview")


# -- the sponsor key file ----------------------------------------------------------------------


def test_key_round_trip_and_code(key):
    blob, public_key, pair = key
    assert pair.public_key == public_key
    assert sk.public_key_of(pair.private_key) == public_key
    code = sponsor_code.encode(public_key)
    assert len(code.split("-")) == 14 and all(len(g) == 4 for g in code.split("-"))
    assert sponsor_code.decode(code.lower().replace("-", " ")) == public_key
    assert bytes(pair.private_key) not in blob


def test_wrong_passphrase(key):
    with pytest.raises(WrongKeyPassphraseError) as caught:
        sk.open_key_file(key[0], "not the passphrase")
    assert caught.value.exit_code == 3


def test_every_key_header_byte_changed_is_refused(key):
    blob = key[0]
    for offset in range(len(blob) - sk.WRAPPED_LEN):
        altered = bytearray(blob)
        altered[offset] ^= 0x01
        with pytest.raises((SponsorKeyError, WrongKeyPassphraseError)):
            sk.open_key_file(bytes(altered), "sponsor passphrase")


def test_key_cut_short_at_every_offset(key):
    for cut in range(len(key[0])):
        with pytest.raises(SponsorKeyError):
            sk.parse_key_file(key[0][:cut])


@pytest.mark.parametrize(
    ("offset", "value", "reason"),
    [
        (50, 0xFFFFFFFF, "memory"),  # 4 GiB of memory
        (50, 1024, "memory"),  # too little to be Argon2id as this app writes it
        (54, 1_000_000, "passes"),
        (58, 0, "lanes"),
    ],
)
def test_hostile_kdf_settings_are_refused_before_any_derivation(
    key, monkeypatch, offset, value, reason
):
    from recovery_journal.vault import sponsor_key as module

    def no_derivation(*_args, **_kwargs):
        raise AssertionError("a key was derived")

    monkeypatch.setattr(module, "derive_slot_key", no_derivation)
    blob = bytearray(key[0])
    struct.pack_into(">I", blob, sk.KEY_PREFIX.size + offset, value)
    with pytest.raises(SponsorKeyDamagedError, match=reason):
        sk.open_key_file(bytes(blob), "sponsor passphrase")


def test_key_of_a_newer_major_version(key):
    newer = key[0][:8] + struct.pack(">H", 2) + key[0][10:]
    with pytest.raises(SponsorKeyVersionError, match="update the app"):
        sk.parse_key_file(newer)
    with pytest.raises(NotASponsorKeyError):
        sk.parse_key_file(b"RJVAULT\0" + key[0][8:])


def test_rewrap_keeps_the_key_and_drops_the_old_passphrase(key):
    blob = sk.rewrap_key_file(key[0], "sponsor passphrase", "a new passphrase")
    assert sk.open_key_file(blob, "a new passphrase").public_key == key[1]
    with pytest.raises(WrongKeyPassphraseError):
        sk.open_key_file(blob, "sponsor passphrase")


def test_key_file_is_written_private_and_never_over_another(tmp_path, key):
    path = tmp_path / "new" / "sponsor-key.rjkey"
    sk.write_key_file(path, key[0])
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
        assert path.parent.stat().st_mode & 0o777 == 0o700
    with pytest.raises(SponsorKeyExistsError):
        sk.write_key_file(path, b"other")
    assert sk.read_key_file(path) == key[0]


@given(data=st.binary(max_size=300))
@settings(max_examples=300)
def test_fuzz_the_key_parser_raises_only_its_own_errors(data):
    prefix = sk.KEY_PREFIX.pack(sk.KEY_MAGIC, 1, 0, len(data))
    for candidate in (data, sk.KEY_MAGIC + data, prefix + data):
        try:
            sk.parse_key_file(candidate)
        except SponsorKeyError:
            pass


# -- the sponsor code --------------------------------------------------------------------------


def test_every_single_typo_in_a_code_is_caught(key):
    code = sponsor_code.encode(key[1]).replace("-", "")
    caught = 0
    for index, char in enumerate(code):
        for other in "0123456789ABCDEFGHJKMNPQRSTVWXYZ":
            if other == char:
                continue
            typo = code[:index] + other + code[index + 1 :]
            with pytest.raises(SponsorCodeError):
                sponsor_code.decode(typo)
            caught += 1
    assert caught == 56 * 31


@pytest.mark.parametrize(
    ("text", "reason"),
    [("", "Enter"), ("ABCD-EFGH", "has 8 letters"), ("ABCD-EFG!", "can't be part")],
)
def test_malformed_codes_say_what_is_wrong(text, reason):
    with pytest.raises(SponsorCodeError, match=reason):
        sponsor_code.decode(text)

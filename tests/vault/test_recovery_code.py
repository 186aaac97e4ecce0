import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_journal.vault import recovery_code


@given(st.binary(min_size=20, max_size=20))
def test_encode_decode_round_trip(raw):
    code = recovery_code.encode(raw)
    assert len(code) == 39 and code.count("-") == 7
    assert recovery_code.decode(code) == raw
    assert recovery_code.decode(code.lower().replace("-", "")) == raw
    assert recovery_code.decode(" ".join(code.split("-"))) == raw


def test_confusable_letters_are_read_as_digits():
    raw = bytes(20)
    assert recovery_code.encode(raw) == "0000-0000-0000-0000-0000-0000-0000-0000"
    assert recovery_code.decode("oooo-OOOO-0000-0000-0000-0000-0000-0000") == raw
    ones = recovery_code.decode("1111-1111-1111-1111-1111-1111-1111-1111")
    assert recovery_code.decode("iiii-IIII-llll-LLLL-1111-1111-1111-1111") == ones


@pytest.mark.parametrize("text", ["", "ABCD", "U" * 32, "0" * 31, "0" * 33, "0000-0000-!"])
def test_malformed_codes_are_refused(text):
    with pytest.raises(recovery_code.RecoveryCodeFormatError):
        recovery_code.decode(text)


def test_codes_are_random():
    assert len({recovery_code.encode(recovery_code.generate()) for _ in range(50)}) == 50

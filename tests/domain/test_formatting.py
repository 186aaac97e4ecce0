import pytest

from recovery_journal.domain.formatting import format_percent, format_score


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (95.5, "96%"),
        (94.5, "95%"),  # round() would give 94
        (0.5, "1%"),
        (87.49999, "87%"),
        (100 * 2 / 3, "67%"),
        (0.0, "0%"),
        (100.0, "100%"),
    ],
)
def test_format_percent_whole_number_half_up(value, text):
    assert format_percent(value) == text


def test_format_percent_of_a_computed_half():
    assert format_percent(100 * 191 / 200) == "96%"  # 95.5 computed from counts


def test_format_score_one_decimal():
    assert format_score(6.3) == "6.3"
    assert format_score(75.0) == "75.0"

import pytest

from recovery_journal.domain.alliance import alliance_latest, alliance_score, area_scores

from .builders import D, checkin


def test_r2_is_reversed():
    assert alliance_score(checkin(D(2026, 1, 1), 4, 4, 4, 4, 4, 4, 4, 4).answers) == 87.5
    assert alliance_score(checkin(D(2026, 1, 1), 4, 4, 4, 0, 4, 4, 4, 4).answers) == 100.0
    assert alliance_score(checkin(D(2026, 1, 1), 0, 0, 0, 4, 0, 0, 0, 0).answers) == 0.0


def test_fewer_than_six_answers_has_no_score():
    five = checkin(D(2026, 1, 1), 4, 4, 4, 0, 4, None, None, None)
    assert alliance_score(five.answers) is None
    six = checkin(D(2026, 1, 1), 4, 4, 4, 0, 4, 3, None, None)
    assert alliance_score(six.answers) == pytest.approx(95.8)  # 23 * 25 / 6 = 95.83


def test_unknown_item_ids_are_ignored():
    answers = {"B1": 4, "B2": 4, "R1": 4, "R2": 0, "G1": 4, "X9": 0}
    assert alliance_score(answers) is None


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ((1, 1, 0, 4, 0, 0, 0, 0), 6.3),  # 2 * 25 / 8 = 6.25, round() would give 6.2
        ((4, 4, 2, 4, 0, 0, 0, 0), 31.3),  # 10 * 25 / 8 = 31.25, round() would give 31.2
        ((4, 4, 4, 0, 4, 4, 4, None), 100.0),
        ((3, 3, 3, 1, 3, 3, 2, None), 71.4),  # 20 * 25 / 7 = 71.43
        ((4, 3, 3, 1, 3, 3, 3, None), 78.6),  # 22 * 25 / 7 = 78.57
    ],
)
def test_score_is_rounded_half_up_to_one_decimal(values, expected):
    assert alliance_score(checkin(D(2026, 1, 1), *values).answers) == expected


def test_area_scores_need_both_items():
    answers = checkin(D(2026, 1, 1), 4, 3, 2, 1, 4, None, 0, 0).answers
    assert area_scores(answers) == {"bond": 87.5, "respect": 62.5, "goals": None, "tasks": 0.0}


def test_8_10_latest_checkin_on_or_before_as_of_entered_last_on_a_shared_date():
    checkins = [
        checkin(D(2026, 1, 1), 2, 2, 2, 2, 2, 2, 2, 2),  # 50.0
        checkin(D(2026, 2, 1), 4, 4, 4, 0, 4, 4, 4, 4),  # 100.0, entered first that day
        checkin(D(2026, 2, 1), 3, 3, 3, 1, 3, 3, 3, 3),  # 75.0, entered last that day
        checkin(D(2026, 3, 1), 0, 0, 0, 4, 0, 0, 0, 0),  # after as_of
    ]
    latest = alliance_latest(checkins, D(2026, 2, 15))
    assert (latest.date, latest.score) == (D(2026, 2, 1), 75.0)
    assert (latest.previous_date, latest.previous_score) == (D(2026, 1, 1), 50.0)


def test_8_10_latest_checkin_entered_last_even_when_listed_before_an_earlier_date():
    checkins = [
        checkin(D(2026, 2, 1), 3, 3, 3, 1, 3, 3, 3, 3),
        checkin(D(2026, 1, 1), 2, 2, 2, 2, 2, 2, 2, 2),
        checkin(D(2026, 2, 1), 4, 4, 4, 0, 4, 4, 4, 4),
    ]
    assert alliance_latest(checkins, D(2026, 2, 1)).score == 100.0


def test_8_10_no_fall_back_when_the_latest_has_too_few_answers():
    checkins = [
        checkin(D(2026, 1, 1), 2, 2, 2, 2, 2, 2, 2, 2),
        checkin(D(2026, 2, 1), 4, 4, 4, 0, 4),
    ]
    latest = alliance_latest(checkins, D(2026, 2, 15))
    assert (latest.date, latest.score, latest.previous_score) == (D(2026, 2, 1), None, 50.0)


def test_8_10_no_checkin_yet():
    latest = alliance_latest([checkin(D(2026, 3, 1), 2, 2, 2, 2, 2, 2)], D(2026, 2, 1))
    assert (latest.date, latest.score, latest.previous_date) == (None, None, None)

import datetime as dt

import pytest

from recovery_journal.domain.alliance import (
    alliance_latest,
    alliance_score,
    area_scores,
    checkin_due,
)
from recovery_journal.domain.models import AllianceCheckin, JournalData, Sponsor

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


WEDNESDAY = D(2026, 3, 18)


def _day(offset: int) -> dt.date:
    return WEDNESDAY + dt.timedelta(days=offset)


def test_a_checkin_is_due_monthly_and_after_a_new_sponsor_settles():
    sponsor = Sponsor(key="s", name="Robin", started_on=_day(-60))
    assert checkin_due(JournalData(), WEDNESDAY) is None  # no sponsor, nothing due
    none_yet = JournalData(sponsors=(sponsor,))
    due = checkin_due(none_yet, WEDNESDAY)
    assert due is not None and due.reason == "new_sponsor" and due.last is None
    fresh = JournalData(sponsors=(Sponsor(key="t", name="Lou", started_on=_day(-3)),))
    assert checkin_due(fresh, WEDNESDAY) is None  # give a new sponsor a week
    settled = JournalData(sponsors=(Sponsor(key="t", name="Lou", started_on=_day(-7)),))
    assert checkin_due(settled, WEDNESDAY) is not None  # a week to the day
    recent = JournalData(sponsors=(sponsor,), checkins=(AllianceCheckin(date=_day(-20)),))
    assert checkin_due(recent, WEDNESDAY) is None
    old = JournalData(sponsors=(sponsor,), checkins=(AllianceCheckin(date=dt.date(2026, 2, 18)),))
    due = checkin_due(old, WEDNESDAY)  # a calendar month to the day
    assert due is not None and due.reason == "monthly" and due.last == dt.date(2026, 2, 18)
    a_day_short = JournalData(sponsors=(sponsor,), checkins=(AllianceCheckin(D(2026, 2, 19)),))
    assert checkin_due(a_day_short, WEDNESDAY) is None
    ended = JournalData(sponsors=(Sponsor("s", "Robin", _day(-60), ended_on=_day(-1)),))
    assert checkin_due(ended, WEDNESDAY) is None


def test_a_checkin_with_the_previous_sponsor_does_not_count_for_a_new_one():
    old = Sponsor("a", "Robin", _day(-200), ended_on=_day(-31))
    new = Sponsor("b", "Lou", _day(-30))
    data = JournalData(sponsors=(old, new), checkins=(AllianceCheckin(_day(-40)),))
    due = checkin_due(data, WEDNESDAY)
    assert due is not None and due.reason == "new_sponsor" and due.sponsor == new
    assert due.last == _day(-40)

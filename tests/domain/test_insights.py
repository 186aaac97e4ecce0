from dataclasses import replace

import pytest

from recovery_journal.domain.attendance import meeting_events
from recovery_journal.domain.contacts import two_way_contacts
from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.insights import (
    CAVEATS,
    CONSISTENT,
    NOTHING_TO_COMPARE,
    TENTATIVE,
    TOO_EARLY,
    compute_insights,
    eligible_weeks,
)
from recovery_journal.domain.models import WeekStart

from .builders import MONDAY, D, checkin, journal, plus

FULL = "aaaaaaa"  # 100%
ONE_USE = "aaaaaau"  # 85.7%
THREE_USE = "aaaauuu"  # 57.1%


def weeks_journal(weeks, checkins=(), week_start=WeekStart.MONDAY, extra=""):
    """``weeks``: (day codes, has meeting, has two-way contact) per week from MONDAY."""
    meetings = [plus(MONDAY, 7 * i + 2) for i, (_, met, _) in enumerate(weeks) if met]
    contacts = [plus(MONDAY, 7 * i + 3) for i, (_, _, talked) in enumerate(weeks) if talked]
    codes = "".join(code for code, _, _ in weeks) + extra
    data = journal(
        MONDAY,
        codes,
        meetings=meetings,
        contacts=contacts,
        checkins=checkins,
        tracking_start=MONDAY,
        week_start=week_start,
    )
    return data, plus(MONDAY, 7 * len(weeks))  # the Monday after the last week


def insights_of(data, as_of):
    calendar = DayCalendar.from_journal(data, as_of)
    found = compute_insights(
        calendar, meeting_events(data, as_of), two_way_contacts(data, as_of), data.checkins
    )
    return {insight.id: insight for insight in found}


def eligible_of(data, as_of):
    calendar = DayCalendar.from_journal(data, as_of)
    return eligible_weeks(calendar, meeting_events(data, as_of), two_way_contacts(data, as_of))


def test_eligible_weeks_need_five_known_days():
    data, as_of = weeks_journal([("aaaa---", True, False), ("aaau?a-", False, True), (FULL, 0, 0)])
    weeks = eligible_of(data, as_of)
    assert [(w.start, w.pda, w.has_meeting, w.has_contact) for w in weeks] == [
        (plus(MONDAY, 7), 80.0, False, True),
        (plus(MONDAY, 14), 100.0, False, False),
    ]


def test_eligible_weeks_exclude_the_week_containing_as_of():
    data, _ = weeks_journal([(FULL, True, False), (FULL, True, False)])
    assert len(eligible_of(data, plus(MONDAY, 13))) == 1  # Sunday of the second week
    assert len(eligible_of(data, plus(MONDAY, 14))) == 2


def test_eligible_weeks_start_on_or_after_tracking_start():
    # tracking starts on a Monday; with Sunday weeks the week holding it starts the day before
    data, as_of = weeks_journal([(FULL, 0, 0)] * 3, week_start=WeekStart.SUNDAY)
    assert [w.start for w in eligible_of(data, as_of)] == [plus(MONDAY, 6), plus(MONDAY, 13)]


def test_every_insight_listed_too_early_below_eight_weeks():
    data, as_of = weeks_journal([(THREE_USE, True, True)] * 7)
    found = insights_of(data, as_of)
    assert list(found) == ["meetings", "sponsor_contact", "alliance"]
    assert all(insight.label == TOO_EARLY for insight in found.values())
    assert found["meetings"].needs == (
        "It needs 5 more weeks with at least 5 days filled in (7 of 12 so far). "
        "It compares at least 4 weeks of each kind; so far 7 with at least one meeting "
        "and 0 without a meeting."
    )
    assert found["alliance"].needs.startswith(
        "It needs 1 more week with at least 5 days filled in (7 of 8 so far)."
    )
    assert found["meetings"].numbers["mean_pda_with"] is None


def test_ceiling_rule_not_applied_below_eight_weeks():
    data, as_of = weeks_journal([(FULL, True, True)] * 7)
    assert insights_of(data, as_of)["meetings"].label == TOO_EARLY


def test_comparison_too_early_with_eight_to_eleven_weeks():
    weeks = [(THREE_USE, True, True)] * 4 + [(ONE_USE, False, False)] * 7
    data, as_of = weeks_journal(weeks)
    found = insights_of(data, as_of)
    assert found["meetings"].label == TOO_EARLY
    assert found["meetings"].needs == (
        "It needs 1 more week with at least 5 days filled in (11 of 12 so far)."
    )


def test_comparison_too_early_with_fewer_than_four_weeks_in_a_group():
    weeks = [(THREE_USE, True, True)] * 9 + [(ONE_USE, False, True)] * 3
    data, as_of = weeks_journal(weeks)
    found = insights_of(data, as_of)
    assert found["meetings"].label == TOO_EARLY
    assert found["meetings"].needs == (
        "It compares at least 4 weeks of each kind; so far 9 with at least one meeting "
        "and 3 without a meeting."
    )
    assert found["meetings"].numbers["weeks_with"] == 9
    assert found["meetings"].numbers["weeks_without"] == 3
    assert found["sponsor_contact"].label == TOO_EARLY  # 12 with, 0 without


def test_comparison_shown_and_consistent_when_both_halves_agree():
    half = [(FULL, True, False)] * 4 + [(THREE_USE, False, True)] * 2
    data, as_of = weeks_journal(half + half)
    found = insights_of(data, as_of)
    meetings = found["meetings"]
    assert meetings.label == CONSISTENT
    assert meetings.numbers == {
        "weeks_eligible": 12,
        "weeks_with": 8,
        "weeks_without": 4,
        "mean_pda_with": 100.0,
        "mean_pda_without": pytest.approx(400 / 7),
        "difference": pytest.approx(300 / 7),
    }
    assert meetings.needs is None
    assert meetings.text == (
        "In your 8 weeks with at least one meeting, 100% of recorded days were abstinent on "
        "average; in your 4 weeks without a meeting, 57%. The difference pointed the same way "
        "in your earlier and your later weeks."
    )
    contact = found["sponsor_contact"]
    assert contact.label == CONSISTENT
    assert contact.numbers["difference"] == pytest.approx(-300 / 7)


def test_comparison_tentative_when_halves_disagree():
    first = [(FULL, True, False)] * 4 + [(THREE_USE, False, False)] * 2
    second = [(THREE_USE, True, False)] * 4 + [(ONE_USE, False, False)] * 2
    data, as_of = weeks_journal(first + second)
    meetings = insights_of(data, as_of)["meetings"]
    assert meetings.label == TENTATIVE
    assert meetings.numbers["difference"] == pytest.approx(
        (400 + 4 * 400 / 7) / 8 - (2 * 400 / 7 + 2 * 600 / 7) / 4
    )
    assert meetings.text.endswith("This is an early pattern and may change as you record more.")


def test_comparison_tentative_when_a_half_lacks_a_group():
    weeks = [(FULL, True, False)] * 6 + [(THREE_USE, False, False)] * 4 + [(FULL, True, 0)] * 2
    data, as_of = weeks_journal(weeks)
    assert insights_of(data, as_of)["meetings"].label == TENTATIVE


COMPARED = "compared"


@pytest.mark.parametrize(
    ("full_weeks", "other_weeks", "expected"),
    [
        (9, 1, TOO_EARLY),  # 90% at the ceiling, but below the thresholds: too early first
        (8, 2, TOO_EARLY),  # 80%: no ceiling, and too few weeks to compare
        (27, 3, TOO_EARLY),  # 90%, but only 3 weeks without a meeting (4 needed)
        (36, 4, NOTHING_TO_COMPARE),  # exactly 90%, past every threshold
        (26, 4, COMPARED),  # 86.7%: compared
    ],
)
def test_ceiling_rule(full_weeks, other_weeks, expected):
    weeks = [(FULL, True, True)] * full_weeks + [(ONE_USE, False, False)] * other_weeks
    weeks = weeks[::2] + weeks[1::2]  # mix the order
    data, as_of = weeks_journal(weeks)
    found = insights_of(data, as_of)
    label = found["meetings"].label
    assert (COMPARED if label in (TENTATIVE, CONSISTENT) else label) == expected
    if expected == NOTHING_TO_COMPARE:
        assert found["meetings"].text == (
            "Nearly every week you have recorded was abstinent, so there is nothing to compare."
        )
        assert found["sponsor_contact"].label == NOTHING_TO_COMPARE
        assert found["alliance"].label == TOO_EARLY  # no check-ins: below its own threshold
        assert found["meetings"].numbers["difference"] is None


SCORE_50 = (2, 2, 2, 2, 2, 2, 2, 2)
SCORE_75 = (3, 3, 3, 1, 3, 3, 3, 3)
SCORE_100 = (4, 4, 4, 0, 4, 4, 4, 4)


def alliance_journal(scores, used_per_window, unknown_per_window=None, total_days=182):
    """A check-in every 30 days from MONDAY; window i (its next 30 days) holds the given
    used days, then unknown days, at its start."""
    codes = ["a"] * total_days
    unknown_per_window = unknown_per_window or [0] * len(scores)
    for i, (used, unknown) in enumerate(zip(used_per_window, unknown_per_window, strict=True)):
        first = 30 * i + 1
        for offset in range(used):
            codes[first + offset] = "u"
        for offset in range(used, used + unknown):
            codes[first + offset] = "-"
    checkins = [checkin(plus(MONDAY, 30 * i), *score) for i, score in enumerate(scores)]
    data = journal(MONDAY, "".join(codes), checkins=checkins, tracking_start=MONDAY)
    return data, plus(MONDAY, total_days - 1)


def test_alliance_insight_compares_higher_and_lower_scored_checkins():
    scores = [SCORE_50, SCORE_75, SCORE_100, SCORE_50, SCORE_75, SCORE_100]
    data, as_of = alliance_journal(scores, [6, 3, 0, 9, 3, 0])  # PDA 80 90 100 70 90 100
    insight = insights_of(data, as_of)["alliance"]
    assert insight.label == CONSISTENT
    assert insight.numbers == {
        "weeks_eligible": 25,
        "checkins": 6,
        "distinct_scores": 3,
        "cut_score": 75.0,
        "checkins_higher": 4,
        "checkins_lower": 2,
        "mean_pda_higher": 95.0,
        "mean_pda_lower": 75.0,
        "difference": 20.0,
    }
    assert insight.text.startswith(
        "After your 4 check-ins that scored your sponsor relationship 75.0 or higher, 95% of "
        "the next 30 recorded days were abstinent on average; after your 2 lower-scored "
        "check-ins, 75%."
    )


def test_alliance_insight_needs_three_distinct_scores():
    scores = [SCORE_50, SCORE_75] * 3
    data, as_of = alliance_journal(scores, [6, 3, 0, 9, 3, 0])
    insight = insights_of(data, as_of)["alliance"]
    assert insight.label == TOO_EARLY
    assert insight.needs == ("Their scores need to differ: at least 3 different scores (2 so far).")


def test_alliance_insight_needs_six_checkins_with_a_mostly_recorded_next_month():
    scores = [SCORE_50, SCORE_75, SCORE_100, SCORE_50, SCORE_75, SCORE_100]
    # window 3 has 7 unknown days: 23/30 known is under 80%, so that check-in is left out
    data, as_of = alliance_journal(scores, [6, 3, 0, 9, 3, 0], [0, 0, 6, 7, 0, 0])
    insight = insights_of(data, as_of)["alliance"]
    assert insight.label == TOO_EARLY
    assert insight.numbers["checkins"] == 5
    assert insight.needs == (
        "It needs 1 more check-in followed by 30 days that are mostly filled in (5 of 6 so far)."
    )


def test_alliance_insight_leaves_out_checkins_whose_next_month_has_not_ended():
    scores = [SCORE_50, SCORE_75, SCORE_100, SCORE_50, SCORE_75, SCORE_100]
    data, _ = alliance_journal(scores, [6, 3, 0, 9, 3, 0])
    as_of = plus(MONDAY, 179)  # the last check-in's 30 days end on day 180
    assert insights_of(data, as_of)["alliance"].numbers["checkins"] == 5


def test_alliance_uses_the_checkin_entered_last_on_a_date():
    scores = [SCORE_50, SCORE_75, SCORE_100, SCORE_50, SCORE_75, SCORE_100]
    data, as_of = alliance_journal(scores, [6, 3, 0, 9, 3, 0])
    duplicate = checkin(MONDAY, *SCORE_100)  # replaces the first check-in's 50
    data = replace(data, checkins=(*data.checkins, duplicate))
    insight = insights_of(data, as_of)["alliance"]
    # scores 100 75 100 50 75 100: the most even split is "100" against the rest
    assert insight.numbers["checkins"] == 6
    assert insight.numbers["cut_score"] == 100.0
    assert insight.numbers["checkins_lower"] == 3
    assert insight.numbers["mean_pda_lower"] == pytest.approx((90 + 70 + 90) / 3)


BANNED = ("relapse", "failure", "streak", "fail", "PDA")


def test_every_insight_carries_the_caveats_in_plain_words():
    half = [(FULL, True, False)] * 4 + [(THREE_USE, False, True)] * 2
    for weeks in ([(FULL, 1, 1)] * 3, half * 2, [(FULL, True, True)] * 12):
        data, as_of = weeks_journal(weeks)
        for insight in insights_of(data, as_of).values():
            assert insight.caveats == CAVEATS
            words = " ".join([insight.text, insight.needs or "", *insight.caveats])
            assert not any(word.lower() in words.lower() for word in BANNED)
    joined = " ".join(CAVEATS)
    for idea in ("not what causes", "other way", "Other things", "small", "sponsor or clinician"):
        assert idea in joined


def test_no_tracking_means_no_eligible_weeks():
    data = journal()
    assert eligible_of(data, D(2026, 1, 1)) == []
    assert insights_of(data, D(2026, 1, 1))["meetings"].label == TOO_EARLY


def test_sponsor_contact_insight_text_in_plain_words():
    half = [(FULL, False, True)] * 4 + [(THREE_USE, True, False)] * 2
    data, as_of = weeks_journal(half + half)
    contact = insights_of(data, as_of)["sponsor_contact"]
    assert contact.text.startswith(
        "In your 8 weeks when you and your sponsor were in touch, 100% of recorded days were "
        "abstinent on average; in your 4 weeks when you weren't, 57%."
    )


def test_a_difference_that_is_zero_in_one_half_is_not_consistent():
    """Float noise must not give a zero difference a sign (found by the contract review)."""
    from recovery_journal.domain.insights import _halves_agree

    with_ = [80.0, 100 * 6 / 7, 100 * 4 / 7, 80.0, 100.0]
    without = [80.0, 100 * 4 / 7, 80.0, 100 * 6 / 7, 100.0]  # the same weeks, another order
    first_half = [(True, v) for v in with_] + [(False, v) for v in without]
    second_half = [(True, 100.0), (False, 90.0)] * 5
    assert not _halves_agree(first_half + second_half, difference=1.5)

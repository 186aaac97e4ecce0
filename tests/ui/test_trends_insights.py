"""The Insights section: every insight listed with its label chip; numbers only above the
thresholds; what more data a too-early insight needs; the ceiling rule; caveats."""

from __future__ import annotations

import pytest

from recovery_journal.domain.attendance import meeting_events
from recovery_journal.domain.contacts import two_way_contacts
from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.insights import CAVEATS, compute_insights
from recovery_journal.ui.pages.trends.insight_text import insight_content
from recovery_journal.ui.pages.trends.insights import InsightsPanel
from tests.domain.builders import MONDAY, checkin, journal, plus

FULL, ONE_USE, THREE_USE = "aaaaaaa", "aaaaaau", "aaaauuu"  # 100%, 85.7%, 57.1%


def weeks_journal(weeks, checkins=()):
    """``weeks``: (day codes, had a meeting, had a two-way contact) per week from MONDAY."""
    meetings = [plus(MONDAY, 7 * i + 2) for i, (_, met, _) in enumerate(weeks) if met]
    contacts = [plus(MONDAY, 7 * i + 3) for i, (_, _, talked) in enumerate(weeks) if talked]
    codes = "".join(code for code, _, _ in weeks)
    data = journal(MONDAY, codes, meetings=meetings, contacts=contacts, checkins=checkins)
    return data, plus(MONDAY, 7 * len(weeks))


def contents(weeks, checkins=()):
    data, as_of = weeks_journal(weeks, checkins)
    found = compute_insights(
        DayCalendar.from_journal(data, as_of),
        meeting_events(data, as_of),
        two_way_contacts(data, as_of),
        data.checkins,
    )
    return {insight.id: insight_content(insight) for insight in found}


def test_every_insight_is_listed_too_early_below_eight_weeks_without_numbers():
    found = contents([(THREE_USE, True, True)] * 7)
    assert list(found) == ["meetings", "sponsor_contact", "alliance"]
    for content in found.values():
        assert content.chip == "Too early" and content.numbers == () and content.caveats == ()
        assert "%" not in content.text
    assert found["meetings"].needs.startswith("It needs 5 more weeks with at least 5 days")
    assert found["alliance"].needs.startswith("It needs 1 more week")
    assert "6 more check-ins" in found["alliance"].needs


def test_eight_to_eleven_weeks_still_too_early_to_compare_and_says_how_much_more():
    found = contents([(THREE_USE, True, True)] * 4 + [(ONE_USE, False, False)] * 7)
    meetings = found["meetings"]
    assert meetings.chip == "Too early" and meetings.numbers == ()
    assert (
        meetings.needs == "It needs 1 more week with at least 5 days filled in (11 of 12 so far)."
    )


def test_fewer_than_four_weeks_in_a_group_is_too_early():
    found = contents([(THREE_USE, True, True)] * 9 + [(ONE_USE, False, True)] * 3)
    assert found["meetings"].chip == "Too early" and found["meetings"].numbers == ()
    assert "so far 9 with at least one meeting and 3 without a meeting" in found["meetings"].needs


def test_consistent_comparison_shows_its_numbers_and_caveats():
    half = [(FULL, True, False)] * 4 + [(THREE_USE, False, True)] * 2
    found = contents(half + half)
    meetings = found["meetings"]
    assert meetings.chip == "Consistent" and meetings.shows_comparison
    assert meetings.numbers == (
        "Weeks with a meeting: 8 · on average 100% of recorded days abstinent",
        "Weeks without a meeting: 4 · on average 57%",
        "Difference: 43 percentage points higher in weeks with a meeting",
        "Weeks with at least 5 days filled in: 12",
    )
    assert meetings.caveats == CAVEATS and meetings.needs == ""
    contact = found["sponsor_contact"]
    assert contact.chip == "Consistent"
    assert "Difference: 43 percentage points lower in weeks with contact" in contact.numbers


def test_tentative_when_the_halves_disagree():
    first = [(FULL, True, False)] * 4 + [(THREE_USE, False, False)] * 2
    second = [(THREE_USE, True, False)] * 4 + [(ONE_USE, False, False)] * 2
    meetings = contents(first + second)["meetings"]
    assert meetings.chip == "Tentative" and len(meetings.numbers) == 4
    assert meetings.chip_help == "An early pattern that may change as you record more."


@pytest.mark.parametrize(
    ("full", "other", "chip"),
    [(36, 4, "Nothing to compare"), (9, 1, "Too early"), (8, 2, "Too early")],
)
def test_ceiling_rule(full, other, chip):
    """Below the thresholds an insight is too early; past them, the ceiling rule applies."""
    weeks = [(FULL, True, True)] * full + [(ONE_USE, False, False)] * other
    found = contents(weeks[::2] + weeks[1::2])
    for key in ("meetings", "sponsor_contact"):
        assert found[key].chip == chip and found[key].numbers == ()
    assert found["alliance"].chip == "Too early"  # no check-ins at all
    if chip == "Nothing to compare":
        assert found["meetings"].text == (
            "Nearly every week you have recorded was abstinent, so there is nothing to compare."
        )


def _alliance(scores):
    """Check-ins every 30 days with the given answers; day codes vary so PDA differs."""
    checkins = [checkin(plus(MONDAY, 30 * i), *answers) for i, answers in enumerate(scores)]
    codes = ""
    for i in range(len(scores) + 1):
        codes += ("a" * 30) if i % 2 == 0 else ("u" * 3 + "a" * 27)
    weeks = []
    for w in range(len(codes) // 7):
        weeks.append((codes[7 * w : 7 * w + 7], w % 2 == 0, w % 3 == 0))
    return contents(weeks, checkins)["alliance"]


HIGH = (4, 4, 4, 0, 4, 4, 4, 4)
MID = (3, 3, 3, 1, 3, 3, 3, 3)
LOW = (2, 2, 2, 2, 2, 2, 2, 2)


def test_alliance_needs_six_check_ins_and_three_distinct_scores():
    too_few = _alliance([HIGH, LOW] * 2 + [MID])
    assert too_few.chip == "Too early" and too_few.numbers == ()
    assert "1 more check-in" in too_few.needs
    same_scores = _alliance([HIGH, LOW] * 3)
    assert same_scores.chip == "Too early"
    assert "at least 3 different scores (2 so far)" in same_scores.needs
    shown = _alliance([HIGH, LOW, MID] * 2)
    assert shown.chip in ("Tentative", "Consistent") and len(shown.numbers) == 3
    assert shown.numbers[0].startswith("Check-ins scoring ")
    assert shown.caveats == CAVEATS


def test_panel_lists_every_insight_with_chips_and_hides_numbers_below_thresholds(qtbot):
    half = [(FULL, True, False)] * 4 + [(THREE_USE, False, True)] * 2
    data, as_of = weeks_journal(half + half)
    panel = InsightsPanel()
    qtbot.addWidget(panel)
    panel.set_insights(
        compute_insights(
            DayCalendar.from_journal(data, as_of),
            meeting_events(data, as_of),
            two_way_contacts(data, as_of),
            data.checkins,
        )
    )
    panel.show()
    cards = {card.content.id: card for card in panel.cards}
    assert [c.chip.text() for c in cards.values()] == ["Consistent", "Consistent", "Too early"]
    assert len(cards["meetings"].numbers) == 4 and cards["meetings"].caveats.isVisible()
    assert cards["alliance"].numbers == [] and not cards["alliance"].caveats.isVisible()
    assert cards["alliance"].needs.isVisible()
    assert cards["meetings"].accessibleName() == "Meetings and your days: Consistent"
    assert "not what causes what" in cards["meetings"].accessibleDescription()

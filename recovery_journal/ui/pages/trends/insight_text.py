"""What an insight card says: its title, label chip, numbers, what it still needs, caveats.

Plain data, no Qt, so every threshold and label can be tested quickly. The figures come from
``domain.insights``; this module only puts them into words (percentages as whole numbers).
No numbers are shown for an insight below its threshold: only what more data it needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from recovery_journal.domain.formatting import format_percent, format_score
from recovery_journal.domain.insights import (
    CONSISTENT,
    NOTHING_TO_COMPARE,
    TENTATIVE,
    TOO_EARLY,
    Insight,
)

TITLES = {
    "meetings": "Meetings and your days",
    "sponsor_contact": "Sponsor contact and your days",
    "alliance": "Your sponsor relationship and the month after",
    "network": "The people around you and your days",
}
CHIPS = {
    TOO_EARLY: "Too early",
    TENTATIVE: "Tentative",
    CONSISTENT: "Consistent",
    NOTHING_TO_COMPARE: "Nothing to compare",
}
CHIP_HELP = {
    TOO_EARLY: "Not enough weeks recorded yet to say anything.",
    TENTATIVE: "An early pattern that may change as you record more.",
    CONSISTENT: "The pattern pointed the same way in your earlier and later records.",
    NOTHING_TO_COMPARE: "Nearly every week was abstinent, so there is nothing to compare.",
}
_GROUP_WORDS = {
    "meetings": ("Weeks with a meeting", "Weeks without a meeting", "weeks with a meeting"),
    "sponsor_contact": (
        "Weeks with two-way sponsor contact",
        "Weeks without",
        "weeks with contact",
    ),
    "network": (
        "Weeks when more of the people around you supported your recovery",
        "Other weeks",
        "those weeks",
    ),
}


@dataclass(frozen=True, slots=True)
class InsightContent:
    id: str
    title: str
    label: str
    chip: str
    chip_help: str
    text: str
    numbers: tuple[str, ...]  # one line per figure; empty below the threshold
    needs: str  # what more data it needs (too early only)
    caveats: tuple[str, ...]  # shown with every comparison that is made

    @property
    def shows_comparison(self) -> bool:
        return self.label in (TENTATIVE, CONSISTENT)


def _points(value: float) -> str:
    """A difference of percentages as whole "percentage points", halves rounded up."""
    return format_percent(abs(value))[:-1]


def _difference(value: float, more: str, less: str) -> str:
    if format_percent(abs(value)) == "0%":
        return "Difference: about the same"
    direction = more if value > 0 else less
    points = _points(value)
    unit = "percentage point" if points == "1" else "percentage points"
    return f"Difference: {points} {unit} {direction}"


def _comparison_numbers(insight: Insight) -> tuple[str, ...]:
    n = insight.numbers
    with_words, without_words, group = _GROUP_WORDS[insight.id]
    mean_with, mean_without, diff = n["mean_pda_with"], n["mean_pda_without"], n["difference"]
    if mean_with is None or mean_without is None or diff is None:
        return ()
    return (
        f"{with_words}: {n['weeks_with']} · on average {format_percent(mean_with)} of recorded "
        "days abstinent",
        f"{without_words}: {n['weeks_without']} · on average {format_percent(mean_without)}",
        _difference(diff, f"higher in {group}", f"lower in {group}"),
        f"Weeks with at least 5 days filled in: {n['weeks_eligible']}",
    )


def _alliance_numbers(insight: Insight) -> tuple[str, ...]:
    n = insight.numbers
    cut, higher, lower = n["cut_score"], n["mean_pda_higher"], n["mean_pda_lower"]
    diff = n["difference"]
    if cut is None or higher is None or lower is None or diff is None:
        return ()
    return (
        f"Check-ins scoring {format_score(float(cut))} or more: {n['checkins_higher']} · the next "
        f"30 days were on average {format_percent(higher)} abstinent",
        f"Lower-scoring check-ins: {n['checkins_lower']} · on average {format_percent(lower)}",
        _difference(diff, "higher after higher scores", "lower after higher scores"),
    )


def insight_content(insight: Insight) -> InsightContent:
    numbers: tuple[str, ...] = ()
    if insight.label in (TENTATIVE, CONSISTENT):
        numbers = (
            _alliance_numbers(insight) if insight.id == "alliance" else _comparison_numbers(insight)
        )
    return InsightContent(
        id=insight.id,
        title=TITLES.get(insight.id, insight.id.replace("_", " ").capitalize()),
        label=insight.label,
        chip=CHIPS.get(insight.label, insight.label.replace("_", " ").capitalize()),
        chip_help=CHIP_HELP.get(insight.label, ""),
        text=insight.text,
        numbers=numbers,
        needs=(insight.needs or "") if insight.label == TOO_EARLY else "",
        caveats=tuple(insight.caveats) if insight.label != TOO_EARLY else (),
    )

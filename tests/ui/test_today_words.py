"""Today's words from the measures: coverage, ranges, singulars, and no judging words."""

from __future__ import annotations

import datetime as dt

from recovery_journal.domain.models import DayRecord, DayStatus, JournalData, Settings
from recovery_journal.domain.stats import compute_stats
from recovery_journal.ui.common import pda_words
from recovery_journal.ui.pages.today import texts

AS_OF = dt.date(2026, 3, 31)
JUDGING = ("relapse", "failure", "failed", "streak", "broke", "lost")


def _journal(statuses: dict[int, DayStatus], start_days_ago: int | None = None) -> JournalData:
    settings = Settings(
        tracking_start=None if start_days_ago is None else AS_OF - dt.timedelta(days=start_days_ago)
    )
    days = tuple(
        DayRecord(date=AS_OF - dt.timedelta(days=ago), status=status)
        for ago, status in sorted(statuses.items(), reverse=True)
    )
    return JournalData(settings=settings, days=days)


def _all_words(*cards: texts.CardText) -> str:
    return "\n".join(f"{c.title} {c.value} {' '.join(c.lines)}" for c in cards).lower()


def test_an_empty_journal_says_how_it_starts():
    stats = compute_stats(JournalData(), AS_OF)
    run = texts.run_card(stats, AS_OF)
    assert run.value == "Nothing recorded yet"
    assert run.lines == [
        "Already some days in? Set your sobriety date in Settings, or fill in past days in the "
        "Calendar."
    ]
    assert run.title == "Days without using"
    assert texts.abstinence_card(stats).value == "—"


def test_enough_days_recorded_gives_one_figure_with_its_coverage():
    statuses = dict.fromkeys(range(30), DayStatus.ABSTINENT)
    statuses[3] = DayStatus.USED
    statuses[10] = DayStatus.UNKNOWN
    stats = compute_stats(_journal(statuses), AS_OF)
    card = texts.abstinence_card(stats)
    assert card.value == "97%"  # 28 of 29 recorded days
    assert card.lines == ["Last 30 days: 97% (29 of 30 days recorded)"]
    assert "PDA" in card.tooltip and "PDA" not in card.value + " ".join(card.lines)


def test_too_few_days_recorded_shows_the_range_and_the_days_to_fill_in():
    statuses = dict.fromkeys(range(0, 20), DayStatus.ABSTINENT)
    stats = compute_stats(_journal(statuses, start_days_ago=29), AS_OF)
    card = texts.abstinence_card(stats)
    assert card.value == "67%–100%"
    assert card.lines == [
        "Last 30 days: not enough days recorded for one number yet — between 67% and 100%.",
        "10 days aren't filled in yet — you can add them from the Calendar when you're ready.",
    ]


def test_a_short_start_is_named_and_one_missing_day_is_singular():
    statuses = dict.fromkeys(range(1, 4), DayStatus.ABSTINENT)
    stats = compute_stats(_journal(statuses, start_days_ago=3), AS_OF)  # 3 of 4 days: 75%
    assert pda_words.window_line(stats.pda["30"], 30) == [
        "Since you started (4 days): 3 days recorded so far — every day you add makes this "
        "clearer.",
        "1 day isn't filled in yet — you can add it from the Calendar when you're ready.",
    ]


def test_a_used_today_is_a_new_start_and_keeps_the_longest_run():
    statuses = dict.fromkeys(range(1, 41), DayStatus.ABSTINENT)
    statuses[0] = DayStatus.USED
    stats = compute_stats(_journal(statuses), AS_OF)
    run = texts.run_card(stats, AS_OF)
    assert run.value == "A new start"
    assert any(line.startswith("Your longest time without using: 40 days") for line in run.lines)
    record = DayRecord(date=AS_OF, status=DayStatus.USED)
    shown = texts.prompt(record, stats, AS_OF, run_before=40)
    assert shown is not None
    assert shown.title == "Thank you for recording today honestly"
    assert shown.text == (
        "40 of the 41 days you recorded in the last 90 days were abstinent — that is still "
        f"yours. {texts.TOLERANCE_NOTE} Would it help to talk to someone?"
    )
    for word in JUDGING:
        assert word not in _all_words(run) + f"{shown.title} {shown.text}".lower()


def test_no_tolerance_note_after_a_short_run_and_no_zero_count():
    stats = compute_stats(_journal({0: DayStatus.USED}), AS_OF)
    record = DayRecord(date=AS_OF, status=DayStatus.USED)
    shown = texts.prompt(record, stats, AS_OF, run_before=3)
    assert shown == texts.PromptText(
        "Thank you for recording today honestly", "Would it help to talk to someone?"
    )


def test_cravings_and_confidence_prompt_at_their_thresholds():
    stats = compute_stats(_journal({0: DayStatus.ABSTINENT}), AS_OF)

    def prompts(craving, confidence):
        day = DayRecord(AS_OF, DayStatus.ABSTINENT, craving=craving, confidence=confidence)
        shown = texts.prompt(day, stats, AS_OF, 0)
        return None if shown is None else shown.text

    question = " " + texts.QUESTION
    assert prompts(7, 3) is None
    assert prompts(8, 3) == texts.CRAVING_PROMPT + question
    assert prompts(None, 2) == texts.CONFIDENCE_PROMPT + question
    assert prompts(10, 0) == texts.BOTH_PROMPT + question  # one question, never two


def test_the_sponsor_card_counts_days_kindly():
    stats = compute_stats(JournalData(), AS_OF)
    assert texts.sponsor_card(stats, has_sponsor=False).value == "Not yet"
    assert "When you have a sponsor" in texts.sponsor_card(stats, False).lines[0]


def test_a_first_day_used_is_not_headlined_as_a_percentage():
    stats = compute_stats(_journal({0: DayStatus.USED}), AS_OF)
    card = texts.abstinence_card(stats)
    assert "%" not in card.value + " ".join(card.lines)
    assert card.lines == [
        "Since you started (1 day): 1 day recorded so far — every day you add makes this clearer."
    ]


def _with_sobriety(statuses: dict[int, DayStatus], sobriety_days_ago: int) -> JournalData:
    data = _journal(statuses)
    settings = Settings(sobriety_date=AS_OF - dt.timedelta(days=sobriety_days_ago))
    return JournalData(settings=settings, days=data.days)


def test_the_sobriety_date_shows_no_second_number_when_the_run_began_on_it():
    statuses = dict.fromkeys(range(0, 10), DayStatus.ABSTINENT)
    run = texts.run_card(compute_stats(_with_sobriety(statuses, 9), AS_OF), AS_OF)
    assert run.value == "10 days"
    assert "Since your sobriety date, 22 March 2026." in run.lines
    assert not any("9 days" in line for line in run.lines)

    statuses[5] = DayStatus.USED  # the run began after the sobriety date: both numbers
    run = texts.run_card(compute_stats(_with_sobriety(statuses, 9), AS_OF), AS_OF)
    assert run.value == "5 days"
    assert "Since your sobriety date (22 March 2026): 9 days." in run.lines


def test_one_day_is_singular():
    stats = compute_stats(_journal({0: DayStatus.ABSTINENT}), AS_OF)
    assert texts.run_card(stats, AS_OF).value == "1 day"

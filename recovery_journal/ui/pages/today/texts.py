"""The words on Today's figure cards and prompts, built from the domain's measures.

No Qt here, and no arithmetic on measures: every number comes from ``compute_stats`` (or the
domain function named next to it) and is only put into words (UI.md "Words").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from recovery_journal.domain.formatting import format_percent, long_date, plural
from recovery_journal.domain.milestones import Milestone
from recovery_journal.domain.models import CallListPerson, DayRecord
from recovery_journal.domain.pda import headline
from recovery_journal.domain.safety import day_prompt
from recovery_journal.domain.stats import Stats
from recovery_journal.ui.common.pda_words import FEW_DAYS, window_line

PDA_TOOLTIP = (
    "Days abstinent (percent days abstinent, PDA): of the days you recorded, the share on "
    "which you didn't use. Days not filled in are left out, never guessed."
)


@dataclass(frozen=True, slots=True)
class CardText:
    title: str
    value: str
    lines: list[str] = field(default_factory=list)
    tooltip: str = ""


def _milestone_line(prefix: str, milestone: Milestone | None, today: dt.date) -> str | None:
    if milestone is None:
        return None
    to_go = (milestone.date - today).days
    when = (
        "tomorrow"
        if to_go == 1
        else f"{long_date(milestone.date, weekday=True, year=False)} ({plural(to_go, 'day')} to go)"
    )
    return f"{prefix}: {milestone.label}, {when}"


#: What the current run is called on every screen.
RUN_NAME = "Days without using"

FRESH_HINT = (
    "Already some days in? Set your sobriety date in Settings, or fill in past days in the "
    "Calendar."
)


def run_card(stats: Stats, today: dt.date) -> CardText:
    """Days without using (the current run) and the next milestone; the sobriety date too."""
    runs = stats.runs
    current = runs.current
    lines: list[str] = []
    if stats.tracking_start is None or stats.tracking_start > today:
        value = "Nothing recorded yet"
        lines.append(FRESH_HINT)
    elif current.days == 0:
        value = "A new start"
        lines.append("You recorded use today. Tomorrow can be day 1 again.")
    else:
        value = plural(current.days, "day")
        if current.unverified_days:
            n = current.unverified_days
            lines.append(
                "1 of these days isn't filled in yet."
                if n == 1
                else f"{n} of these days aren't filled in yet."
            )
        line = _milestone_line("Next milestone", stats.next_run_milestone, today)
        if line:
            lines.append(line)
    longest = runs.longest
    if longest.days > current.days and longest.start and longest.end:
        lines.append(
            f"Your longest time without using: {plural(longest.days, 'day')} "
            f"({long_date(longest.start)} – {long_date(longest.end)})."
        )
    sobriety = stats.sobriety
    if sobriety is not None:
        when = long_date(sobriety.sobriety_date)
        if sobriety.days is None:
            lines.append(f"Your sobriety date, {when}, is ahead.")
        elif current.days > 0 and current.start == sobriety.sobriety_date:
            # The same stretch of days: one number only (the count above is inclusive, the
            # sobriety counter counts completed days, so they differ by one).
            lines.append(f"Since your sobriety date, {when}.")
        else:
            lines.append(f"Since your sobriety date ({when}): {plural(sobriety.days, 'day')}.")
    return CardText(
        RUN_NAME,
        value,
        lines,
        "Days without using counts the days since you last recorded use, including today. "
        "Days you haven't filled in don't break the count unless you choose so in Settings.",
    )


def abstinence_card(stats: Stats) -> CardText:
    last30, last90 = stats.pda["30"], stats.pda["90"]
    if last30.days == 0:
        return CardText(
            "Days abstinent",
            "—",
            ["Nothing recorded yet. Your figures start with the first day you record."],
            PDA_TOOLTIP,
        )
    figure = headline(last30)
    if last30.known < FEW_DAYS:
        value = "Getting started"
    elif figure is not None:
        value = format_percent(figure)
    elif last30.pda_low is not None and last30.pda_high is not None:
        value = f"{format_percent(last30.pda_low)}–{format_percent(last30.pda_high)}"
    else:
        value = "—"
    lines = window_line(last30, 30)
    if (last90.start, last90.days) != (last30.start, last30.days):
        lines += [line for line in window_line(last90, 90) if line not in lines]
    return CardText("Days abstinent", value, lines, PDA_TOOLTIP)


def meetings_card(stats: Stats, this_week: int) -> CardText:
    attendance = stats.attendance
    value = (
        "None yet"
        if this_week == 0
        else ("1 meeting" if this_week == 1 else f"{this_week} meetings")
    )
    lines = [
        "This week meets the one-a-week mark." if this_week else "No meeting logged yet this week.",
        "In studies, going at least once a week went with more days abstinent.",
    ]
    if attendance.weeks_at_threshold_pct_12 is not None:
        lines.append(
            "Weeks with a meeting, last 12 weeks: "
            f"{format_percent(attendance.weeks_at_threshold_pct_12)}"
        )
    return CardText(
        "Meetings this week",
        value,
        lines,
        "Meetings you logged in this calendar week, against one a week.",
    )


def sponsor_card(stats: Stats, has_sponsor: bool) -> CardText:
    contacts = stats.contacts
    since = contacts.days_since_contact
    if since is None:
        value = "Not yet"
        lines = [
            "No two-way contact with a sponsor logged yet."
            if has_sponsor
            else "When you have a sponsor, you can log your contacts with them here."
        ]
    else:
        value = {0: "Today", 1: "Yesterday"}.get(since, f"{since} days ago")
        lines = [f"Two-way contacts in the last 30 days: {contacts.contacts_30}"]
    return CardText(
        "Last in touch with your sponsor",
        value,
        lines,
        "Only two-way contacts count here: a call or a visit, or messages back and forth. "
        "A message with no answer doesn't.",
    )


# -- prompts (MEASURES §9) ------------------------------------------------------------------------


QUESTION = "Would it help to talk to someone?"


@dataclass(frozen=True, slots=True)
class PromptText:
    """One gentle banner: a title and a paragraph that asks one question, once."""

    title: str
    text: str


def used_day_thanks(day: DayRecord, today: dt.date) -> str:
    when = "today" if day.date == today else "this day"
    return f"Thank you for recording {when} honestly"


def still_yours(stats: Stats) -> str:
    """The abstinent days of the last 90 that a used day doesn't take away ("" when none)."""
    window = stats.pda["90"]
    if window.abstinent <= 0:
        return ""
    return (
        f"{window.abstinent} of the {window.known} days you recorded in the last 90 days were "
        "abstinent — that is still yours."
    )


TOLERANCE_NOTE = (
    "For your safety: after a week or more without using, tolerance is lower, so a usual "
    "amount can be dangerous now. If you do use, please don't use alone."
)

CRAVING_PROMPT = "That was a strong craving. Cravings are hard, and they do pass."

CONFIDENCE_PROMPT = "It sounds like today feels shaky. You don't have to carry it alone."

BOTH_PROMPT = (
    "A strong craving, and today feels shaky. Cravings are hard, and they do pass; you don't "
    "have to carry it alone."
)


def prompt(
    day: DayRecord,
    stats: Stats,
    today: dt.date,
    run_before: int,
    people: tuple[CallListPerson, ...] = (),
) -> PromptText | None:
    """The one banner to show after this day's record, if any (which one is the domain's
    ``safety.day_prompt``). ``run_before`` is the run of days without use that ended the day
    before (the domain's ``runs.run_before``)."""
    due = day_prompt(day, run_before)
    if due is None:
        return None
    if due.used:
        title = used_day_thanks(day, today)
        parts = [line for line in (still_yours(stats),) if line]
        if due.tolerance:
            parts.append(TOLERANCE_NOTE)
    else:
        title = "If today is hard"
        if due.high_craving and due.low_confidence:
            parts = [BOTH_PROMPT]
        else:
            parts = [CRAVING_PROMPT if due.high_craving else CONFIDENCE_PROMPT]
    parts.append(QUESTION)
    text = " ".join(parts)
    people_line = call_list_line(people, limit=2)  # everyone is one click away
    if people_line:
        text += "\n" + people_line
    return PromptText(title, text)


def call_list_line(people: tuple[CallListPerson, ...], limit: int = 3) -> str:
    shown = [p for p in people if p.phone][:limit]
    if not shown:
        return ""
    parts = [f"{p.name} ({p.role}): {p.phone}" if p.role else f"{p.name}: {p.phone}" for p in shown]
    return "Your call list: " + "; ".join(parts) + "."


def sobriety_offer_text(sobriety_date: dt.date, used_on: dt.date) -> str:
    new = used_on + dt.timedelta(days=1)
    return (
        f"Your sobriety date is {long_date(sobriety_date)}, and you recorded use on "
        f"{long_date(used_on)}. Would you like to move your sobriety date to {long_date(new)}? "
        "Your earlier days stay in your journal either way, and so does your longest run."
    )

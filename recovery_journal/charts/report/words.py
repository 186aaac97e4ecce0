"""The words of a review, shared by the PDF report and the review screen (UI.md "Words").

Plain, warm, second person. On screen and on the cover "days abstinent", never "PDA"; the
abbreviation appears only in the report's glossary. Every figure is formatted from the
domain's numbers with ``format_percent`` and ``charts.words.whole`` (relationship scores as whole
numbers, halves up; the data keep one decimal); nothing is computed here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from recovery_journal.charts.report.content import ReportContent
from recovery_journal.charts.words import long_date, plural, short_date, whole
from recovery_journal.domain.formatting import format_percent
from recovery_journal.domain.pda import PdaWindow, headline
from recovery_journal.domain.review import MilestoneReached, WeekRow, WeeksMeeting

NOT_CLINICAL = "This is a personal journal, not a clinical record."
NOT_ENCRYPTED = (
    "This report is not encrypted. Anyone who gets the file or the paper can read it, so keep "
    "it somewhere private and delete it when you no longer need it."
)
DASH = "–"


@dataclass(frozen=True, slots=True)
class Card:
    """One summary card: a short title, the figure in large type and a line of detail."""

    key: str
    title: str
    value: str
    detail: str


def days_abstinent(window: PdaWindow) -> str:
    """``96%``; a range ``80%–95%`` when fewer than 8 in 10 days are recorded; ``—`` for none."""
    value = headline(window)
    if value is not None:
        return format_percent(value)
    if window.days == 0 or window.pda_low is None or window.pda_high is None:
        return "—"
    return f"{format_percent(window.pda_low)}{DASH}{format_percent(window.pda_high)}"


def recorded(window: PdaWindow) -> str:
    """``86 of 90 days recorded``."""
    return f"{window.known} of {plural(window.days, 'day')} recorded"


def _weeks_value(weeks: WeeksMeeting) -> str:
    return f"{weeks.met} of {plural(weeks.weeks, 'week')}"


def _percent_or_dash(value: float | None) -> str:
    return "—" if value is None else format_percent(value)


def _sentence(text: str) -> str:
    """First letter in capitals, the rest untouched (``str.capitalize`` would lower "May")."""
    return text[:1].upper() + text[1:]


def run_card(content: ReportContent) -> Card:
    run = content.stats.runs.current
    end = content.as_of
    if content.tracking_start is None or content.tracking_start > end:
        return Card("run", "Current run", "—", "Nothing recorded yet.")
    if run.days and run.start is not None:
        detail = f"Since {short_date(run.start)}"
        if run.unverified_days:
            detail += f", with {plural(run.unverified_days, 'day')} not filled in"
        detail += "."
    else:
        detail = "A new run begins tomorrow; what you recorded is still yours."
    sobriety = content.stats.sobriety
    if sobriety is not None and sobriety.days is not None:
        detail += f" {plural(sobriety.days, 'day')} since your sobriety date."
    return Card("run", "Current run", plural(run.days, "day"), detail)


def abstinent_card(content: ReportContent) -> Card:
    window = content.window
    if window.days == 0 or window.known == 0:
        return Card("abstinent", "Days abstinent", "—", "No days recorded in this period yet.")
    if headline(window) is not None:
        detail = f"Of the days you recorded ({recorded(window)})."
    else:
        detail = (
            f"Fewer than 8 in 10 days are recorded ({recorded(window)}), so this is the "
            "possible range."
        )
    return Card("abstinent", "Days abstinent", days_abstinent(window), detail)


def meetings_card(content: ReportContent) -> Card:
    weeks = content.meeting_weeks
    count = plural(content.meetings, "meeting")
    if weeks.weeks == 0:
        return Card(
            "meetings",
            "Meetings",
            str(content.meetings),
            f"{_sentence(count)} in this period. No complete week yet to count meetings in.",
        )
    return Card(
        "meetings",
        "Weeks with a meeting",
        _weeks_value(weeks),
        f"Complete weeks with at least 1 meeting ({_percent_or_dash(weeks.percent)}). "
        f"{_sentence(count)} in this period.",
    )


def contacts_card(content: ReportContent) -> Card:
    since = content.stats.contacts.days_since_contact
    detail = "Two-way contacts in this period."
    if since is None:
        detail += " No two-way contact recorded yet."
    else:
        latest = content.as_of - dt.timedelta(days=since)
        detail += f" Latest: {short_date(latest)}."
    weeks = content.contact_weeks
    if weeks.weeks:
        detail += f" {weeks.met} of {plural(weeks.weeks, 'complete week')} had one."
    return Card("contacts", "Sponsor contact", str(content.contacts), detail)


def relationship_card(content: ReportContent) -> Card:
    alliance = content.stats.alliance
    if alliance.date is None:
        return Card("relationship", "Sponsor relationship", "—", "No relationship check-in yet.")
    if alliance.score is None:
        return Card(
            "relationship",
            "Sponsor relationship",
            "—",
            f"Fewer than 6 of the 8 questions were answered on {short_date(alliance.date)}.",
        )
    detail = f"Out of 100, from your check-in on {short_date(alliance.date)}"
    if alliance.previous_score is not None:
        detail += f" (the one before: {whole(alliance.previous_score)})"
    return Card("relationship", "Sponsor relationship", whole(alliance.score), detail + ".")


def milestones_card(content: ReportContent) -> Card:
    upcoming = next_milestone_text(content)
    after = f" {upcoming}." if upcoming else ""
    if not content.milestones:
        return Card("milestones", "Milestones", "—", f"No milestones in this period.{after}")
    latest = content.milestones[-1]
    detail = f"Reached on {short_date(latest.milestone.date)}"
    others = len(content.milestones) - 1
    if others:
        detail += f", and {others} more in this period"
    return Card("milestones", "Latest milestone", latest.milestone.label, f"{detail}.{after}")


def summary_cards(content: ReportContent) -> tuple[Card, ...]:
    """The six cards of the cover and the review screen, in reading order."""
    return (
        run_card(content),
        abstinent_card(content),
        meetings_card(content),
        contacts_card(content),
        relationship_card(content),
        milestones_card(content),
    )


# --- milestones -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class MilestoneGroup:
    """Milestones counted from one start: ``title`` says which, ``lines`` list them."""

    title: str
    lines: tuple[str, ...]


def _group_title(reached: MilestoneReached) -> str:
    if reached.source == "sobriety":
        return f"Since your sobriety date, {long_date(reached.run_start)}"
    if reached.run_end is None:
        return f"Your current run, since {long_date(reached.run_start)}"
    return f"The run from {long_date(reached.run_start)} to {long_date(reached.run_end)}"


def _group_order(reached: MilestoneReached) -> tuple[int, dt.date]:
    if reached.source == "run" and reached.run_end is None:
        return 0, reached.run_start
    if reached.source == "sobriety":
        return 1, reached.run_start
    return 2, reached.run_start


def milestone_groups(content: ReportContent) -> list[MilestoneGroup]:
    """Milestones of the period grouped by what they count from: the current run first, then
    the sobriety date, then runs that ended in the period (each still counts)."""
    groups: dict[str, tuple[tuple[int, dt.date], list[str]]] = {}
    for reached in content.milestones:
        title = _group_title(reached)
        line = f"{reached.milestone.label} — {long_date(reached.milestone.date)}"
        groups.setdefault(title, (_group_order(reached), []))[1].append(line)
    ordered = sorted(groups.items(), key=lambda item: item[1][0])
    return [MilestoneGroup(title, tuple(lines)) for title, (_, lines) in ordered]


def next_milestone_text(content: ReportContent) -> str:
    """``Next: 6 months on 15 July 2026`` for the current run, or ``""``."""
    upcoming = content.stats.next_run_milestone
    run = content.stats.runs.current
    if upcoming is None or not run.days:
        return ""
    return f"Next: {upcoming.label} on {long_date(upcoming.date)}"


# --- weeks ----------------------------------------------------------------------------------
#: Column headings of the week-by-week table, each in two short lines.
WEEK_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Week", "starting"),
    ("Days", "counted"),
    ("", "Abstinent"),
    ("", "Used"),
    ("Not", "filled in"),
    ("Days", "abstinent"),
    ("", "Meetings"),
    ("Sponsor", "contacts"),
)


def week_label(row: WeekRow) -> str:
    """``3 Mar 2026``, with ``(so far)`` for the week still going."""
    text = short_date(row.week)
    if not row.complete:
        text += " (so far)"
    return text


def week_cells(row: WeekRow) -> tuple[str, ...]:
    """One table row, in the order of :data:`WEEK_COLUMNS`."""
    w = row.window
    return (
        week_label(row),
        str(w.days),
        str(w.abstinent),
        str(w.used),
        str(w.unknown),
        days_abstinent(w),
        str(row.meetings),
        str(row.contacts),
    )


def weeks_note(content: ReportContent) -> str:
    first_day = "Monday" if content.week_start == "monday" else "Sunday"
    last_day = "Sunday" if content.week_start == "monday" else "Saturday"
    return (
        f"Weeks run {first_day} to {last_day}, so the first week may begin before the period. "
        "“Days abstinent” is the share of recorded days; a range means fewer than 8 in 10 days "
        "of that week are recorded. Meetings count every meeting; sponsor contacts count "
        "two-way contacts only."
    )


def notes_sentence(content: ReportContent) -> str:
    if content.include_notes:
        return "You chose to include your notes and journal text in this review."
    return "Your notes and journal text are not included."


GLOSSARY: tuple[tuple[str, str], ...] = (
    (
        "Days abstinent (PDA)",
        "Percent days abstinent: of the days you recorded, the share you recorded as "
        "abstinent. Days not filled in are left out. When fewer than 8 in 10 days are "
        "recorded there is no single figure: the range runs from every unrecorded day counted "
        "as a day with use to every one counted as abstinent.",
    ),
    (
        "Days recorded",
        "The days you filled in (abstinent or used) out of the days in the period, from the "
        "day you started recording.",
    ),
    (
        "Current run",
        "The days since the last day with use (or since you started recording), up to the end "
        "of the period. Days not filled in don't end a run; they are counted as not filled in.",
    ),
    (
        "Weeks with a meeting",
        "Complete weeks with at least one meeting, the once-a-week threshold seen in research "
        "on mutual-help groups. The week still going is not counted yet.",
    ),
    (
        "Two-way contact",
        "A call, visit, video call or text conversation in which you and your sponsor were "
        "both in touch. A message that got no answer is shown but not counted.",
    ),
    (
        "Sponsor relationship",
        "Your own rating in the relationship check-in: eight statements about feeling cared "
        "for, respect, shared goals and working together, scored 0 to 100 (shown as a whole "
        "number). The wording is the app's own; it is not a "
        "validated questionnaire.",
    ),
    (
        "Milestones",
        "1, 7, 30, 60 and 90 days; 6 and 9 months; 1 year, 18 months, then every year — "
        "counted from the start of a run and from your sobriety date.",
    ),
)

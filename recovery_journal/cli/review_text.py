"""A received review in words, for ``review-file open``: the same cards, milestones, talking
points and notes as the Sponsees view, rebuilt with the same code."""

from __future__ import annotations

from typing import Any

from recovery_journal.charts.report.content import gather_report
from recovery_journal.charts.report.period import ReportPeriod
from recovery_journal.charts.report.words import (
    milestone_groups,
    next_milestone_text,
    summary_cards,
)
from recovery_journal.charts.words import long_date
from recovery_journal.domain.formatting import printable


def review_text(review: Any) -> str:
    period = ReportPeriod(review.start, review.end, review.kind, review.label, review.note)
    content = gather_report(review.data, period, include_notes=review.parts.notes)
    made = review.made_at.astimezone()
    lines = [
        f"Review from {printable(review.name)} (their own words and figures, as they see them)",
        f"{period.title}. Made {long_date(made.date())} at {made:%H:%M}.",
        "",
    ]
    for card in summary_cards(content):
        lines.append(f"{card.title}: {card.value} — {card.detail}")
    lines += ["", "Milestones in this period:"]
    groups = milestone_groups(content)
    for group in groups:
        lines.append(f"  {group.title}")
        lines += [f"    • {line}" for line in group.lines]
    if not groups:
        lines.append("  None.")
    upcoming = next_milestone_text(content)
    if upcoming:
        lines.append(f"  {upcoming}.")
    if review.talking_points:
        lines += ["", "Things they want to talk about:", content.talking_points]
    if review.parts.notes:
        lines += ["", "Their notes and journal:"]
        lines += [f"  {long_date(n.date)} — {n.text}" for n in content.day_notes]
        for entry in content.journal:
            lines.append(f"  {long_date(entry.date)} — {entry.title}".rstrip(" —"))
            lines.append(f"    {entry.body}")
    left_out = [
        what
        for what, shared in (
            ("meetings", review.parts.meetings),
            ("sponsor contacts", review.parts.contacts),
            ("relationship check-ins", review.parts.checkins),
        )
        if not shared
    ]
    if left_out:
        lines += ["", f"Not shared in this review: {', '.join(left_out)}."]
    return "\n".join(lines)

"""``stats [--as-of DATE] [--json]``: every measure of MEASURES.md as of a date."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from recovery_journal.cli.context import CliContext, parse_date
from recovery_journal.domain.formatting import format_percent, format_score, plural
from recovery_journal.domain.pda import PdaWindow, headline
from recovery_journal.domain.stats import Stats, compute_stats, stats_to_json

Register = Callable[[argparse.ArgumentParser], None]
INSIGHT_TOPICS = {
    "meetings": "Meetings",
    "sponsor_contact": "Sponsor contact",
    "alliance": "Sponsor relationship",
    "network": "The people around you",
}
WINDOW_NAMES = {"30": "last 30 days", "90": "last 90 days", "365": "last 365 days", "all": "all"}


def register(commands: Any, add_globals: Register) -> None:
    stats = commands.add_parser(
        "stats",
        help="your figures as of a date",
        description=(
            "Days abstinent, runs, meetings, sponsor contact and the relationship score, as "
            "defined in MEASURES.md. --json gives the stable machine-readable form."
        ),
    )
    stats.add_argument("--as-of", type=parse_date, metavar="DATE", help="default: today")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(handler=cmd_stats)
    add_globals(stats)


def cmd_stats(args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.cli.vault_commands import open_session

    session = open_session(ctx)
    try:
        data = session.data()
    finally:
        session.close()
    stats = compute_stats(data, args.as_of or ctx.today)
    if args.json:
        print(json.dumps(stats_to_json(stats), indent=2, ensure_ascii=False), file=ctx.out)
    else:
        print(render_stats(stats), file=ctx.out)
    return 0


def _pct(value: float | None) -> str:
    return "—" if value is None else format_percent(value)


def _weeks_share(pct_12: float | None, pct_26: float | None = None) -> str:
    if pct_12 is None:
        return "no complete weeks recorded yet"
    text = f"{format_percent(pct_12)} of the last 12 complete weeks"
    if pct_26 is not None:
        text += f", {format_percent(pct_26)} of the last 26"
    return text


def _window_line(window: PdaWindow) -> str:
    if window.days == 0:
        return "nothing recorded yet"
    known = window.abstinent + window.used
    recorded = f"{known} of {window.days} days recorded"
    value = headline(window)
    if value is not None:
        return f"{format_percent(value)}  ({recorded})"
    return (
        f"not enough days recorded: between {_pct(window.pda_low)} and "
        f"{_pct(window.pda_high)}  ({recorded})"
    )


def render_stats(stats: Stats) -> str:
    lines = [f"Your figures as of {stats.as_of.isoformat()}"]
    if stats.tracking_start is None:
        lines.append("Nothing is recorded yet. Log a day to begin.")
        return "\n".join(lines)
    lines[0] += f" (recording since {stats.tracking_start.isoformat()})"
    lines += ["", "Days abstinent"]
    for key, name in WINDOW_NAMES.items():
        lines.append(f"  {name:<14} {_window_line(stats.pda[key])}")
    runs = stats.runs
    current = plural(runs.current.days, "day")
    if runs.current.unverified_days:
        current += f" ({runs.current.unverified_days} of them not filled in yet)"
    lines += ["", f"Days without using: {current}"]
    longest = runs.longest
    if longest.days > runs.current.days and longest.start and longest.end:
        lines.append(
            f"Your longest time without using: {plural(longest.days, 'day')} "
            f"({longest.start.isoformat()} to {longest.end.isoformat()})"
        )
    if stats.next_run_milestone is not None:
        m = stats.next_run_milestone
        lines.append(f"Next milestone: {m.label} on {m.date.isoformat()}")
    if stats.sobriety is not None and stats.sobriety.days is not None:
        lines.append(
            f"Since your sobriety date ({stats.sobriety.sobriety_date.isoformat()}): "
            f"{plural(stats.sobriety.days, 'day')}"
        )
    a = stats.attendance
    lines += [
        "",
        f"Meetings: {a.meetings_7} in the last 7 days, {a.meetings_30} in 30, "
        f"{a.meetings_90} in 90"
        + (f" (on {plural(a.meeting_days_90, 'day')})" if a.meeting_days_90 else ""),
        "  weeks with at least one meeting: "
        + _weeks_share(a.weeks_at_threshold_pct_12, a.weeks_at_threshold_pct_26),
    ]
    if a.strength is not None:
        lines.append(f"  meeting habit strength: {round(a.strength)} of 100")
    c = stats.contacts
    since = (
        "none yet"
        if c.days_since_contact is None
        else "the last one today"
        if c.days_since_contact == 0
        else f"the last one {plural(c.days_since_contact, 'day')} ago"
    )
    lines += [
        "",
        f"Sponsor: {plural(c.contacts_7, 'two-way contact')} in the last 7 days, "
        f"{c.contacts_30} in 30, {c.contacts_90} in 90; {since}",
        "  weeks with a two-way contact: " + _weeks_share(c.weeks_with_contact_pct_12),
    ]
    if stats.alliance.score is not None and stats.alliance.date is not None:
        lines.append(
            f"  sponsor relationship: {format_score(stats.alliance.score)} of 100 "
            f"(check-in on {stats.alliance.date.isoformat()})"
        )
    network = stats.network
    if network is not None and network.now.people:
        now = network.now
        lines += [
            "",
            f"Your network: {plural(now.people, 'person', 'people')}, {now.supportive} "
            f"supporting your recovery, {now.use_linked} drinking or using heavily or making "
            "recovery harder (see: network)",
        ]
    insights = list(stats.insights)
    if network is not None and network.now.people and stats.network_insight is not None:
        insights.append(stats.network_insight)
    if insights:
        lines += ["", "What your own data shows (association, not cause)"]
        for insight in insights:
            topic = INSIGHT_TOPICS.get(insight.id, insight.id)
            lines.append(f"  {topic} ({insight.label.replace('_', ' ')}): {insight.text}")
    if stats.notices:
        lines += ["", "Gentle notices"]
        lines += [f"  {n.text} {n.action}" for n in stats.notices]
    return "\n".join(lines)

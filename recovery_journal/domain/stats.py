"""Every measure as of one date, and its stable JSON shape (DESIGN.md "stats --json keys")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from recovery_journal.domain.alliance import AllianceLatest, alliance_latest
from recovery_journal.domain.attendance import Attendance, meeting_events, summarize_attendance
from recovery_journal.domain.contacts import ContactSummary, summarize_contacts, two_way_contacts
from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.insights import Insight, compute_insights, eligible_weeks
from recovery_journal.domain.milestones import (
    Milestone,
    SobrietyCounter,
    next_milestone,
    run_anchor,
    sobriety_counter,
)
from recovery_journal.domain.models import JournalData
from recovery_journal.domain.network import NetworkSummary, summarize_network
from recovery_journal.domain.network_insight import network_insight
from recovery_journal.domain.notices import Notice, compute_notices
from recovery_journal.domain.pda import PdaWindow, standard_windows
from recovery_journal.domain.runs import (
    PersonalRuleResult,
    RunSummary,
    evaluate_personal_rule,
    point_prevalence,
    summarize_runs,
)

POINT_PREVALENCE_DAYS = (7, 30)


@dataclass(frozen=True, slots=True)
class Stats:
    as_of: dt.date
    tracking_start: dt.date | None
    pda: Mapping[str, PdaWindow]
    runs: RunSummary
    point_prevalence: Mapping[str, bool | None]
    attendance: Attendance
    contacts: ContactSummary
    alliance: AllianceLatest
    insights: tuple[Insight, ...]
    notices: tuple[Notice, ...]
    next_run_milestone: Milestone | None
    sobriety: SobrietyCounter | None
    personal_rule: PersonalRuleResult | None
    network: NetworkSummary | None = None
    network_insight: Insight | None = None


def compute_stats(data: JournalData, as_of: dt.date) -> Stats:
    """Every measure of MEASURES.md as of ``as_of``; records dated after it are ignored."""
    settings = data.settings
    calendar = DayCalendar.from_journal(data, as_of)
    tracking_start = calendar.tracking_start
    meetings = meeting_events(data, as_of)
    contacts = two_way_contacts(data, as_of)
    runs = summarize_runs(calendar, settings.unknown_breaks_runs)
    latest = alliance_latest(data.checkins, as_of)
    rule = None
    if settings.personal_rule_use_days and settings.personal_rule_window_days:
        rule = evaluate_personal_rule(
            calendar, settings.personal_rule_use_days, settings.personal_rule_window_days
        )
    return Stats(
        as_of=as_of,
        tracking_start=tracking_start,
        pda=standard_windows(calendar),
        runs=runs,
        point_prevalence={str(n): point_prevalence(calendar, n) for n in POINT_PREVALENCE_DAYS},
        attendance=summarize_attendance(meetings, tracking_start),
        contacts=summarize_contacts(contacts, tracking_start),
        alliance=latest,
        insights=tuple(compute_insights(calendar, meetings, contacts, data.checkins)),
        notices=tuple(compute_notices(data, meetings, contacts, tracking_start, latest)),
        next_run_milestone=(
            next_milestone(run_anchor(as_of, runs.current.days), as_of, first_day_counts=True)
            if calendar.first_day is not None
            else None
        ),
        sobriety=(
            sobriety_counter(calendar, settings.sobriety_date)
            if settings.sobriety_date is not None
            else None
        ),
        personal_rule=rule,
        network=summarize_network(data.person_entries, as_of),
        network_insight=network_insight(
            eligible_weeks(calendar, meetings, contacts), data.person_entries
        ),
    )


def _iso(date: dt.date | None) -> str | None:
    return None if date is None else date.isoformat()


def _window_json(window: PdaWindow) -> dict[str, Any]:
    return {
        "start": _iso(window.start),
        "end": window.end.isoformat(),
        "days": window.days,
        "abstinent": window.abstinent,
        "used": window.used,
        "unknown": window.unknown,
        "coverage": window.coverage,
        "pda_observed": window.pda_observed,
        "pda_low": window.pda_low,
        "pda_high": window.pda_high,
    }


def _milestone_json(milestone: Milestone | None, as_of: dt.date) -> dict[str, Any] | None:
    if milestone is None:
        return None
    return {
        "label": milestone.label,
        "date": milestone.date.isoformat(),
        "days_to_go": (milestone.date - as_of).days,
    }


def stats_to_json(stats: Stats) -> dict[str, Any]:
    """The stable ``stats --json`` document: ISO dates, unrounded percentages, 0–1 coverage.

    Keys beyond DESIGN.md's list are additions (never renames): ``runs.current_start``,
    ``runs.longest_unverified_days``, ``insights[].needs/caveats`` plus their numbers,
    ``notices[].key/action``, ``milestones``, ``sobriety``, ``personal_rule`` and
    ``network`` (``docs/measures.md``, "Recovery network").
    """
    runs, attendance, contacts = stats.runs, stats.attendance, stats.contacts
    sobriety = stats.sobriety
    rule = stats.personal_rule
    return {
        "as_of": stats.as_of.isoformat(),
        "tracking_start": _iso(stats.tracking_start),
        "pda": {key: _window_json(window) for key, window in stats.pda.items()},
        "runs": {
            "current_days": runs.current.days,
            "current_unverified_days": runs.current.unverified_days,
            "current_start": _iso(runs.current.start),
            "longest_days": runs.longest.days,
            "longest_start": _iso(runs.longest.start),
            "longest_end": _iso(runs.longest.end),
            "longest_unverified_days": runs.longest.unverified_days,
            "last_used": _iso(runs.last_used),
        },
        "point_prevalence": dict(stats.point_prevalence),
        "attendance": {
            "meetings_7": attendance.meetings_7,
            "meetings_30": attendance.meetings_30,
            "meetings_90": attendance.meetings_90,
            "meeting_days_90": attendance.meeting_days_90,
            "weeks_at_threshold_pct_12": attendance.weeks_at_threshold_pct_12,
            "weeks_at_threshold_pct_26": attendance.weeks_at_threshold_pct_26,
            "strength": attendance.strength,
        },
        "sponsor": {
            "contacts_7": contacts.contacts_7,
            "contacts_30": contacts.contacts_30,
            "contacts_90": contacts.contacts_90,
            "days_since_contact": contacts.days_since_contact,
            "weeks_with_contact_pct_12": contacts.weeks_with_contact_pct_12,
            "alliance_latest": stats.alliance.score,
            "alliance_latest_date": _iso(stats.alliance.date),
        },
        "insights": [_insight_json(insight) for insight in stats.insights],
        "notices": [
            {"id": notice.id, "text": notice.text, "action": notice.action, "key": notice.key}
            for notice in stats.notices
        ],
        "milestones": {"next": _milestone_json(stats.next_run_milestone, stats.as_of)},
        "sobriety": None
        if sobriety is None
        else {
            "date": sobriety.sobriety_date.isoformat(),
            "days": sobriety.days,
            "latest_used_since": _iso(sobriety.latest_used_since),
            "next_milestone": _milestone_json(sobriety.next_milestone, stats.as_of),
        },
        "personal_rule": None
        if rule is None
        else {
            "use_days": rule.use_days,
            "window_days": rule.window_days,
            "description": rule.description,
            "use_days_in_window": rule.use_days_in_window,
            "met_now": rule.met_now,
            "last_met_on": _iso(rule.last_met_on),
        },
        "network": network_to_json(stats.network, stats.network_insight),
    }


def _insight_json(insight: Insight) -> dict[str, Any]:
    return {
        "id": insight.id,
        "label": insight.label,
        "text": insight.text,
        "needs": insight.needs,
        "caveats": list(insight.caveats),
        **insight.numbers,
    }


def network_to_json(
    summary: NetworkSummary | None, insight: Insight | None
) -> dict[str, Any] | None:
    """``stats --json``'s ``network`` (``docs/measures.md``, "Recovery network")."""
    if summary is None:
        return None
    now, before = summary.now, summary.before
    return {
        "people": now.people,
        "supportive": now.supportive,
        "abstinent_or_recovery": now.abstinent,
        "use_linked": now.use_linked,
        "supportive_share": now.supportive_share,
        "change_90": {
            "since": before.as_of.isoformat(),
            "added_supportive": summary.added_supportive,
            "people": now.people - before.people,
            "supportive": now.supportive - before.supportive,
            "use_linked": now.use_linked - before.use_linked,
        },
        "insight": None if insight is None else _insight_json(insight),
    }

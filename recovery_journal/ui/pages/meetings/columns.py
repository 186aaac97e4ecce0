"""The columns and filters of the meetings table, in plain words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from recovery_journal.domain.models import Fellowship, Meeting, MeetingFormat
from recovery_journal.ui.common.record_model import (
    Column,
    date_text,
    first_line,
    minutes_text,
    time_text,
    yes_text,
)
from recovery_journal.ui.dialogs.meeting import (
    FELLOWSHIP_LABELS,
    FORMAT_LABELS,
    ROLE_LABELS,
    fellowship_text,
)


def _when(meeting: Meeting) -> tuple[dt.date, dt.time, int]:
    return (meeting.date, meeting.time or dt.time.min, meeting.id or 0)


def meeting_columns(today: Callable[[], dt.date]) -> list[Column[Meeting]]:
    return [
        Column("Date", lambda m: date_text(m.date, today()), _when),
        Column("Time", lambda m: time_text(m.time), lambda m: (m.time or dt.time.min, *_when(m))),
        Column("Fellowship", fellowship_text, lambda m: (fellowship_text(m).casefold(), _when(m))),
        Column("Meeting", lambda m: m.name, lambda m: (m.name.casefold(), _when(m))),
        Column("Format", lambda m: FORMAT_LABELS[m.format], lambda m: (m.format.value, _when(m))),
        Column(
            "Length",
            lambda m: minutes_text(m.duration_min),
            lambda m: (m.duration_min or -1, _when(m)),
            right=True,
        ),
        Column(
            "Home group",
            lambda m: yes_text(m.home_group),
            lambda m: (m.home_group, _when(m)),
            description="Your home group",
        ),
        Column(
            "I shared",
            lambda m: yes_text(m.shared),
            lambda m: (m.shared, _when(m)),
            description="You shared or spoke",
        ),
        Column(
            "Service",
            lambda m: "" if m.service_role == "none" else ROLE_LABELS[m.service_role],
            lambda m: (m.service_role.value, _when(m)),
            description="A service role you took",
        ),
        Column(
            "Talked",
            lambda m: yes_text(m.talked_with_members),
            lambda m: (m.talked_with_members, _when(m)),
            description="You talked with members before or after the meeting",
        ),
        Column(
            "Helpful",
            lambda m: "" if m.helpfulness is None else f"{m.helpfulness} of 10",
            lambda m: (-1 if m.helpfulness is None else m.helpfulness, _when(m)),
            right=True,
            description="How helpful it was, 0 to 10",
        ),
        Column(
            "Notes",
            lambda m: first_line(m.notes),
            lambda m: (m.notes.casefold(), _when(m)),
            tooltip=lambda m: m.notes,
        ),
    ]


def meeting_search_text(meeting: Meeting) -> str:
    return " ".join(
        (
            meeting.name,
            fellowship_text(meeting),
            FELLOWSHIP_LABELS.get(meeting.fellowship, ""),
            FORMAT_LABELS[meeting.format],
            "" if meeting.service_role == "none" else ROLE_LABELS[meeting.service_role],
            meeting.notes,
            meeting.date.isoformat(),
            f"{meeting.date:%A %B}",
        )
    )


def fellowship_filters(meetings: Sequence[Meeting]) -> list[tuple[str, Callable[[Meeting], bool]]]:
    """One filter per fellowship in the journal (named ones first, then other labels)."""
    present = {m.fellowship for m in meetings}
    filters: list[tuple[str, Callable[[Meeting], bool]]] = [
        (FELLOWSHIP_LABELS[f], lambda m, f=f: m.fellowship == f)  # type: ignore[misc]
        for f in Fellowship
        if f != Fellowship.OTHER and f in present
    ]
    labels = sorted(
        {m.fellowship_label or "Other" for m in meetings if m.fellowship == Fellowship.OTHER},
        key=str.casefold,
    )
    for label in labels:
        filters.append(
            (
                label,
                lambda m, label=label: (  # type: ignore[misc]
                    m.fellowship == Fellowship.OTHER and (m.fellowship_label or "Other") == label
                ),
            )
        )
    return filters


def format_filters() -> list[tuple[str, Callable[[Meeting], bool]]]:
    return [
        (label, lambda m, f=f: m.format == f)  # type: ignore[misc]
        for f, label in FORMAT_LABELS.items()
        if isinstance(f, MeetingFormat)
    ]

"""The report's recovery network section, only when the person chooses to include it.

The figures (``domain.network``, as of the report's end) always; the names, grouped by how
each person relates to the person's recovery, only when "include names" is ticked
(``ReportContent.network_people`` is empty otherwise).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from recovery_journal.domain.formatting import printable
from recovery_journal.domain.models import JournalData
from recovery_journal.domain.network import people_as_of
from recovery_journal.domain.network_words import STANCE_GROUPS

if TYPE_CHECKING:
    from recovery_journal.charts.report.content import ReportContent
    from recovery_journal.charts.report.layout import Document

HEADING = "The people around you"

#: (group title, names in it)
PeopleGroups = tuple[tuple[str, tuple[str, ...]], ...]


def people_groups(data: JournalData, as_of: dt.date) -> PeopleGroups:
    """The names of the people in the network as of ``as_of``, by group (empty ones left out)."""
    views = [v for v in people_as_of(data, as_of) if v.in_network and v.state is not None]
    groups = []
    for stance, title in STANCE_GROUPS.items():
        names = tuple(
            printable(v.person.name).strip()
            for v in views
            if v.state is not None and v.state.stance == stance
        )
        if names:
            groups.append((title, names))
    return tuple(groups)


def network_section(doc: Document, content: ReportContent) -> None:
    summary = content.stats.network
    if summary is None:
        return
    now = summary.now
    doc.heading(HEADING)
    if now.people == 0:
        doc.paragraph("No one is in your network list yet.", color=doc.look.muted, after=0.15)
        return
    text = (
        f"As of the end of this period, {now.people} people were in your network: "
        f"{now.supportive} supporting your recovery, {now.abstinent} not drinking or using or "
        f"in recovery, and {now.use_linked} drinking or using heavily or making recovery "
        f"harder. In the 90 days before, {summary.added_supportive} supportive people joined."
    )
    doc.paragraph(text, size=10.5, gid="network.figures", after=0.15)
    for title, names in content.network_people:
        doc.paragraph(f"{title}: {', '.join(names)}.", size=10.0, gid="network.names", after=0.1)

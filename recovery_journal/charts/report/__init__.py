"""The sponsor review: what it shows (:mod:`.content`), its words (:mod:`.words`) and the PDF.

    period = period_for_range(data, as_of, "90d")          # or period_since_last_review(...)
    content = gather_report(data, period, include_notes=False)
    pages = build_report_pages(data, content)              # A4 matplotlib Figures
    write_report_pdf(path, pages, content)                 # mode 0600, atomic

``make_report`` does all four. The review screen reads the same ``ReportContent`` and
``summary_cards``, so screen and paper always agree. This package imports matplotlib only when
pages are built, and never imports Qt or pyplot.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_journal.charts.report.content import (
    DayNote,
    JournalText,
    ReportContent,
    gather_report,
)
from recovery_journal.charts.report.period import (
    DEFAULT_RANGE,
    RANGE_KEYS,
    RANGE_LABELS,
    ReportPeriod,
    custom_period,
    period_for_range,
    period_since_last_review,
)
from recovery_journal.charts.report.words import NOT_CLINICAL, NOT_ENCRYPTED, Card, summary_cards
from recovery_journal.domain.review import MilestoneReached, WeekRow, WeeksMeeting

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from recovery_journal.domain.models import JournalData

__all__ = [
    "DEFAULT_RANGE",
    "NOT_CLINICAL",
    "NOT_ENCRYPTED",
    "RANGE_KEYS",
    "RANGE_LABELS",
    "Card",
    "DayNote",
    "JournalText",
    "MilestoneReached",
    "ReportContent",
    "ReportPeriod",
    "WeekRow",
    "WeeksMeeting",
    "build_report_pages",
    "custom_period",
    "gather_report",
    "make_report",
    "period_for_range",
    "period_since_last_review",
    "summary_cards",
    "write_report_pdf",
]


def build_report_pages(
    data: JournalData, content: ReportContent, *, prepared_on: dt.date | None = None
) -> list[Figure]:
    """Every page of the report as an A4 ``Figure`` (see :mod:`.pages`)."""
    from recovery_journal.charts.report.pages import build_report_pages as build

    return build(data, content, prepared_on=prepared_on)


def write_report_pdf(path: Path, pages: list[Figure], content: ReportContent) -> None:
    """Write the pages to ``path`` as a PDF, mode 0600, replacing any earlier file at once."""
    from recovery_journal.charts.report.pdf import write_report_pdf as write

    write(Path(path), pages, content)


def make_report(
    data: JournalData,
    period: ReportPeriod,
    path: Path,
    *,
    include_notes: bool = False,
    prepared_on: dt.date | None = None,
) -> tuple[ReportContent, int]:
    """Gather, build and write the report for ``period``; returns the content and page count."""
    content = gather_report(data, period, include_notes=include_notes)
    pages = build_report_pages(data, content, prepared_on=prepared_on)
    write_report_pdf(path, pages, content)
    return content, len(pages)

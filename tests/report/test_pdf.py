"""The PDF itself, read back with pypdf: figures, weeks, privacy, file mode and safe writing."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from recovery_journal.charts.report import (
    build_report_pages,
    gather_report,
    make_report,
    period_for_range,
    write_report_pdf,
)
from recovery_journal.charts.report.words import days_abstinent, week_label
from recovery_journal.charts.words import plural, short_date, whole
from recovery_journal.domain.attendance import meeting_events
from recovery_journal.domain.contacts import two_way_contacts
from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.formatting import format_percent
from recovery_journal.domain.pda import headline, pda_window
from recovery_journal.domain.stats import compute_stats
from tests.report.journal import (
    AS_OF,
    CONTACT_DATES,
    MEETING_DATES,
    NEVER_SHOWN,
    NOTES_ONLY,
    journal,
)

WEEK = dt.timedelta(days=7)


def pdf_text(path: Path) -> str:
    """All the text of the PDF, with runs of white space made single spaces."""
    reader = PdfReader(path)
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def page_texts(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def data():
    return journal()


@pytest.fixture(scope="module")
def default_pdf(data, tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "review.pdf"
    make_report(data, period_for_range(data, AS_OF, "90d"), path)
    return path


@pytest.fixture(scope="module")
def notes_pdf(data, tmp_path_factory):
    path = tmp_path_factory.mktemp("report-notes") / "review.pdf"
    make_report(data, period_for_range(data, AS_OF, "90d"), path, include_notes=True)
    return path


def test_the_cover_figures_equal_the_measures_for_the_period(data, default_pdf):
    text = pdf_text(default_pdf)
    start = dt.date(2026, 1, 1)
    window = pda_window(DayCalendar.from_journal(data, AS_OF), start, AS_OF)
    stats = compute_stats(data, AS_OF)
    meetings = meeting_events(data, AS_OF).count_between(start, AS_OF)
    contacts = two_way_contacts(data, AS_OF).count_between(start, AS_OF)
    assert "Last 90 days: 1 Jan 2026 – 31 Mar 2026" in text
    assert f"Days abstinent {format_percent(headline(window))} Of the days you recorded" in text
    assert f"({window.known} of {window.days} days recorded)" in text
    assert f"Current run {plural(stats.runs.current.days, 'day')} Since 21 Feb 2026" in text
    assert f"{meetings} meetings in this period" in text
    assert f"Sponsor contact {contacts} Two-way contacts in this period" in text
    assert f"Sponsor relationship {whole(stats.alliance.score)} Out of 100" in text
    # independent reference: the number of meetings and contacts dated in the period
    assert meetings == sum(1 for d in MEETING_DATES if start <= d <= AS_OF)
    assert contacts == sum(1 for d in CONTACT_DATES if start <= d <= AS_OF)


def test_every_week_of_the_period_is_in_the_table_with_its_figures(data, default_pdf):
    text = pdf_text(default_pdf)
    calendar = DayCalendar.from_journal(data, AS_OF)
    week = dt.date(2025, 12, 29)  # the Monday of the week holding 1 Jan 2026
    rows = 0
    while week <= AS_OF:
        window = pda_window(calendar, week, week + dt.timedelta(days=6))
        meetings = sum(1 for d in MEETING_DATES if week <= d < week + WEEK)
        contacts = sum(1 for d in CONTACT_DATES if week <= d < week + WEEK)
        label = short_date(week) + (" (so far)" if week + WEEK > AS_OF else "")
        row = (
            f"{label} {window.days} {window.abstinent} {window.used} {window.unknown} "
            f"{days_abstinent(window)} {meetings} {contacts}"
        )
        assert row in text
        rows += 1
        week += WEEK
    assert rows == 14


def test_a_long_table_repeats_its_header_on_every_page(tmp_path):
    from recovery_journal.charts.report.pages import build_report_pages as build_pages
    from recovery_journal.services.demo import generate_demo

    demo = generate_demo(AS_OF)
    content = gather_report(demo, period_for_range(demo, AS_OF, "all"))
    path = tmp_path / "all.pdf"
    write_report_pdf(path, build_pages(demo, content, charts=()), content)  # no charts: faster
    table = [t for t in page_texts(path) if t.startswith("Week by week")]
    assert len(table) >= 3
    assert all("Week starting Days counted Abstinent Used" in t for t in table)
    for row in content.weeks:  # each week is on exactly one of the pages
        cells = f"{week_label(row)} {row.window.days} {row.window.abstinent} {row.window.used} "
        assert sum(cells in t for t in table) == 1


def test_notes_and_journal_text_are_absent_by_default(default_pdf):
    text = pdf_text(default_pdf)
    for private in (*NOTES_ONLY, *NEVER_SHOWN):
        assert private not in text
    assert "Your notes and journal text are not included." in text


def test_notes_and_journal_text_are_present_when_included(notes_pdf):
    text = pdf_text(notes_pdf)
    for chosen in NOTES_ONLY:
        assert chosen in text
    for private in NEVER_SHOWN:
        assert private not in text
    assert "You chose to include your notes and journal text" in text


def test_talking_points_milestones_and_glossary_are_in_the_report(default_pdf):
    text = pdf_text(default_pdf)
    assert "Ask about the step four inventory. The family wedding in May." in text
    assert "30 days — 22 March 2026" in text
    assert "Days abstinent (PDA) Percent days abstinent" in text
    assert "This is a personal journal, not a clinical record." in text


def test_every_page_is_a4_portrait_and_numbered(default_pdf):
    reader = PdfReader(default_pdf)
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 in points
        assert f"Page {number} of {total}" in (page.extract_text() or "")


def test_the_charts_are_vector_graphics_not_pictures(default_pdf):
    reader = PdfReader(default_pdf)
    images = sum(len(page.images) for page in reader.pages)
    assert images == 0
    chart_pages = [p for p in reader.pages if "Day by day" in (p.extract_text() or "")]
    assert chart_pages and "Meeting" in (chart_pages[0].extract_text() or "")


def test_title_and_creator_are_set(default_pdf):
    info = PdfReader(default_pdf).metadata
    assert info is not None
    assert info.title == "Your recovery review, 1 Jan 2026 – 31 Mar 2026"
    assert info["/Creator"] == "Recovery Journal"
    assert "/Author" not in info


# --- writing the file -----------------------------------------------------------------------------
def test_the_pdf_is_readable_by_its_owner_only_and_leaves_no_temporary_file(default_pdf):
    assert stat.S_IMODE(default_pdf.stat().st_mode) == 0o600
    assert [p.name for p in default_pdf.parent.iterdir()] == ["review.pdf"]


def test_an_earlier_readable_file_is_replaced_by_a_private_one(data, tmp_path):
    path = tmp_path / "review.pdf"
    path.write_bytes(b"%PDF-old")
    path.chmod(0o644)
    make_report(data, period_for_range(data, AS_OF, "30d"), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes().startswith(b"%PDF-1.")


def test_a_failure_while_writing_keeps_the_old_file_and_removes_the_temporary_one(
    data, tmp_path, monkeypatch
):
    from matplotlib.backends.backend_pdf import PdfPages

    path = tmp_path / "review.pdf"
    path.write_bytes(b"%PDF-old")
    content = gather_report(data, period_for_range(data, AS_OF, "30d"))
    pages = build_report_pages(data, content)

    def broken(self, figure=None, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(PdfPages, "savefig", broken)
    with pytest.raises(OSError, match="disk full"):
        write_report_pdf(path, pages, content)
    assert path.read_bytes() == b"%PDF-old"
    assert sorted(os.listdir(tmp_path)) == ["review.pdf"]

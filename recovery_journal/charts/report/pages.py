"""The report's A4 pages, built as ``Figure`` objects from a :class:`ReportContent`.

Order: a cover with the summary in large plain words and the contents; the charts (the same
builders as the Trends view, light style, vector, two to a page when they fit); the week-by-
week table (a header row on every page); milestones; talking points with room for notes
from the conversation; the person's notes and journal text only when they chose to include
them; and a short glossary. Every page carries the period, "not a clinical record" and its
page number. Colour only decorates: every meaning is in words, marks or hatching, so the
report reads the same in black and white.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from recovery_journal.charts import render_chart
from recovery_journal.charts.report.content import REPORT_CHARTS, ReportContent, review_charts
from recovery_journal.charts.report.embed import EmbeddedFigure
from recovery_journal.charts.report.layout import (
    LOOK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    TEXT_W,
    Document,
    Page,
    line_height,
    text_width,
    wrap,
)
from recovery_journal.charts.report.words import (
    EARLIER_RUN_COLUMNS,
    EARLIER_RUNS_HEADING,
    EARLIER_RUNS_NOTE,
    GLOSSARY,
    NOT_CLINICAL,
    NOT_ENCRYPTED,
    WEEK_COLUMNS,
    EarlierRun,
    earlier_run_cells,
    earlier_runs,
    milestone_groups,
    next_milestone_text,
    notes_sentence,
    summary_cards,
    week_cells,
    weeks_note,
)
from recovery_journal.charts.style import ABSTINENT, CONTACT, MEETING, SCORE, SKY, ChartStyle
from recovery_journal.charts.words import long_date, short_date

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from recovery_journal.domain.models import JournalData

REPORT_TITLE = "Your recovery review"
CREATOR = "Recovery Journal"
_CARD_ACCENTS = {
    "run": ABSTINENT,
    "abstinent": ABSTINENT,
    "meetings": MEETING,
    "contacts": CONTACT,
    "relationship": SCORE,
    "milestones": SKY,
}
CHARTS_HEADING = "Your charts"
WEEKS_HEADING = "Week by week"
MILESTONES_HEADING = "Milestones in this period"
TALKING_HEADING = "Things you want to talk about"
NOTES_HEADING = "Your notes and journal"
GLOSSARY_HEADING = "What the words mean"


def chart_style() -> ChartStyle:
    """Light, print-sized charts without their own titles (the page gives each a heading)."""
    return ChartStyle.light(width_in=TEXT_W, base_size=8.5, titles=False)


def report_rc() -> dict[str, Any]:
    """matplotlib settings while report pages are drawn: the chart style, and TrueType
    (Type 42) fonts so every word in the PDF can be selected, searched and extracted."""
    return {**chart_style().rc(), "pdf.fonttype": 42}


def pdf_title(content: ReportContent) -> str:
    return f"{REPORT_TITLE}, {content.period.span}"


def build_report_pages(
    data: JournalData,
    content: ReportContent,
    *,
    prepared_on: dt.date | None = None,
    charts: Sequence[str] = REPORT_CHARTS,
) -> list[Figure]:
    """Every page of the report, in order, ready for ``PdfPages`` or for a preview."""
    from recovery_journal.charts.report.network_section import network_section

    doc = Document(LOOK)
    cover = _cover(doc, content, prepared_on or content.as_of)
    if content.include_network and "network" not in charts:
        charts = (*charts, "network")
    _charts(doc, data, content, charts)
    if content.include_network:
        network_section(doc, content)
    _weeks(doc, content)
    _milestones(doc, content)
    _talking_points(doc, content)
    if content.include_notes:
        _notes(doc, content)
    _glossary(doc)
    _decorate(doc, content, cover)
    return [page.figure for page in doc.pages]


# --- cover ----------------------------------------------------------------------------------
_CARD_W = (TEXT_W - 0.25) / 2
_CARD_H = 1.42
_CARD_GAP = 0.2


def _cover(doc: Document, content: ReportContent, prepared_on: dt.date) -> Page:
    page = doc.new_page()
    look = doc.look
    y = 1.05
    page.text(MARGIN_X, y, "RECOVERY JOURNAL", size=9, bold=True, color=look.muted)
    y += 0.62
    page.text(MARGIN_X, y, REPORT_TITLE, size=27, bold=True, gid="report.title")
    y += 0.45
    page.text(MARGIN_X, y, content.period.title, size=13.5, gid="report.period")
    y += 0.12
    notes = [content.period.note] if content.period.note else []
    notes.append(
        f"Prepared on {long_date(prepared_on)} from your own journal, on your own computer. "
        f"Figures are as of {long_date(content.as_of)}."
    )
    for line in wrap(" ".join(notes), 9.5, TEXT_W):
        y += line_height(9.5)
        page.text(MARGIN_X, y, line, size=9.5, color=look.muted)
    y += 0.35
    for index, card in enumerate(summary_cards(content)):
        column, row = index % 2, index // 2
        x = MARGIN_X + column * (_CARD_W + 0.25)
        top = y + row * (_CARD_H + _CARD_GAP)
        _card(page, x, top, card.key, card.title, card.value, card.detail)
    page.y = y + 3 * _CARD_H + 2 * _CARD_GAP + 0.45
    return page


def _card(page: Page, x: float, top: float, key: str, title: str, value: str, detail: str) -> None:
    look = page.look
    page.box(x, top, _CARD_W, _CARD_H, fill=look.fill)
    page.box(x, top, 0.07, _CARD_H, fill=_CARD_ACCENTS.get(key, look.rule), rounded=False)
    inner = x + 0.24
    width = _CARD_W - 0.4
    page.text(
        inner, top + 0.3, title, size=9.5, bold=True, color=look.muted, gid=f"card.{key}.title"
    )
    size = 24.0
    while size > 14 and text_width(value, size, bold=True) > width:
        size -= 1
    page.text(inner, top + 0.74, value, size=size, bold=True, gid=f"card.{key}.value")
    lines = wrap(detail, 8.5, width)
    if len(lines) > 3:
        lines = [*lines[:2], lines[2].rstrip(".;,") + " …"]
    for number, line in enumerate(lines):
        page.text(
            inner,
            top + 0.98 + number * line_height(8.5),
            line,
            size=8.5,
            color=look.ink,
            gid=f"card.{key}.detail",
        )


# --- charts ---------------------------------------------------------------------------------
_CHART_TITLE = 13 / 72 + 0.24  # the title line and the space below it
_CHART_GAP = 0.25  # between two charts on one page


def _charts(doc: Document, data: JournalData, content: ReportContent, names: Sequence[str]) -> None:
    style = chart_style()
    period = content.period
    first = True
    for part in review_charts(period.start, period.end, list(names)):
        name = part.name
        chart = render_chart(name, data, part.start, part.end, style)
        summary = wrap(chart.summary, 9.0, TEXT_W)
        room = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM - _CHART_TITLE - 0.12
        room -= len(summary) * line_height(9.0)
        width, height = (float(v) for v in chart.figure.get_size_inches())
        if height > room:  # only a calendar of many years: its own layout fits it shorter
            chart.figure.set_size_inches(width, room)
            height = room
        embedded = EmbeddedFigure(chart.figure, MARGIN_X, 0.0)
        block = _CHART_TITLE + height + 0.12 + len(summary) * line_height(9.0)
        page = doc.page if not first else doc.new_page()
        gap = _CHART_GAP if page.y > MARGIN_TOP + 0.01 else 0.0
        if page.room < block + gap:
            page, gap = doc.new_page(), 0.0
        page.y += gap
        if first:
            doc.headings.append((CHARTS_HEADING, len(doc.pages) - 1))
            first = False
        page.y += 13 / 72
        title = part.title or chart.title
        page.text(MARGIN_X, page.y, title, size=13, bold=True, gid=f"chart.{name}.title")
        page.y += _CHART_TITLE - 13 / 72
        embedded.bottom_in = PAGE_H - page.y - height
        page.figure.add_artist(embedded)
        page.y += height + 0.12
        for line in summary:
            page.y += 9 / 72
            page.text(
                MARGIN_X, page.y, line, size=9.0, color=doc.look.ink, gid=f"chart.{name}.summary"
            )
            page.y += line_height(9.0) - 9 / 72


# --- week by week ---------------------------------------------------------------------------
_COLUMN_W = (1.62, 0.7, 0.74, 0.56, 0.74, 0.84, 0.72, 0.75)
_ROW_H = 0.245
_HEADER_H = 0.46


def _weeks(doc: Document, content: ReportContent) -> None:
    doc.new_page()
    doc.heading(WEEKS_HEADING)
    if not content.weeks:
        doc.paragraph("Nothing recorded in this period yet.", color=doc.look.muted)
        return
    doc.paragraph(weeks_note(content), size=8.5, color=doc.look.muted, after=0.14)
    page = _table_header(doc.page)
    for index, row in enumerate(content.weeks):
        if page.room < _ROW_H:
            page = doc.new_page()
            doc.heading(f"{WEEKS_HEADING} (continued)", contents=False, size=12)
            page = _table_header(page)
        if index % 2 == 0:
            page.box(MARGIN_X, page.y, TEXT_W, _ROW_H, fill=doc.look.zebra, rounded=False)
        _row(page, week_cells(row), size=9.0, bold=False)
        page.y += _ROW_H
    page.rule(page.y, width=0.8)
    page.y += 0.1


def _column_x() -> list[float]:
    xs = [MARGIN_X]
    for width in _COLUMN_W[:-1]:
        xs.append(xs[-1] + width)
    return xs


def _table_header(page: Page) -> Page:
    look = page.look
    xs = _column_x()
    for index, (first, second) in enumerate(WEEK_COLUMNS):
        right = xs[index] + _COLUMN_W[index] - 0.1
        x, ha = (xs[index] + 0.08, "left") if index == 0 else (right, "right")
        if first:
            page.text(x, page.y + 0.17, first, size=8.5, bold=True, color=look.muted, ha=ha)
        page.text(x, page.y + 0.34, second, size=8.5, bold=True, color=look.muted, ha=ha)
    page.y += _HEADER_H
    page.rule(page.y - 0.04, color=look.ink, width=0.8)
    return page


def _row(page: Page, cells: Sequence[str], *, size: float, bold: bool) -> None:
    xs = _column_x()
    baseline = page.y + _ROW_H / 2 + size / 72 * 0.36
    for index, cell in enumerate(cells):
        if index == 0:
            page.text(xs[0] + 0.08, baseline, cell, size=size, bold=True, gid="week.label")
        else:
            right = xs[index] + _COLUMN_W[index] - 0.1
            page.text(right, baseline, cell, size=size, bold=bold, ha="right", gid="week.cell")


# --- milestones, talking points, notes, glossary ----------------------------------------------
def _milestones(doc: Document, content: ReportContent) -> None:
    doc.new_page()
    doc.heading(MILESTONES_HEADING)
    groups = milestone_groups(content)
    runs = earlier_runs(content)
    if not groups and not runs:
        doc.paragraph("No milestone fell in this period.")
    for group in groups:
        doc.need(line_height(10.5) + line_height(10.0) * min(3, len(group.lines)))
        doc.paragraph(group.title, bold=True, size=10.5, after=0.03)
        for line in group.lines:
            _bullet(doc, line)
        doc.space(0.08)
    if runs:
        _earlier_runs(doc, runs)
    upcoming = next_milestone_text(content)
    if upcoming:
        doc.paragraph(upcoming + ".", color=doc.look.muted, after=0.1)
    doc.paragraph(
        "A day with use never takes back a milestone you reached: each one stays yours.",
        size=9.0,
        color=doc.look.muted,
    )


_RUN_SIZE = 9.0


def _run_columns() -> tuple[list[float], list[float]]:
    """The earlier-runs table's column left edges and widths (inches), across the text."""
    total = sum(share for _, share in EARLIER_RUN_COLUMNS)
    widths = [TEXT_W * share / total for _, share in EARLIER_RUN_COLUMNS]
    xs = [MARGIN_X]
    for width in widths[:-1]:
        xs.append(xs[-1] + width)
    return xs, widths


def _earlier_runs(doc: Document, runs: Sequence[EarlierRun]) -> None:
    """Runs that ended in the period: one table row each (a header on every page)."""
    doc.need(line_height(10.5) + _HEADER_H + 3 * _ROW_H)
    doc.paragraph(EARLIER_RUNS_HEADING, bold=True, size=10.5, after=0.03)
    doc.paragraph(EARLIER_RUNS_NOTE, size=8.5, color=doc.look.muted, after=0.1)
    xs, widths = _run_columns()
    page = _runs_header(doc.page, xs, widths)
    for index, run in enumerate(runs):
        cells = earlier_run_cells(run)
        last = wrap(cells[-1], _RUN_SIZE, widths[-1] - 0.16)
        height = _ROW_H + (len(last) - 1) * line_height(_RUN_SIZE)
        if page.room < height:
            page = doc.new_page()
            doc.paragraph(f"{EARLIER_RUNS_HEADING} (continued)", bold=True, size=10.5)
            page = _runs_header(doc.page, xs, widths)
        if index % 2 == 0:
            page.box(MARGIN_X, page.y, TEXT_W, height, fill=doc.look.zebra, rounded=False)
        baseline = page.y + _ROW_H / 2 + _RUN_SIZE / 72 * 0.36
        for column, cell in enumerate(cells[:-1]):
            right = column == 2
            x = xs[column] + widths[column] - 0.16 if right else xs[column] + 0.08
            page.text(
                x, baseline, cell, size=_RUN_SIZE, ha="right" if right else "left", gid="run.cell"
            )
        for number, line in enumerate(last):
            y = baseline + number * line_height(_RUN_SIZE)
            page.text(xs[-1] + 0.08, y, line, size=_RUN_SIZE, gid="run.milestones")
        page.y += height
    page.rule(page.y, width=0.8)
    page.y += 0.2


def _runs_header(page: Page, xs: Sequence[float], widths: Sequence[float]) -> Page:
    look = page.look
    for column, (title, _) in enumerate(EARLIER_RUN_COLUMNS):
        right = column == 2
        x = xs[column] + widths[column] - 0.16 if right else xs[column] + 0.08
        page.text(
            x,
            page.y + 0.22,
            title,
            size=8.5,
            bold=True,
            color=look.muted,
            ha="right" if right else "left",
        )
    page.y += 0.32
    page.rule(page.y - 0.04, color=look.ink, width=0.8)
    return page


def _bullet(doc: Document, text: str, size: float | None = None) -> None:
    size = size or doc.look.body
    lines = wrap(text, size, TEXT_W - 0.25)
    for number, line in enumerate(lines):
        page = doc.need(line_height(size))
        page.y += size / 72
        if number == 0:
            page.text(MARGIN_X + 0.05, page.y, "•", size=size)
        page.text(MARGIN_X + 0.25, page.y, line, size=size)
        page.y += line_height(size) - size / 72
    doc.page.y += 0.05


def _talking_points(doc: Document, content: ReportContent) -> None:
    doc.heading(TALKING_HEADING)
    if content.talking_points:
        doc.paragraph(content.talking_points, size=10.5, gid="talking.points", after=0.15)
    else:
        doc.paragraph(
            "You didn't write down anything to talk about for this review. You can add your "
            "own points on the Review screen before you meet.",
            color=doc.look.muted,
            after=0.15,
        )
    _conversation_lines(doc)


def _conversation_lines(doc: Document, most: int = 12) -> None:
    """Ruled lines for notes taken during the conversation, filling the rest of the page."""
    spacing = 0.36
    page = doc.page
    if page.room < 0.6 + spacing * 3:
        return
    doc.heading("Notes from your conversation", size=11.5, contents=False, keep_with=0.4)
    page = doc.page
    count = min(most, int((page.room - 0.1) / spacing))
    for _ in range(count):
        page.y += spacing
        page.rule(page.y, color=doc.look.rule, width=0.5)
    page.y += 0.2


def _notes(doc: Document, content: ReportContent) -> None:
    doc.new_page()
    doc.heading(NOTES_HEADING)
    doc.paragraph(
        "You chose to include these in this report.", size=9.0, color=doc.look.muted, after=0.12
    )
    if not content.day_notes and not content.journal:
        doc.paragraph("There are no notes or journal entries in this period.")
        return
    if content.day_notes:
        doc.heading("Notes on your days", size=11.5, contents=False, keep_with=0.3)
        for note in content.day_notes:
            doc.labelled(short_date(note.date), note.text, label_w=1.15, bold_label=True, size=9.5)
    if content.journal:
        doc.heading("Journal entries", size=11.5, contents=False, keep_with=1.0)
        for entry in content.journal:
            title = f"{long_date(entry.date)}" + (f" — {entry.title}" if entry.title else "")
            doc.need(line_height(10) * 3)
            doc.paragraph(title, bold=True, after=0.02)
            doc.paragraph(entry.body, size=9.5, after=0.14)


_GLOSSARY_LABEL_W = 1.75


def _glossary(doc: Document) -> None:
    """The glossary, kept on one page."""
    height = (
        0.9
        + sum(
            doc.labelled_height(term, text, label_w=_GLOSSARY_LABEL_W, size=9.0, after=0.08)
            for term, text in GLOSSARY
        )
        + 0.8
    )
    if doc.page.room < height:
        doc.new_page()
    doc.heading(GLOSSARY_HEADING, keep_with=1.2)
    for term, text in GLOSSARY:
        doc.labelled(term, text, label_w=_GLOSSARY_LABEL_W, size=9.0, after=0.08)
    doc.space(0.15)
    doc.paragraph(NOT_CLINICAL, bold=True, after=0.04)
    doc.paragraph(
        "Made on this computer by Recovery Journal, from your own journal. Nothing was sent "
        "anywhere.",
        size=9.0,
        color=doc.look.muted,
    )


# --- running header, footer, contents ---------------------------------------------------------
def _decorate(doc: Document, content: ReportContent, cover: Page) -> None:
    look = doc.look
    total = len(doc.pages)
    for number, page in enumerate(doc.pages, start=1):
        if number > 1:
            page.text(
                MARGIN_X, 0.55, f"{REPORT_TITLE} · {content.period.span}", size=8, color=look.muted
            )
            page.text(
                PAGE_W - MARGIN_X, 0.55, "Private", size=8, color=look.muted, ha="right", bold=True
            )
            page.rule(0.66, color=look.rule, width=0.5)
        page.text(
            MARGIN_X,
            PAGE_H - 0.45,
            f"{NOT_CLINICAL} Not encrypted: keep it private.",
            size=7.5,
            color=look.muted,
        )
        page.text(
            PAGE_W - MARGIN_X,
            PAGE_H - 0.45,
            f"Page {number} of {total}",
            size=7.5,
            color=look.muted,
            ha="right",
            gid="page.number",
        )
    _contents(cover, doc, content)


def _contents(cover: Page, doc: Document, content: ReportContent) -> None:
    look = doc.look
    y = cover.y
    cover.text(MARGIN_X, y, "In this report", size=11.5, bold=True)
    y += 0.12
    for heading, index in doc.headings:
        y += 0.25
        cover.text(MARGIN_X, y, heading, size=10)
        cover.text(MARGIN_X + 4.0, y, f"page {index + 1}", size=10, color=look.muted, ha="right")
    y += 0.45
    box_top = max(y, PAGE_H - MARGIN_BOTTOM - 1.25)
    lines = wrap(f"{NOT_CLINICAL} {notes_sentence(content)} {NOT_ENCRYPTED}", 9.0, TEXT_W - 0.5)
    height = 0.32 + len(lines) * line_height(9.0)
    cover.box(MARGIN_X, box_top, TEXT_W, height, fill=look.background, edge=look.rule)
    ty = box_top + 0.12
    for line in lines:
        ty += line_height(9.0)
        cover.text(MARGIN_X + 0.25, ty - 0.04, line, size=9.0, gid="cover.privacy")

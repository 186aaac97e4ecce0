"""A4 pages as matplotlib ``Figure`` objects, and a document that flows text across them.

Positions are in inches from the top-left corner of the page, which reads like a printed page;
:class:`Page` turns them into figure coordinates. Text is wrapped by measuring words with the
font itself (``TextToPath``), so lines fill the measure without running over the margin.
Everything is drawn in one font family that ships with matplotlib (DejaVu Sans), so the report
looks the same on every computer and its text stays extractable.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch
from matplotlib.text import Text
from matplotlib.textpath import TextToPath

PAGE_W, PAGE_H = 8.27, 11.69  # A4 portrait, inches
MARGIN_X = 0.8
MARGIN_TOP = 0.95  # below the running header
MARGIN_BOTTOM = 0.75  # above the footer
TEXT_W = PAGE_W - 2 * MARGIN_X
FONT = "DejaVu Sans"
LINE = 1.42  # line height as a multiple of the font size


@dataclass(frozen=True, slots=True)
class Look:
    """Print colours: near-black ink and greys that stay readable in black and white; the
    Okabe–Ito accents only decorate (every meaning is also in words)."""

    ink: str = "#1F2328"
    muted: str = "#555B61"
    rule: str = "#C9CDD1"
    fill: str = "#F1F2F3"
    zebra: str = "#F5F6F7"
    background: str = "#FFFFFF"
    body: float = 10.0
    small: float = 8.5


LOOK = Look()

_TO_PATH = TextToPath()


@lru_cache(maxsize=8192)
def _width_pt(text: str, size: float, bold: bool) -> float:
    prop = FontProperties(family=FONT, size=size, weight="bold" if bold else "normal")
    width, _, _ = _TO_PATH.get_text_width_height_descent(text, prop, ismath=False)
    return float(width)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` in inches."""
    return _width_pt(text, size, bold) / 72


def wrap(text: str, size: float, width_in: float, bold: bool = False) -> list[str]:
    """Lines of ``text`` no wider than ``width_in``; line breaks in ``text`` are kept, and a
    word longer than a line is broken where it must be."""
    lines: list[str] = []
    space = text_width(" ", size, bold)
    for paragraph in text.splitlines() or [""]:
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line: list[str] = []
        used = 0.0
        for word in words:
            for piece in _split_long(word, size, width_in, bold):
                w = text_width(piece, size, bold)
                if line and used + space + w > width_in:
                    lines.append(" ".join(line))
                    line, used = [], 0.0
                used += (space if line else 0.0) + w
                line.append(piece)
        lines.append(" ".join(line))
    return lines


def _split_long(word: str, size: float, width_in: float, bold: bool) -> Iterator[str]:
    while text_width(word, size, bold) > width_in and len(word) > 1:
        cut = len(word) - 1
        while cut > 1 and text_width(word[:cut], size, bold) > width_in:
            cut -= 1
        yield word[:cut]
        word = word[cut:]
    yield word


def line_height(size: float) -> float:
    """Height of one line of ``size``-point text, in inches."""
    return size * LINE / 72


class Page:
    """One A4 page; ``x`` and ``y`` are inches from the left and from the top."""

    def __init__(self, look: Look = LOOK, figure: Figure | None = None) -> None:
        self.look = look
        self.figure = figure if figure is not None else Figure(figsize=(PAGE_W, PAGE_H))
        self.figure.set_facecolor(look.background)
        self.y = MARGIN_TOP

    @staticmethod
    def fx(x: float) -> float:
        return x / PAGE_W

    @staticmethod
    def fy(y: float) -> float:
        return 1 - y / PAGE_H

    def text(
        self,
        x: float,
        y: float,
        text: str,
        *,
        size: float | None = None,
        bold: bool = False,
        color: str | None = None,
        ha: str = "left",
        va: str = "baseline",
        gid: str | None = None,
        **props: Any,
    ) -> Text:
        return self.figure.text(
            self.fx(x),
            self.fy(y),
            text,
            fontsize=size or self.look.body,
            fontfamily=FONT,
            fontweight="bold" if bold else "normal",
            color=color or self.look.ink,
            ha=ha,
            va=va,
            gid=gid,
            **props,
        )

    def rule(
        self,
        y: float,
        x0: float = MARGIN_X,
        x1: float = PAGE_W - MARGIN_X,
        *,
        color: str | None = None,
        width: float = 0.6,
    ) -> None:
        """A horizontal line at ``y`` from ``x0`` to ``x1``."""
        self.figure.add_artist(
            Line2D(
                [self.fx(x0), self.fx(x1)],
                [self.fy(y), self.fy(y)],
                transform=self.figure.transFigure,
                color=color or self.look.rule,
                linewidth=width,
            )
        )

    def box(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        fill: str,
        edge: str = "none",
        rounded: bool = True,
        width: float = 0.8,
    ) -> None:
        """A rectangle whose top-left corner is at ``(x, y)``."""
        style = "round,pad=0,rounding_size=0.008" if rounded else "square,pad=0"
        self.figure.add_artist(
            FancyBboxPatch(
                (self.fx(x), self.fy(y + h)),
                self.fx(w),
                h / PAGE_H,
                boxstyle=style,
                transform=self.figure.transFigure,
                facecolor=fill,
                edgecolor=edge,
                linewidth=width,
                mutation_aspect=PAGE_W / PAGE_H,
            )
        )

    @property
    def room(self) -> float:
        """Inches left above the bottom margin."""
        return PAGE_H - MARGIN_BOTTOM - self.y


class Document:
    """Pages in order; text flows onto a new page when the current one is full."""

    def __init__(self, look: Look = LOOK) -> None:
        self.look = look
        self.pages: list[Page] = []
        self.headings: list[tuple[str, int]] = []  # (heading, page index) for the contents

    @property
    def page(self) -> Page:
        if not self.pages:
            return self.new_page()
        return self.pages[-1]

    def new_page(self, figure: Figure | None = None) -> Page:
        page = Page(self.look, figure)
        self.pages.append(page)
        return page

    def need(self, height: float) -> Page:
        """The current page if ``height`` inches still fit, else a new one."""
        page = self.page
        if page.room < height:
            page = self.new_page()
        return page

    def space(self, height: float) -> None:
        page = self.page
        if page.room >= height:
            page.y += height

    def heading(
        self, text: str, *, size: float = 15.0, contents: bool = True, keep_with: float = 0.6
    ) -> None:
        """A section heading, kept together with ``keep_with`` inches of what follows."""
        page = self.need(line_height(size) + keep_with)
        if page.y > MARGIN_TOP + 0.01:
            page.y += 0.18
        page.y += size / 72
        page.text(MARGIN_X, page.y, text, size=size, bold=True)
        page.y += line_height(size) - size / 72 + 0.06
        if contents:
            self.headings.append((text, len(self.pages) - 1))

    def paragraph(
        self,
        text: str,
        *,
        size: float | None = None,
        bold: bool = False,
        color: str | None = None,
        indent: float = 0.0,
        after: float = 0.08,
        gid: str | None = None,
    ) -> None:
        size = size or self.look.body
        for line in wrap(text, size, TEXT_W - indent, bold):
            page = self.need(line_height(size))
            page.y += size / 72
            if line:
                page.text(
                    MARGIN_X + indent, page.y, line, size=size, bold=bold, color=color, gid=gid
                )
            page.y += line_height(size) - size / 72
        self.page.y += after

    def labelled_height(
        self,
        label: str,
        text: str,
        *,
        label_w: float = 1.35,
        size: float | None = None,
        after: float = 0.06,
        bold_label: bool = True,
    ) -> float:
        """The height :meth:`labelled` would take, in inches."""
        size = size or self.look.body
        rows = max(
            len(wrap(text, size, TEXT_W - label_w)),
            len(wrap(label, size, label_w - 0.1, bold_label)),
        )
        return rows * line_height(size) + after

    def labelled(
        self,
        label: str,
        text: str,
        *,
        label_w: float = 1.35,
        size: float | None = None,
        after: float = 0.06,
        bold_label: bool = True,
    ) -> None:
        """``label`` in a left column and ``text`` wrapped beside it (a glossary or notes row)."""
        size = size or self.look.body
        lines = wrap(text, size, TEXT_W - label_w)
        label_lines = wrap(label, size, label_w - 0.1, bold_label)
        rows = max(len(lines), len(label_lines))
        first = True
        for index in range(rows):
            page = self.need(line_height(size) * (2 if first and rows > 1 else 1))
            page.y += size / 72
            if index < len(label_lines):
                page.text(MARGIN_X, page.y, label_lines[index], size=size, bold=bold_label)
            if index < len(lines) and lines[index]:
                page.text(MARGIN_X + label_w, page.y, lines[index], size=size)
            page.y += line_height(size) - size / 72
            first = False
        self.page.y += after

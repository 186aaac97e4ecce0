"""Shared matplotlib drawing for every chart: figures, axes, bars, thresholds, empty states.

Figures are built directly as ``matplotlib.figure.Figure`` (never ``pyplot``), inside
``matplotlib.rc_context`` so the style applies to these figures only. Data artists carry a
``gid`` (``"pda.months"``, ``"threshold"``…) so tests and SVG exports can find them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import matplotlib
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.layout_engine import LayoutEngine
from matplotlib.ticker import FuncFormatter, MaxNLocator

from recovery_journal.charts.series import day_number
from recovery_journal.charts.style import THRESHOLD_DASHES, ChartStyle
from recovery_journal.charts.words import NOTHING_YET, span

#: gids of artists that only decorate (frames, grid, labels); everything else is data.
DECORATION_GIDS = frozenset({"threshold", "threshold.label", "empty.message", "title"})


@contextmanager
def styled(style: ChartStyle) -> Iterator[None]:
    params: Any = style.rc()
    with matplotlib.rc_context(params):
        yield


class MarginLayout(LayoutEngine):
    """Panels stacked inside fixed margins given in inches.

    Constrained layout measures every label at every draw and cost more than the drawing
    itself; these charts know their labels, so fixed margins (scaled with the font size) keep
    the layout steady when the app window is resized, at almost no cost.
    """

    _adjust_compatible = False
    _colorbar_gridspec = False

    def __init__(
        self,
        axes: Sequence[Axes],
        ratios: Sequence[float],
        *,
        left: float,
        right: float,
        top: float,
        bottom: float,
        gap: float,
    ) -> None:
        super().__init__()
        self.axes = list(axes)
        self.ratios = list(ratios)
        self.margins = (left, right, top, bottom, gap)

    def grow_bottom(self, inches: float) -> None:
        """More room below the panels (a legend of more than one row)."""
        left, right, top, bottom, gap = self.margins
        self.margins = (left, right, top, bottom + inches, gap)

    def execute(self, fig: Any) -> None:
        width, height = fig.get_size_inches()
        left, right, top, bottom, gap = self.margins
        inner_w = max(width - left - right, 0.5)
        inner_h = max(height - top - bottom - gap * (len(self.axes) - 1), 0.3)
        total = sum(self.ratios)
        y = height - top
        for ax, ratio in zip(self.axes, self.ratios, strict=True):
            panel = inner_h * ratio / total
            y -= panel
            ax.set_position((left / width, y / height, inner_w / width, panel / height))
            y -= gap


def new_figure(
    style: ChartStyle,
    height_in: float,
    ratios: Sequence[float] = (1.0,),
    *,
    right_in: float = 0.3,
    left_in: float = 0.9,
    legend_rows: int = 1,
    x_labels: bool = True,
) -> tuple[Figure, list[Axes]]:
    """A figure with one panel per ratio, stacked (see :func:`date_axes` for their x-axis)."""
    figure = Figure(figsize=(style.width_in, height_in), dpi=style.dpi, facecolor=style.background)
    scale = style.base_size / 10.0
    axes: list[Axes] = []
    for _ in ratios:
        axes.append(figure.add_axes((0.0, 0.0, 1.0, 1.0)))
    top, bottom = style.vertical_margins(legend_rows, x_labels)
    figure.set_layout_engine(
        MarginLayout(
            axes,
            ratios,
            left=left_in * scale,
            right=right_in * scale,
            top=top,
            bottom=bottom,
            gap=0.16 * scale,
        )
    )
    return figure, axes


def add_title(
    figure: Figure, ax: Axes, style: ChartStyle, title: str, start: dt.date, end: dt.date
) -> None:
    """Title (left) and date range (right) above the top axes, when the style asks for titles.

    Both are the axes' own titles, so constrained layout makes room and aligns them with the
    plot's edges.
    """
    if not style.titles:
        return
    ax.set_title(
        title,
        loc="left",
        fontsize=style.title_size,
        fontweight="bold",
        color=style.ink,
        pad=8,
        gid="title",
    )
    ax.set_title(span(start, end), loc="right", fontsize=style.small_size, color=style.muted, pad=8)


def style_axes(ax: Axes, style: ChartStyle, *, grid_y: bool = True) -> None:
    ax.set_facecolor(style.background)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(style.grid)
    ax.tick_params(axis="both", length=0, pad=4, colors=style.muted)
    ax.tick_params(axis="x", length=3, color=style.grid)
    if grid_y:
        ax.grid(axis="y", color=style.grid, linewidth=0.8)
        ax.set_axisbelow(True)
    ax.yaxis.label.set_fontsize(style.small_size)
    ax.yaxis.label.set_color(style.muted)


def date_axis(ax: Axes, start: dt.date, end: dt.date) -> None:
    """A time x-axis from ``start`` to the end of ``end`` with short, uncluttered labels."""
    locator = AutoDateLocator(minticks=3, maxticks=8)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    formatter = ConciseDateFormatter(locator, show_offset=False)  # type: ignore[no-untyped-call]
    formatter.formats = ["%Y", "%b", "%d %b", "%H:%M", "%H:%M", "%S.%f"]
    formatter.zero_formats = ["", "%Y", "%b", "%d %b", "%H:%M", "%H:%M"]
    ax.xaxis.set_major_formatter(formatter)
    ax.set_xlim(day_number(start) - 0.5, day_number(end) + 1.5)


def date_axes(axes: Sequence[Axes], start: dt.date, end: dt.date) -> None:
    """Stacked panels over the same days: one date axis, labelled under the bottom panel only.

    The panels are not "shared" axes: the upper ones get no ticks at all, which saves drawing
    (and laying out) labels nobody sees.
    """
    from matplotlib.ticker import NullLocator

    date_axis(axes[-1], start, end)
    for ax in axes[:-1]:
        ax.set_xlim(axes[-1].get_xlim())
        ax.xaxis.set_major_locator(NullLocator())
        ax.xaxis.set_minor_locator(NullLocator())


def percent_axis(ax: Axes, label: str) -> None:
    ax.set_ylim(0, 104)
    ax.set_yticks([0, 25, 50, 75, 100])
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: f"{value:.0f}%"))
    ax.set_ylabel(label)


def count_axis(ax: Axes, top: float, label: str) -> None:
    ax.set_ylim(0, max(top, 1) * 1.12)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True, min_n_ticks=2))
    ax.set_ylabel(label)


def rectangles(
    x0: Sequence[float], x1: Sequence[float], y0: Sequence[float], y1: Sequence[float]
) -> list[list[tuple[float, float]]]:
    return [[(a, c), (a, d), (b, d), (b, c)] for a, b, c, d in zip(x0, x1, y0, y1, strict=True)]


#: Above this many weeks, weekly bars touch (an area) instead of standing apart.
DENSE_WEEKS = 80


def week_edges(weeks: Sequence[dt.date], dense: bool = False) -> tuple[list[float], list[float]]:
    """Left and right x of each week's bar: a gap either side, none when ``dense``."""
    pad = 0.0 if dense else 0.9
    return [day_number(w) + pad for w in weeks], [day_number(w) + 7 - pad for w in weeks]


def tint(color: str, background: str, amount: float) -> tuple[float, float, float]:
    """``color`` mixed into ``background``: ``amount`` 0 is the background, 1 the colour."""
    from matplotlib.colors import to_rgb

    fg, bg = to_rgb(color), to_rgb(background)
    return (
        bg[0] + (fg[0] - bg[0]) * amount,
        bg[1] + (fg[1] - bg[1]) * amount,
        bg[2] + (fg[2] - bg[2]) * amount,
    )


def bars(
    ax: Axes,
    x0: Sequence[float],
    x1: Sequence[float],
    y0: Sequence[float],
    y1: Sequence[float],
    *,
    gid: str,
    label: str | None = None,
    **props: Any,
) -> PolyCollection:
    """Rectangles ``x0…x1`` × ``y0…y1`` as one collection (fast to draw, one gid)."""
    props.setdefault("linewidths", 0)
    collection = PolyCollection(rectangles(x0, x1, y0, y1), closed=True, **props)
    collection.set_gid(gid)
    if label is not None:
        collection.set_label(label)
    ax.add_collection(collection, autolim=False)
    return collection


def crosses(
    ax: Axes,
    cells: Sequence[tuple[float, float, float, float]],
    *,
    gid: str,
    inset: float = 0.18,
    **props: Any,
) -> LineCollection:
    """An × across each cell ``(x0, x1, y0, y1)``, ``inset`` (a share of the cell) from its
    corners: a mark that tells a cell apart in black and white, not only by its shade."""
    segments = []
    for x0, x1, y0, y1 in cells:
        dx, dy = (x1 - x0) * inset, (y1 - y0) * inset
        left, right, top, bottom = x0 + dx, x1 - dx, y0 + dy, y1 - dy
        segments += [[(left, top), (right, bottom)], [(left, bottom), (right, top)]]
    collection = LineCollection(segments, **props)
    collection.set_gid(gid)
    ax.add_collection(collection, autolim=False)
    return collection


def threshold(ax: Axes, y: float, label: str, style: ChartStyle) -> None:
    """A dark grey dashed line at ``y``, its label written at the line's right end."""
    ax.axhline(
        y,
        color=style.threshold,
        linewidth=1.1,
        linestyle=THRESHOLD_DASHES,
        gid="threshold",
        zorder=4,
    )
    ax.annotate(
        label,
        xy=(1.0, y),
        xycoords=("axes fraction", "data"),
        xytext=(5, 0),
        textcoords="offset points",
        ha="left",
        va="center",
        fontsize=style.small_size,
        color=style.threshold,
        gid="threshold.label",
        annotation_clip=False,
    )


#: The legend's own spacing, in multiples of its font size (as passed to ``figure.legend``).
_HANDLE, _HANDLE_PAD, _COLUMN_GAP, _BORDER = 1.8, 0.8, 1.6, 0.2


def _legend_width_in(labels: Sequence[str], columns: int, size: float) -> float:
    """How wide a legend of ``labels`` in ``columns`` columns is, in inches. matplotlib fills
    the columns in order, the first ones an entry longer when the count doesn't divide."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    measure = TextToPath()
    prop = FontProperties(size=size)
    chunks, first = [], 0
    for column in range(columns):
        count = len(labels) // columns + (1 if column < len(labels) % columns else 0)
        chunks.append(labels[first : first + count])
        first += count
    chunks = [chunk for chunk in chunks if chunk]
    widest = [
        max(measure.get_text_width_height_descent(label, prop, ismath=False)[0] for label in chunk)
        for chunk in chunks
    ]
    points = sum(widest) + len(chunks) * (_HANDLE + _HANDLE_PAD) * size
    points += (len(chunks) - 1) * _COLUMN_GAP * size + 2 * _BORDER * size
    return points / 72 * 1.05  # glyph outlines measure a little narrower than drawn text


def legend_columns(labels: Sequence[str], size: float, room_in: float) -> int:
    """The most columns (up to five) whose legend fits ``room_in`` inches; one at least."""
    for columns in range(min(len(labels), 5), 1, -1):
        if _legend_width_in(labels, columns, size) <= room_in:
            return columns
    return 1


def _wrap_label(label: str, size: float, room_in: float) -> str:
    """A label too long for a one-column legend, broken between words onto more lines."""
    lines: list[str] = []
    for word in label.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and _legend_width_in([trial], 1, size) > room_in:
            lines.append(word)
        else:
            lines[-1:] = [trial]
    return "\n".join(lines)


def legend_below(
    figure: Figure, style: ChartStyle, handles: Sequence[Any], *, left_in: float = 0.9
) -> None:
    """The legend along the bottom of the figure, without a frame, in as many rows as it needs
    to stay inside the figure: each row more makes the figure taller by one legend row (the
    plot keeps its size), so no entry ever runs past the right edge (or a page's margin)."""
    scale = style.base_size / 10.0
    left = left_in * scale - 0.1
    labels = [str(handle.get_label()) for handle in handles]
    room = figure.get_figwidth() - left - 0.1 * scale
    columns = legend_columns(labels, style.small_size, room)
    if columns == 1:
        labels = [_wrap_label(label, style.small_size, room) for label in labels]
    lines = [label.count("\n") + 1 for label in labels]
    per_column = -(-len(labels) // columns)
    extra_rows = (sum(lines) if columns == 1 else per_column) - 1
    if extra_rows:
        extra = extra_rows * 0.28 * scale
        width, height = figure.get_size_inches()
        figure.set_size_inches(width, height + extra)
        engine = figure.get_layout_engine()
        if isinstance(engine, MarginLayout):
            engine.grow_bottom(extra)
    legend = figure.legend(
        handles=list(handles),
        labels=labels,
        loc="lower left",
        bbox_to_anchor=(left, 0.04),
        bbox_transform=figure.dpi_scale_trans,
        ncols=columns,
        frameon=False,
        fontsize=style.small_size,
        handlelength=_HANDLE,
        handletextpad=_HANDLE_PAD,
        handleheight=0.9,
        columnspacing=_COLUMN_GAP,
        borderaxespad=0.0,
        borderpad=_BORDER,
    )
    for text in legend.get_texts():
        text.set_color(style.muted)


def empty_figure(
    style: ChartStyle, title: str, start: dt.date, end: dt.date, hint: str = ""
) -> Figure:
    """A calm placeholder with no data artists: "Nothing recorded in this period yet."."""
    with styled(style):
        height = 2.4 if style.titles else 1.4
        figure, (ax,) = new_figure(style, height, legend_rows=0, x_labels=False)
        add_title(figure, ax, style, title, start, end)
        ax.set_axis_off()
        message = NOTHING_YET if not hint else f"{NOTHING_YET}\n{hint}"
        ax.text(
            0.5,
            0.5,
            message,
            ha="center",
            va="center",
            fontsize=style.label_size,
            color=style.muted,
            linespacing=1.6,
            transform=ax.transAxes,
            gid="empty.message",
        )
    return figure


def build(style: ChartStyle, draw: Callable[[], Figure]) -> Figure:
    """Run ``draw`` under the style's settings."""
    with styled(style):
        return draw()

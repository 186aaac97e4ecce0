"""Year in pixels: one cell per day, one row per month (31 columns).

Abstinent days are filled bluish green; days with use are vermillion with a white ×, so the two
differ in black and white by their mark, not only by a shade of grey;
days not filled in are light grey and hatched; days outside tracking or outside the range are
left blank. A blue dot marks a day with a meeting and a small orange square a day with a two-way
sponsor contact. Up to two years read as one block of month rows; longer ranges are laid out as
one block per calendar year, side by side, so ten years still fit on a screen.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from recovery_journal.charts.series import days_in
from recovery_journal.charts.style import UNKNOWN_HATCH, ChartStyle
from recovery_journal.charts.words import MONTHS, NOTHING_YET, long_date, plural
from recovery_journal.domain.attendance import meeting_events
from recovery_journal.domain.contacts import two_way_contacts
from recovery_journal.domain.dates import add_months, month_start
from recovery_journal.domain.day_calendar import DayCalendar
from recovery_journal.domain.models import DayStatus, JournalData
from recovery_journal.domain.pda import PdaWindow, pda_window

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = "Day by day"
#: Ranges of up to this many months are one block of month rows; longer ones one block a year.
SINGLE_BLOCK_MONTHS = 24
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_STATUS_WORDS = {
    DayStatus.ABSTINENT: "abstinent",
    DayStatus.USED: "a day with use",
    DayStatus.UNKNOWN: "not filled in yet",
}
_INSET = 0.08


@dataclass(frozen=True, slots=True)
class CalendarSeries:
    start: dt.date
    end: dt.date
    days: tuple[tuple[dt.date, DayStatus], ...]  # tracked days of the range, domain status
    meetings: dict[dt.date, int]  # meetings per day, in the range
    contacts: dict[dt.date, int]  # two-way contacts per day, in the range
    overall: PdaWindow  # day counts over the range

    @property
    def is_empty(self) -> bool:
        return self.overall.known == 0 and not self.meetings and not self.contacts

    def status_of(self, day: dt.date) -> DayStatus | None:
        if not self.days or not self.days[0][0] <= day <= self.days[-1][0]:
            return None
        return self.days[(day - self.days[0][0]).days][1]


def series(data: JournalData, start: dt.date, end: dt.date) -> CalendarSeries:
    calendar = DayCalendar.from_journal(data, end)
    days: list[tuple[dt.date, DayStatus]] = []
    first = calendar.first_day
    if first is not None:
        for day in days_in(max(start, first), end):
            status = calendar.status_on(day)
            if status is not None:
                days.append((day, status))
    meetings = Counter(d for d in meeting_events(data, end).dates if start <= d <= end)
    contacts = Counter(d for d in two_way_contacts(data, end).dates if start <= d <= end)
    return CalendarSeries(
        start=start,
        end=end,
        days=tuple(days),
        meetings=dict(meetings),
        contacts=dict(contacts),
        overall=pda_window(calendar, start, end),
    )


@dataclass(frozen=True, slots=True)
class Layout:
    """Where each day's cell sits: column = day of month - 1, row = month within its block."""

    first_month: dt.date
    months: int
    single: bool
    block_columns: int
    first_year: int
    years: int

    GAP_X = 4.5
    GAP_Y = 2.6

    @classmethod
    def for_range(cls, start: dt.date, end: dt.date) -> Layout:
        first = month_start(start)
        months = (end.year - first.year) * 12 + end.month - first.month + 1
        single = months <= SINGLE_BLOCK_MONTHS
        years = end.year - start.year + 1
        columns = 1 if single else (2 if years <= 4 else 3)
        return cls(first, months, single, columns, start.year, years)

    @property
    def block_rows(self) -> int:
        return self.months if self.single else 12

    @property
    def grid_rows(self) -> int:
        return 1 if self.single else math.ceil(self.years / self.block_columns)

    @property
    def width(self) -> float:
        return self.block_columns * 31 + (self.block_columns - 1) * self.GAP_X

    @property
    def height(self) -> float:
        return self.grid_rows * self.block_rows + (self.grid_rows - 1) * self.GAP_Y

    def block_origin(self, year: int) -> tuple[float, float]:
        if self.single:
            return 0.0, 0.0
        index = year - self.first_year
        column, row = index % self.block_columns, index // self.block_columns
        return column * (31 + self.GAP_X), row * (12 + self.GAP_Y)

    def cell(self, day: dt.date) -> tuple[float, float]:
        """Top-left corner of the day's cell (y grows downwards)."""
        if self.single:
            row = (day.year - self.first_month.year) * 12 + day.month - self.first_month.month
            return float(day.day - 1), float(row)
        x, y = self.block_origin(day.year)
        return x + day.day - 1, y + day.month - 1

    def month_row_origin(self, month: dt.date) -> tuple[float, float]:
        return self.cell(month_start(month))

    def day_at(self, x: float, y: float) -> dt.date | None:
        """The day whose cell holds the point, or ``None``."""
        if x < 0 or y < 0:
            return None
        if self.single:
            column, row = int(x), int(y)
            if column > 30 or row >= self.months:
                return None
            month = add_months(self.first_month, row)
        else:
            block_w, block_h = 31 + self.GAP_X, 12 + self.GAP_Y
            bx, by = int(x // block_w), int(y // block_h)
            column, row = int(x - bx * block_w), int(y - by * block_h)
            if bx >= self.block_columns or column > 30 or row > 11:
                return None
            year = self.first_year + by * self.block_columns + bx
            month = dt.date(year, row + 1, 1)
        try:
            return month.replace(day=column + 1)
        except ValueError:
            return None


#: Side margins (inches at a 10 pt base), label room around the grid (in cells), largest cell.
LEFT_IN, RIGHT_IN = 0.2, 0.3
LABEL_CELLS_X, LABEL_CELLS_Y = 4.5, 1.8
MAX_CELL_IN = 0.25


def cell_size(layout: Layout, style: ChartStyle, width_in: float) -> float:
    """One day's cell in inches for a figure ``width_in`` wide (capped, so wide windows get
    a calm grid rather than giant squares)."""
    room = width_in - (LEFT_IN + RIGHT_IN) * style.scale
    return max(0.02, min(MAX_CELL_IN * style.scale, room / (layout.width + LABEL_CELLS_X)))


def height_for_width(s: CalendarSeries, style: ChartStyle, width_in: float) -> float:
    """The figure height (inches) that fits the grid at ``width_in``: cells stay square."""
    if s.is_empty:
        return 2.4 if style.titles else 1.4
    layout = Layout.for_range(s.start, s.end)
    top, bottom = style.vertical_margins()
    rows = layout.height + LABEL_CELLS_Y
    return top + bottom + rows * cell_size(layout, style, width_in)


def figure(s: CalendarSeries, style: ChartStyle) -> Figure:
    from recovery_journal.charts import draw

    if s.is_empty:
        return draw.empty_figure(style, TITLE, s.start, s.end)
    return draw.build(style, lambda: _draw(s, style))


def _cells(layout: Layout, days: list[dt.date]) -> list[tuple[float, float, float, float]]:
    cells = []
    for day in days:
        x, y = layout.cell(day)
        cells.append((x + _INSET, x + 1 - _INSET, y + _INSET, y + 1 - _INSET))
    return cells


def _draw(s: CalendarSeries, style: ChartStyle) -> Figure:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from recovery_journal.charts import draw

    layout = Layout.for_range(s.start, s.end)
    height = height_for_width(s, style, style.width_in)
    cell_in = cell_size(layout, style, style.width_in)
    fig, (ax,) = draw.new_figure(style, height, left_in=LEFT_IN, right_in=RIGHT_IN, x_labels=False)
    draw.add_title(fig, ax, style, TITLE, s.start, s.end)
    ax.set_axis_off()
    ax.set_aspect("equal")
    ax.set_anchor("W")
    ax.set_xlim(-4.2, layout.width + 0.3)
    ax.set_ylim(layout.height + 0.2, -1.6)

    by_status: dict[DayStatus, list[dt.date]] = {status: [] for status in DayStatus}
    for day, status in s.days:
        if day >= s.start:
            by_status[status].append(day)
    abstinent = _cells(layout, by_status[DayStatus.ABSTINENT])
    used = _cells(layout, by_status[DayStatus.USED])
    unknown = _cells(layout, by_status[DayStatus.UNKNOWN])

    def rect_bars(cells: list[tuple[float, float, float, float]], gid: str, **props: Any) -> Any:
        return draw.bars(
            ax,
            [c[0] for c in cells],
            [c[1] for c in cells],
            [c[2] for c in cells],
            [c[3] for c in cells],
            gid=gid,
            **props,
        )

    rect_bars(abstinent, "calendar.abstinent", facecolors=style.abstinent, zorder=2)
    rect_bars(used, "calendar.used", facecolors=style.used, zorder=2)
    cell_pt = cell_in * 72
    draw.crosses(
        ax,
        used,
        gid="calendar.used.mark",
        colors=style.used_mark,
        linewidths=max(1.1, min(2.6, cell_pt * 0.13)),
        capstyle="round",
        zorder=3,
    )
    rect_bars(
        unknown,
        "calendar.unknown",
        facecolors=style.unknown_fill,
        edgecolors=style.unknown_fill,
        hatchcolor=style.unknown_hatch,
        hatch=UNKNOWN_HATCH,
        linewidths=0.0,
        zorder=2,
    )

    small = cell_pt < 12
    mark = cell_pt * (0.42 if small else 0.34)
    edge = 0.0 if small else 0.6
    meeting_xy = [layout.cell(d) for d in sorted(s.meetings)]
    contact_xy = [layout.cell(d) for d in sorted(s.contacts)]
    ax.scatter(
        [x + 0.3 for x, _ in meeting_xy],
        [y + 0.7 for _, y in meeting_xy],
        s=mark**2,
        marker="o",
        c=style.meeting,
        edgecolors=style.background,
        linewidths=edge,
        gid="calendar.meetings",
        zorder=4,
    )
    ax.scatter(
        [x + 0.72 for x, _ in contact_xy],
        [y + 0.7 for _, y in contact_xy],
        s=(mark * 0.9) ** 2,
        marker="s",
        c=style.contact,
        edgecolors=style.background,
        linewidths=edge,
        gid="calendar.contacts",
        zorder=4,
    )
    _labels(ax, layout, s, style)
    handles = [
        Patch(facecolor=style.abstinent, label="Abstinent"),
        Patch(facecolor=style.used, edgecolor=style.used_mark, hatch="x", label="Used"),
        Patch(
            facecolor=style.unknown_fill,
            edgecolor=style.unknown_hatch,
            hatch=UNKNOWN_HATCH,
            label="Not filled in",
        ),
        Line2D([], [], linestyle="none", marker="o", color=style.meeting, label="Meeting"),
        Line2D([], [], linestyle="none", marker="s", color=style.contact, label="Sponsor contact"),
    ]
    draw.legend_below(fig, style, handles)
    return fig


def _labels(ax: object, layout: Layout, s: CalendarSeries, style: ChartStyle) -> None:
    from matplotlib.axes import Axes

    assert isinstance(ax, Axes)
    size = style.small_size
    if layout.single:
        for offset in range(layout.months):
            month = add_months(layout.first_month, offset)
            x, y = layout.month_row_origin(month)
            name = MONTHS[month.month - 1][:3]
            if offset == 0 or month.month == 1:
                name += f" {month.year}"
            ax.text(-0.4, y + 0.5, name, ha="right", va="center", fontsize=size, color=style.muted)
        for day in (1, 10, 20, 31):
            ax.text(
                day - 0.5,
                -0.35,
                str(day),
                ha="center",
                va="bottom",
                fontsize=size * 0.9,
                color=style.muted,
            )
        return
    for year in range(layout.first_year, layout.first_year + layout.years):
        x, y = layout.block_origin(year)
        ax.text(
            x,
            y - 0.35,
            str(year),
            ha="left",
            va="bottom",
            fontsize=size,
            color=style.ink,
            fontweight="bold",
        )
        for number in (1, 4, 7, 10):
            ax.text(
                x - 0.4,
                y + number - 0.5,
                MONTHS[number - 1][:3],
                ha="right",
                va="center",
                fontsize=size * 0.85,
                color=style.muted,
            )


def summary(s: CalendarSeries) -> str:
    if s.is_empty:
        return NOTHING_YET
    o = s.overall
    parts = [
        f"Of the {plural(o.days, 'day')} from {long_date(o.start or s.start)} to "
        f"{long_date(s.end)}, {o.abstinent} {'was' if o.abstinent == 1 else 'were'} abstinent, "
        f"{o.used} you marked as used and {o.unknown} {'is' if o.unknown == 1 else 'are'} not "
        "filled in yet."
    ]
    parts.append(
        f"Dots mark the {plural(len(s.meetings), 'day')} with a meeting and small squares the "
        f"{plural(len(s.contacts), 'day')} you and your sponsor were in touch."
    )
    return " ".join(parts)


def describe(s: CalendarSeries, x: float, y: float) -> str | None:
    layout = Layout.for_range(s.start, s.end)
    day = layout.day_at(x, y)
    if day is None or not s.start <= day <= s.end:
        return None
    status = s.status_of(day)
    words = [f"{_WEEKDAYS[day.weekday()]} {long_date(day)}"]
    words.append("before you started tracking" if status is None else _STATUS_WORDS[status])
    if s.meetings.get(day):
        words.append(plural(s.meetings[day], "meeting"))
    if s.contacts.get(day):
        words.append(plural(s.contacts[day], "sponsor contact"))
    return " · ".join(words)

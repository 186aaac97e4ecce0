"""The sponsor relationship check-in: its score (0–100) over time with the four areas, and a
marked line wherever a sponsor began. The line breaks at a sponsor change, because scores for
two different relationships are not one trend. The items are the product's own wording, not a
validated instrument, and the summary says so. Scores read as whole numbers (halves up), as
on the Sponsor page; the data keep the domain's one decimal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from recovery_journal.charts.series import date_of, day_number
from recovery_journal.charts.style import ChartStyle
from recovery_journal.charts.words import NOTHING_YET, long_date, plural, whole
from recovery_journal.domain.alliance import (
    AllianceLatest,
    alliance_latest,
    alliance_score,
    area_scores,
    checkins_in_order,
    latest_per_date,
)
from recovery_journal.domain.dates import ONE_DAY
from recovery_journal.domain.models import ALLIANCE_AREAS, JournalData
from recovery_journal.domain.sponsors import start_key

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = "Your sponsor relationship"
NOT_VALIDATED = "These questions are the app's own wording, not a validated test."
#: The four areas in plain words, as on the Sponsor page (the research's bond, goals, tasks).
AREA_LABELS = {
    "bond": "Feeling cared for",
    "respect": "Respect",
    "goals": "Shared goals",
    "tasks": "Working together",
}
#: The left margin (inches at a 10 pt font) that fits the areas' plain names.
LEFT_IN = 1.45
#: The area strip's colour ramp, from "scored low" to "scored high" (light, dark theme): one
#: hue getting deeper, so it reads in greyscale as lighter → darker (brighter in dark mode).
_AREA_LOW = {False: "#F7EAF2", True: "#3B3138"}
_AREA_HIGH = {False: "#9E3D74", True: "#F0B6D6"}
#: A check-in's area cell reaches to the next check-in, but no further than this many days.
AREA_CELL_MAX_DAYS = 45


@dataclass(frozen=True, slots=True)
class CheckinPoint:
    date: dt.date
    score: float | None  # ``None`` with fewer than 6 answers
    areas: dict[str, float | None]


@dataclass(frozen=True, slots=True)
class SponsorStart:
    date: dt.date
    name: str
    is_change: bool  # another sponsor started before this one


@dataclass(frozen=True, slots=True)
class AllianceSeries:
    start: dt.date
    end: dt.date
    points: tuple[CheckinPoint, ...]  # one per date (the one entered last), in the range
    sponsor_starts: tuple[SponsorStart, ...]  # sponsors who began inside the range
    latest: AllianceLatest  # domain ``alliance_latest`` as of ``end``

    @property
    def is_empty(self) -> bool:
        return not self.points

    @property
    def scored(self) -> list[CheckinPoint]:
        return [p for p in self.points if p.score is not None]

    def segments(self) -> list[list[CheckinPoint]]:
        """Scored points split wherever a sponsor began between two check-ins."""
        breaks = sorted(start.date for start in self.sponsor_starts)
        groups: list[list[CheckinPoint]] = []
        current: list[CheckinPoint] = []
        last_index = -1
        for point in self.scored:
            index = sum(1 for b in breaks if b <= point.date)
            if current and index != last_index:
                groups.append(current)
                current = []
            current.append(point)
            last_index = index
        if current:
            groups.append(current)
        return groups


def series(data: JournalData, start: dt.date, end: dt.date) -> AllianceSeries:
    ordered = latest_per_date(checkins_in_order(data.checkins, end))
    points = tuple(
        CheckinPoint(c.date, alliance_score(c.answers), area_scores(c.answers))
        for c in ordered
        if c.date >= start
    )
    sponsors = sorted(data.sponsors, key=start_key)
    starts = tuple(
        SponsorStart(sponsor.started_on, sponsor.name, is_change=index > 0)
        for index, sponsor in enumerate(sponsors)
        if sponsor.started_on is not None and start <= sponsor.started_on <= end
    )
    return AllianceSeries(start, end, points, starts, alliance_latest(data.checkins, end))


def figure(s: AllianceSeries, style: ChartStyle) -> Figure:
    from recovery_journal.charts import draw

    if s.is_empty:
        return draw.empty_figure(
            style, TITLE, s.start, s.end, "A relationship check-in takes a minute, under Sponsor."
        )
    return draw.build(style, lambda: _draw(s, style))


def _draw(s: AllianceSeries, style: ChartStyle) -> Figure:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from recovery_journal.charts import draw

    fig, (top, bottom) = draw.new_figure(style, 4.2, (2.4, 1.0), left_in=LEFT_IN)
    draw.add_title(fig, top, style, TITLE, s.start, s.end)
    draw.style_axes(top, style)
    draw.style_axes(bottom, style, grid_y=False)
    draw.percent_axis(top, "Score (0–100)")
    top.yaxis.set_major_formatter("{x:.0f}")
    draw.date_axes((top, bottom), s.start, s.end)
    few = len(s.points) <= 24

    for segment in s.segments():
        top.plot(
            [day_number(p.date) for p in segment],
            [p.score or 0.0 for p in segment],
            color=style.score,
            linewidth=2.4,
            marker="o",
            markersize=5.5 if few else 3,
            markeredgecolor=style.background,
            markeredgewidth=0.9,
            gid="alliance.score",
            zorder=4,
        )
    handles: list[object] = [
        Line2D([], [], color=style.score, linewidth=2.4, marker="o", label="Relationship score")
    ]
    _area_strip(bottom, s, style)
    handles += [
        Patch(
            facecolor=_AREA_LOW[style.is_dark],
            edgecolor=style.muted,
            linewidth=0.5,
            label="Area scored low",
        ),
        Patch(facecolor=_AREA_HIGH[style.is_dark], label="Area scored high"),
    ]

    for sponsor_start in s.sponsor_starts:
        x = day_number(sponsor_start.date)
        for ax in (top, bottom):
            ax.axvline(
                x,
                color=style.threshold,
                linewidth=1.1,
                linestyle=(0, (2, 2)),
                gid="alliance.sponsor_change",
                zorder=2,
            )
        words = "New sponsor" if sponsor_start.is_change else "Sponsor"
        top.annotate(
            f"{words}: {sponsor_start.name}",
            xy=(x, 0.02),
            xycoords=("data", "axes fraction"),
            xytext=(5, 0),
            textcoords="offset points",
            ha="left",
            va="bottom",
            fontsize=style.small_size,
            color=style.threshold,
            gid="alliance.sponsor_change.label",
            zorder=5,
        )
    draw.legend_below(fig, style, handles, left_in=LEFT_IN)
    return fig


def area_cells(s: AllianceSeries) -> dict[str, list[tuple[dt.date, dt.date, float]]]:
    """For each area, ``(from, to, score)`` cells: a check-in's area score from its date to
    the next check-in, at most 45 days, never past a sponsor change or the end of the range."""
    cells: dict[str, list[tuple[dt.date, dt.date, float]]] = {area: [] for area in ALLIANCE_AREAS}
    limit = dt.timedelta(days=AREA_CELL_MAX_DAYS)
    changes = [start.date for start in s.sponsor_starts]
    for index, point in enumerate(s.points):
        following = s.points[index + 1].date if index + 1 < len(s.points) else s.end + ONE_DAY
        until = min([following, point.date + limit, *(c for c in changes if c > point.date)])
        for area, value in point.areas.items():
            if value is not None:
                cells[area].append((point.date, until, value))
    return cells


def _area_strip(ax: Any, s: AllianceSeries, style: ChartStyle) -> None:
    from matplotlib.colors import LinearSegmentedColormap, Normalize

    from recovery_journal.charts import draw

    ramp = LinearSegmentedColormap.from_list(
        "area", [_AREA_LOW[style.is_dark], style.score, _AREA_HIGH[style.is_dark]]
    )
    names = list(ALLIANCE_AREAS)
    for row, (area, cells) in enumerate(area_cells(s).items()):
        if not cells:
            continue
        y = len(names) - 1 - row
        collection = draw.bars(
            ax,
            [day_number(a) for a, _, _ in cells],
            [day_number(b) - min(1.5, 0.1 * (b - a).days) for a, b, _ in cells],
            [y + 0.12] * len(cells),
            [y + 0.88] * len(cells),
            gid=f"alliance.area.{area}",
            cmap=ramp,
            norm=Normalize(0, 100),
            zorder=2,
        )
        collection.set_array([v for _, _, v in cells])
    ax.set_ylim(0, len(names))
    ax.set_yticks([len(names) - 1 - i + 0.5 for i in range(len(names))])
    ax.set_yticklabels([AREA_LABELS[a] for a in names])
    ax.tick_params(axis="y", labelsize=style.small_size)


def summary(s: AllianceSeries) -> str:
    if s.is_empty:
        return f"{NOTHING_YET} {NOT_VALIDATED}"
    parts = [
        f"From {long_date(s.start)} to {long_date(s.end)} you did "
        f"{plural(len(s.points), 'relationship check-in')}."
    ]
    latest = s.latest
    if latest.date is not None and latest.score is not None:
        parts.append(
            f"The latest, on {long_date(latest.date)}, scored {whole(latest.score)} out of 100."
        )
    unscored = len(s.points) - len(s.scored)
    if unscored == 1:
        parts.append("1 check-in had fewer than 6 answers, so it has no score.")
    elif unscored:
        parts.append(f"{unscored} check-ins had fewer than 6 answers, so they have no score.")
    for sponsor_start in s.sponsor_starts:
        words = "a new sponsor" if sponsor_start.is_change else "your sponsor"
        parts.append(f"{sponsor_start.name} became {words} on {long_date(sponsor_start.date)}.")
    parts.append(NOT_VALIDATED)
    return " ".join(parts)


def describe(s: AllianceSeries, x: float, y: float) -> str | None:
    if not s.points:
        return None
    day = date_of(x + 0.5)
    nearest = min(s.points, key=lambda p: abs((p.date - day).days))
    if abs((nearest.date - day).days) > max(3, (s.end - s.start).days // 60):
        return None
    if nearest.score is None:
        return f"Check-in on {long_date(nearest.date)}: fewer than 6 answers, no score"
    areas = ", ".join(
        f"{AREA_LABELS[area]}: {whole(value)}"
        for area, value in nearest.areas.items()
        if value is not None
    )
    text = f"Check-in on {long_date(nearest.date)}: {whole(nearest.score)} out of 100"
    return f"{text}\n{areas}" if areas else text

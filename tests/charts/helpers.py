"""Reading a Figure's data back from its artists (never its pixels)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence

import numpy as np
from matplotlib.artist import Artist
from matplotlib.collections import Collection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from recovery_journal.charts.draw import DECORATION_GIDS
from recovery_journal.charts.series import day_number


def all_artists(fig: Figure) -> list[Artist]:
    found: list[Artist] = []
    for ax in fig.axes:
        found.extend(ax.get_children())
    found.extend(fig.texts)
    return found


def by_gid(fig: Figure, gid: str) -> list[Artist]:
    return [a for a in all_artists(fig) if a.get_gid() == gid]


def one(fig: Figure, gid: str) -> Artist:
    found = by_gid(fig, gid)
    assert len(found) == 1, f"{gid}: {len(found)} artists"
    return found[0]


def data_gids(fig: Figure) -> set[str]:
    """gids of every artist that plots data (decorations and titles left out)."""
    return {
        gid
        for a in all_artists(fig)
        if (gid := a.get_gid()) and gid not in DECORATION_GIDS and not gid.endswith(".label")
    }


def rects(collection: Artist) -> list[tuple[float, float, float, float]]:
    """``(x0, x1, y0, y1)`` of each rectangle of a PolyCollection, in data units."""
    assert isinstance(collection, PolyCollection)
    out = []
    for path in collection.get_paths():
        xs, ys = path.vertices[:, 0], path.vertices[:, 1]
        out.append((float(xs.min()), float(xs.max()), float(ys.min()), float(ys.max())))
    return out


def line_xy(line: Artist) -> tuple[list[float], list[float]]:
    assert isinstance(line, Line2D)
    return [float(x) for x in line.get_xdata()], [float(y) for y in line.get_ydata()]


def offsets(collection: Artist) -> list[tuple[float, float]]:
    assert isinstance(collection, Collection)
    return [(float(x), float(y)) for x, y in collection.get_offsets()]


def texts(fig: Figure) -> list[str]:
    return [a.get_text() for a in all_artists(fig) if isinstance(a, Text) and a.get_text()]


def same(values: Sequence[float], expected: Sequence[float | None]) -> bool:
    """Equal element by element, NaN matching ``None``/NaN (floats compared closely)."""
    if len(values) != len(expected):
        return False
    for got, want in zip(values, expected, strict=True):
        if want is None or (isinstance(want, float) and math.isnan(want)):
            if not math.isnan(got):
                return False
        elif not math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-12):
            return False
    return True


def x_of(day: dt.date) -> float:
    return float(day_number(day))


def inside(x: float, first: dt.date, last: dt.date) -> bool:
    """``x`` lies on the days ``first … last`` (inclusive) of a date axis."""
    return x_of(first) <= x <= x_of(last) + 1


def array(collection: Artist) -> list[float]:
    assert isinstance(collection, Collection)
    values = collection.get_array()
    assert values is not None
    return [float(v) for v in np.asarray(values)]


def days(start: dt.date, count: int) -> Iterable[dt.date]:
    return (start + dt.timedelta(days=i) for i in range(count))

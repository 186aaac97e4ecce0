"""How every chart looks: the colour-blind-safe palette, light and dark variants, type sizes.

Colours follow ``UI.md`` (Okabe–Ito): abstinent bluish green, used vermillion with a diagonal
mark, unknown light grey with hatching, meetings blue, sponsor contact orange, the relationship
score reddish purple, thresholds dark grey and dashed with a label. Every meaning is also carried
by shape, hatching or a label, so the charts read in greyscale too.

This module does not import matplotlib, so the app can choose a style before the first chart.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

# --- Okabe–Ito -------------------------------------------------------------------------------
ABSTINENT = "#009E73"
USED = "#D55E00"
MEETING = "#0072B2"
CONTACT = "#E69F00"
SCORE = "#CC79A7"
SKY = "#56B4E9"

# --- marks that carry meaning without colour ---------------------------------------------------
UNKNOWN_HATCH = "////"
LOW_COVERAGE_HATCH = "////"
THRESHOLD_DASHES = (0, (5, 3))

#: Export resolution for PNG files (SVG is vector).
EXPORT_DPI = 170


@dataclass(frozen=True, slots=True)
class ChartStyle:
    """Everything a chart builder needs to know about looks; build with :meth:`light` or
    :meth:`dark` and adjust with :meth:`with_`."""

    name: str
    background: str
    ink: str
    muted: str
    grid: str
    threshold: str
    unknown_fill: str
    unknown_hatch: str
    used_mark: str
    empty_cell: str
    base_size: float = 10.0
    font_family: tuple[str, ...] = ()
    dpi: float = 100.0
    width_in: float = 9.0
    titles: bool = True
    abstinent: str = ABSTINENT
    used: str = USED
    meeting: str = MEETING
    contact: str = CONTACT
    score: str = SCORE
    sky: str = SKY

    @classmethod
    def light(cls, **changes: Any) -> ChartStyle:
        style = cls(
            name="light",
            background="#FFFFFF",
            ink="#26292B",
            muted="#5F6468",
            grid="#E3E5E7",
            threshold="#4A4A4A",
            unknown_fill="#E6E6E6",
            unknown_hatch="#9C9C9C",
            used_mark="#FFFFFF",
            empty_cell="#F4F5F6",
        )
        return replace(style, **changes)

    @classmethod
    def dark(cls, **changes: Any) -> ChartStyle:
        style = cls(
            name="dark",
            background="#25282B",
            ink="#E8EAEC",
            muted="#A9AEB3",
            grid="#3A3E42",
            threshold="#B8BCC0",
            unknown_fill="#464A4E",
            unknown_hatch="#8A9096",
            used_mark="#1B1D1F",
            empty_cell="#2E3236",
        )
        return replace(style, **changes)

    @classmethod
    def for_theme(cls, dark: bool, **changes: Any) -> ChartStyle:
        return cls.dark(**changes) if dark else cls.light(**changes)

    def with_(self, **changes: Any) -> ChartStyle:
        return replace(self, **changes)

    @property
    def is_dark(self) -> bool:
        return self.name == "dark"

    # type sizes, relative to the base (the system font size in the app)
    @property
    def title_size(self) -> float:
        return self.base_size * 1.3

    @property
    def label_size(self) -> float:
        return self.base_size

    @property
    def small_size(self) -> float:
        return self.base_size * 0.9

    @property
    def scale(self) -> float:
        """Margins grow with the font: 1.0 at a 10 pt base."""
        return self.base_size / 10.0

    def vertical_margins(self, legend_rows: int = 1, x_labels: bool = True) -> tuple[float, float]:
        """Room above the plot (title) and below it (tick labels, legend), in inches."""
        top = (0.5 if self.titles else 0.16) * self.scale
        bottom = (0.34 if x_labels else 0.1) * self.scale + legend_rows * 0.28 * self.scale + 0.1
        return top, bottom

    def rc(self) -> dict[str, Any]:
        """matplotlib settings for ``matplotlib.rc_context`` while a figure is built and drawn."""
        params: dict[str, Any] = {
            "font.size": self.base_size,
            "text.color": self.ink,
            "axes.labelcolor": self.muted,
            "axes.edgecolor": self.grid,
            "axes.facecolor": self.background,
            "figure.facecolor": self.background,
            "savefig.facecolor": self.background,
            "xtick.color": self.muted,
            "ytick.color": self.muted,
            "xtick.labelcolor": self.muted,
            "ytick.labelcolor": self.muted,
            "xtick.labelsize": self.small_size,
            "ytick.labelsize": self.small_size,
            "legend.fontsize": self.small_size,
            "hatch.linewidth": 0.8,
            "svg.fonttype": "none",
            "path.simplify": True,
        }
        if self.font_family:
            params["font.family"] = [*self.font_family, "sans-serif"]
        return params

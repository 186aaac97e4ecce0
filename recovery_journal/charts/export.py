"""Saving a chart as PNG (raster, 170 dpi) or SVG (vectors), readable by this user only."""

from __future__ import annotations

import io
import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recovery_journal.charts.style import EXPORT_DPI, ChartStyle

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FORMATS = ("png", "svg")


def format_for(path: Path) -> str:
    """``png`` or ``svg`` from the file name; anything else is a ``ValueError``."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"{Path(path).name}: the file name must end in .png or .svg")
    return suffix


def figure_bytes(figure: Figure, fmt: str, style: ChartStyle | None = None) -> bytes:
    """The figure as PNG or SVG bytes, drawn with the non-interactive Agg or SVG canvas."""
    import matplotlib

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    from matplotlib.backend_bases import FigureCanvasBase
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    canvas: type[FigureCanvasBase] = FigureCanvasAgg if fmt == "png" else FigureCanvasSVG
    params: Any = style.rc() if style is not None else {}
    buffer = io.BytesIO()
    with matplotlib.rc_context(params):
        original = figure.canvas
        canvas(figure)
        try:
            figure.savefig(
                buffer,
                format=fmt,
                dpi=EXPORT_DPI,
                facecolor=figure.get_facecolor(),
                metadata={"Software": None} if fmt == "png" else {"Date": None},
            )
        finally:
            figure.set_canvas(original)
    return buffer.getvalue()


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` with mode 0600, replacing any earlier file in one step."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp-{secrets.token_hex(6)}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def save_figure(figure: Figure, path: Path, style: ChartStyle | None = None) -> str:
    """Save as PNG or SVG by the file's extension, mode 0600; returns the format used."""
    fmt = format_for(path)
    write_private(Path(path), figure_bytes(figure, fmt, style))
    return fmt

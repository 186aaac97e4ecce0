"""The app icon and the sidebar's line icons, from ``recovery_journal/resources/icons``.

The app icon is a set of pre-rendered PNGs (no SVG renderer needed at start-up). Line icons
are SVGs drawn in ``currentColor``; they are tinted with the palette's text colour when loaded,
so they follow light and dark themes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ICONS = RESOURCES / "icons"
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


@cache
def app_icon() -> QIcon:
    icon = QIcon()
    for size in APP_ICON_SIZES:
        icon.addFile(str(ICONS / "app" / f"recovery-journal-{size}.png"), QSize(size, size))
    return icon


def line_icon(name: str, colour: QColor, size: int = 24, ratio: float = 2.0) -> QIcon:
    """The line icon ``name`` (see ``resources/icons/line``) drawn in ``colour``."""
    from PySide6.QtSvg import QSvgRenderer  # only once the journal window is built

    svg = (ICONS / "line" / f"{name}.svg").read_text(encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour.name()).encode()))
    pixels = round(size * ratio)
    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return QIcon(pixmap)

"""Colours (Okabe–Ito, UI.md) and the light/dark theme.

The app follows the system's colour scheme. The Settings override (light or dark) asks Qt for
that scheme (Qt 6.8+) and also sets a matching Fusion palette, because not every platform
honours the request. Sizes always come from the system font; nothing here sets pixel sizes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from recovery_journal.domain.models import Theme

# Okabe–Ito colours and what they mean (UI.md). Never used as the only signal.
ABSTINENT = QColor("#009E73")  # bluish green
USED = QColor("#D55E00")  # vermillion
MEETING = QColor("#0072B2")  # blue
CONTACT = QColor("#E69F00")  # orange
RELATIONSHIP = QColor("#CC79A7")  # reddish purple
UNKNOWN = QColor("#BBBBBB")  # light grey (always hatched where it marks a day)

_style_at_start: str | None = None


def _palette(dark: bool) -> QPalette:
    if dark:
        window, base, text, button = "#202124", "#2a2b2e", "#e8e8e6", "#303134"
        alt, mid, disabled, link = "#26272a", "#5f6368", "#8a8c90", "#56B4E9"
        highlight, highlighted_text = "#0072B2", "#ffffff"
    else:
        window, base, text, button = "#f6f5f2", "#ffffff", "#1f2328", "#ecebe7"
        alt, mid, disabled, link = "#f0efeb", "#b8b6b0", "#80817f", "#0060a0"
        highlight, highlighted_text = "#0072B2", "#ffffff"
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: alt,
        QPalette.ColorRole.ToolTipBase: base,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: disabled,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Link: link,
        QPalette.ColorRole.Highlight: highlight,
        QPalette.ColorRole.HighlightedText: highlighted_text,
        QPalette.ColorRole.Mid: mid,
        QPalette.ColorRole.Dark: mid,
        QPalette.ColorRole.Light: base,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return palette


def apply_theme(theme: Theme) -> None:
    """Follow the system (``Theme.SYSTEM``) or force light or dark."""
    global _style_at_start
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _style_at_start is None:
        _style_at_start = app.style().name()
    hints = QGuiApplication.styleHints()
    if theme == Theme.SYSTEM:
        hints.unsetColorScheme()
        app.setStyle(QStyleFactory.create(_style_at_start))
        app.setPalette(app.style().standardPalette())
        return
    dark = theme == Theme.DARK
    hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(_palette(dark))


def is_dark(widget: QWidget | None = None) -> bool:
    palette = widget.palette() if widget is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def scaled_font(base: QFont, factor: float, *, bold: bool = False) -> QFont:
    """The system font scaled (headings, big numbers); never a fixed pixel size."""
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    else:
        font.setPixelSize(max(1, round(font.pixelSize() * factor)))
    font.setBold(bold)
    return font


def muted_text_colour(widget: QWidget) -> QColor:
    """Secondary text that still reads well (4.5:1 on the window in both themes)."""
    palette = widget.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    mixed = QColor(
        round(text.red() * 0.72 + window.red() * 0.28),
        round(text.green() * 0.72 + window.green() * 0.28),
        round(text.blue() * 0.72 + window.blue() * 0.28),
    )
    return mixed

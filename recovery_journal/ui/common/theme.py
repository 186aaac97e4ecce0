"""Colours (Okabe–Ito, UI.md), the light/dark theme and the text size.

The app follows the system's colour scheme. The Settings override (light or dark) asks Qt for
that scheme (Qt 6.8+) and also sets a matching Fusion palette, because not every platform
honours the request. The text size scales the application font (the system font × 100–200 %),
so every layout follows. Sizes always come from that font; nothing here sets pixel sizes.

Restyling at once: Qt hands a new application palette or font to the windows through posted
events, so both are delivered before ``apply_*`` returns; then every widget that derived a
colour or a font from the old ones (it has a ``restyle()`` method: muted text, headings,
banners, the sidebar…) derives it again. Widgets built afterwards see the new ones directly.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
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

#: The text sizes offered in Settings, in per cent of the system font.
TEXT_SIZES = (100, 110, 125, 150, 175, 200)

_style_at_start: str | None = None
_font_at_start: QFont | None = None
_applied: dict[str, object] = {"theme": None, "text_size": 100}


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
    else:
        dark = theme == Theme.DARK
        hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(_palette(dark))
    _applied["theme"] = theme
    _deliver(QEvent.Type.ApplicationPaletteChange)


def applied_theme() -> Theme | None:
    """The theme last applied with :func:`apply_theme` (``None`` before the first)."""
    value = _applied["theme"]
    return value if isinstance(value, Theme) else None


def apply_text_size(percent: int) -> None:
    """Make the application font ``percent`` % of the system font (100 % = the system's own).
    Every window follows: layouts take their sizes from the font."""
    global _font_at_start
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _font_at_start is None:
        _font_at_start = QFont(app.font())
    percent = min(max(int(percent), TEXT_SIZES[0]), TEXT_SIZES[-1])
    font = scaled_font(_font_at_start, percent / 100)
    font.setBold(_font_at_start.bold())
    _applied["text_size"] = percent
    if font != app.font():
        app.setFont(font)
        _deliver(QEvent.Type.ApplicationFontChange)


def text_size() -> int:
    """The text size applied, in per cent of the system font."""
    value = _applied["text_size"]
    return value if isinstance(value, int) else 100


def _deliver(kind: QEvent.Type) -> None:
    """Deliver the posted palette or font change now, then restyle what derived from it."""
    QCoreApplication.sendPostedEvents(None, kind)
    restyle_all()


def restyle_all() -> None:
    """Every widget with a ``restyle()`` derives its colours and fonts again."""
    for widget in QApplication.allWidgets():
        restyle = getattr(widget, "restyle", None)
        if callable(restyle):
            restyle()


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
    return muted_colour(widget.palette())


def inherited_palette(widget: QWidget) -> QPalette:
    """The palette ``widget`` gets from its parent (or the application), without the roles it
    set itself: what a derived colour is derived from again after a theme change."""
    parent = widget.parentWidget()
    return parent.palette() if parent is not None else QApplication.palette(widget)


def focus_colour(widget: QWidget) -> QColor:
    """The keyboard focus ring: the highlight blue on light windows, a lighter sky blue on
    dark ones (at least 3:1 against the window in both)."""
    return QColor("#56B4E9") if is_dark(widget) else QColor("#0072B2")


def muted_colour(palette: QPalette) -> QColor:
    """Secondary text for ``palette``: its text colour mixed a little towards the window."""
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    mixed = QColor(
        round(text.red() * 0.72 + window.red() * 0.28),
        round(text.green() * 0.72 + window.green() * 0.28),
        round(text.blue() * 0.72 + window.blue() * 0.28),
    )
    return mixed

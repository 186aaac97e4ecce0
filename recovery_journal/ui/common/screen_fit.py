"""Windows that fit the screen they open on (a 1024×600 netbook, a laptop at 2×).

``available_area`` is the part of the screen windows may use (``QScreen.availableGeometry``:
without panels and docks). ``ScreenFit``, installed once on the application, keeps every window
and dialog inside it each time one is shown: too large, it is shrunk; partly off screen, it is
moved in. A dialog whose contents can be taller than a small screen puts them in a
``ScrollBody`` (its buttons stay outside, always visible), so it *can* shrink.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QStyle, QWidget

#: The main window's comfortable size, in lines of text (about 1400×870 at a 14 px line).
COMFORTABLE_LINES = QSize(100, 62)


def available_area(widget: QWidget | None = None) -> QRect:
    """Where windows may go on ``widget``'s screen (the primary screen without a widget)."""
    screen = widget.screen() if widget is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 600)


def frame_margins(window: QWidget) -> QMargins:
    """The window manager's frame around ``window``: measured once it is shown, estimated
    before (a title bar of about two lines of text above, a thin border around)."""
    if window.isVisible() and window.frameGeometry() != window.geometry():
        outer, inner = window.frameGeometry(), window.geometry()
        return QMargins(
            inner.left() - outer.left(),
            inner.top() - outer.top(),
            outer.right() - inner.right(),
            outer.bottom() - inner.bottom(),
        )
    style = window.style()
    title = max(
        style.pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight), window.fontMetrics().height() * 2
    )
    side = max(2, style.pixelMetric(QStyle.PixelMetric.PM_MdiSubWindowFrameWidth))
    return QMargins(side, title, side, side)


def room_for(window: QWidget) -> QRect:
    """The largest client rectangle ``window`` can have on its screen (frame excluded)."""
    return available_area(window).marginsRemoved(frame_margins(window))


def comfortable_size(window: QWidget) -> QSize:
    """The main window's first size: comfortable when the screen has room, otherwise all of
    the available area (so a 1366×768 laptop shows Today's form and cards side by side)."""
    line = window.fontMetrics().height()
    wanted = QSize(COMFORTABLE_LINES.width() * line, COMFORTABLE_LINES.height() * line)
    return wanted.boundedTo(room_for(window).size())


def centre_on_screen(window: QWidget) -> None:
    room = room_for(window)
    margins = frame_margins(window)
    size = window.size()
    window.move(
        room.left() + (room.width() - size.width()) // 2 - margins.left(),
        room.top() + (room.height() - size.height()) // 2 - margins.top(),
    )


def fit_to_screen(window: QWidget) -> None:
    """Make ``window`` tall enough for its wrapped text (a window's first size comes from its
    layout's size hint, which leaves a paragraph that wraps onto more lines short of them),
    shrink it to the available area if it is larger, and move it fully inside."""
    room = room_for(window)
    if room.isEmpty():
        return
    layout = window.layout()
    if layout is not None and layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(window.width())
        if needed > window.height():
            window.resize(window.width(), min(needed, room.height()))
    size = window.size().boundedTo(room.size())
    if size != window.size():
        window.resize(size)
        size = window.size()  # never below the window's minimum size
    margins = frame_margins(window)
    inner = window.geometry()
    left = max(room.left(), min(inner.left(), room.right() + 1 - size.width()))
    top = max(room.top(), min(inner.top(), room.bottom() + 1 - size.height()))
    if (left, top) != (inner.left(), inner.top()):
        window.move(left - margins.left(), top - margins.top())


class ScreenFit(QObject):
    """An application event filter: every window and dialog is fitted when it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
            and not watched.isMaximized()
            and not watched.isFullScreen()
        ):
            fit_to_screen(watched)
        return False


_fitter: ScreenFit | None = None


def install() -> None:
    """Fit every window of the application from now on (once; later calls do nothing)."""
    global _fitter
    app = QApplication.instance()
    if _fitter is None and app is not None:
        _fitter = ScreenFit(app)
        app.installEventFilter(_fitter)


class ScrollBody(QScrollArea):
    """A dialog's contents that scroll when the screen is too small for them.

    It asks for the room its contents want (so on a large screen the dialog opens at its
    natural size, with no scroll bar) but can be made as short as a few lines; the dialog's
    buttons go outside it and always stay visible. Never scrolls sideways.
    """

    def __init__(self, parent: QWidget | None = None, body: QWidget | None = None) -> None:
        """``body``: the contents (a new empty widget when not given: give it a layout)."""
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = body if body is not None else QWidget(self)
        self.body.setAutoFillBackground(False)
        self.setWidget(self.body)
        self.viewport().setAutoFillBackground(False)

    def sizeHint(self) -> QSize:
        hint = self.body.sizeHint()
        layout = self.body.layout()
        if layout is not None and layout.hasHeightForWidth():
            hint.setHeight(max(hint.height(), layout.totalHeightForWidth(hint.width())))
        return QSize(hint.width() + self._bar_width(), hint.height())

    def minimumSizeHint(self) -> QSize:
        width = self.body.minimumSizeHint().width() + self._bar_width()
        return QSize(width, min(self.body.minimumSizeHint().height(), self._lines(6)))

    def _bar_width(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)

    def _lines(self, count: int) -> int:
        return self.fontMetrics().height() * count

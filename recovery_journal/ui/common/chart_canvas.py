"""The canvas charts are drawn on in the app (Trends, Review): matplotlib's QtAgg canvas that
leaves the mouse wheel to the page around it.

The charts here neither zoom nor pan, but matplotlib's canvas takes every wheel turn for its
own ``scroll_event`` and keeps it, so a page full of charts would not scroll while the pointer
is over one. Import this module only when a chart is drawn (it loads matplotlib).
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtGui import QWheelEvent


class ChartCanvas(FigureCanvasQTAgg):
    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # Qt then hands it to the parents: the scroll area scrolls

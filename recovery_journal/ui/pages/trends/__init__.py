"""The Trends view (charts, insights).

This package stays light to import: matplotlib loads only when the Trends view first draws its
charts. ``TrendsView`` is looked up lazily for the page registry
(``recovery_journal.ui.pages.trends:TrendsView``).
"""

from __future__ import annotations

from typing import Any

__all__ = ["TrendsView", "preload"]


def preload() -> None:
    """Import matplotlib and the chart drawing code now (about a third of a second).

    Optional: call it when the app is idle after unlocking (for example from a single-shot
    timer) so the first visit to Trends does not pay for the import.
    """
    import matplotlib.backends.backend_qtagg  # noqa: F401

    import recovery_journal.charts.draw  # noqa: F401


def __getattr__(name: str) -> Any:
    if name == "TrendsView":
        from recovery_journal.ui.pages.trends.view import TrendsView

        return TrendsView
    raise AttributeError(name)

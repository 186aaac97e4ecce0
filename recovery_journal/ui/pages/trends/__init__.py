"""The Trends view (charts, insights).

This package stays light to import: matplotlib loads only when the Trends view first draws its
charts. ``TrendsView`` is looked up lazily for the page registry
(``recovery_journal.ui.pages.trends:TrendsView``).
"""

from __future__ import annotations

from typing import Any

__all__ = ["TrendsView"]


def __getattr__(name: str) -> Any:
    if name == "TrendsView":
        from recovery_journal.ui.pages.trends.view import TrendsView

        return TrendsView
    raise AttributeError(name)

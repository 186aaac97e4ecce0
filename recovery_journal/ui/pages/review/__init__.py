"""Review with your sponsor: the page, the full-screen presentation and the report export."""

from __future__ import annotations

from recovery_journal.ui.pages.review.view import ReviewView

__all__ = ["ReviewView"]

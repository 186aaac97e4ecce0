"""Completions while typing: the texts already used, most used first."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit


def used_texts(values: Iterable[str | None]) -> list[str]:
    """Distinct non-empty texts, most used first (then alphabetically)."""
    counts: dict[str, int] = {}
    for value in values:
        text = (value or "").strip()
        if text:
            counts[text] = counts.get(text, 0) + 1
    return sorted(counts, key=lambda text: (-counts[text], text.casefold()))


def attach_completer(edit: QLineEdit, words: list[str]) -> QCompleter:
    """Offer ``words`` while typing in ``edit`` (any part of a word, any case)."""
    completer = QCompleter(QStringListModel(words, edit), edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    edit.setCompleter(completer)
    return completer

"""What a search looks for, and where it was found: the words of the search box, each matched
as the start of a word, ignoring case and accents (as the journal's full-text index does, with
``unicode61 remove_diacritics 2``).

``search_words`` is the one rule for splitting what was typed (the storage's FTS query uses
it); ``found_spans`` marks the matching words in a text, for the words the journal shows
highlighted in an opened entry.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)


def search_words(text: str) -> list[str]:
    """The words of ``text`` a search looks for (letters and digits; nothing else counts)."""
    return _WORD.findall(text)


def _fold(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def found_spans(text: str, query: str) -> list[tuple[int, int]]:
    """``(start, length)`` of every word in ``text`` that starts with one of the query's
    words, ignoring case and accents; in order, never overlapping."""
    words = [_fold_text(word) for word in search_words(query)]
    words = [word for word in words if word]
    if not words:
        return []
    spans = []
    for match in _WORD.finditer(text):
        folded = _fold_text(match.group())
        if any(folded.startswith(word) for word in words):
            spans.append((match.start(), match.end() - match.start()))
    return spans


def _fold_text(text: str) -> str:
    return "".join(_fold(char) for char in text)

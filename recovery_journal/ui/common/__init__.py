"""Shared building blocks below every page and window: widgets, choice rows, colours and fonts,
icons, messages, background work, the save status line, undo helpers and the records table."""

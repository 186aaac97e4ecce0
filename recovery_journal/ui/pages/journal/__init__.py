"""Journal: longer entries in your own words, with tags, an optional day, and search.

``JournalView`` is the page (``recovery_journal.ui.pages.journal.view:JournalView``).
"""

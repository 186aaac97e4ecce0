"""Meetings: every meeting logged, in a sortable, searchable table with add, edit and delete.

``MeetingsView`` is the page (``recovery_journal.ui.pages.meetings.view:MeetingsView``). The table
machinery — ``record_model`` (model and filter), ``record_table`` (the view and its sortable
column titles), ``records_panel`` (search, filters, buttons, undo) and ``feedback`` (the undo
line and questions) — is shared with the Sponsor page, the Calendar and the Journal.
"""

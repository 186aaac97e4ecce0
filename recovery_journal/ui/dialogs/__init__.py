"""Dialogs that add one record (a meeting, a sponsor contact, a check-in, a call-list person)."""

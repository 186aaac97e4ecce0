"""Sponsor: sponsors over time, contacts with them, and the relationship check-in.

``SponsorView`` is the page (``recovery_journal.ui.pages.sponsor.view:SponsorView``).
"""

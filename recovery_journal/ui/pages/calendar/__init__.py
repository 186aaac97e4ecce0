"""Calendar: every day at a glance, and a calm way to fill in days not recorded yet
(Timeline Followback back-fill), with holidays and personal anchors as memory aids.

``CalendarView`` is the page (``recovery_journal.ui.pages.calendar.view:CalendarView``). Other pages
open a date in it with :func:`recovery_journal.ui.app.navigation.show_in_calendar`.
"""

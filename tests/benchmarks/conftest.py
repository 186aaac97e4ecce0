"""Shared fixtures for benchmarks: the ten-year journal of DESIGN.md."""

from __future__ import annotations

import datetime as dt

import pytest

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="session")
def ten_years():
    from recovery_journal.services.demo import ten_year_journal

    return ten_year_journal(TODAY)

from __future__ import annotations

import pytest

from recovery_journal.charts.style import ChartStyle


@pytest.fixture(scope="session")
def style() -> ChartStyle:
    return ChartStyle.light()

"""The network insight (MEASURES §7, with the same thresholds and caveats as the others).

It compares weekly PDA between eligible weeks whose network, as of the week's last day, held
more people who support my recovery than people who use heavily or work against it
("weeks with a supportive network") and the other eligible weeks. Its words speak of the
weeks, never of the people in them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from recovery_journal.domain.insights import (
    CAVEATS,
    TOO_EARLY,
    EligibleWeek,
    Insight,
    _Comparison,
    _comparison_insight,
)
from recovery_journal.domain.models import PersonEntry
from recovery_journal.domain.network import network_series

INSIGHT_ID = "network"
#: The caveats of every insight, the second one said of a network.
NETWORK_CAVEATS = (
    CAVEATS[0],
    "It can run the other way: weeks of use can change who is around you.",
    *CAVEATS[2:],
)


def network_insight(weeks: Sequence[EligibleWeek], entries: Sequence[PersonEntry]) -> Insight:
    """The insight over ``weeks`` (``insights.eligible_weeks``)."""
    if not entries:
        return Insight(
            INSIGHT_ID,
            TOO_EARLY,
            "Your network isn't filled in yet, so there is nothing to compare.",
            {
                "weeks_eligible": len(weeks),
                "weeks_with": 0,
                "weeks_without": len(weeks),
                "mean_pda_with": None,
                "mean_pda_without": None,
                "difference": None,
            },
            needs="It needs the people in your recovery network, with how each one relates "
            "to your recovery (the Network page).",
            caveats=NETWORK_CAVEATS,
        )
    ends = [week.start + dt.timedelta(days=6) for week in weeks]
    supportive_weeks = {
        week.start
        for week, counts in zip(weeks, network_series(entries, ends), strict=True)
        if counts.supportive > counts.use_linked
    }
    spec = _Comparison(
        INSIGHT_ID,
        lambda week: week.start in supportive_weeks,
        "when more of the people around you supported your recovery",
        "when they didn't",
        "weeks with a more and a less supportive network",
    )
    return dataclasses.replace(_comparison_insight(spec, weeks), caveats=NETWORK_CAVEATS)

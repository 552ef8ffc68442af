"""The three orders a buyer can see offers in.

Every order puts offers that can supply the order quantity above those that cannot, and
an exact part-number offer above an alternative at the same total. Then:
- cheapest (the default): landed total, then lead time, then vendor score;
- fastest: lead time, then landed total, then vendor score;
- trusted: vendor score (in whole points, as shown), then landed total, then lead time.
An unknown lead time counts as slower than any known one. Offers still tied keep the
order they were given in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum

from bot.ranking.assessment import Assessment


class RankOrder(StrEnum):
    CHEAPEST = "cheapest"
    FASTEST = "fastest"
    TRUSTED = "trusted"


SortKey = tuple[bool | float | int, ...]


def _lead(assessment: Assessment) -> tuple[bool, int]:
    lead = assessment.supply.lead_time_days
    return (lead is None, lead or 0)


def _cheapest(a: Assessment) -> SortKey:
    return (not a.supply.can_fulfil, a.total, a.alternative, *_lead(a), -a.vendor_score)


def _fastest(a: Assessment) -> SortKey:
    return (not a.supply.can_fulfil, *_lead(a), a.total, a.alternative, -a.vendor_score)


def _trusted(a: Assessment) -> SortKey:
    return (not a.supply.can_fulfil, -a.shown_score, a.total, a.alternative, *_lead(a))


SORT_KEYS: dict[RankOrder, Callable[[Assessment], SortKey]] = {
    RankOrder.CHEAPEST: _cheapest,
    RankOrder.FASTEST: _fastest,
    RankOrder.TRUSTED: _trusted,
}


def in_order(assessments: Sequence[Assessment], order: RankOrder) -> list[Assessment]:
    return sorted(assessments, key=SORT_KEYS[order])

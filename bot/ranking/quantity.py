"""How many pieces each offer is priced for.

The buyer's quantity is raised to the offer's MOQ, then up to a whole multiple. A buyer
who asks for reels ("2 reels") gets reels of the size the vendor sells: an offer's
multiple, or else its MOQ, when that looks like a reel (`MIN_REEL_SIZE` pieces or more:
the smallest reels are 250). An offer that shows no reel size is priced at the reel size
its competitors show, so every vendor is compared on the same number of pieces; when no
offer shows one, and when the buyer gave no quantity at all, each offer is priced at its
minimum order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from bot.quotes import Offer

#: The smallest pack that is taken to be a reel (mini-reels hold 250).
MIN_REEL_SIZE = 250


class QuantityBasis(StrEnum):
    """Where an order quantity came from, so the reason can say it."""

    ASKED = "asked"  # the buyer's pieces
    REELS = "reels"  # the buyer's reels × a reel size
    MINIMUM = "minimum"  # nothing to go on: the offer's minimum order


@dataclass(frozen=True, slots=True)
class OrderQuantity:
    """The pieces an offer is priced for, and how they were arrived at."""

    quantity: int
    basis: QuantityBasis
    #: Pieces wanted before the offer's MOQ and multiple (None for MINIMUM).
    wanted: int | None = None
    reels: int | None = None
    reel_size: int | None = None
    #: The reel size came from other offers for the line, not this one.
    reel_size_inferred: bool = False
    raised_to_moq: bool = False
    rounded_to_multiple: bool = False


def round_up_to_order(wanted: int, minimum: int, multiple: int) -> int:
    """`wanted` raised to `minimum`, then up to a whole `multiple`."""
    pieces = max(wanted, minimum, 1)
    return -(-pieces // multiple) * multiple


def offer_reel_size(offer: Offer) -> int | None:
    """The reel an offer sells by: its multiple, else its stated MOQ, if reel-sized."""
    for size in (offer.multiple, offer.moq):
        if size is not None and size >= MIN_REEL_SIZE:
            return size
    return None


def common_reel_size(offers: Iterable[Offer]) -> int | None:
    """The reel size most offers for a line show (the larger one on a tie)."""
    sizes = Counter(size for size in map(offer_reel_size, offers) if size is not None)
    if not sizes:
        return None
    return max(sizes, key=lambda size: (sizes[size], size))


def order_quantity(
    offer: Offer,
    *,
    quantity: int | None,
    reels: int | None = None,
    line_reel_size: int | None = None,
) -> OrderQuantity:
    """The order quantity for `offer` given what the buyer asked.

    Pieces win over reels when both are given; `line_reel_size` is the reel size the
    line's other offers show (see `common_reel_size`).
    """
    minimum, multiple = offer.minimum_order, offer.order_multiple
    reel_size = inferred = None
    if quantity is not None:
        wanted, basis = quantity, QuantityBasis.ASKED
    elif reels is not None:
        own = offer_reel_size(offer)
        reel_size = own if own is not None else line_reel_size
        inferred = own is None and reel_size is not None
        if reel_size is None:
            return _minimum_order(offer, reels=reels)
        wanted, basis = reels * reel_size, QuantityBasis.REELS
    else:
        return _minimum_order(offer, reels=None)
    raised = max(wanted, minimum)
    pieces = round_up_to_order(wanted, minimum, multiple)
    return OrderQuantity(
        quantity=pieces,
        basis=basis,
        wanted=wanted,
        reels=reels if basis is QuantityBasis.REELS else None,
        reel_size=reel_size,
        reel_size_inferred=bool(inferred),
        raised_to_moq=minimum > wanted,
        rounded_to_multiple=pieces > raised,
    )


def _minimum_order(offer: Offer, *, reels: int | None) -> OrderQuantity:
    pieces = round_up_to_order(1, offer.minimum_order, offer.order_multiple)
    return OrderQuantity(quantity=pieces, basis=QuantityBasis.MINIMUM, reels=reels)

"""Order quantity: the buyer's quantity raised to the MOQ, then up to a whole multiple."""

from __future__ import annotations

from bot.quotes import Offer
from bot.ranking import QuantityBasis, order_quantity
from bot.ranking.quantity import common_reel_size


def offer(
    breaks: tuple[tuple[int, float], ...] = ((1, 0.0031),),
    moq: int | None = None,
    multiple: int | None = None,
) -> Offer:
    return Offer(line=1, currency="USD", price_breaks=breaks, moq=moq, multiple=multiple)


def test_a_quantity_above_the_moq_is_ordered_as_asked() -> None:
    result = order_quantity(offer(moq=100), quantity=500)
    assert (result.quantity, result.raised_to_moq, result.rounded_to_multiple) == (
        500,
        False,
        False,
    )


def test_a_quantity_below_the_moq_is_raised_to_it() -> None:
    result = order_quantity(offer(moq=1000), quantity=500)
    assert (result.quantity, result.raised_to_moq) == (1000, True)


def test_the_moq_defaults_to_the_first_price_break() -> None:
    assert order_quantity(offer(breaks=((1000, 0.0019),)), quantity=500).quantity == 1000


def test_a_quantity_is_rounded_up_to_a_whole_multiple() -> None:
    result = order_quantity(offer(multiple=2500), quantity=2600)
    assert (result.quantity, result.rounded_to_multiple) == (5000, True)


def test_the_moq_is_applied_before_the_multiple() -> None:
    result = order_quantity(offer(moq=1000, multiple=300), quantity=500)
    assert (result.quantity, result.raised_to_moq, result.rounded_to_multiple) == (1200, True, True)


def test_reels_are_counted_in_the_offers_multiple() -> None:
    result = order_quantity(offer(multiple=5000), quantity=None, reels=2)
    assert (result.quantity, result.basis, result.reel_size) == (10000, QuantityBasis.REELS, 5000)


def test_an_moq_of_reel_size_counts_as_the_reel() -> None:
    assert order_quantity(offer(moq=4000), quantity=None, reels=2).quantity == 8000


def test_an_offer_without_a_reel_size_takes_the_one_other_offers_show() -> None:
    result = order_quantity(offer(moq=100), quantity=None, reels=2, line_reel_size=5000)
    assert (result.quantity, result.reel_size_inferred) == (10000, True)


def test_a_small_multiple_is_not_taken_for_a_reel() -> None:
    result = order_quantity(offer(breaks=((10, 0.5),), multiple=10), quantity=None, reels=2)
    assert (result.quantity, result.basis, result.reels) == (10, QuantityBasis.MINIMUM, 2)


def test_without_any_quantity_the_offer_is_priced_at_its_minimum_order() -> None:
    result = order_quantity(offer(moq=100, multiple=100), quantity=None)
    assert (result.quantity, result.basis) == (100, QuantityBasis.MINIMUM)


def test_pieces_win_over_reels_when_both_are_given() -> None:
    assert order_quantity(offer(multiple=5000), quantity=3000, reels=2).quantity == 5000


def test_the_line_reel_size_is_the_one_most_offers_show() -> None:
    offers = [offer(multiple=5000), offer(moq=4000), offer(multiple=5000), offer(moq=100)]
    assert common_reel_size(offers) == 5000


def test_the_larger_reel_size_wins_a_tie() -> None:
    assert common_reel_size([offer(multiple=4000), offer(multiple=5000)]) == 5000


def test_no_offer_showing_a_reel_gives_no_line_reel_size() -> None:
    assert common_reel_size([offer(moq=100), offer()]) is None

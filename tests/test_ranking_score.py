"""Vendor score out of 100 from the track record; new vendors start neutral at 50."""

from __future__ import annotations

from dataclasses import replace

from bot.models import Vendor
from bot.ranking import NEUTRAL_SCORE, VendorRecord, VendorTerms, vendor_score

#: Asked ten times, answered every time within half a minute, chosen twice.
STEADY = VendorRecord(asked_count=10, answered_count=10, answer_seconds_total=300.0, chosen_count=2)


def score(record: VendorRecord) -> float:
    return round(vendor_score(record), 1)


def test_a_new_vendor_scores_neutral() -> None:
    assert vendor_score(VendorRecord()) == NEUTRAL_SCORE == 50.0


def test_two_quick_answers_do_not_make_a_vendor_perfect() -> None:
    assert score(VendorRecord(asked_count=2, answered_count=2, answer_seconds_total=20.0)) == 54.3


def test_a_long_reliable_record_scores_high() -> None:
    record = VendorRecord(
        asked_count=50,
        answered_count=48,
        answer_seconds_total=48 * 120.0,
        chosen_count=20,
        feedback_count=10,
        feedback_total=9.5,
    )
    assert score(record) == 89.3


def test_a_vendor_that_rarely_answers_scores_below_neutral() -> None:
    record = VendorRecord(asked_count=20, answered_count=2, answer_seconds_total=7200.0)
    assert score(record) == 36.6


def test_slow_answers_score_lower_than_quick_ones() -> None:
    quick = replace(STEADY, answer_seconds_total=10 * 10.0)
    slow = replace(STEADY, answer_seconds_total=10 * 3600.0)
    assert (score(quick), score(slow)) == (66.6, 57.8)


def test_bad_buyer_feedback_lowers_the_score() -> None:
    liked = replace(STEADY, feedback_count=4, feedback_total=4.0)
    disliked = replace(STEADY, feedback_count=4, feedback_total=0.0)
    assert (score(liked), score(disliked)) == (73.1, 59.8)


def test_one_rating_moves_a_new_vendor_only_a_little() -> None:
    good = VendorRecord(feedback_count=1, feedback_total=1.0)
    bad = VendorRecord(feedback_count=1, feedback_total=0.0)
    assert (score(good), score(bad)) == (52.5, 47.5)


def test_the_record_and_terms_are_read_from_a_vendor_row() -> None:
    row = Vendor(
        name="Shenzhen Huaqiang",
        kind="telegram",
        currency="CNY",
        shipping_fee=15.0,
        min_order_value=None,
        prices_include_tax=True,
        default_lead_time_days=2,
        asked_count=2,
        answered_count=2,
        answer_seconds_total=20.0,
        chosen_count=0,
        feedback_count=0,
        feedback_total=0.0,
    )
    assert VendorTerms.from_vendor(row) == VendorTerms(
        "Shenzhen Huaqiang", "CNY", 15.0, None, True, 2
    )
    assert VendorRecord.from_vendor(row) == VendorRecord(2, 2, 20.0, 0, 0, 0.0)

"""Inline buttons' callback_data: compact, within Telegram's 64 bytes, and never trusted."""

from __future__ import annotations

import random

import pytest

from bot.ranking import RankOrder
from bot.rfqs.engine import new_rfq_id
from handlers.callbacks import (
    MAX_BYTES,
    MAX_ID,
    MAX_LINE,
    MAX_PAGE,
    ApproveVendor,
    Callback,
    CancelOrder,
    CannotSupply,
    ChooseOffer,
    ConfirmOrder,
    CorrectReply,
    ExportCsv,
    MoreOffers,
    RejectVendor,
    SetLanguage,
    SortOffers,
    decode,
    encode,
)

EXAMPLES: list[tuple[Callback, str]] = [
    (ChooseOffer(4711), "1c:4711"),
    (ConfirmOrder(4711), "1y:4711"),
    (CancelOrder(4711), "1n:4711"),
    (MoreOffers("7KQ2M9XA", 3, 1), "1m:7KQ2M9XA:3:1:cheapest"),
    (MoreOffers("7KQ2M9XA", 3, 2, RankOrder.FASTEST), "1m:7KQ2M9XA:3:2:fastest"),
    (SortOffers("7KQ2M9XA", RankOrder.TRUSTED), "1s:7KQ2M9XA:trusted"),
    (ExportCsv("7KQ2M9XA"), "1x:7KQ2M9XA"),
    (CannotSupply("7KQ2M9XA"), "1d:7KQ2M9XA"),
    (ApproveVendor(12), "1a:12"),
    (RejectVendor(12), "1r:12"),
    (CorrectReply("7KQ2M9XA", 12), "1e:7KQ2M9XA:12"),
    (SetLanguage("zh"), "1l:zh"),
]


@pytest.mark.parametrize(("callback", "data"), EXAMPLES)
def test_each_button_is_written_as_its_kind_and_fields(callback: Callback, data: str) -> None:
    assert encode(callback) == data


@pytest.mark.parametrize(("callback", "data"), EXAMPLES)
def test_each_button_reads_back_as_the_same_typed_value(callback: Callback, data: str) -> None:
    assert decode(data) == callback


def _largest() -> list[Callback]:
    rfq = "Z" * 16
    return [
        ChooseOffer(MAX_ID),
        ConfirmOrder(MAX_ID),
        CancelOrder(MAX_ID),
        MoreOffers(rfq, MAX_LINE, MAX_PAGE, RankOrder.CHEAPEST),
        SortOffers(rfq, RankOrder.CHEAPEST),
        ExportCsv(rfq),
        CannotSupply(rfq),
        ApproveVendor(MAX_ID),
        RejectVendor(MAX_ID),
        CorrectReply(rfq, MAX_ID),
    ]


@pytest.mark.parametrize("callback", _largest(), ids=lambda c: type(c).__name__)
def test_the_largest_ids_fit_in_64_bytes(callback: Callback) -> None:
    data = encode(callback)
    assert len(data.encode("utf-8")) <= MAX_BYTES
    assert decode(data) == callback


def _random_callback(rng: random.Random) -> Callback:
    def any_id() -> int:
        return rng.choice([1, MAX_ID, rng.randint(1, MAX_ID), rng.randint(1, 10**6)])

    rfq = new_rfq_id()
    order = rng.choice(list(RankOrder))
    options: list[Callback] = [
        ChooseOffer(any_id()),
        ConfirmOrder(any_id()),
        CancelOrder(any_id()),
        MoreOffers(rfq, rng.randint(1, MAX_LINE), rng.randint(0, MAX_PAGE), order),
        SortOffers(rfq, order),
        ExportCsv(rfq),
        CannotSupply(rfq),
        ApproveVendor(any_id()),
        RejectVendor(any_id()),
        CorrectReply(rfq, any_id()),
    ]
    return rng.choice(options)


def test_every_encoded_button_fits_and_round_trips() -> None:
    rng = random.Random(4)
    for _ in range(5000):
        callback = _random_callback(rng)
        data = encode(callback)
        assert 1 <= len(data.encode("utf-8")) <= MAX_BYTES, data
        assert decode(data) == callback, data


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "c:4711",  # no version
        "2c:4711",  # a later format
        "1c:",
        "1c",
        "1c:0",
        "1c:-5",
        "1c:+5",
        "1c: 5",
        "1c:05",
        "1c:5\n",
        "1c:１２",  # full-width digits
        "1c:²",
        "1c:9223372036854775808",  # 2**63
        "1c:4711:1",
        "1q:4711",
        "1m:7KQ2M9XA:3:1",  # no order
        "1m:7KQ2M9XA:0:0:cheapest",  # lines count from 1
        "1m:7KQ2M9XA:100000:0:cheapest",
        "1m:7KQ2M9XA:3:10000:cheapest",
        "1s:7KQ2M9XA:dearest",
        "1s:7KQ2M9XA",
        "1x:",
        "1x:7KQ 2M9X",
        "1x:7KQ2M9XA7KQ2M9XAZ",  # 17 characters
        "1x:询价单",
        "1e:7KQ2M9XA",
        "1e:7KQ2M9XA:abc",
        "1l:english",
        "1l:ZH",
        "1c:" + "1" * 70,
    ],
)
def test_anything_malformed_reads_as_nothing(data: str | None) -> None:
    assert decode(data) is None


def test_garbage_never_raises_and_only_canonical_data_is_accepted() -> None:
    rng = random.Random(7)
    alphabet = "1cynmsxdarel:0123456789AZ-+ é询\x00"
    for _ in range(20000):
        data = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        decoded = decode(data)
        assert decoded is None or encode(decoded) == data, data


@pytest.mark.parametrize(
    "callback",
    [
        ChooseOffer(0),
        ChooseOffer(MAX_ID + 1),
        ApproveVendor(-1),
        MoreOffers("7KQ2M9XA", 0, 0),
        MoreOffers("7KQ2M9XA", 1, -1),
        ExportCsv("not an id"),
        CorrectReply("", 3),
        SetLanguage("english"),
    ],
    ids=repr,
)
def test_values_that_cannot_be_written_are_refused(callback: Callback) -> None:
    with pytest.raises(ValueError):
        encode(callback)

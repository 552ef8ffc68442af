"""`parse_items`: each request with the buyer's own line(s) for it, as an RFQ shows it."""

from __future__ import annotations

from catalogue.parser import ParsedItem, parse_items, parse_request
from catalogue.request import PartRequest


def test_each_item_carries_its_line_as_written() -> None:
    assert parse_items("Hi,\nPlease quote:\n1. LM358DR SOIC-8 2500pcs\n2. NE555DR 2500pcs") == [
        ParsedItem("1. LM358DR SOIC-8 2500pcs", PartRequest(2500, mpn="LM358DR", package="SOIC-8")),
        ParsedItem("2. NE555DR 2500pcs", PartRequest(2500, mpn="NE555DR")),
    ]


def test_a_quantity_on_the_next_line_joins_the_item_text() -> None:
    assert parse_items("ESP32-C3-MINI-1\nqty 300") == [
        ParsedItem("ESP32-C3-MINI-1 qty 300", PartRequest(300, mpn="ESP32-C3-MINI-1"))
    ]


def test_items_sharing_a_line_share_its_text() -> None:
    texts = [item.text for item in parse_items("LM358 x100, NE555 x200")]
    assert texts == ["LM358 x100, NE555 x200", "LM358 x100, NE555 x200"]


def test_bom_rows_keep_their_row_text() -> None:
    texts = [item.text for item in parse_items("Qty,Value\n5,10k\n\n3,100nF")]
    assert texts == ["5,10k", "3,100nF"]


def test_chinese_line_is_kept_in_its_own_script() -> None:
    assert [item.text for item in parse_items("贴片电阻 0603 10K 1% 两千个")] == [
        "贴片电阻 0603 10K 1% 两千个"
    ]


def test_items_hold_the_same_requests_as_parse_request() -> None:
    text = "0603:\n10k 5k\n4k7 2k\n100nF 10k"
    assert [item.request for item in parse_items(text)] == parse_request(text)


def test_no_request_gives_no_items() -> None:
    assert parse_items("thanks!") == []

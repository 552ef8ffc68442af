"""`parse_message`: every request of a message, and the lines the bot could not read, so that
nothing a buyer wrote is dropped without telling them."""

from __future__ import annotations

from catalogue.parser import (
    ParsedItem,
    ParsedMessage,
    UnreadLine,
    parse_items,
    parse_message,
    parse_request,
)
from catalogue.request import PartRequest


def unread(text: str) -> list[UnreadLine]:
    return parse_message(text).unread


def test_a_list_with_one_garbled_line_reports_exactly_that_line() -> None:
    message = parse_message("1. LM358DR x 2500\n2. ~~#@ 47?? x 300\n3. NE555DR x 2500")
    assert [item.request for item in message.items] == [
        PartRequest(2500, mpn="LM358DR"),
        PartRequest(2500, mpn="NE555DR"),
    ]
    assert message.unread == [UnreadLine(2, "2. ~~#@ 47?? x 300")]


def test_a_bom_row_lacking_value_and_part_number_is_reported() -> None:
    bom = (
        "Reference,Value,Footprint,Qty,MPN\n"
        "R1 R2,10k,R_0603_1608Metric,2,\n"
        "R5,,R_0603_1608Metric,1,\n"
        "U1,,SOIC-8,1,LM358DR"
    )
    message = parse_message(bom)
    assert [item.request for item in message.items] == [
        PartRequest(2, category="resistor", value=10000.0, package="0603"),
        PartRequest(1, mpn="LM358DR", package="SOIC-8"),
    ]
    assert message.unread == [UnreadLine(3, "R5,,R_0603_1608Metric,1,")]


def test_a_greeting_and_one_request_leave_nothing_unread() -> None:
    assert parse_message("Hi Lily,\nplease quote AO3400A x 3000\nThanks!") == ParsedMessage(
        [ParsedItem("please quote AO3400A x 3000", PartRequest(3000, mpn="AO3400A"))], []
    )


def test_headers_shared_context_and_counts_on_the_next_line_are_not_unread() -> None:
    text = "Please quote:\n\n0603 1%:\n10k x 5000\n4k7 x 5000\n\nESP32-C3-MINI-1\nqty 300"
    assert len(parse_message(text).items) == 3
    assert unread(text) == []


def test_signature_contact_and_price_lines_are_not_unread() -> None:
    text = (
        "LM358DR x 2500\n"
        "Target price $0.05\n"
        "Best regards,\n"
        "Anna Müller\n"
        "Tel: +49 89 1234 5678\n"
        "Address: Room 1203, Building 5, Shenzhen"
    )
    assert unread(text) == []


def test_a_sentence_of_prose_with_numbers_is_not_unread() -> None:
    text = "LM358DR x 2500\nThe last batch had 3 bad units out of 100, please check them"
    assert unread(text) == []


def test_a_described_line_that_completes_no_part_is_reported() -> None:
    assert unread("10k 0603 x 5000\n0805 1% 3000pcs") == [UnreadLine(2, "0805 1% 3000pcs")]


def test_a_one_line_message_that_asks_for_nothing_readable_is_reported() -> None:
    assert unread("0603 104 5000pcs") == [UnreadLine(1, "0603 104 5000pcs")]


def test_a_one_line_greeting_is_not_reported() -> None:
    assert parse_message("hello, are you there?") == ParsedMessage([], [])


def test_unread_lines_keep_the_buyers_own_script() -> None:
    text = "贴片电阻 0603 10K 5000个\n０６０３ １０４ ５０００个"
    assert unread(text) == [UnreadLine(2, "０６０３ １０４ ５０００个")]


def test_do_not_populate_and_board_feature_rows_are_not_unread() -> None:
    bom = (
        "Reference,Value,Footprint,Qty,DNP\n"
        "R1,10k,0603,1,\n"
        "R2,0R,0603,1,DNP\n"
        "FID1 FID2,Fiducial,Fiducial_1mm_Mask2mm,2,\n"
        "TP1 TP2,TestPoint,TestPoint_Pad_D1.5mm,2,"
    )
    assert len(parse_message(bom).items) == 1
    assert unread(bom) == []


def test_a_request_typed_above_a_bom_header_is_read_not_dropped() -> None:
    text = "also need LM358 x 100\n\nQty,Value,Package\n5,10k,0603"
    assert parse_request(text) == [
        PartRequest(100, mpn="LM358"),
        PartRequest(5, category="resistor", value=10000.0, package="0603"),
    ]


def test_parse_items_and_parse_request_are_the_items_of_parse_message() -> None:
    text = "Hi,\n1. LM358DR x 2500\n2. ~~#@ 47?? x 300\nqty line:\n10k 0603\n5000 pcs"
    message = parse_message(text)
    assert parse_items(text) == message.items
    assert parse_request(text) == [item.request for item in message.items]

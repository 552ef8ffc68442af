"""The request parser: a buyer's free text becomes the part requests it makes.

`parse_request("500 pcs 0603 10k 1%")` is one 10 kΩ 1% 0603 resistor, 500 pieces. The
parser reads English and Chinese, typos, part numbers, shared context above lists and
BOM pastes; a message that asks for nothing gives `[]`, never an exception. The JSON form
of each request (`PartRequest.to_dict()`) is the contract with the rest of the product.
`parse_message` also says which lines it could not read, so nothing is dropped silently.
"""

from __future__ import annotations

from catalogue.parser.message import (
    ParsedItem,
    ParsedMessage,
    UnreadLine,
    parse_items,
    parse_message,
    parse_request,
)

__all__ = [
    "ParsedItem",
    "ParsedMessage",
    "UnreadLine",
    "parse_items",
    "parse_message",
    "parse_request",
]

"""What an inline button asks for, packed into Telegram's 1-64 bytes of callback_data.

The format is `<version><kind>:<field>:<field>...`: "1c:4711" chooses offer 4711,
"1m:7KQ2M9XA:3:1:fastest" shows page 1 of line 3 of RFQ 7KQ2M9XA in the fastest order.
Fields are ASCII (ids in canonical decimal, RFQ ids as the engine writes them), so the
longest value, "1e:" + a 16-character RFQ id + ":" + a 19-digit vendor id, is 40 bytes.
A button from an older format carries another version digit and decodes to None, like
anything else that is not exactly what `encode` writes: the handler answers "this button
has expired" instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ranking import RankOrder

VERSION = "1"
#: Telegram's limit on callback_data, in bytes of UTF-8.
MAX_BYTES = 64
#: Database ids are positive signed 64-bit integers.
MAX_ID = 2**63 - 1
#: Longest RFQ id the database holds (bot.models.Rfq.id); the engine writes 8 characters.
MAX_RFQ_ID = 16
MAX_LINE = 99_999
MAX_PAGE = 9_999

_RFQ_ID = re.compile(r"[0-9A-Za-z]{1,16}")
_NUMBER = re.compile(r"0|[1-9][0-9]*")
_LANGUAGE = re.compile(r"[a-z]{2}")


@dataclass(frozen=True, slots=True)
class ChooseOffer:
    """The buyer picked an offer: ask them to confirm."""

    offer_id: int


@dataclass(frozen=True, slots=True)
class ConfirmOrder:
    offer_id: int


@dataclass(frozen=True, slots=True)
class CancelOrder:
    offer_id: int


@dataclass(frozen=True, slots=True)
class MoreOffers:
    """Show page `page` (0 is the first three) of line `line`'s offers, ranked in `order`.

    The order travels with the button so that "more" after "fastest" goes on in that order.
    """

    rfq_id: str
    line: int
    page: int
    order: RankOrder = RankOrder.CHEAPEST


@dataclass(frozen=True, slots=True)
class SortOffers:
    rfq_id: str
    order: RankOrder


@dataclass(frozen=True, slots=True)
class ExportCsv:
    rfq_id: str


@dataclass(frozen=True, slots=True)
class CannotSupply:
    """A vendor cannot supply anything on this RFQ."""

    rfq_id: str


@dataclass(frozen=True, slots=True)
class ApproveVendor:
    vendor_id: int


@dataclass(frozen=True, slots=True)
class RejectVendor:
    vendor_id: int


@dataclass(frozen=True, slots=True)
class CorrectReply:
    """A vendor wants to correct what the bot understood of its reply."""

    rfq_id: str
    vendor_id: int


@dataclass(frozen=True, slots=True)
class SetLanguage:
    language: str


Callback = (
    ChooseOffer
    | ConfirmOrder
    | CancelOrder
    | MoreOffers
    | SortOffers
    | ExportCsv
    | CannotSupply
    | ApproveVendor
    | RejectVendor
    | CorrectReply
    | SetLanguage
)

_OFFER_KINDS: dict[str, type[ChooseOffer | ConfirmOrder | CancelOrder]] = {
    "c": ChooseOffer,
    "y": ConfirmOrder,
    "n": CancelOrder,
}
_VENDOR_KINDS: dict[str, type[ApproveVendor | RejectVendor]] = {
    "a": ApproveVendor,
    "r": RejectVendor,
}
_RFQ_KINDS: dict[str, type[ExportCsv | CannotSupply]] = {"x": ExportCsv, "d": CannotSupply}


def _fields(callback: Callback) -> tuple[str, list[str]]:
    match callback:
        case ChooseOffer(offer_id=i):
            return "c", [_id(i)]
        case ConfirmOrder(offer_id=i):
            return "y", [_id(i)]
        case CancelOrder(offer_id=i):
            return "n", [_id(i)]
        case MoreOffers(rfq_id=rfq, line=line, page=page, order=order):
            line_, page_ = _bounded(line, 1, MAX_LINE), _bounded(page, 0, MAX_PAGE)
            return "m", [_rfq(rfq), line_, page_, RankOrder(order).value]
        case SortOffers(rfq_id=rfq, order=order):
            return "s", [_rfq(rfq), RankOrder(order).value]
        case ExportCsv(rfq_id=rfq):
            return "x", [_rfq(rfq)]
        case CannotSupply(rfq_id=rfq):
            return "d", [_rfq(rfq)]
        case ApproveVendor(vendor_id=i):
            return "a", [_id(i)]
        case RejectVendor(vendor_id=i):
            return "r", [_id(i)]
        case CorrectReply(rfq_id=rfq, vendor_id=i):
            return "e", [_rfq(rfq), _id(i)]
        case SetLanguage(language=language):
            if not _LANGUAGE.fullmatch(language):
                raise ValueError(f"not a language code: {language!r}")
            return "l", [language]
    raise TypeError(f"not a callback: {callback!r}")


def encode(callback: Callback) -> str:
    """The callback_data for `callback`; ValueError for an id or number out of range."""
    kind, fields = _fields(callback)
    return f"{VERSION}{kind}:" + ":".join(fields)


def decode(data: str | None) -> Callback | None:
    """What `data` asks for, or None for anything `encode` would not have written."""
    if not data or len(data) > MAX_BYTES or not data.startswith(VERSION):
        return None
    head, _colon, rest = data[len(VERSION) :].partition(":")
    if not _colon:
        return None
    fields = rest.split(":")
    try:
        return _parse(head, fields)
    except ValueError:
        return None


def _parse(kind: str, fields: list[str]) -> Callback | None:
    if kind in _OFFER_KINDS and len(fields) == 1:
        return _OFFER_KINDS[kind](_read_id(fields[0]))
    if kind in _VENDOR_KINDS and len(fields) == 1:
        return _VENDOR_KINDS[kind](_read_id(fields[0]))
    if kind in _RFQ_KINDS and len(fields) == 1:
        return _RFQ_KINDS[kind](_read_rfq(fields[0]))
    if kind == "m" and len(fields) == 4:
        line = _read_number(fields[1], 1, MAX_LINE)
        page = _read_number(fields[2], 0, MAX_PAGE)
        return MoreOffers(_read_rfq(fields[0]), line, page, RankOrder(fields[3]))
    if kind == "s" and len(fields) == 2:
        return SortOffers(_read_rfq(fields[0]), RankOrder(fields[1]))
    if kind == "e" and len(fields) == 2:
        return CorrectReply(_read_rfq(fields[0]), _read_id(fields[1]))
    if kind == "l" and len(fields) == 1 and _LANGUAGE.fullmatch(fields[0]):
        return SetLanguage(fields[0])
    return None


def _bounded(number: int, low: int, high: int) -> str:
    if isinstance(number, bool) or not isinstance(number, int) or not low <= number <= high:
        raise ValueError(f"{number!r} is not between {low} and {high}")
    return str(number)


def _id(number: int) -> str:
    return _bounded(number, 1, MAX_ID)


def _rfq(rfq_id: str) -> str:
    if not _RFQ_ID.fullmatch(rfq_id):
        raise ValueError(f"not an RFQ id: {rfq_id!r}")
    return rfq_id


def _read_number(text: str, low: int, high: int) -> int:
    if not _NUMBER.fullmatch(text):
        raise ValueError(text)
    number = int(text)
    if not low <= number <= high:
        raise ValueError(text)
    return number


def _read_id(text: str) -> int:
    return _read_number(text, 1, MAX_ID)


def _read_rfq(text: str) -> str:
    if not _RFQ_ID.fullmatch(text):
        raise ValueError(text)
    return text

"""What each RFQ line is, as far as a reply can refer to it: category, value, package.

Vendors answering a BOM without part numbers name the line by what it is ("电阻 0.003,
电容 0.005", "10k: 0.0021 / 4k7: 0.0021", "0805: 0.004"). A line's profile comes from the
request parser's keys when the RFQ carries them, else from the request parser run on
its text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.vendor_replies.model import RfqLine
from catalogue.parser import parse_request
from catalogue.units import parse_value, round_sig

#: category -> words a vendor uses for it, in English and Chinese.
CATEGORY_WORDS: dict[str, str] = {
    "resistor": r"resistors?|\bres\b|电阻|排阻",
    "capacitor": r"capacitors?|\bcaps?\b|\bmlccs?\b|电容",
    "inductor": r"inductors?|电感",
    "ferrite_bead": r"ferrites?|\bbeads?\b|磁珠",
    "diode": r"diodes?|二极管|肖特基|schottky|\btvs\b|稳压管|zener",
    "led": r"\bleds?\b|发光二极管|灯珠",
    "crystal": r"crystals?|\bxtals?\b|晶振|oscillators?",
    "transistor": r"transistors?|mosfets?|\bmos\b|三极管|晶体管|场效应管|mos管",
    "ic": r"\bics?\b|\bmcus?\b|芯片|单片机",
    "connector": (
        r"connectors?|\bheaders?\b|连接器|排针|排母|type-?c|usb-?c|receptacles?|sockets?|插座|端子"
        r"|座子"
    ),
    "fuse": r"\bfuses?\b|保险丝",
}
CATEGORY_PATTERN = re.compile(
    "|".join(f"(?P<{name}>{words})" for name, words in CATEGORY_WORDS.items()),
    re.IGNORECASE | re.ASCII,
)

#: Not right after "1," or "12,": a number there is a thousands group ("1,200"), while after
#: "0.006," it is the next item of a list ("0.006，106的 0.035").
NOT_THOUSANDS = r"(?<!(?<![\d.])\d,)(?<!(?<![\d.])\d\d,)(?<!(?<![\d.])\d\d\d,)"
#: A value token: a number with an SI prefix, an RKM code or a unit ("10k", "4k7", "100nF").
VALUE_TOKEN = re.compile(
    rf"(?=[\dR])(?<![A-Za-z0-9.@]){NOT_THOUSANDS}(?:\d+(?:[.,]\d+)?[^\S\n]*[pnuµμmkKMGRPNU]\d*[^\S\n]*(?:ohms?|Ω|欧|[fFhH]|hz|Hz)?"
    r"|\d+(?:[.,]\d+)?[^\S\n]*(?:ohms?|Ω|欧|[pnuµμ]?[fF]|[pnuµμm]?[hH])|R\d+)(?![A-Za-z0-9.])"
)
PACKAGE_TOKEN = re.compile(
    r"(?<![\w.])(?:\d{4,5}|(?:SOT|SOD|SOIC|SOP|SSOP|TSSOP|MSOP|QFN|DFN|LQFP|TQFP|DIP|TO|SMA|SMB"
    r"|SMC|DO|HC)-?\d*[A-Z]?(?:-\d+)?)(?![\w.])",
    re.IGNORECASE | re.ASCII,
)


@dataclass(frozen=True, slots=True)
class LineProfile:
    line: int
    category: str | None
    value: float | None
    package: str | None
    has_mpn: bool = False


_CAPACITANCE_SHORT = re.compile(r"^(\d+(?:[.,]\d+)?)([PNU])F?$", re.IGNORECASE | re.ASCII)
_CAPACITANCE_PREFIX = {"P": 1e-12, "N": 1e-9, "U": 1e-6}


def value_of(token: str) -> float | None:
    """The value a token names, ignoring plain numbers (those are quantities or codes).

    Vendors write capacitances in capitals without the farad ("22P", "100N", "10U").
    """
    if not re.search(r"[A-Za-zΩµμ欧]", token):
        return None
    compact = token.replace(" ", "")
    short = _CAPACITANCE_SHORT.match(compact)
    if short:
        number = float(short.group(1).replace(",", "."))
        return round_sig(number * _CAPACITANCE_PREFIX[short.group(2).upper()])
    parsed = parse_value(compact)
    return parsed[0] if parsed else None


def capacitor_code(token: str) -> float | None:
    """The capacitance of a three-digit EIA code: "104" 100 nF, "106" 10 uF, "220" 22 pF."""
    if not re.fullmatch(r"\d{3}", token):
        return None
    return round_sig(int(token[:2]) * 10 ** int(token[2]) * 1e-12)


@lru_cache(maxsize=4096)
def profile(rfq: RfqLine) -> LineProfile:
    """The line as the request parser reads it, where the RFQ does not already say."""
    category, value, package = rfq.category, rfq.value, rfq.package
    if (category is None or value is None or package is None) and rfq.text:
        parsed = parse_request(rfq.text)
        if len(parsed) == 1:
            request = parsed[0]
            category = category or request.category
            value = value if value is not None else request.value
            package = package or request.package
    return LineProfile(rfq.line, category, value, package, bool(rfq.mpn))


def profiles(rfq_lines: Sequence[RfqLine]) -> list[LineProfile]:
    return [profile(rfq) for rfq in rfq_lines]

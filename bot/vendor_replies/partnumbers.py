"""Part numbers in a reply, and which RFQ line each one names.

A full part number written for an offer becomes its `mpn` (upper case, suffixes such as
",215", "#", "-REEL7" and "+T" kept). A short form ("C8T6", "W25Q64") only says which line
is meant, and a marking code in parentheses ("(J3Y)") is neither. Numbers with units,
packages, values and date codes look like part numbers to a naive pattern and are not.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.vendor_replies.facts import MASK, PartNumber, Scan
from bot.vendor_replies.model import RfqLine
from catalogue.manufacturers import lookup_manufacturer
from catalogue.packages import normalise_package
from catalogue.partnumbers import normalise_mpn
from catalogue.units import parse_value

_TOKEN = re.compile(
    r"(?<![A-Za-z0-9#+\-.])"
    r"(?P<core>[A-Za-z0-9](?:[A-Za-z0-9]|[-./](?=[A-Za-z0-9]))*)"
    r"(?P<nxp>,\d{3}(?![\w])(?![^\S\n]*(?:pcs|pc|个|只|ea)))?"
    r"(?P<suffix>#[A-Za-z0-9]{0,6}|\+[A-Za-z]{0,3}(?![A-Za-z0-9]))?",
    re.ASCII,
)
_DIGITS = re.compile(
    r"(?:^|(?<=[\s,;:、]))(\d{3,8})(?![\d.,A-Za-z])"
    r"(?![^\S\n]*(?:pcs|pc|ea|个|只|颗|k(?![a-z])|w(?![a-z])|万|千|%|\+|[~/]|reels?|盘|天|周|days?"
    r"|-(?![^\S\n]*(?:[$¥€]|US|HK|\d+[.,]\d))"
    r"|weeks?|wks?|元|块|(?:usd|rmb|\$)(?![^\S\n]*\d)|以上|起))",
    re.IGNORECASE | re.ASCII,
)
#: A word of a part number written with spaces ("S3 N16R8", "C3 mini"): letters and digits
#: that are not part of a decimal, a range or a longer token.
_WORD = re.compile(
    r"(?<![A-Za-z0-9.,#+\-/])[A-Za-z0-9]+(?![A-Za-z0-9#+%]|[.,/\-][A-Za-z0-9])", re.ASCII
)
#: A count or a value ("10K", "5W", "100NF", "4K7"): what the reply says, not which part.
_COUNT_OR_VALUE = re.compile(
    r"^\d+(?:[.,]\d+)?(?:K|KK|M|W|R|PCS|PC|EA|[PNU]F?|[UNM]H|[KM]?HZ|V|MA|A|%)\d*$"
)
#: How many characters a short form leaves out of the part number, at least: "340C" for
#: CH340C is one, "S8050" is another part than SS8050.
_LEFT_OUT = 2
_COUNTED_AFTER = re.compile(
    r"[^\S\n]*(?:pcs|pc|ea|个|只|颗|片|\+|以上|起|reels?|盘|in[^\S\n]*stock|stock|available"
    r"|现货|库存|%)",
    re.IGNORECASE,
)
_PIECE_CUT = re.compile(r"[-./]")
_WORD_GAP = re.compile(r"[^\S\n]{1,2}")
_OPENING = re.compile(rf"(?:^|[\n;,:：、|(){MASK}])[^\S\n]*[-*•]?[^\S\n]*$")
_MARKING = re.compile(r"\([^\S\n]*([A-Za-z0-9]{2,5})[^\S\n]*\)")

_UNITS = (
    r"K|KK|M|W|PCS|PC|EA|USD|US|RMB|CNY|HKD|EUR|U|R|KPCS|REELS?|D|DAYS?|WKS?|WEEKS?|H|HRS?|"
    r"HOURS?|NF|UF|PF|UH|NH|MH|MHZ|KHZ|HZ|OHMS?|V|KV|VDC|VAC|MA|A|MW|MM|KG|G|PPM|X|P|S|MS|"
    r"MAH|MOHM|KOHM|MΩ|KΩ|Ω|DB|C|%|TH|ST|ND|RD|MIN|SEC|YRS?|Y|K\+"
)
_NOT_MPN = (
    re.compile(rf"^[\d.,]+[^\S\n]*(?:{_UNITS})$"),
    re.compile(r"^(?:USD|US|RMB|CNY|HKD|EUR|D/C|X|NO|PO|TEL|WK)[\d.,/+-]+$"),
    re.compile(r"^(?:MOQ|SPQ|MPQ|QTY|STOCK|STK)\d"),
    re.compile(r"^DC\d{2,4}\+?$"),
    re.compile(r"^LT\d+(?:[-~]\d+)?(?:WKS?|WEEKS?|DAYS?|D|W)?$"),
    re.compile(r"^[\d.,]+[A-Z]*[^\S\n]*[-~][\d.,]+[A-Z]*$"),
    re.compile(r"^[\d.,]+[A-Z]*/[A-Z]+$"),
    re.compile(r"/(?:REELS?|PCS|PC|K|KPCS|EA|BOX|BAG|TUBE|TRAY|ROLL|UNIT)$"),
    re.compile(r"^(?:X[5-8][RSPTUV]|C0G|NP0|COG|Y5V|Z5U)$"),
    re.compile(r"^(?:19|20)\d{2}(?:[-/.]\d{1,2}){1,2}$"),
    re.compile(r"^[A-Z]{1,2}\d{1,2}$"),
    re.compile(r"^\d+[.,]\d+(?:[A-Z]|/)"),
    re.compile(r"/\d*(?:PCS|PC|K|KPCS|REELS?)$"),
    re.compile(r"^\d+(?:[.,]\d+)?(?:K|W|M)?(?:PCS|PC|EA)?/\d"),
    re.compile(r"/\d+[.,]\d+(?:USD|RMB|CNY|EUR|HKD|U)?$"),
)
_HAS_LETTER = re.compile(r"[A-Z]")
#: "(1pc)", "(5K)": a quantity in parentheses, never a marking code.
_COUNT = re.compile(r"^\d+(?:K|W|M)?(?:PCS|PC|EA)?$")
_UNIT_WORD = re.compile(
    r"\d*(?:REELS?|PCS|PC|K|KPCS|EA|BOX|BAG|TUBE|TRAY|ROLL|UNIT|PIECES?|USD|RMB|EUR|HKD)",
    re.IGNORECASE,
)
_HAS_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class _LineKey:
    line: int
    key: str
    exact: bool


def line_keys(rfq_lines: Sequence[RfqLine]) -> list[_LineKey]:
    """The normalised part numbers each RFQ line was asked by (its mpn, or any written)."""
    return [key for rfq in rfq_lines for key in _keys_of(rfq)]


@lru_cache(maxsize=4096)
def _keys_of(rfq: RfqLine) -> tuple[_LineKey, ...]:
    written = [rfq.mpn] if rfq.mpn else _mpn_tokens(rfq.text)
    exact = [_LineKey(rfq.line, normalise_mpn(mpn), True) for mpn in written]
    candidates = [_LineKey(rfq.line, normalise_mpn(c), False) for c in rfq.candidates]
    return tuple(key for key in exact + candidates if len(key.key) >= 3)


def _mpn_tokens(text: str) -> list[str]:
    found: list[str] = []
    for match in _TOKEN.finditer(text.upper()):
        core = _trim(match.group("core"))
        if is_full_mpn(core):
            found.append(core + (match.group("nxp") or "") + (match.group("suffix") or ""))
    return found


def _trim(core: str) -> str:
    """The token up to a "/" that starts a brand or a unit ("RC0603FR-0710KL/YAGEO")."""
    if "/" not in core:
        return core
    parts = core.split("/")
    kept = [parts[0]]
    for part in parts[1:]:
        if lookup_manufacturer(part) is not None or _UNIT_WORD.fullmatch(part):
            break
        kept.append(part)
    return "/".join(kept)


def is_full_mpn(core: str) -> bool:
    """Whether a token reads as a complete manufacturer part number."""
    upper = core.upper()
    if len(normalise_mpn(upper)) < 5:
        return False
    if not _HAS_LETTER.search(upper) or not _HAS_DIGIT.search(upper):
        return False
    if any(pattern.search(upper) for pattern in _NOT_MPN):
        return False
    if normalise_package(upper) is not None or parse_value(upper) is not None:
        return False
    return lookup_manufacturer(upper) is None


def _identified(key: str, keys: Sequence[_LineKey]) -> tuple[tuple[int, ...], bool]:
    """The lines a token names, and whether it is that line's full part number.

    A short form common to several lines ("LM358" for LM358DR and LM358DT) names them all.
    """
    exact = sorted({k.line for k in keys if k.key == key})
    if exact:
        return tuple(exact), True
    longer = sorted({k.line for k in keys if key.startswith(k.key) and len(k.key) >= 4})
    if len(longer) == 1:
        return tuple(longer), True
    if len(key) >= 4 and _is_short_form(key):
        shorter = sorted(
            {
                k.line
                for k in keys
                if k.key.startswith(key) or (key in k.key and len(key) <= len(k.key) - 3)
            }
        )
        if shorter:
            return tuple(shorter), False
    return (), False


def _fragment_lines(
    pieces: Sequence[str], keys: Sequence[_LineKey], opening: bool
) -> tuple[int, ...]:
    """The one line whose part number holds these pieces in order, as a short form.

    Vendors shorten long part numbers to the pieces that tell them apart: "S3 N16R8" or
    "S3-N16R8" for ESP32-S3-WROOM-1-N16R8, "C3 mini" for ESP32-C3-MINI-1-N4. At the
    opening of a clause a shorter piece is enough ("12F" for ESP-12F, "C3"). Every short form
    holds a letter and a digit, and leaves out at least two characters.
    """
    joined = "".join(pieces)
    if _COUNT_OR_VALUE.match(joined):
        return ()
    mixed = bool(_HAS_DIGIT.search(joined) and _HAS_LETTER.search(joined))
    if not mixed or any(len(p) < 2 for p in pieces):
        return ()
    if len(joined) < (2 if opening else 4):
        return ()
    lines = {
        k.line
        for k in keys
        if k.exact and len(joined) <= len(k.key) - _LEFT_OUT and _in_order(pieces, k.key)
    }
    return tuple(lines) if len(lines) == 1 else ()


def _in_order(pieces: Sequence[str], key: str) -> bool:
    position = 0
    for piece in pieces:
        found = key.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def _opening(scan: Scan, start: int) -> bool:
    return _OPENING.search(scan.masked[max(0, start - 12) : start]) is not None


def _spaced_short_forms(scan: Scan, keys: Sequence[_LineKey]) -> None:
    """Claim short forms written as two or three words ("S3 N16R8", "C3 mini")."""
    every_key = "|".join(k.key for k in keys if k.exact)
    words = [w for w in scan.matches(_WORD) if w.group(0).upper() in every_key]
    index = 0
    while index < len(words):
        for size in (3, 2):
            span = words[index : index + size]
            if len(span) < size or any(
                not _WORD_GAP.fullmatch(scan.masked[a.end() : b.start()])
                for a, b in itertools.pairwise(span)
            ):
                continue
            pieces = [w.group(0).upper() for w in span]
            if any(k.key == "".join(pieces) for k in keys):
                continue
            lines = _fragment_lines(pieces, keys, _opening(scan, span[0].start()))
            if not lines:
                continue
            start, end = span[0].start(), span[-1].end()
            scan.claim(start, end, PartNumber(start, end, None, lines))
            index += size - 1
            break
        index += 1


def _claim_slashed(scan: Scan, match: re.Match[str], keys: Sequence[_LineKey]) -> bool:
    """ "SS34/SS14 0.05元": requested part numbers written with a slash are each their own."""
    parts = match.group("core").split("/")
    if len(parts) < 2:
        return False
    named = [_identified(normalise_mpn(part.upper()), keys) for part in parts]
    if not all(lines and full for lines, full in named):
        return False
    start = match.start()
    for part, (lines, _) in zip(parts, named, strict=True):
        scan.claim(
            start, start + len(part), PartNumber(start, start + len(part), part.upper(), lines)
        )
        start += len(part) + 1
    return True


def _is_short_form(key: str) -> bool:
    return bool(
        _HAS_DIGIT.search(key)
        and _HAS_LETTER.search(key)
        and parse_value(key) is None
        and normalise_package(key) is None
    )


def _similar(key: str, keys: Sequence[_LineKey]) -> tuple[int, ...]:
    """Lines whose part number shares a long tail with `key`: GD32F103C8T6 for STM32F103C8T6."""
    lines = {k.line for k in keys if k.exact and _common_run(key, k.key) >= 6}
    return tuple(sorted(lines)) if len(lines) == 1 else ()


def _common_run(a: str, b: str) -> int:
    best = 0
    for i in range(len(a)):
        for j in range(len(b)):
            run = 0
            while i + run < len(a) and j + run < len(b) and a[i + run] == b[j + run]:
                run += 1
            best = max(best, run)
    return best


def extract_part_numbers(scan: Scan, rfq_lines: Sequence[RfqLine]) -> None:
    """Claim part numbers, short forms of requested ones, and marking codes."""
    keys = line_keys(rfq_lines)
    if len(rfq_lines) > 1:
        for match in scan.matches(_DIGITS):
            named = {k.line for k in keys if match.group(1) in k.key}
            if len(named) == 1:
                fact = PartNumber(match.start(), match.end(), None, tuple(named))
                scan.claim(match.start(), match.end(), fact)
    _spaced_short_forms(scan, keys)
    for match in scan.matches(_MARKING):
        inner = match.group(1).upper()
        if _HAS_DIGIT.search(inner) and _HAS_LETTER.search(inner):
            if _identified(normalise_mpn(inner), keys)[1]:
                continue
            if parse_value(inner) is None and not is_full_mpn(inner) and not _COUNT.match(inner):
                scan.claim(match.start(), match.end())
    for match in scan.matches(_TOKEN):
        if _claim_slashed(scan, match, keys):
            continue
        core = _trim(match.group("core"))
        start = match.start()
        nxp, suffix = match.group("nxp") or "", match.group("suffix") or ""
        if core != match.group("core"):
            nxp, suffix = "", ""
        if suffix[1:] and lookup_manufacturer(suffix[1:]) is not None:
            suffix = ""
        end = start + len(core) + len(nxp) + len(suffix)
        written = (core + nxp + suffix).upper()
        key = normalise_mpn(written)
        lines, full = _identified(key, keys)
        mixed = _HAS_DIGIT.search(written) and _HAS_LETTER.search(written)
        if not lines and mixed and not _COUNTED_AFTER.match(scan.masked, end):
            pieces = [normalise_mpn(p) for p in _PIECE_CUT.split(written) if p]
            lines = _fragment_lines(pieces, keys, _opening(scan, start))
        if lines:
            scan.claim(start, end, PartNumber(start, end, written if full else None, lines))
        elif is_full_mpn(core):
            scan.claim(start, end, PartNumber(start, end, written, _similar(key, keys)))

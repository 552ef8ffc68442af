"""Item numbers a vendor writes to say which RFQ line an answer is for.

"1)", "(2)", "#3", "item 4", "No.5", "第2项", "第二行", and "1." or "2:" at the start of a
line. A number inside parentheses that belongs to something else ("(MOQ 5)") is not one,
and "1." counts only at the start of a line, so "1.5k" or "LT 2." are left alone.
"""

from __future__ import annotations

import re

from bot.vendor_replies.facts import MASK, LineMarker, Scan
from bot.vendor_replies.numbers import CN_NUMBER, parse_cn_number

#: Item numbers beyond the RFQ still count (they name a line that gives no offer) up to this.
_HIGHEST = 30

_MARKER = re.compile(
    rf"(?:^|(?<=[\s;,:({MASK}]))(?:"
    r"(?:item|line|no\.|nr\.?|pos\.?|part|#)[^\S\n]*(?P<named>\d{1,2})(?![\d.,]\d|[\d%kKwW万千])"
    r"(?:[^\S\n]*[).:：\-])?"
    rf"|第[^\S\n]*(?P<ordinal>\d{{1,2}}|{CN_NUMBER})[^\S\n]*(?:项|行|个|款|条|颗|种|号|料|颗料)"
    r"|\([^\S\n]*(?P<paren>\d{1,2})[^\S\n]*\)"
    r"|(?P<closing>\d{1,2})[^\S\n]*\)"
    r"|(?P<dunhao>\d{1,2})[^\S\n]*、(?![^\S\n]*\d{1,2}[^\S\n]*[、,和])"
    r")",
    re.IGNORECASE | re.ASCII,
)
_LEADING = re.compile(
    r"(?:^|(?<=[\n;]))[^\S\n]*(?P<number>\d{1,2})[^\S\n]*(?:[.:、]|[^\S\n]-[^\S\n])(?!\d)"
)


def _inside_parentheses(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    before = text[line_start:position]
    return before.count("(") > before.count(")")


def extract_item_numbers(scan: Scan, line_count: int) -> None:
    """Claim item numbers; those beyond the RFQ are kept so their answer is dropped."""
    for match in scan.matches(_MARKER):
        if match.group("closing") and _inside_parentheses(scan.text, match.start()):
            continue
        raw = next(g for g in match.group("named", "ordinal", "paren", "closing", "dunhao") if g)
        number = int(raw) if raw.isdigit() else parse_cn_number(raw)
        if match.group("dunhao") and number > line_count:
            continue
        if 1 <= number <= max(_HIGHEST, line_count):
            scan.claim(match.start(), match.end(), LineMarker(match.start(), match.end(), number))
    for match in scan.matches(_LEADING):
        number = int(match.group("number"))
        if 1 <= number <= line_count:
            scan.claim(match.start(), match.end(), LineMarker(match.start(), match.end(), number))

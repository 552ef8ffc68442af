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
    rf"(?:^|(?<=[\s;,:({MASK}\u3400-\u9fff]))(?:"
    r"(?:item|line|no\.|nr\.?|pos\.?|part|#)[^\S\n]*(?P<named>\d{1,2})(?![\d.,]\d|[\d%kKwW万千])"
    r"(?:[^\S\n]*[).:：\-])?"
    rf"|第[^\S\n]*(?P<ordinal>\d{{1,2}}|{CN_NUMBER})[^\S\n]*(?:项|行|个|款|条|颗|种|号|料|颗料)"
    r"|\([^\S\n]*(?P<paren>\d{1,2})[^\S\n]*\)"
    r"|(?P<closing>\d{1,2})[^\S\n]*\)"
    r"|(?P<dunhao>\d{1,2})[^\S\n]*、(?![^\S\n]*\d{1,2}[^\S\n]*[、,和])"
    r")",
    re.IGNORECASE | re.ASCII,
)
_ITEM_LIST = re.compile(
    r"(?:(?:items?|lines?|nos?\.?)[^\S\n]*|第[^\S\n]*)"
    r"(?P<list>\d{1,2}(?:[^\S\n]*(?:,|&|and|和|/|\+|、)[^\S\n]*#?\d{1,2})+)(?![\d.,]?\d)"
    r"(?:[^\S\n]*(?:项|行|个|款))?",
    re.IGNORECASE | re.ASCII,
)
_LEADING = re.compile(
    r"(?:^|(?<=[\n;]))[^\S\n]*(?:[*•][^\S\n]*|-[^\S\n]+)?(?P<number>\d{1,2})[^\S\n]*(?:[.:、]|[^\S\n]-[^\S\n])"
    r"(?P<digit>(?=\d))?"
)
_BARE_LEADING = re.compile(
    r"(?:^|(?<=\n))[^\S\n]*(?:[*•][^\S\n]*|-[^\S\n]+)?(?P<number>\d{1,2})(?=[^\S\n]+\S)"
    r"(?![^\S\n]*(?:pcs|pc|个|只|k\b|w\b|万|千|[xX*+\-~]))",
    re.IGNORECASE,
)
_INSIDE = re.compile(r"(?<=[^\S\n,;])(?P<number>\d{1,2})[.:](?P<digit>(?=\d))?")
#: What follows "2." when the "2." can only be an item number: a whole decimal ("2.0.05元").
_DECIMAL_AFTER = re.compile(r"\d+[.,]\d+(?![.,]?\d)")
_THOUSANDS_AFTER = re.compile(r"\d{3}[.,]\d{3}(?!\d)")


def _inside_parentheses(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    before = text[line_start:position]
    return before.count("(") > before.count(")")


def extract_item_numbers(scan: Scan, line_count: int) -> None:
    """Claim item numbers; those beyond the RFQ are kept so their answer is dropped.

    A list ("items 1,2", "第1、2项") marks each of its lines at the same place.
    """
    for match in scan.matches(_ITEM_LIST):
        numbers = [int(n) for n in re.findall(r"\d+", match.group("list"))]
        if all(1 <= n <= line_count for n in numbers):
            scan.claim(match.start(), match.end())
            scan.facts.extend(LineMarker(match.start(), match.end(), n) for n in numbers)
    for match in scan.matches(_MARKER):
        if match.group("closing") and _inside_parentheses(scan.text, match.start()):
            continue
        raw = next(g for g in match.group("named", "ordinal", "paren", "closing", "dunhao") if g)
        number = int(raw) if raw.isdigit() else parse_cn_number(raw)
        if match.group("dunhao") and number > line_count:
            continue
        if 1 <= number <= max(_HIGHEST, line_count):
            scan.claim(match.start(), match.end(), LineMarker(match.start(), match.end(), number))
    for match in _leading_numbers(scan, line_count):
        number = int(match.group("number"))
        scan.claim(match.start(), match.end(), LineMarker(match.start(), match.end(), number))


def _leading_numbers(scan: Scan, line_count: int) -> list[re.Match[str]]:
    """Item numbers written "1." or "2:"; "2.05" is one only where the reply numbers its lines.

    At the start of a line "1." is an item number. A digit right after it usually makes
    it a decimal, unless what follows is a whole decimal itself ("2.0.05元"), or the reply
    runs 1., 2., 3. and one of them is plainly an item number ("1.无\n2.13元\n3.0.028元").
    Inside a line ("1.无 2.13元 3.8.5元") they count only as such a run, and so do numbers
    without a mark opening lines 1, 2, 3 ("1 0.06\n2 1.65\n3 3.2").
    """
    leading = [m for m in scan.matches(_LEADING) if 1 <= int(m.group("number")) <= line_count]
    inside = [
        m
        for m in scan.matches(_INSIDE)
        if 1 <= int(m.group("number")) <= line_count
        and scan.masked[scan.masked.rfind("\n", 0, m.start()) + 1 : m.start()].strip(" \t-*•")
    ]
    lines = scan.text.count("\n") + 1
    bare = [
        m
        for m in (scan.matches(_BARE_LEADING) if lines >= 2 else ())
        if 1 <= int(m.group("number")) <= line_count
    ]
    if len(bare) >= 2 and [int(m.group("number")) for m in bare] == list(range(1, len(bare) + 1)):
        return bare
    for found in (sorted(leading + inside, key=lambda m: m.start()), leading):
        sequence = [int(m.group("number")) for m in found]
        run = len(found) >= 2 and sequence == list(range(1, len(found) + 1))
        if run and any(_plain(scan.masked, m) for m in found):
            return found
    return [m for m in leading if _plain(scan.masked, m)]


def _plain(text: str, match: re.Match[str]) -> bool:
    if match.group("digit") is None:
        return True
    after = text[match.end() :]
    return _DECIMAL_AFTER.match(after) is not None and not _THOUSANDS_AFTER.match(after)

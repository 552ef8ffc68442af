"""Stock on hand, and statements that a part ships from stock.

A count needs a stock word beside it: "stock 120k", "5000 pcs in stock", "现货5万",
"库存2千", "1.5M pcs available", "10k+ on hand" (10000), "3 reels in stock" (reels,
multiplied out once the reel size is known). "现货", "有货", "stock ok" and "ships today"
say the part is in stock without a count.
"""

from __future__ import annotations

import re

from bot.vendor_replies.facts import InStock, Scan, Stock
from bot.vendor_replies.numbers import ANY_NUMBER, count, parse_number, quantity_pattern

_WORD_BEFORE = (
    r"(?:in[^\S\n]+stock|ex-?[^\S\n]*stock|from[^\S\n]+stock|stock[^\S\n]+qty|stocks?|stk|inventory|on[^\S\n]+hand|in[^\S\n]+hand"
    r"|available|avail\.?|现货库存|现货|库存|有货|有现货|现有|we[^\S\n]+have|have|有)"
)
_WORD_AFTER = (
    r"(?:(?:in|on|from|ex)[\s-]*stock|stock|stk|现货|库存|available|avail\.?|on[^\S\n]+hand|in[^\S\n]+hand"
    r"|ready|ex-?stock|on[^\S\n]+the[^\S\n]+shelf)"
)
_NOT_PRICE = (
    r"(?![^\S\n]*(?:元|块|毛|分|usd|rmb|u(?![a-z])|\$|¥|eur|€|hkd|cny|/(?=\S)|%|美金"
    r"|-[^\S\n]*\d|~))"
)
_COUNT_BEFORE = re.compile(
    rf"{_WORD_BEFORE}[^\S\n]*(?:qty|quantity|数量|量)?[^\S\n]*(?:is|=|:|about|approx\.?|约|有|大概)?[^\S\n]*"
    rf"{quantity_pattern('q')}(?![^\S\n]*\+[^\S\n]*[:：]?[^\S\n]*[$¥€\d])(?P<plus>\+)?{_NOT_PRICE}",
    re.IGNORECASE | re.ASCII,
)
#: "stock: 10K+ 0.05usd": a count labelled as stock is stock, whatever follows ("现货: 10+
#: 10.5元" heads the in-stock option's tiers instead).
_COUNT_LABELLED = re.compile(
    r"(?:stocks?|stk|inventory|库存|available|avail\.?|on[^\S\n]+hand)[^\S\n]*(?:qty|quantity|数量)?"
    rf"[^\S\n]*[:：=][^\S\n]*{quantity_pattern('q')}(?P<plus>\+)?{_NOT_PRICE}",
    re.IGNORECASE | re.ASCII,
)
_COUNT_AFTER = re.compile(
    rf"{quantity_pattern('q')}(?P<plus>\+)?[^\S\n]*(?:pcs|个)?[^\S\n]*(?:are[^\S\n]+|is[^\S\n]+)?{_WORD_AFTER}",
    re.IGNORECASE | re.ASCII,
)
_REEL = r"(?:reels?|rolls?|盘|卷)"
_REELS = re.compile(
    rf"(?:现货|库存|stock|in[^\S\n]+stock|have|有)[^\S\n]*[:：]?[^\S\n]*(?P<n>{ANY_NUMBER})[^\S\n]*{_REEL}"
    rf"|(?P<m>{ANY_NUMBER})[^\S\n]*{_REEL}[^\S\n]*(?:are[^\S\n]+|is[^\S\n]+)?(?:(?:in|on|from|ex)[\s-]*stock|stock|现货"
    r"|库存|available|on[^\S\n]+hand)",
    re.IGNORECASE | re.ASCII,
)
_IN_STOCK = re.compile(
    r"(?:in|ex|from)[\s-]*stock|stock[^\S\n]*(?:ok|available|yes)|ready[^\S\n]+stock|have[^\S\n]+stock"
    r"|(?<![A-Za-z])stock(?![A-Za-z])|on[^\S\n]+hand|in[^\S\n]+hand|ships?[^\S\n]+today|ship[^\S\n]+same[^\S\n]+day"
    r"|same[^\S\n]+day|shipping[^\S\n]+today|现货|有货|有库存|库存有|今天(?:可以|能)?发|当天(?:可以|能)?发"
    r"|(?:库存|货源)(?:充足|足|大量|多)|plenty[^\S\n]+(?:of[^\S\n]+)?stock|large[^\S\n]+stock",
    re.IGNORECASE | re.ASCII,
)


def _is_count(number: str, suffix: str | None, decimal_comma: bool) -> bool:
    """Whether a number can be a count of pieces: "1,200" yes, "12.5" only with "k" after it."""
    if suffix:
        return True
    if not number[0].isdigit():
        return True
    value = parse_number(number, decimal_comma)
    return value == int(value) and value > 0


def extract_stock(scan: Scan) -> None:
    """Claim stock counts (pieces or reels) and in-stock statements."""
    for match in scan.matches(_REELS):
        reels = round(parse_number(match.group("n") or match.group("m"), scan.decimal_comma))
        scan.claim(match.start(), match.end(), Stock(match.start(), match.end(), None, reels))
    for pattern in (_COUNT_LABELLED, _COUNT_AFTER, _COUNT_BEFORE):
        for match in scan.matches(pattern):
            if not _is_count(match.group("q"), match.group("q_m"), scan.decimal_comma):
                continue
            pieces = count(match.group("q"), match.group("q_m"), scan.decimal_comma)
            scan.claim(match.start(), match.end(), Stock(match.start(), match.end(), pieces))
    for match in scan.matches(_IN_STOCK):
        scan.claim(match.start(), match.end(), InStock(match.start(), match.end()))

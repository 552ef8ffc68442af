"""How a part must be ordered: minimum order, order multiple, and the reel it comes on.

"MOQ 2500" and "5k起订" set the minimum; "full reels only (2500/reel)", "一盘4000 整盘出"
and "MOQ 5k multiple 5k" set both; "MOQ 1 reel" is one reel's worth when the reel size is
written. A reel size alone ("(5k/reel)", "SPQ 5000") only converts prices and stock given
per reel. A minimum order *value* ("min order value USD 50") is neither, nor a price.
"""

from __future__ import annotations

import re

from bot.vendor_replies.facts import FullReels, Moq, Multiple, ReelSize, Scan
from bot.vendor_replies.numbers import ANY_NUMBER, count, parse_number, quantity_pattern

_S = r"[^\S\n]*"
_REEL = r"(?:reels?|rolls?|盘|卷)"


def _patterns(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(alternatives), re.IGNORECASE | re.ASCII)


_ORDER_VALUE = _patterns(
    rf"(?:min(?:imum)?\.?{_S}order{_S}(?:value|amount)|\bMOV\b|最低消费|起订金额|最低订单金额"
    rf"|最小订单金额){_S}[:：=]?{_S}(?:is{_S})?(?:US\$|USD|RMB|\$|¥|€|EUR)?{_S}[\d.,]+"
    rf"{_S}(?:usd|rmb|元|块|\$|eur|€)?"
)
_MOQ_WORD = (
    r"(?:\bmoq|\bm\.o\.q\.?|min(?:imum)?\.?(?:{_S}order)?(?:{_S}(?:qty|quantity))?|最小起订量?"
    r"|最低起订量?|起订量?|最小订购量?|最少|最小订单)"
).replace("{_S}", _S)
_PACK = r"(?:reels?|rolls?|盘|卷|trays?|tubes?|boxe?s?|bags?|管|盒|包)"
_MOQ = _patterns(
    rf"{_MOQ_WORD}{_S}(?:is|=|:|为|是)?{_S}(?P<reels>{ANY_NUMBER}){_S}{_PACK}"
    rf"(?:{_S}(?:=|:|of|\(|,){_S}{quantity_pattern('size')}{_S}\)?)?",
    rf"{_MOQ_WORD}{_S}(?:is|=|:|为|是)?{_S}{quantity_pattern('q')}",
    rf"{quantity_pattern('r')}{_S}(?:起订|MOQ\b)",
    rf"(?P<reels_first>{ANY_NUMBER}){_S}{_PACK}{_S}(?:起订|起(?!\d))",
    rf"{quantity_pattern('s')}{_S}起(?![订\d])(?!{_S}[:：]?{_S}[\d¥$])",
)
_FULL_REEL_OF = _patterns(
    rf"(?:full|whole){_S}reels?{_S}(?:of|=|:|is)?{_S}{quantity_pattern('q')}",
    rf"整盘{_S}{quantity_pattern('r')}{_S}(?:出|卖|起)?",
)
_REEL_SIZE = _patterns(
    rf"{quantity_pattern('q')}{_S}(?:/|per|每|一|a|each){_S}{_REEL}",
    rf"(?:(?:1|一|每|one|a|per|each){_S}{_REEL}|{_REEL}|spq|mpq|std{_S}pack|标准包装|包装)"
    rf"{_S}(?:qty|quantity|size|数量)?{_S}(?:=|:|是|有|为|of)?{_S}{quantity_pattern('r')}",
)
_FULL_REELS = _patterns(
    rf"full{_S}reels?(?:{_S}only)?|(?:whole|complete){_S}reels?|reels?{_S}only",
    rf"only{_S}(?:sell{_S})?(?:by{_S})?(?:full{_S})?reels?|sold{_S}(?:by|in){_S}(?:full{_S})?reels?",
    rf"by{_S}(?:full{_S})?reel|整盘(?:出|卖|起|购买|买|订)?|按盘(?:出|卖)|按整盘|不拆(?:盘|包|零|卖)?|整包(?:出|卖)?"
    r"|不零卖",
)
_MULTIPLE = _patterns(
    rf"(?:multiples?{_S}(?:of)?|mult\.?|increments?{_S}(?:of)?|倍数|整倍数?){_S}[:：=]?{_S}"
    rf"{quantity_pattern('q')}",
    rf"{quantity_pattern('r')}{_S}的?(?:整)?倍数",
)


def _quantity(match: re.Match[str], decimal_comma: bool) -> int:
    name = next(n for n in ("q", "r", "s", "size") if match.re.groupindex.get(n) and match.group(n))
    return count(match.group(name), match.group(f"{name}_m"), decimal_comma)


def extract_ordering(scan: Scan) -> None:
    """Claim order values (no fact), MOQs, full-reel terms, reel sizes and multiples."""
    for match in scan.matches(_ORDER_VALUE):
        scan.claim(match.start(), match.end())
    for match in scan.matches(_MOQ):
        start, end = match.start(), match.end()
        written = match.groupdict().get("reels") or match.groupdict().get("reels_first")
        if written:
            reels = round(parse_number(written, scan.decimal_comma))
            scan.claim(start, end, Moq(start, end, None, reels))
            if match.groupdict().get("size"):
                size = count(match.group("size"), match.group("size_m"), scan.decimal_comma)
                scan.facts.append(ReelSize(start, end, size))
        else:
            scan.claim(start, end, Moq(start, end, _quantity(match, scan.decimal_comma)))
    for match in scan.matches(_FULL_REEL_OF):
        scan.claim(match.start(), match.end(), FullReels(match.start(), match.end()))
        pieces = _quantity(match, scan.decimal_comma)
        scan.facts.append(ReelSize(match.start(), match.end(), pieces))
    for match in scan.matches(_REEL_SIZE):
        pieces = _quantity(match, scan.decimal_comma)
        if pieces > 1:
            scan.claim(match.start(), match.end(), ReelSize(match.start(), match.end(), pieces))
    for match in scan.matches(_FULL_REELS):
        scan.claim(match.start(), match.end(), FullReels(match.start(), match.end()))
    for match in scan.matches(_MULTIPLE):
        pieces = _quantity(match, scan.decimal_comma)
        scan.claim(match.start(), match.end(), Multiple(match.start(), match.end(), pieces))

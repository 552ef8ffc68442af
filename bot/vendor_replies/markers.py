"""Words that shape how facts group: an alternative part, a statement for every line, a
currency named once for the whole reply.
"""

from __future__ import annotations

import re

from bot.vendor_replies.currencies import NOTE, currency_code
from bot.vendor_replies.facts import Alternative, CurrencyNote, Factory, Scan, Shared

_ALTERNATIVE = re.compile(
    r"国产替代|国产|替代(?:料|品|型号)?|代替|可替代|可替换|替换|也?可以用|也可|可用|建议用|推荐"
    r"|(?:can|could|may)[^\S\n]+(?:also[^\S\n]+)?use|suggest|recommend|pin[^\S\n]*to[^\S\n]*pin|兼容|"
    r"alternatives?|alternate|\balt\b\.?|replacement|substitute|equivalent|compatible|domestic"
    r"|instead|(?<![A-Za-z])but(?![A-Za-z])|\bor[^\S\n]+(?:we[^\S\n]+)?(?:can[^\S\n]+)?(?:offer|have)|can[^\S\n]+offer|另有"
    r"|other[^\S\n]+brand|其他品牌|别的品牌",
    re.IGNORECASE | re.ASCII,
)
_SHARED = re.compile(
    r"以上|全部|所有|都|均|统一|一律|(?<![A-Za-z])all(?![A-Za-z])|everything|every[^\S\n]+(?:item|line)"
    r"|each[^\S\n]+(?:item|line)|(?<![A-Za-z])both(?![A-Za-z])|两个都|两款都|两种都|(?:prices?|quotes?)[^\S\n]+(?:are[^\S\n]+)?(?:in|incl|excl)|单位",
    re.IGNORECASE | re.ASCII,
)


_FACTORY = re.compile(
    r"期货|订货|工厂|原厂订|factory|non-?stock|back-?order|to\s+order", re.IGNORECASE | re.ASCII
)


def extract_markers(scan: Scan) -> None:
    for match in scan.matches(_FACTORY):
        scan.claim(match.start(), match.end(), Factory(match.start(), match.end()))
    for match in scan.matches(_ALTERNATIVE):
        scan.claim(match.start(), match.end(), Alternative(match.start(), match.end()))
    for match in scan.matches(NOTE):
        code = currency_code(match.group(0)) or _note_code(match.group(0))
        if code is not None:
            scan.claim(match.start(), match.end(), CurrencyNote(match.start(), match.end(), code))
    for match in scan.matches(_SHARED):
        scan.claim(match.start(), match.end(), Shared(match.start(), match.end()))


def _note_code(word: str) -> str | None:
    lowered = word.lower()
    if "dollar" in lowered:
        return "USD"
    if "yuan" in lowered:
        return "CNY"
    return None

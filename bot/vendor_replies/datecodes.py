"""Date codes, reported without the prefix the vendor wrote: "DC 23+", "批号23+" -> "23+".

A bare "23+" is a date code too when nothing makes it a quantity tier ("20+ 0.45").
"""

from __future__ import annotations

import re

from bot.vendor_replies.facts import DateCode, Scan

_PREFIXED = re.compile(
    r"(?:\bD[^\S\n]*/[^\S\n]*C|\bDC|date[^\S\n]*code|批号|批次|年份|生产日期)[^\S\n]*[:：.]?[^\S\n]*"
    r"(?P<code>(?:19|20)?[12]\d(?:\d{2})?(?:[^\S\n]*\+)?(?![A-Za-z0-9]|\.\d)|(?:19|20)\d{2}[^\S\n]*[-/][^\S\n]*\d{1,2})"
    r"(?:[^\S\n]*(?:年|以上|之后|后))?",
    re.IGNORECASE | re.ASCII,
)
_BARE = re.compile(
    r"(?<![\d.,\-~])(?P<code>(?:20)?(?:1[5-9]|2\d)\+)(?![^\S\n]*[-~]?[^\S\n]*\$?\d)(?![A-Za-z0-9])"
)
_NEW = re.compile(
    r"(?<![\d.])(?<!\d,)(?P<code>(?:1[5-9]|2\d))[^\S\n]*年(?:以上|之后|后)?(?:的)?[^\S\n]*(?=新|批)"
)


_ALONE = re.compile(r"(?<![\d.,\-~])(?P<code>(?:20)?(?:1[5-9]|2\d)\+)(?![A-Za-z0-9])")
_PLUS = re.compile(r"\d[^\S\n]*\+")
_RANGE = re.compile(r"\d[^\S\n]*[-~][^\S\n]*\d")


def extract_date_codes(scan: Scan) -> None:
    """Claim date codes; a bare "24+" before a price is one when no tier table is written."""
    alone = len(_PLUS.findall(scan.text)) == 1 and not _RANGE.search(scan.text)
    for pattern in (_PREFIXED, _ALONE if alone else _BARE, _NEW):
        for match in scan.matches(pattern):
            code = re.sub(r"[^\S\n]+", "", match.group("code"))
            if match.re is _NEW:
                code += "+"
            scan.claim(match.start(), match.end(), DateCode(match.start(), match.end(), code))

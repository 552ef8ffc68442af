"""Whether a price includes tax: 含税, 含票, 含13%票, "incl. VAT" yes; 不含税, 未税, 不开票 no.

The negative forms are read first, since each contains a positive one ("不含税" holds "含税").
"""

from __future__ import annotations

import re

from bot.vendor_replies.facts import Scan, Tax

_RATE = r"(?:[^\S\n]*\d{1,2}[^\S\n]*%?[^\S\n]*(?:点|个点)?[^\S\n]*)?"
_EXCLUDED = re.compile(
    rf"不含{_RATE}(?:税|票|发票|增值税)|不含(?=[^\S\n]*(?:$|[,;.)\n]))|未{_RATE}税|未含税|不开{_RATE}(?:票|发票)|无票|裸价|不带票"
    rf"|(?:要|开|含)(?:发)?票(?:另)?加(?:点|{_RATE}点?)?|税(?:点)?另(?:计|加|算|付)|另加{_RATE}税"
    r"|(?:excl?(?:uding|\.)?|ex\.?|without|w/o|no|before|plus|\+)(?:[^\S\n]|-)*(?:\d{1,2}[^\S\n]*%[^\S\n]*)?"
    r"(?:vat|tax(?:es)?)\b|(?:vat|tax)[^\S\n]*(?:excl(?:uded|\.)?|not[^\S\n]+incl(?:uded|\.)?|extra)"
    r"|\+[^\S\n]*\d{1,2}[^\S\n]*%[^\S\n]*(?:vat|tax)?",
    re.IGNORECASE | re.ASCII,
)
_INCLUDED = re.compile(
    rf"含{_RATE}(?:税|票|发票|增值税|专票|普票)|\d{{1,2}}[^\S\n]*%[^\S\n]*的?(?:票|专票|普票|发票|增值税)|带{_RATE}票|开{_RATE}(?:专票|票|发票)|税后"
    r"|(?:incl?(?:uding|uded|\.)?|inc\.?|with)[^\S\n]*(?:\d{1,2}[^\S\n]*%[^\S\n]*)?(?:vat|tax(?:es)?)\b"
    r"|(?:vat|tax)[^\S\n]*(?:\d{1,2}[^\S\n]*%[^\S\n]*)?incl(?:uded|\.)?",
    re.IGNORECASE | re.ASCII,
)


def extract_tax(scan: Scan) -> None:
    for pattern, included in ((_EXCLUDED, False), (_INCLUDED, True)):
        for match in scan.matches(pattern):
            scan.claim(match.start(), match.end(), Tax(match.start(), match.end(), included))

"""Whether a line that gave no request was an attempt to ask for one the parser could not read.

A buyer's message holds more than requests: greetings, thanks, signatures, phone numbers,
addresses, prices and lead times. Those are not worth reporting. A line that still holds
what requests are made of (a number, a value, a package, a part number, a category word)
is: the buyer meant something by it, and the bot should say it could not read it rather
than drop it silently.
"""

from __future__ import annotations

import re

from catalogue.parser import tokens as t
from catalogue.parser.normalise import denoise

#: Token kinds that requests are made of.
_SUBSTANCE = frozenset(
    {
        *(t.NUM, t.KNUM, t.WNUM, t.QTY, t.REELS, t.VALUE, t.VOLT, t.POWER, t.CURRENT, t.TOL),
        *(t.PPM, t.PKG, t.CHIP, t.DIEL, t.CAT, t.MPN, t.DESIG, t.COLOUR, t.GARBAGE),
    }
)
# Lines that open with a greeting, thanks or a sign-off, or with a contact label.
_ASIDE = re.compile(
    r"""^\W*(?:
        (?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening|day)|greetings
        |thanks?|thank\s+you|thx|tks|ty|many\s+thanks|cheers|regards|best|kind\s+regards
        |sincerely|yours|br|sent\s+from)\b
      | (?:tel|phone|mobile|mob|cell|fax|e-?mail|mail|wechat|whats\s?app|skype|qq|telegram
        |address|addr|company|attn|attention|contact|ship\s+to|bill\s+to|deliver\s+to|website
        |web|url|vat|tax\s+id|total|subtotal|sum)\b\s*[:.#]?
      | 你好|您好|谢谢|感谢|多谢|老板|电话|手机|微信|地址|公司|联系人|邮箱|合计|总计
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# Street addresses: a number beside one of these words is a house number.
_ADDRESS = re.compile(
    r"\b(?:street|st\.|road|rd\.?|avenue|ave\.?|floor|building|bldg|room|suite|district"
    r"|province|postcode|zip|industrial\s+park)\b|[路街道区市省]\d|\d+[号楼室栋层]",
    re.IGNORECASE,
)


# Plain words, and runs of Han characters, that prose is made of.
_WORD = re.compile(r"(?<![\w.+-])[A-Za-z]{2,}(?![\w.+-])|[\u3400-\u9fff]{2}")
#: A line of at least this many words, most of them plain words, is prose.
_PROSE_WORDS = 5


def is_unread(line: str) -> bool:
    """Whether `line` (unified, and accounted for by no request or context) holds something
    a request is made of, and is not an aside: a greeting, sign-off, contact or address, a
    line about prices, orders, dates or lead times, or a sentence of prose."""
    if not line or line.isspace() or _ASIDE.match(line) or _ADDRESS.search(line):
        return False
    tokens, noisy = t.scan(line)
    if noisy:
        tokens = t.scan(denoise(line))[0]
    substance = sum(1 for token in tokens if token[0] in _SUBSTANCE)
    if not substance:
        return False
    words = len(_WORD.findall(line))
    return words < _PROSE_WORDS or words < 2 * substance

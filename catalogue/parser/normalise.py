"""One spelling for the text before it is tokenised, and the noise taken out of it.

Full-width forms become ASCII, Chinese units and numerals become Latin ones, and the
numbers that are never part of a request are removed before anyone can mistake them
for quantities: prices, date codes, lead times, temperatures, phone and order numbers,
addresses of web pages and mailboxes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from catalogue.parser import chinese

_CJK = re.compile(r"[\u3400-\u9fff]")


def _noise(triggers: tuple[str, ...], pattern: str) -> tuple[tuple[str, ...], str]:
    return triggers, pattern


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """Noise patterns compile on first use: most runs never need most of them."""
    return re.compile(pattern, re.IGNORECASE | re.VERBOSE)


# Each kind of noise with the substrings (lower case) without which it cannot occur: most
# lines contain none of them, and a substring test is far cheaper than a regex search.
_NOISE = (
    _noise(
        ("http", "www.", "@"),
        r"""https?://[^\s",;]+ | www\.[^\s",;]+ | [\w.+-]+@[\w-]+\.[\w.]+   # pages, mailboxes
        | [\w.]+\s*@\s*DC\b                                          # a bead's DC resistance
        | @\s*[$¥€£]?\s*\d+(?:[.,]\d+)*                                # "@0.02", "@100MHz"
          (?:\s*(?:usd|rmb|cny|eur|euros?|dollars?|cents?)\b|[a-zA-Z]+|\s*[kKM]?Hz\b)?
        """,
    ),
    _noise(
        ("tel", "phone", "mobile", "cell", "whats", "wechat", "wx", "vx", "call", "电话", "手机"),
        r"""(?:tel|phone|mobile|cell|whats\s?app|wechat|wx|vx|call|电话|手机|微信)\s*[:.#]?\s*
        \+?\d[\d\s()-]{5,}\d""",
    ),
    _noise(
        ("d/c", "dc", "date", "lot", "年份", "批次", "批号"),
        r"""\b(?:d/?c|date\s*code|lot)\s*[:.]?\s*(?:\d{2,4}\+?|\d{2}\s*/\s*\d{2})
        | (?:年份|批次|批号)\s*[:：]?\s*\d{2,4}\+?""",
    ),
    _noise(
        ("tracking", "waybill", "awb", "运单", "快递"),
        r"""\b(?:tracking|waybill|awb)\s*(?:no\.?|number|num|\#)?\s*[:.#]?\s*[\w-]*\d[\w-]*
        | (?:运单|快递单?)号?\s*[:：]?\s*[\w-]*\d[\w-]*""",
    ),
    _noise(
        ("+",),
        r"""\+\d{1,3}[\s-]?\(?\d{1,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b   # international numbers
        | (?<![\w.])\d{2,4}\+(?![\w+])                                 # date codes: "23+"
        """,
    ),
    _noise(
        ("order", "po", "p.o", "invoice", "inv", "ref", "rfq", "ticket", "订单"),
        r"""\b(?:order|p\.?o\.?|invoice|inv|ref|rfq|ticket)\s*(?:\#|no\.?|num(?:ber)?\.?)\s*[:.]?\s*
        [\w-]*\d[\w-]*
        | \bPO\s*[:#]?\s*\d{3,}\b | 订单号?\s*[:：]?\s*[\w-]+
        | \b(?:ref|rfq|ticket|invoice)\s*[:#.]?\s*\d[\d/-]*\b""",
    ),
    _noise(
        (
            *("$", "¥", "€", "£", "元", "usd", "rmb", "cny", "eur", "dollar", "cent"),
            *("price", "budget", "cost", "单价", "价格", "目标价"),
        ),
        r"""[$¥€£]\s*\d+(?:[.,]\d+)*(?:\s*/\s*(?:pcs?|pieces?|units?|ea|k|kpcs|reel))?
        | \d+(?:[.,]\d+)*\s*(?:[$¥€£元]|usd\b|rmb\b|cny\b|eur\b|euros?\b|dollars?\b|cents?\b)
          (?:\s*/\s*(?:pcs?|pieces?|units?|ea|k|kpcs|reel))?
        | \b(?:usd|rmb|cny|eur)\s*\d+(?:[.,]\d+)*
        | \b(?:(?:target|unit|best|your)\s+)?(?:price|budget|cost)s?
          \s*(?:is|of|at|:|=|@|<|below|under)?\s*[$¥€£]?\s*\d+(?:[.,]\d+)*
        | (?:单价|价格|目标价)\s*[:：]?\s*\d+(?:[.,]\d+)*""",
    ),
    _noise(
        ("/pc", "/ pc", "/piece", "/unit", "/ea", "/kpc"),
        r"\d+(?:\.\d+)?\s*/\s*(?:pcs?|pieces?|units?|ea|kpcs)\b",
    ),
    _noise(
        ("/reel", "/roll", "/box", "/tray", "/tube", "/bag", "per reel", "per roll", "/盘"),
        r"""\d+\s*k?\s*(?:pcs?|pieces?)?\s*(?:/|per)\s*
        (?:reels?|rolls?|box(?:es)?|trays?|tubes?|bags?)\b | \d+\s*(?:pcs|个)?\s*/\s*盘""",
    ),
    _noise(
        ("week", "wk", "day", "month", "hour", "hr", "天", "周", "个月", "星期"),
        r"""\b\d+(?:\s*[-~]\s*\d+)?\s*(?:weeks?|wks?|days?|months?|hours?|hrs?|business\s+days)\b
        | \d+(?:\s*[-~]\s*\d+)?\s*(?:天|周|个月|星期)""",
    ),
    _noise(
        ("°",),
        r"""[-+]?\d+(?:\.\d+)?\s*(?:~|to)\s*[-+]?\d+(?:\.\d+)?\s*°\s*C?     # ranges
        | [-+]?\d+(?:\.\d+)?\s*°\s*C?""",
    ),
    _noise(
        ("20", "19"),
        r"\b(?:20\d\d|19\d\d)[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])\b",
    ),
)
_PUNCTUATION = str.maketrans(
    {
        "\u00a0": " ",
        "\u200b": " ",
        "\ufeff": " ",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2022": " ",
        "\u00b7": " ",
        "\u2103": "°C",
    }
)


def unify(text: str) -> str:
    """`text` in one script and spelling: ASCII forms, Latin units and numerals."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_PUNCTUATION)
        if _CJK.search(text):
            text = chinese.rewrite(text)
    return text


def has_cjk(text: str) -> bool:
    return not text.isascii() and _CJK.search(text) is not None


def denoise(line: str) -> str:
    """One line without the numbers that are never a request's."""
    low = line.lower()
    for triggers, pattern in _NOISE:
        for trigger in triggers:
            if trigger in low:
                line = _compiled(pattern).sub(" ", line)
                low = line.lower()
                break
    return line

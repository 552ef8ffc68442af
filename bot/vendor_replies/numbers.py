"""Numbers as vendors type them: separators, shorthand multipliers and Chinese numerals.

"1,200" and "25.000" (in a decimal-comma reply) are thousands; "0,0011" is a decimal;
"50k", "1.5M", "5万", "5w", "2千" are multiplied out; "两", "三", "十五" are numbers too.
"""

from __future__ import annotations

import re

#: A number with thousands or decimal separators ("1,200", "0.0021", "25.000", "0,0011").
NUMBER = (
    r"(?:[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?|[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![\d])"
)
#: A small number in Chinese numerals ("一", "两", "十五", "二十").
CN_NUMBER = r"[零一二两三四五六七八九十]+"
#: Arabic or Chinese.
ANY_NUMBER = rf"(?:{NUMBER}|{CN_NUMBER})"

_MULTIPLIERS = {"k": 1_000, "kk": 1_000_000, "m": 1_000_000, "万": 10_000, "w": 10_000, "千": 1_000}
_CN_DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


def parse_number(text: str, decimal_comma: bool = False) -> float:
    """The value of an Arabic or Chinese number as written in this reply."""
    if not text[0].isdigit():
        return float(parse_cn_number(text))
    if decimal_comma:
        if _THOUSANDS_DOT.match(text):
            return float(text.replace(".", ""))
        return float(text.replace(".", "").replace(",", ".") if "," in text else text)
    if _THOUSANDS_COMMA.match(text):
        return float(text.replace(",", ""))
    if text.count(",") == 1 and "." not in text:
        return float(text.replace(",", "."))
    return float(text.replace(",", ""))


def parse_cn_number(text: str) -> int:
    """A Chinese numeral below a hundred: "三" 3, "十五" 15, "二十" 20, "两" 2."""
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0))
    total = 0
    for char in text:
        total = total * 10 + _CN_DIGITS.get(char, 0)
    return total


def multiplier(suffix: str | None) -> int:
    """The factor a shorthand suffix stands for; 1 for none."""
    if not suffix:
        return 1
    return _MULTIPLIERS.get(suffix.lower(), 1)


def count(number: str, suffix: str | None = None, decimal_comma: bool = False) -> int:
    """A count of pieces: "50" "k" 50000, "1.5" "M" 1500000, "5" "万" 50000.

    Pieces are whole, so "80.000" without a multiplier has a thousands dot in any reply.
    """
    if not suffix and _THOUSANDS_DOT.match(number):
        return int(number.replace(".", ""))
    return round(parse_number(number, decimal_comma) * multiplier(suffix))


_PIECES = r"(?:pcs|pc|ea|units?|piece|pieces|个|只|颗|片|粒|条)"


def quantity_pattern(name: str, chinese: bool = True) -> str:
    """A count of pieces as a named group: "5000", "5k", "1.5M pcs", "5万", "两千个"."""
    number = ANY_NUMBER if chinese else NUMBER
    return (
        rf"(?<![\d.])(?<!\d,)(?P<{name}>{number})(?![.,]?\d)[^\S\n]*(?P<{name}_m>kk|k|m|万|w|千)?+[^\S\n]*{_PIECES}?"
        r"(?![A-Za-z])"
    )

"""Currency marks as the market writes them, before or after a number, or on their own.

"$", "US$", "USD", "U" (0.5U) and "美金" are US dollars; "¥", "RMB", "元", "块" yuan;
"HK$"/"HKD" Hong Kong dollars; "€"/"EUR" euros. Cents and the yuan's 毛/分 are handled
with the prices, since they change the number as well as naming the currency.
"""

from __future__ import annotations

import re

#: Marks written before a number ("US$0.12", "USD 0.12", "¥15", "€0,0011").
PREFIX = (
    r"(?:US[^\S\n]?\$|U\.S\.[^\S\n]?\$|HK[^\S\n]?\$|USD|RMB|CNY|HKD|EUR|€|\$|¥|￥|美金|美元|人民币"
    r"|港币|港元|欧元)"
)
#: Marks written after a number ("0.12$", "0.12 usd", "0.5U", "12.5元", "2.6 RMB"). A symbol
#: followed by a number is that number's prefix instead ("1-9 $2.80").
_SYMBOL_FREE = r"(?![^\S\n]*\d)"
SUFFIX = (
    rf"(?:US[^\S\n]?\${_SYMBOL_FREE}|HK[^\S\n]?\${_SYMBOL_FREE}|usd|rmb|cny|hkd|eur|euros?"
    rf"|€{_SYMBOL_FREE}|\${_SYMBOL_FREE}|¥{_SYMBOL_FREE}|美金|美元|刀|人民币|港币|港元|欧元|元|块(?![^\S\n]*[0-9一二两三四五六七八九])"
    r"|u(?![a-z]))"
)

_CODES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:HK[^\S\n]?\$|HKD|港币|港元)$", re.IGNORECASE | re.ASCII), "HKD"),
    (
        re.compile(
            r"^(?:US[^\S\n]?\$|U\.S\.[^\S\n]?\$|USD|\$|美金|美元|刀|U|dollars?)$",
            re.IGNORECASE | re.ASCII,
        ),
        "USD",
    ),
    (re.compile(r"^(?:RMB|CNY|¥|￥|人民币|元|块|yuan)$", re.IGNORECASE | re.ASCII), "CNY"),
    (re.compile(r"^(?:EUR|€|euros?|欧元)$", re.IGNORECASE | re.ASCII), "EUR"),
)

#: A currency named apart from any number: "prices in usd", "USD prices", "单位:元", "RMB含税".
NOTE = re.compile(
    r"(?<![A-Za-z])(?:usd|us[^\S\n]?dollars?|rmb|cny|hkd|eur|euros?|dollars?|yuan)(?![A-Za-z])"
    r"|美金|美元|人民币|港币|港元|欧元|单位[^\S\n]*[:：]?[^\S\n]*元|HK[^\S\n]?\$|US[^\S\n]?\$"
    r"|(?<![\d.])(?:元|块)(?![\d])",
    re.IGNORECASE | re.ASCII,
)


def currency_code(mark: str) -> str | None:
    """The ISO code of a currency mark, or None for anything else."""
    cleaned = mark.strip()
    if cleaned.startswith("单位"):
        return "CNY"
    for pattern, code in _CODES:
        if pattern.match(cleaned):
            return code
    return None

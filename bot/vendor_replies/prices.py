"""Prices: the number, its currency, what quantity it is for, and the tier it belongs to.

Per-1000, per-100 and per-reel prices are divided down to a unit price ("2.7 USD/K"
0.0027, "每千个2.6元" 0.0026, "K价6块" 0.006, "¥15/盘(5000)" 0.003); cents and the yuan's
毛/分 become decimals ("9 cents" 0.09 USD, "1毛2" 0.12 CNY). A price with a minimum
quantity before or after it ("1k+ 0.08", "100-999: 0.095", "@10k 0.0025", "0.0021@10k") is
a tier of a price-break table. Strongly marked prices are read before stock and lead
times; bare decimals after them, so "stock 5000" is never a price.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.vendor_replies.currencies import PREFIX, SUFFIX, currency_code
from bot.vendor_replies.facts import Anchor, LineMarker, Moq, PartNumber, Price, Scan
from bot.vendor_replies.numbers import ANY_NUMBER, NUMBER, count, parse_number, quantity_pattern

_S = r"[^\S\n]*"
_CORE = (
    rf"(?P<pre>{PREFIX})?{_S}(?<![\d.])(?<!\d,)(?P<num>{NUMBER})"
    rf"(?:{_S}(?P<post>{SUFFIX}))?"
)
_PER_UNIT = (
    r"(?P<per_unit>k(?![a-z])|kpcs|1k(?![a-z])|1,?000(?:[^\S\n]*(?:pcs|个|只))?|thousand|千个?|千只"
    r"|千|100(?:[^\S\n]*(?:pcs|个|只))?|百个?|reels?|盘|卷|rolls?)"
)
_REEL_NOTE = (
    rf"(?:{_S}\({_S}(?P<per_size>\d+(?:[.,]\d+)?){_S}(?P<per_size_m>k|w|万|千)?{_S}(?:pcs|个|只|颗|ea)?"
    rf"{_S}(?:/{_S}(?:reel|盘))?{_S}\))?"
)
#: "0.052 usd / 1k: 0.058 usd", "0.058元 / 100个以上0.07元": a quantity that labels the next
#: price is no per-1000 or per-100 unit.
_NEXT_TIER = (
    rf"(?!{_S}(?:pcs|个|只)?{_S}(?:[:：=@]|以上|及以上|起(?!订)|(?:{PREFIX})?{_S}\d+[.,]\d))"
)
_PER = (
    rf"(?P<per>(?:{_S}/{_S}|{_S}(?P<word>per|every|each|a|每|一){_S}){_PER_UNIT})"
    rf"(?!\d|\.\d|{_S}[-~+]|[A-Za-z])(?(word)(?!{_S}\d)){_NEXT_TIER}{_REEL_NOTE}"
)
_EACH = (
    rf"(?:{_S}(?:/{_S}(?:pcs|pc|piece|个|只|颗|ea|unit)(?![A-Za-z])|each|ea\b|per[^\S\n]+(?:pc|piece"
    r"|unit)|一个|每个))?"
)
_PER_PRICE = re.compile(rf"{_CORE}{_PER}", re.IGNORECASE | re.ASCII)
_PREFIX_PER = re.compile(
    rf"(?:(?:每|every|per|each|for){_S}(?P<per_unit>1,?000|1k|k|一千|千|100|一百|百|reel|盘|卷)"
    rf"|一{_S}(?P<per_reel>盘|卷)|(?P<reel_price>盘价|卷价|整盘价|reel{_S}price|price{_S}per{_S}reel)"
    rf"|(?P<k_price>k|千个?){_S}价){_S}"
    rf"(?:pcs|个|只)?{_S}(?:is|=|:|：|价格|price)?{_S}{_CORE}{_REEL_NOTE}",
    re.IGNORECASE | re.ASCII,
)
_CENTS = re.compile(rf"(?P<num>{NUMBER}){_S}(?:cents?|¢)(?![A-Za-z])", re.IGNORECASE | re.ASCII)
_CN_DIGIT = r"[0-9一二两三四五六七八九]"
_NOT_A_COUNT = r"(?![\d.个只千百万盘颗片])"
_CN_MONEY = re.compile(
    rf"(?P<yuan>{ANY_NUMBER}){_S}块{_S}(?:(?P<jiao>{_CN_DIGIT}){_NOT_A_COUNT}"
    rf"(?:{_S}(?:毛|角)(?:{_S}(?P<fen>{_CN_DIGIT}){_NOT_A_COUNT}{_S}分?)?)?)?(?:钱)?"
    rf"|(?P<jiao_only>{ANY_NUMBER}){_S}(?:毛|角)(?:{_S}(?P<fen2>{_CN_DIGIT}){_NOT_A_COUNT}{_S}分?)?"
    r"(?:钱)?"
    rf"|(?P<fen_only>{ANY_NUMBER}){_S}分(?!钟|之|批|期|开|别|析|配|类|装|享|货)"
    rf"(?:{_S}(?P<li>{_CN_DIGIT}){_NOT_A_COUNT})?(?:钱)?"
    rf"|(?P<li_only>{ANY_NUMBER}){_S}厘(?:钱)?"
)
_CN_PER_AFTER = re.compile(
    rf"{_S}(?:/|每|一|per){_S}(?:千个?|千只|千|1,?000{_S}(?:个|pcs)?|k(?![a-z]))",
    re.IGNORECASE | re.ASCII,
)
_CN_PER_BEFORE = re.compile(
    rf"(?:每|per|every|一){_S}(?:千个?|千只|千|1,?000{_S}(?:个|pcs)?|k){_S}[:：]?{_S}$|(?:k|千){_S}价{_S}$",
    re.IGNORECASE | re.ASCII,
)
_PLAIN = re.compile(rf"{_CORE}{_EACH}", re.IGNORECASE | re.ASCII)
_KEYWORD_BEFORE = re.compile(
    rf"(?:price|单价|价格|价钱|报价|unit{_S}price|u/p|@|\bat|each|\bea|cost|only|一共|总共|合计|共|total)"
    rf"{_S}[:：=]?{_S}$",
    re.IGNORECASE | re.ASCII,
)
_QUANTITY_AFTER = re.compile(
    rf"{_S}(?:kk|k|m|万|w|千|pcs|pc|个|只|颗|片|%|x|v|ohm|Ω|nf|uf|pf|uh|mhz|ppm|mm|pin|p\b|"
    rf"reels?|盘|卷|[-~]{_S}\d|\+|以上|起|年|月|号|点|:\d)",
    re.IGNORECASE | re.ASCII,
)
#: "1-24: 9.80": the number is the start of a range, not a price ("0.41 - 2,500 pcs" is).
_RANGE_AFTER = re.compile(
    rf"[-~]\d|{_S}~{_S}\d|[^\S\n]+to[^\S\n]+\d|{_S}-{_S}\d+(?:[.,]\d+)?{_S}(?:k|pcs|个)?{_S}[:：]"
)
_TOTAL_BEFORE = re.compile(
    rf"(?:(?<![\d.])(?<!\d,)(?P<n>\d+(?:[.,]\d{{3}})*){_S}(?P<n_m>k|w|万|千)?{_S}(?:pcs|个|只)?{_S})?"
    rf"(?:一共|总共|合计|共计|总价|总计|总额|total(?:ly)?(?:{_S}price)?|in{_S}total|altogether)"
    rf"{_S}[:：=]?{_S}(?:是|为)?{_S}$",
    re.IGNORECASE | re.ASCII,
)

_Q = quantity_pattern("lo", chinese=False)
_PIECES = r"(?:pcs|pc|个|只)"
_TIER_BEFORE: tuple[tuple[re.Pattern[str], bool], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE | re.ASCII), single)
    for pattern, single in (
        (
            rf"{_Q}{_S}(?:-|~|to|至|到){_S}(?:\d+(?:[.,]\d+)*{_S}(?:k|w|万|千)?)?{_S}{_PIECES}?"
            rf"{_S}[:：=@]?{_S}$",
            True,
        ),
        (
            rf"{_Q}{_S}(?:\+|以上|及以上|or[^\S\n]+more|and[^\S\n]+(?:up|above)|起){_S}{_PIECES}?"
            rf"{_S}[:：=]?{_S}$",
            True,
        ),
        (
            rf"(?:>=|≥|>|over|above|大于等于|大于|满|min\.?){_S}{_Q}{_S}{_PIECES}?{_S}[:：=]?{_S}$",
            True,
        ),
        (rf"(?:qty|quantity|数量){_S}[:：]?{_S}{_Q}{_S}[:：@=]?{_S}$", True),
        (rf"@{_S}{_Q}{_S}{_PIECES}?{_S}[:：=]?{_S}$", True),
        (rf"(?<![\d.])(?<!\d,){_Q}{_S}{_PIECES}?{_S}[:：=@]{_S}$", True),
        (rf"(?<![\d.])(?<!\d,){_Q}{_S}{_PIECES}?{_S}/{_S}$", False),
        (rf"(?:^|(?<=[^A-Za-z]))[x×*]{_S}{_Q}{_S}$", False),
        (
            rf"(?<![\d.])(?<!\d,)(?P<lo>\d+(?:[.,]\d+)?)(?![.,]?\d){_S}(?P<lo_m>k|w|万|千)?{_S}"
            rf"{_PIECES}(?![A-Za-z]){_S}$",
            False,
        ),
        (
            rf"(?<![\d.A-Za-z])(?<!\d,)(?P<bare>\d+(?:[.,]\d+)?{_S}(?:k|w|万|千))(?![A-Za-z]){_S}$",
            False,
        ),
        # "100 0.35 / 1k 0.3": a round count right before a price, a tier only in a table;
        # below ten it would be an item number ("1 0.06\n2 1.65").
        (r"(?:^|(?<=[\s/|,;:]))(?P<lo>[1-9][05]?0+)(?P<lo_m>)[^\S\n]*$", False),
    )
)
_MORE = r"(?P<more>\+|以上|up|or[^\S\n]+more|and[^\S\n]+up)"
_TIER_AFTER = tuple(
    re.compile(pattern, re.IGNORECASE | re.ASCII)
    for pattern in (
        rf"{_S}(?P<at>@|at){_S}{_Q}{_S}{_PIECES}?{_S}{_MORE}?",
        rf"{_S}for{_S}{_Q}{_S}(?:{_PIECES}{_S})?{_MORE}",
        rf"{_S}for{_S}(?P<lo>\d+(?:[.,]\d+)?){_S}(?P<lo_m>k|w|万|千)?{_S}{_PIECES}(?![A-Za-z])",
        rf"{_S}for{_S}(?P<bare>\d+(?:[.,]\d+)?{_S}(?:k|w|万|千))(?![A-Za-z])",
        rf"{_S}\({_S}(?P<at2>@|at|for)?{_S}{_Q}{_S}{_PIECES}?{_S}{_MORE}?{_S}\)",
        rf"{_S}/{_S}{_Q}{_S}{_PIECES}?{_S}{_MORE}",
    )
)
_TIMES_BEFORE = re.compile(rf"(?:^|[^A-Za-z])[x×*]{_S}$", re.IGNORECASE | re.ASCII)
_EQUALS_BEFORE = re.compile(rf"={_S}$")
_NEGATED_BEFORE = re.compile(rf"(?:不是|not|instead{_S}of){_S}$", re.IGNORECASE | re.ASCII)
_COUNTED_BEFORE = re.compile(
    rf"(?:现货|库存|stock|moq|有|have|available|qty|数量|最少|起订量?|reel|盘|包装){_S}[:：]?{_S}$",
    re.IGNORECASE | re.ASCII,
)
_LIST_GAP = re.compile(r"[^\S\n]*[/,|、]?[^\S\n]*")
_MOQ_GAP = re.compile(rf"{_S}[:：=@,]?{_S}")
_BARE_QUANTITY = re.compile(
    r"(?P<lo>\d+(?:[.,]\d+)?)[^\S\n]*(?P<lo_m>k|w|万|千)", re.IGNORECASE | re.ASCII
)


def _divisor(unit: str) -> int | None:
    """1000 or 100 for per-thousand and per-hundred prices, None for per-reel ones."""
    word = re.sub(r"\s|pcs|个|只|,", "", unit.lower())
    if word in ("k", "1k", "kpcs", "thousand", "千", "一千", "1000"):
        return 1000
    if word in ("100", "百", "一百"):
        return 100
    return None


def _currency(match: re.Match[str]) -> str | None:
    for group in ("pre", "post"):
        mark = match.group(group)
        if mark:
            return currency_code(mark)
    return None


def _reel_note(match: re.Match[str], decimal_comma: bool) -> int | None:
    if not match.group("per_size"):
        return None
    return count(match.group("per_size"), match.group("per_size_m"), decimal_comma)


def _per_unit_price(
    start: int, end: int, value: float, currency: str | None, unit: str, reel: int | None
) -> Price:
    divisor = _divisor(unit)
    if divisor is None:
        return Price(start, end, value, currency, per_reel=True, reel_size=reel)
    return Price(start, end, value / divisor, currency)


def extract_unit_prices(scan: Scan) -> None:
    """Claim prices whose form leaves no doubt: per-1000/per-reel, cents, 块/毛/分."""
    for match in scan.matches(_PER_PRICE):
        currency = _currency(match)
        number = match.group("num")
        size = _reel_note(match, scan.decimal_comma)
        if currency is None and number.isdigit() and size is None:
            continue
        value = parse_number(number, scan.decimal_comma)
        fact = _per_unit_price(
            match.start(), match.end(), value, currency, match.group("per_unit"), size
        )
        _claim(scan, fact)
    for match in scan.matches(_PREFIX_PER):
        size = _reel_note(match, scan.decimal_comma)
        if _currency(match) is None and match.group("num").isdigit() and size is None:
            continue
        unit = match.group("per_unit") or match.group("per_reel") or "k"
        if match.group("reel_price"):
            unit = "reel"
        value = parse_number(match.group("num"), scan.decimal_comma)
        fact = _per_unit_price(match.start(), match.end(), value, _currency(match), unit, size)
        _claim(scan, fact)
    for match in scan.matches(_CENTS):
        value = parse_number(match.group("num"), scan.decimal_comma) / 100
        _claim(scan, Price(match.start(), match.end(), value, "USD"))
    for match in scan.matches(_CN_MONEY):
        _claim_chinese_money(scan, match)


def _claim_chinese_money(scan: Scan, match: re.Match[str]) -> None:
    def number(group: str) -> float:
        text = match.group(group)
        return parse_number(text, scan.decimal_comma) if text else 0.0

    if match.group("yuan"):
        value = number("yuan") + number("jiao") / 10 + number("fen") / 100
    elif match.group("jiao_only"):
        value = number("jiao_only") / 10 + number("fen2") / 100
    elif match.group("fen_only"):
        value = number("fen_only") / 100 + number("li") / 1000
    else:
        value = number("li_only") / 1000
    start, end = match.start(), match.end()
    after = _CN_PER_AFTER.match(scan.masked, end)
    before = _CN_PER_BEFORE.search(scan.masked[max(0, start - 12) : start])
    if after is not None or before is not None:
        value /= 1000
        end = after.end() if after is not None else end
        start = start - (len(before.group(0)) if before is not None else 0)
    _claim(scan, Price(start, end, value, "CNY"))


def extract_prices(scan: Scan) -> None:
    """Claim the remaining prices: a number with a currency, a keyword, or a decimal point."""
    for match in scan.matches(_PLAIN):
        currency = _currency(match)
        number = match.group("num")
        before = scan.masked[max(0, match.start() - 16) : match.start()]
        after = scan.masked[match.end() : match.end() + 8]
        if _RANGE_AFTER.match(after):
            continue
        if currency is None:
            keyword = _KEYWORD_BEFORE.search(before) is not None
            decimal = not number.isdigit() and not _is_thousands(number, scan.decimal_comma)
            if not (keyword or decimal) or _QUANTITY_AFTER.match(after):
                continue
        value = parse_number(number, scan.decimal_comma)
        if value <= 0:
            continue
        if _NEGATED_BEFORE.search(before) or (
            _EQUALS_BEFORE.search(before) and any(isinstance(f, Price) for f in scan.facts)
        ):
            scan.claim(match.start(), match.end())
            continue
        _claim(scan, Price(match.start(), match.end(), value, currency))
    share_trailing_currency(scan)


def share_trailing_currency(scan: Scan) -> None:
    """ "0.06 / 1.65 / 3.2 RMB", "res 0.003, caps 0.005 usd": a currency after a list of
    prices is every one's; between them only a separator and what names the next line.
    """
    prices = sorted((f for f in scan.facts if isinstance(f, Price)), key=lambda f: f.start)
    names = [f for f in scan.facts if isinstance(f, PartNumber | Anchor | LineMarker)]
    for index in range(len(prices) - 2, -1, -1):
        price, following = prices[index], prices[index + 1]
        if price.currency is not None or following.currency is None:
            continue
        gap = scan.masked[price.end : following.start]
        for name in names:
            if price.end <= name.start and name.end <= following.start:
                start, end = name.start - price.end, name.end - price.end
                gap = gap[:start] + " " * (end - start) + gap[end:]
        if _LIST_GAP.fullmatch(gap):
            shared = replace(price, currency=following.currency)
            scan.facts[scan.facts.index(price)] = shared
            prices[index] = shared


def _is_thousands(number: str, decimal_comma: bool) -> bool:
    separator = "." if decimal_comma else ","
    return bool(re.fullmatch(rf"\d{{1,3}}(?:{re.escape(separator)}\d{{3}})+", number))


def _claim(scan: Scan, fact: Price) -> None:
    """Claim a price with its tier or total; a zero is no price ("0块" is a slip)."""
    fact = _with_tier(scan, _as_total(scan, fact))
    scan.claim(fact.start, fact.end, fact if fact.value > 0 else None)


def _as_total(scan: Scan, fact: Price) -> Price:
    """ "500个一共2块钱": a price for the whole quantity, divided by it when it is written."""
    found = _TOTAL_BEFORE.search(scan.masked[max(0, fact.start - 20) : fact.start])
    if found is None:
        return fact
    start = fact.start - (len(found.group(0)))
    pieces = (
        count(found.group("n"), found.group("n_m"), scan.decimal_comma) if found.group("n") else 0
    )
    if pieces > 0:
        return replace(fact, start=start, value=fact.value / pieces)
    return replace(fact, start=start, total=True)


def _moq_before(scan: Scan, fact: Price) -> int | None:
    """ "MOQ 100pcs 2.85usd, 1k 2.6usd": a minimum right before a price is its first tier."""
    for moq in scan.facts:
        if (
            isinstance(moq, Moq)
            and moq.pieces
            and _MOQ_GAP.fullmatch(scan.text[moq.end : fact.start])
        ):
            return moq.pieces
    return None


def _with_tier(scan: Scan, fact: Price) -> Price:
    """The price with the minimum quantity written just before or after it, claimed too."""
    line_start = max(scan.masked.rfind("\n", 0, fact.start), scan.masked.rfind(";", 0, fact.start))
    window_start = max(line_start + 1, fact.start - 30)
    before = scan.masked[window_start : fact.start]
    for pattern, single_ok in _TIER_BEFORE:
        found = pattern.search(before)
        if found and not single_ok and _COUNTED_BEFORE.search(before[: found.start()]):
            continue
        if found and _TIMES_BEFORE.search(before[: found.start()]):
            single_ok = False
        if found:
            quantity = (
                found
                if "bare" not in pattern.groupindex
                else _BARE_QUANTITY.match(found.group("bare"))
            )
            assert quantity is not None
            minimum = count(quantity.group("lo"), quantity.group("lo_m"), scan.decimal_comma)
            start = window_start + found.start()
            return replace(fact, start=start, tier_min=minimum, single_tier_ok=single_ok)
    after = scan.masked[fact.end : fact.end + 30]
    first_tier = _moq_before(scan, fact)
    if first_tier is not None:
        return replace(fact, tier_min=first_tier, single_tier_ok=False)
    for after_pattern in _TIER_AFTER:
        found = after_pattern.match(after)
        if found:
            groups = found.groupdict()
            quantity = found if groups.get("lo") else _BARE_QUANTITY.match(groups["bare"] or "")
            assert quantity is not None
            minimum = count(quantity.group("lo"), quantity.group("lo_m"), scan.decimal_comma)
            single_ok = bool(groups.get("more") or groups.get("at") or groups.get("at2"))
            end = fact.end + found.end()
            return replace(fact, end=end, tier_min=minimum, single_tier_ok=single_ok)
    return fact

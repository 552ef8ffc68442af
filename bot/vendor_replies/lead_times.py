"""Lead times in days: ranges take the upper bound, a week is 7 days and a month 30.

"3-5 days" 5, "6-8 weeks" 56, "LT 2-3 wks" 21, "交期4周" 28, "1个月" 30, "5个工作日" 5,
"tomorrow"/"明天" 1. Durations that are not delivery ("price valid 5 days", "will answer
in 2 hours", "有效期3天", "net 30 days") are claimed without a fact.
"""

from __future__ import annotations

import math
import re

from bot.vendor_replies.facts import LeadTime, Scan
from bot.vendor_replies.numbers import ANY_NUMBER, parse_number

_UNIT = (
    r"(?P<unit>working[^\S\n]*days?|business[^\S\n]*days?|work(?:ing)?[^\S\n]*days?|w\.?d\.?s?|days?|个?工作[日天]|天"
    r"|wks?|weeks?|周|个?星期|个?礼拜|months?|mths?|个月|hours?|hrs?|小时|h(?![a-z]))"
)
_SPAN = (
    rf"(?P<a>{ANY_NUMBER})(?:[^\S\n]*(?:-|~|to|至|到|或)[^\S\n]*(?P<b>{ANY_NUMBER}))?[^\S\n]*{_UNIT}"
    r"(?![A-Za-z])"
)
_CN_PAIR = r"(?P<a>[一二两三四五六七八九])(?P<b>[一二两三四五六七八九])[^\S\n]*" + _UNIT.replace(
    "?P<unit>", "?P<unit2>"
)
_KEYWORD = (
    r"(?:\bLT|\bL/T|lead[^\S\n]*-?[^\S\n]*time|leadtime|交期|货期|期货|\bETA|delivery|交货期?)"
)
_KEYWORD_SPAN = re.compile(
    rf"{_KEYWORD}[^\S\n]*(?:is|:|：|=|约|about)?[^\S\n]*(?P<a>\d+(?:\.\d+)?)(?:[^\S\n]*(?:-|~|to)[^\S\n]*(?P<b>\d+))?"
    r"[^\S\n]*(?P<unit>w|d|wk)(?![A-Za-z])",
    re.IGNORECASE | re.ASCII,
)
_KEYWORDED_SPAN = re.compile(
    rf"{_KEYWORD}[^\S\n]*(?:is|:|：|=|约|about|大概|大约)?[^\S\n]*{_SPAN}", re.IGNORECASE | re.ASCII
)
_UNNAMED_SPAN = re.sub(r"\?P<\w+>", "", _SPAN)
_NOT_DELIVERY = re.compile(
    r"(?:valid(?:ity)?|good|有效期?|报价有效期?|payment|net|付款|账期|answer|reply|respond|revert"
    r"|get[^\S\n]+back|come[^\S\n]+back|confirm|回复|答复|回你|确认|报价)[^\S\n]*(?:for|within|in|:|：|is|to[^\S\n]+you)?"
    rf"[^\S\n]*(?:in|within)?[^\S\n]*{_UNNAMED_SPAN}|{_UNNAMED_SPAN}[^\S\n]*(?:内)?[^\S\n]*(?:有效|回复|答复|报价|回你|确认)",
    re.IGNORECASE | re.ASCII,
)
_SPAN_RE = re.compile(_SPAN, re.IGNORECASE | re.ASCII)
_CN_PAIR_RE = re.compile(_CN_PAIR)
_HALF_MONTH = re.compile(r"半个月|half[^\S\n]+a[^\S\n]+month", re.IGNORECASE | re.ASCII)
_TOMORROW = re.compile(r"tomorrow|next[^\S\n]+day|明天|明日|后天", re.IGNORECASE | re.ASCII)
_NEXT_WEEK = re.compile(r"next[^\S\n]+week|下周|下个?星期|下个?礼拜", re.IGNORECASE | re.ASCII)


def _days_per(unit: str) -> float | None:
    word = unit.lower().replace(" ", "").removeprefix("个")
    if word.startswith(("hour", "hr", "小时")) or word == "h":
        return None
    if word.startswith(("w", "周", "星期")) and not word.startswith(("working", "wd", "work")):
        return 7
    if "礼拜" in word:
        return 7
    if word.startswith(("month", "mth")) or "月" in word:
        return 30
    return 1


def extract_lead_times(scan: Scan) -> None:
    """Claim delivery times as days, and durations that mean something else.

    A span after a lead-time word is delivery whatever follows it ("交期4周 报价 HKD 12.5").
    """
    _claim_spans(scan, _KEYWORD_SPAN)
    _claim_spans(scan, _KEYWORDED_SPAN, group="a")
    for match in scan.matches(_NOT_DELIVERY):
        scan.claim(match.start(), match.end())
    for pattern in (_CN_PAIR_RE, _SPAN_RE):
        _claim_spans(scan, pattern)
    for match in scan.matches(_HALF_MONTH):
        scan.claim(match.start(), match.end(), LeadTime(match.start(), match.end(), 15))
    for match in scan.matches(_NEXT_WEEK):
        scan.claim(match.start(), match.end(), LeadTime(match.start(), match.end(), 7))
    for match in scan.matches(_TOMORROW):
        days = 2 if match.group(0) == "后天" else 1
        scan.claim(match.start(), match.end(), LeadTime(match.start(), match.end(), days))


def _claim_spans(scan: Scan, pattern: re.Pattern[str], group: int | str = 0) -> None:
    """Claim each span as days; hours are no delivery time and are claimed without a fact.

    `group` is where the claim starts, so a keyword ("期货 8周") stays for other readers.
    """
    for match in scan.matches(pattern):
        start, end = match.start(group), match.end()
        unit = match.groupdict().get("unit") or match.groupdict().get("unit2") or ""
        per = _days_per(unit)
        if per is None:
            scan.claim(start, end)
            continue
        upper = match.group("b") or match.group("a")
        days = math.ceil(parse_number(upper) * per - 1e-9)
        scan.claim(start, end, LeadTime(start, end, days))

"""What a reply says besides offers: cannot supply, will answer later, a question, a fix.

A decline only decides a line that the reply offers nothing for: "no stock, factory LT 12
wks, 1.75 usd" is an offer. Questions back ("any brand ok?", "要不要发票?") carry no facts
at all, and "明天报" (will quote tomorrow) defers the answer rather than promising delivery.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.vendor_replies.facts import (
    MASK,
    Correction,
    Decline,
    Defer,
    LineMarker,
    PartNumber,
    Scan,
)

_NO = (
    r"(?:\bno|\bzero|(?<![\d.])(?<!\d,)0)[^\S\n]*(?:stock|stk|inventory|goods|qty)|\bnot?[^\S\n]+(?:in[^\S\n]+)?stock"
    r"|out[^\S\n]+of[^\S\n]+stocks?"
    r"|nothing[^\S\n]+(?:on|in)[^\S\n]+(?:the[^\S\n]+)?(?:shelf|stock|hand)|nothing[^\S\n]+available|sold[^\S\n]+out"
    r"|not[^\S\n]+available|unavailable|(?:do|does)[^\S\n]*n[o']?t[^\S\n]+have|don'?t[^\S\n]+have|dont[^\S\n]+have"
    r"|doesn'?t[^\S\n]+have|have[^\S\n]+(?:no|none)|(?:can[^\S\n]*not|can'?t|cant|unable[^\S\n]+to|could[^\S\n]*n'?t)[^\S\n]+"
    r"(?:supply|offer|quote|support|find|source|do|provide|get)"
    r"|no[^\S\n]+(?:offer|quote|quotation|source|supply)|not[^\S\n]+(?:our|in[^\S\n]+our)[^\S\n]+(?:line|range|product)"
    r"|discontinued|obsolete|\bEOL\b|not[^\S\n]+possible|no[^\S\n]+longer[^\S\n]+(?:made|available|produced)"
    r"|没货|无货|没有货|没有现货|无现货|现货没有|没现货|现货无|缺货|断货|暂无|暂时没有|没有库存|无库存"
    r"|(?:do|does)[^\S\n]*n[o']?t[^\S\n]+(?:sell|carry|supply|do|deal|make|handle|stock)"
    r"|don'?t[^\S\n]+(?:sell|carry|supply|do|deal|make|handle|stock)"
    r"|only[^\S\n]+(?:do|sell|supply|carry|deal[^\S\n]+in)[^\S\n]+(?!original|genuine|new|\d)"
    r"|库存没有|不做|做不了|不能做|没法做|不供|不报|停产|找不到|没得|没有的|没有哦|没有呢|没这个|没有这个"
    r"|无此|没此|卖完|售完|不卖|不经营|不代理|不好找|难找|没有"
)
_WORD = r"(?:无|no|none|nope|n/?a|nil|没|x|sorry|不好意思)"
_SORRY = r"(?:(?:sorry|抱歉|不好意思)[\s,!.]*)?"
_N = r"(?<![\d.])(?:#|第|no\.?[^\S\n]*)?\d{1,2}(?![\d.kKwW万千])"
_LIST = rf"{_N}(?:[^\S\n]*(?:,|and|&|、|和|及|/|\+)[^\S\n]*{_N})+"
_SINGLE_OR_LIST = rf"{_N}(?:[^\S\n]*(?:,|and|&|、|和|及|/|\+)[^\S\n]*{_N})*"
_ITEMS = r"(?:items?|lines?|nos?\.?|#|第)?[^\S\n]*"
_ITEM_UNIT = r"[^\S\n]*(?:项|个|行|款|条)?"

#: Items named as items ("items 2 and 4", "#3") or as a list ("2, 4"), never a bare count.
_NAMED_ITEMS = rf"(?:(?:items?|lines?|nos?\.?|#|第)[^\S\n]*{_SINGLE_OR_LIST}|{_LIST})"
_CAN_DO = r"(?:do|supply|offer|quote|have|provide|sell|support)"
_ONLY = re.compile(
    rf"(?:only|just)[^\S\n]+{_ITEMS}(?P<list>{_SINGLE_OR_LIST}){_ITEM_UNIT}[^\S\n]+(?:are[^\S\n]+|is[^\S\n]+)?"
    r"(?:available|in[^\S\n]+stock|ok|can[^\S\n]+(?:do|supply|offer))"
    rf"|(?:only|just)[^\S\n]+{_CAN_DO}[^\S\n]+(?:the[^\S\n]+)?(?P<verb_list>{_NAMED_ITEMS})(?![^\S\n]*[a-z%])"
    rf"|(?:only|just)[^\S\n]+(?P<bare_list>{_NAMED_ITEMS}){_ITEM_UNIT}(?=[^\S\n]*(?:[,:：;.!\n]|$))"
    rf"|(?:{_CAN_DO}[^\S\n]+(?:the[^\S\n]+)?)?(?P<list_only>{_NAMED_ITEMS}){_ITEM_UNIT}[^\S\n]+only\b"
    rf"|(?:只有|仅有|只能做|只做|只能供|只能报|只能提供|只供|只报)[^\S\n]*{_ITEMS}(?P<cnlist>{_SINGLE_OR_LIST}){_ITEM_UNIT}",
    re.IGNORECASE | re.ASCII,
)
_ONLY_PARTS = re.compile(
    rf"(?:only|just)[^\S\n]+{_CAN_DO}[^\S\n]+(?:the[^\S\n]+)?|(?:只有|仅有|只能做|只做|只能供|只供)[^\S\n]*",
    re.IGNORECASE | re.ASCII,
)
_PART_JOINER = re.compile(r"[^\S\n]*(?:[,&/、+]|and|和|及|与)?[^\S\n]*", re.IGNORECASE | re.ASCII)
_LISTED = re.compile(
    rf"{_ITEMS}(?P<list>{_LIST}){_ITEM_UNIT}[^\S\n]*(?:[:：\-][^\S\n]*)?(?:are[^\S\n]+|is[^\S\n]+)?(?:all[^\S\n]+|都[^\S\n]*|均[^\S\n]*)?{_SORRY}"
    rf"(?:{_NO}|{_WORD}(?![A-Za-z]))",
    re.IGNORECASE | re.ASCII,
)
_OTHERS = re.compile(
    r"(?:the[^\S\n]+)?(?:others?|rest|remaining|other[^\S\n]+items?|other[^\S\n]+lines?|其他|其余|其它|剩下|剩余)"
    rf"(?:[^\S\n]*的)?[^\S\n]*(?:[\d一二两三四五六七八九几]+[^\S\n]*(?:个|项|款|种|行))?"
    rf"[^\S\n]*(?:items?|lines?|parts?)?[^\S\n]*(?:[:：\-][^\S\n]*)?(?:are[^\S\n]+|is[^\S\n]+)?(?:all[^\S\n]+|都[^\S\n]*|均[^\S\n]*)?(?:{_NO}|{_WORD})"
    r"|only[^\S\n]+(?:these|those|the[^\S\n]+above)(?:[^\S\n]+(?:two|three|four|\d|ones?|items?|parts?))*"
    r"[^\S\n]+(?:are[^\S\n]+|is[^\S\n]+)?(?:available|in[^\S\n]+stock|ok)"
    r"|that'?s[^\S\n]+all(?:[^\S\n]+we[^\S\n]+(?:have|can[^\S\n]+(?:do|offer|supply)))?"
    r"|只有这(?:[几两三些][^\S\n]*(?:个|款|种|项)?)?(?:有货|有现货|可以做|能做)",
    re.IGNORECASE | re.ASCII,
)
_ALL = re.compile(
    r"none[^\S\n]+of[^\S\n]+(?:them|these|the[^\S\n]+items?)(?:[^\S\n]+(?:are|is))?"
    r"(?:[^\S\n]+(?:available|in[^\S\n]+stock))?|we[^\S\n]+have[^\S\n]+none"
    r"|\bnone[^\S\n]+(?:is[^\S\n]+|are[^\S\n]+)?(?:available|in[^\S\n]+stock)"
    r"|(?:all|both|全部|都|均|所有|everything)[^\S\n]*(?:items?|型号)?[^\S\n]*"
    rf"(?:are[^\S\n]+)?(?:都[^\S\n]*)?(?:{_NO})"
    rf"|(?:{_NO})[^\S\n]+(?:for[^\S\n]+)?(?:all|any)(?:[^\S\n]+items?)?\b",
    re.IGNORECASE | re.ASCII,
)
_DECLINE = re.compile(rf"{_SORRY}(?:{_NO})", re.IGNORECASE | re.ASCII)
_ALONE = re.compile(
    rf"(?:^|(?<=[\n;,:{MASK})]))[^\S\n]*(?:[-=>]+[^\S\n]*)?{_SORRY}{_WORD}[^\S\n]*[.!。]*(?=$|[\n;,]|(?P<next>{MASK}))",
    re.IGNORECASE | re.ASCII,
)
_LATER = (
    r"(?:[^\S\n]+(?:you|u|to[^\S\n]+you))?(?:[^\S\n]+(?:tomorrow|later|today|tonight|soon|asap"
    r"|shortly|next[^\S\n]+week|in[^\S\n]+\d+[^\S\n]*(?:hours?|hrs?|mins?|minutes?|days?)))?"
)
_DEFER = re.compile(
    r"(?:稍后|晚点|晚些|等下|一会儿?|明天|今天|下午|晚上|待会|回头)[^\S\n]*(?:再)?[^\S\n]*(?:给你|跟你)?"
    r"(?:报|回复|回|确认|给|发(?:给)?你)"
    r"|待确认|确认后(?:回复|报)?|再回复|在查|马上查|查一下|查下|问一下|问下|帮你查|核实"
    r"|(?:will|gonna|let[^\S\n]+me|i'?ll|we'?ll|need[^\S\n]+to|to)[^\S\n]+(?:check|confirm|revert"
    rf"|update|come[^\S\n]+back|get[^\S\n]+back|ask|quote|reply|answer){_LATER}"
    rf"|checking(?:[^\S\n]+with[^\S\n]+\w+)?{_LATER}|get[^\S\n]+back{_LATER}"
    rf"|come[^\S\n]+back{_LATER}|later|\btb[ac]\b|to[^\S\n]+be[^\S\n]+confirmed"
    r"|(?:price|quote|quotation|offer)s?[^\S\n]+(?:will[^\S\n]+be[^\S\n]+sent[^\S\n]+)?"
    r"(?:tomorrow|tonight|soon|asap|next[^\S\n]+week)",
    re.IGNORECASE | re.ASCII,
)
_CORRECTION = re.compile(
    r"(?:sorry[\s,]*)?(?:i[^\S\n]+mean[t]?|correction[^\S\n]*[:：]?|typo|should[^\S\n]+be|更正|修正|改为|改成|"
    r"打错了?|写错了?|说错了?|报错了?|搞错了?|应该是|sorry)",
    re.IGNORECASE | re.ASCII,
)
_QUESTION_END = re.compile(r"\?|吗(?=[^\S\n]*(?:$|[\n;,.]))|呢(?=[^\S\n]*(?:$|[\n;,.]))")
_CLAUSE_START = re.compile(rf"[\n;,{MASK}][^\n;,{MASK}]*$")


def extract_questions(scan: Scan) -> None:
    """Claim questions back to the buyer: from the last separator to the question mark."""
    for match in scan.matches(_QUESTION_END):
        before = scan.masked[: match.start()]
        opening = _CLAUSE_START.search(before)
        start = opening.start() + 1 if opening else 0
        scan.claim(start, match.end())


def _numbers(listed: str, line_count: int) -> frozenset[int]:
    return frozenset(n for n in map(int, re.findall(r"\d+", listed)) if 1 <= n <= line_count)


def extract_listed_declines(scan: Scan, rfq_lines: Sequence[int]) -> None:
    """Claim declines naming several lines, all other lines or everything.

    Runs before item numbers are read, so that "items 1 and 3 no stock" is one decline
    rather than an item marker followed by a stray number.
    """
    line_count = max(rfq_lines, default=0)
    for match in scan.matches(_ONLY):
        groups = ("list", "verb_list", "bare_list", "list_only", "cnlist")
        listed = next(g for g in match.group(*groups) if g)
        available = _numbers(listed, line_count)
        if not available:
            continue
        declined = frozenset(rfq_lines) - available
        scan.claim(match.start(), match.end(), Decline(match.start(), match.end(), declined))
        if len(available) == 1:
            scan.facts.append(LineMarker(match.start(), match.end(), next(iter(available))))
    for match in scan.matches(_LISTED):
        listed = _numbers(match.group("list"), line_count)
        scan.claim(match.start(), match.end(), Decline(match.start(), match.end(), listed))
    for match in scan.matches(_OTHERS):
        scan.claim(match.start(), match.end(), Decline(match.start(), match.end(), others=True))
    for match in scan.matches(_ALL):
        decline = Decline(match.start(), match.end(), everything=True)
        scan.claim(match.start(), match.end(), decline)


def extract_only_parts(scan: Scan, rfq_lines: Sequence[int]) -> None:
    """ "Only have ADS1115 and INA219:" declines every other line, where it is said."""
    parts = [f for f in scan.facts if isinstance(f, PartNumber) and f.lines]
    parts.sort(key=lambda part: part.start)
    for match in scan.matches(_ONLY_PARTS):
        named: set[int] = set()
        position = match.end()
        for part in parts:
            if part.start < position:
                continue
            if not _PART_JOINER.fullmatch(scan.text[position : part.start]):
                break
            named.update(part.lines)
            position = part.end
        if named:
            declined = frozenset(rfq_lines) - named
            scan.claim(match.start(), match.end(), Decline(match.start(), match.end(), declined))


def extract_declines(scan: Scan) -> None:
    """Claim deferrals and declines of the line a clause is about."""
    for match in scan.matches(_DEFER):
        scan.claim(match.start(), match.end(), Defer(match.start(), match.end()))
    for match in scan.matches(_DECLINE):
        scan.claim(match.start(), match.end(), Decline(match.start(), match.end()))
    markers = {
        f.start
        for f in scan.facts
        if isinstance(f, LineMarker) or (isinstance(f, PartNumber) and f.lines)
    }
    for match in scan.matches(_ALONE):
        # "2）no 3）0.98usd", "SS54无 SS34 0.05元": a word alone before the next item or
        # part number answers its own.
        if match.group("next") is not None and match.end() not in markers:
            continue
        scan.claim(match.start(), match.end(), Decline(match.start(), match.end()))


def extract_corrections(scan: Scan) -> None:
    for match in scan.matches(_CORRECTION):
        scan.claim(match.start(), match.end(), Correction(match.start(), match.end()))

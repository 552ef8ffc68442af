"""Pairs of tokens that mean one thing: "100" "nF", "5k" "pcs", "x" "200", "2" "reels".

Buyers put spaces where units and counts are written together elsewhere; joining the
pairs first lets the rest of the parser see one token for one meaning.
"""

from __future__ import annotations

import re

from catalogue.parser import tokens as t
from catalogue.parser.draft import count_of
from catalogue.parser.tokens import Token, classify

# Three or four digits not ending in zero: a printed code ("1002", "472") more than a count.
_CODE_SHAPED = re.compile(r"^[1-9]\d{1,2}[1-9]$")

#: Kinds that join with a neighbour; a line without them is already combined.
_COMBINING = frozenset(
    {t.UNIT, t.QTYMARK, t.REELMARK, t.QTYPREFIX, t.NUMWORD, t.SKIPNEXT, t.CODEMARK, t.METRIC}
    | {t.PINS}
)


#: Kinds that may start a joined pair.
_STARTS = frozenset(
    {t.NUM, t.KNUM, t.WNUM, t.CHIP, t.VALUE, t.QTYPREFIX, t.NUMWORD, t.REELMARK, t.SKIPNEXT}
    | {t.CODEMARK, t.FRAC}
)


def combine(tokens: list[Token], kinds: set[int] | None = None) -> list[Token]:
    """Tokens with the pairs that mean one thing joined: "100" "nF", "5k" "pcs", "x" "200".

    `kinds` (the set of the tokens' kinds) may be passed when the caller has it.
    """
    if kinds is None:
        kinds = {token[0] for token in tokens}
    if _COMBINING.isdisjoint(kinds):
        return tokens
    if t.NUM in kinds and (t.QTYMARK in kinds or t.QTYPREFIX in kinds):
        tokens = _spaced_thousands(tokens)
    out: list[Token] = []
    append = out.append
    size = len(tokens)
    i = 0
    starts = _STARTS
    while i < size:
        token = tokens[i]
        kind = token[0]
        if kind not in starts:
            append(token)
            i += 1
            continue
        following = tokens[i + 1] if i + 1 < size else None
        next_kind = following[0] if following is not None else -1
        if kind in (t.NUM, t.KNUM, t.WNUM, t.CHIP, t.FRAC):
            if (
                following is not None
                and (next_kind == t.UNIT or (next_kind == t.NUMWORD and following[3] == "A"))
                and kind != t.CHIP
            ):
                # "100 nF", "1/4 W", and "2 A" (amps, not "a").
                joined = classify(token[3] + following[3])
                if joined[0][0] not in (t.SKIP, t.MPN):
                    tokens[i + 1] = joined[-1]
                    if len(joined) > 1:
                        out.extend(joined[:-1])
                    i += 1
                    continue
            if next_kind == t.QTYMARK and following is not None:
                count = count_of(token) if kind != t.WNUM else int(token[1])
                if count is not None:
                    append((t.QTY, float(count * int(following[1])), "", token[3]))
                    i += 2
                    continue
            if (
                next_kind == t.NUMWORD
                and following is not None
                and following[1] == 1
                and i + 2 < size
                and tokens[i + 2][0] == t.REELMARK
            ):
                # "2 full reels"
                count = count_of(token)
                if count is not None:
                    append((t.REELS, float(count), "", token[3]))
                    i += 3
                    continue
            if next_kind == t.REELMARK:
                count = count_of(token)
                if count is not None:
                    append((t.REELS, float(count), "", token[3]))
                    i += 2
                    continue
            if next_kind == t.QTYPREFIX and kind != t.CHIP:
                after = tokens[i + 2][0] if i + 2 < size else -1
                # "5000 x 2N7002", "5000 x 10k 0402": a plain number before "x" is the count,
                # unless it is a printed code ("1002 x 3k").
                if after not in (t.NUM, t.KNUM, t.WNUM) or (
                    after == t.KNUM and kind == t.NUM and not _CODE_SHAPED.match(token[2])
                ):
                    count = count_of(token)
                    if count is not None:
                        append((t.QTY, float(count), "", token[3]))
                        i += 2
                        continue
            if next_kind == t.PINS and kind == t.NUM:
                # "JST XH 4 pin": a count of pins, never of pieces.
                i += 2
                continue
            if next_kind == t.METRIC and kind in (t.NUM, t.CHIP):
                append((t.CHIP, token[1], token[2], "metric"))
                i += 2
                continue
        elif kind == t.VALUE and next_kind == t.UNIT and following is not None:
            joined = classify(token[3] + following[3])
            if joined[0][0] not in (t.SKIP, t.MPN):
                out.extend(joined)
                i += 2
                continue
        elif kind == t.QTYPREFIX and next_kind in (t.NUM, t.KNUM, t.WNUM) and following:
            count = count_of(following) if next_kind != t.WNUM else int(following[1])
            if count is not None:
                after = tokens[i + 2][0] if i + 2 < size else -1
                if after == t.REELMARK:
                    append((t.REELS, float(count), "", following[3]))
                    i += 3
                    continue
                step = 2
                if after == t.QTYMARK:
                    count *= int(tokens[i + 2][1])
                    step = 3
                append((t.QTY, float(count), "", following[3]))
                i += step
                continue
        elif kind == t.NUMWORD:
            j = i + 1
            while j < size and tokens[j][0] == t.NUMWORD:
                j += 1
            if j < size and tokens[j][0] == t.REELMARK:
                append((t.REELS, token[1], "", token[3]))
                i = j + 1
                continue
        elif kind == t.REELMARK and next_kind == t.NUM and following is not None:
            count = count_of(following)
            if count is not None and count <= 100:
                append((t.REELS, float(count), "", following[3]))
                i += 2
                continue
        elif kind == t.SKIPNEXT:
            i += 2
            continue
        elif kind == t.CODEMARK and next_kind in (t.NUM, t.CHIP) and following is not None:
            append((t.CODEMARK, following[1], following[2], following[3]))
            i += 2
            continue
        append(token)
        i += 1
    return out


def _spaced_thousands(tokens: list[Token]) -> list[Token]:
    """ "10 000 pcs", "qty 10 000": two numbers that are one count written in groups."""
    out: list[Token] = []
    size = len(tokens)
    for index, token in enumerate(tokens):
        previous = out[-1] if out else None
        if (
            previous is not None
            and token[0] == t.NUM
            and previous[0] == t.NUM
            and len(token[2]) == 3
            and token[2].isdigit()
            and previous[2].isdigit()
            and len(previous[2]) <= 3
            and (
                (index + 1 < size and tokens[index + 1][0] == t.QTYMARK)
                or (len(out) > 1 and out[-2][0] == t.QTYPREFIX)
            )
        ):
            joined = previous[2] + token[2]
            out[-1] = (t.NUM, float(joined), joined, joined)
            continue
        out.append(token)
    return out

"""A message line by line: items, the context above them, and lines that continue a part.

A line either names parts ("LM358 SOIC8 1000pcs"), or only describes: such a line is
shared context for the lines below when it ends with ":" or opens the message ("0603:",
"Please quote 5 reels each:", "Resistors (0603, 5%)"), and otherwise completes the part
above it ("qty 300" under "ESP32-C3-MINI-1"). A blank line ends a context that has
introduced its items.
"""

from __future__ import annotations

import re

from catalogue.parser import tokens as t
from catalogue.parser.draft import Draft
from catalogue.parser.items import assemble
from catalogue.parser.normalise import denoise
from catalogue.parser.pairs import combine
from catalogue.parser.resolve import VALUE_DIMS, eia_value, finish, resolve_designators
from catalogue.parser.tokens import Token, scan
from catalogue.request import PartRequest

_ITEM_NUMBER = re.compile(
    r"\s*(?:[-*>•]+\s*|\(?\d{1,3}[.)、:](?!\d)\s*|\(\d{1,3}\)\s*|#\d{1,3}\b\s*"
    r"|(?:item|line|no\.?)\s*\d{1,3}\s*[:.)-]?\s*|[a-z][.)]\s+)",
    re.IGNORECASE,
)
#: Categories requested without a value: their name alone makes an item.
_NAMED_CATEGORIES = frozenset({"led", "diode", "transistor", "ic", "connector", "fuse"})
_EXPLICIT_DIMS = frozenset({"ohm", "ohmR", "F", "H", "Hz"})
_FIRST_LINE = (0,)


class Line:
    """What one line says: the parts it names, and what it says without naming a part."""

    __slots__ = ("context", "header", "items")

    def __init__(self, header: bool) -> None:
        self.items: list[Draft] = []
        self.context = Draft()
        self.header = header

    @property
    def blank(self) -> bool:
        return not self.items and self.context.is_empty()


def read_line(text: str) -> Line:
    """The parts and the context of one line of a message."""
    numbered = _ITEM_NUMBER.match(text)
    if numbered:
        text = text[numbered.end() :]
    line = Line(header=text.rstrip().endswith(":"))
    shared: Draft | None = None
    tokens, noisy = scan(text)
    if noisy:
        tokens = scan(denoise(text))[0]
    described = False
    kinds = {token[0] for token in tokens}
    if t.GARBAGE in kinds:
        tokens = _without_junk_parts(tokens)
    if t.SEP in kinds:
        drafts = [
            draft
            for piece in _pieces(tokens)
            for draft in assemble(combine(piece))
            if not draft.is_empty()
        ]
    else:
        drafts = [draft for draft in assemble(combine(tokens, kinds)) if not draft.is_empty()]
    if line.header and not any(_names_part(draft) for draft in drafts):
        # "SOT-23, 3k each:" and "Diodes SOD-123, 3000 each:" describe the list below.
        for draft in drafts:
            line.context.absorb(draft)
            line.context.each = line.context.each or draft.each
        line.context.settle_counts()
        return line
    for draft in drafts:
        if is_item(draft) and not (
            line.items and not line.context.has_count() and _is_count_of(draft, line.items[-1])
        ):
            line.items.append(draft)
        elif not line.items:
            line.context.absorb(draft)
            line.context.each = line.context.each or draft.each
            described = True
        elif draft.each:
            shared = draft if shared is None else _absorbed(shared, draft)
        else:
            line.items[-1].absorb(draft)
    if not line.items:
        _designators_as_items(line)
    if line.items and (shared is not None or len(line.items) > 1 or described):
        _share_within_line(line, shared)
    return line


def _without_junk_parts(tokens: list[Token]) -> list[Token]:
    """A line mostly of junk shaped like part numbers (a pasted blob) names no parts."""
    junk = sum(1 for token in tokens if token[0] == t.GARBAGE)
    parts = sum(1 for token in tokens if token[0] == t.MPN)
    if junk < 2 or junk < parts:
        return tokens
    return [token for token in tokens if token[0] != t.MPN]


def _pieces(tokens: list[Token]) -> list[list[Token]]:
    """The tokens between separators; "qty: 300" is one piece."""
    pieces: list[list[Token]] = []
    piece: list[Token] = []
    for token in tokens:
        if token[0] == t.SEP:
            if token[2] == ":" and piece and piece[-1][0] == t.QTYPREFIX:
                continue
            if piece:
                pieces.append(piece)
                piece = []
        else:
            piece.append(token)
    if piece:
        pieces.append(piece)
    return pieces


def is_item(draft: Draft) -> bool:
    """Whether a draft names a part, rather than only describing parts named elsewhere."""
    return (
        draft.has_anchor()
        or draft.category in _NAMED_CATEGORIES
        or (draft.colour is not None and draft.category in (None, "led"))
        or (draft.category in ("resistor", "capacitor") and _has_code(draft, draft.category))
    )


def _has_code(draft: Draft, category: str) -> bool:
    return any(
        token[0] == t.NUM and eia_value(token[2], category) is not None for token in draft.ambiguous
    )


def _names_part(draft: Draft) -> bool:
    """A part number or a value with its unit: what a header line cannot be about."""
    return draft.mpn is not None or (draft.value is not None and draft.dim in _EXPLICIT_DIMS)


def _is_count_of(draft: Draft, previous: Draft) -> bool:
    """ "10uF 0805 25V: 4k": a lone "4k" after a part whose value has its unit is a count."""
    if previous.has_count() or previous.ambiguous:
        return False
    if previous.mpn is None and previous.dim not in _EXPLICIT_DIMS:
        return False
    return (
        draft.mpn is None
        and draft.value is None
        and draft.category is None
        and draft.package is None
        and all(token[0] == t.KNUM for token in draft.ambiguous)
        and len(draft.ambiguous) == 1
    )


#: A request and the numbers of the lines it was read from.
Located = tuple[PartRequest, tuple[int, ...]]


def read_lines(lines: list[str], cjk: bool) -> list[Located]:
    """Every request of a message's lines, with context and continuations applied."""
    if len(lines) == 1:
        return _read_single(read_line(lines[0]), cjk)
    read = [read_line(line) for line in lines]
    counts_above = _counts_above(read)
    entries: list[tuple[Draft, Draft | None, list[int]]] = []
    context: Draft | None = None
    standalone = Draft()
    standalone_line = 0
    context_used = False
    block_start = 0
    pending: Draft | None = None
    for index, line in enumerate(read):
        if line.blank:
            if context_used:
                context, context_used = None, False
            continue
        if line.items:
            if context is not None:
                context_used = True
            if pending is not None:
                line.items[0].absorb(pending)
                pending = None
            entries.extend((item, context, [index]) for item in line.items)
            continue
        described = line.context
        if counts_above and _only_count(described):
            pending = _settled(described)
            continue
        opens_list = line.header or _introduces(read, index, described)
        if opens_list or not entries[block_start:]:
            if context is not None and not context_used:
                entries.append((standalone, None, [standalone_line]))
            # Kept as written: a described line that introduces nothing is a request itself.
            standalone, standalone_line = described, index
            context, context_used = _settled(described), False
            block_start = len(entries)
        elif described.each:
            for item, _, _ in entries[block_start:]:
                item.absorb(_settled(described))
        else:
            entries[-1][0].absorb(_settled(described))
            entries[-1][2].append(index)
    if context is not None and not context_used:
        entries.append((standalone, None, [standalone_line]))
    found: list[Located] = []
    for draft, shared, numbers in entries:
        request = finish(draft, shared, cjk)
        if request is not None:
            found.append((request, tuple(numbers)))
    return found


def _read_single(line: Line, cjk: bool) -> list[Located]:
    """A one-line message: its items, or what it describes as one request."""
    drafts = line.items or ([] if line.blank else [line.context])
    found: list[Located] = []
    for draft in drafts:
        request = finish(draft, None, cjk)
        if request is not None:
            found.append((request, _FIRST_LINE))
    return found


def _counts_above(read: list[Line]) -> bool:
    """Whether counts are written above their parts ("qty 100\nLM358\nqty 200\nNE555"):
    the message opens with a count line and has another one between parts."""
    content = [line for line in read if not line.blank]
    if len(content) < 4 or content[0].items or not _only_count(content[0].context):
        return False
    return any(
        not line.items and _only_count(line.context) and content[position - 1].items
        for position, line in enumerate(content[1:], 1)
    )


def _only_count(draft: Draft) -> bool:
    """A line that says nothing but a count ("qty 300", "5k pcs")."""
    counted = draft.has_count() or bool(draft.ambiguous)
    return counted and draft.copy_without_counts().is_empty()


def _settled(draft: Draft) -> Draft:
    settled = draft.copy()
    settled.settle_counts()
    return settled


def _introduces(read: list[Line], index: int, described: Draft) -> bool:
    """Whether a described line without ":" heads the lines below ("Resistors 0603")."""
    if described.category not in VALUE_DIMS or described.has_count():
        return False
    following = next((line for line in read[index + 1 :] if not line.blank), None)
    return following is not None and bool(following.items)


def _designators_as_items(line: Line) -> None:
    resolve_designators(line.context)
    if is_item(line.context):
        line.items.append(line.context)
        line.context = Draft()


def _share_within_line(line: Line, shared: Draft | None) -> None:
    """Apply what a line says for all its parts: leading context, "each", a list's tail.

    In "10k, 4k7, 1k 0603 1%" the package and tolerance written after the last value
    hold for the bare values before it (their count does not, unless "each" says so).
    """
    items = line.items
    tail_shared = len(items) > 1 and items[-1].mpn is None and all(map(_is_bare_value, items[:-1]))
    leading = line.context
    if not leading.is_empty():
        leading.settle_counts()
        for item in items:
            item.absorb(leading)
        line.context = Draft()
    each = shared
    if each is None:
        each = next((item for item in items if item.each), None)
    if each is not None:
        common = _specs_of(each)
        for item in items:
            if item is not each:
                item.absorb(common)
    if tail_shared:
        common = _specs_of(items[-1])
        common.quantity = common.reels = None
        for item in items[:-1]:
            item.absorb(common)


def _specs_of(draft: Draft) -> Draft:
    """What a part says that may hold for its neighbours: counts, package and ratings."""
    specs = Draft()
    specs.quantity, specs.reels = draft.quantity, draft.reels
    if not draft.has_count():
        for token in draft.ambiguous:
            if token[0] == t.NUM:
                specs.ambiguous.append(token)
        specs.settle_counts()
    specs.package, specs.chip, specs.metric = draft.package, draft.chip, draft.metric
    specs.tolerance, specs.ppm = draft.tolerance, draft.ppm
    specs.voltage, specs.power, specs.current = draft.voltage, draft.power, draft.current
    specs.dielectric = draft.dielectric
    return specs


def _is_bare_value(draft: Draft) -> bool:
    """A value with no specs of its own (a count is not a spec)."""
    return (
        draft.mpn is None
        and draft.package is None
        and draft.tolerance is None
        and draft.voltage is None
        and draft.power is None
        and draft.dielectric is None
        and len(draft.ambiguous) <= 1
    )


def _absorbed(first: Draft, second: Draft) -> Draft:
    first.absorb(second)
    return first

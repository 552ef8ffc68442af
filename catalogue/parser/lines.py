"""A message line by line: items, the context above them, and lines that continue a part.

A line either names parts ("LM358 SOIC8 1000pcs"), or only describes: such a line is
shared context for the lines below when it ends with ":" or opens the message ("0603:",
"Please quote 5 reels each:", "Resistors (0603, 5%)"), and otherwise completes the part
above it ("qty 300" under "ESP32-C3-MINI-1"), unless it brings a count of its own where
the part above has one: then it is a part of its own ("1x40 2.54mm 100pcs" under "Pin
headers:"), or a line to report as unread. A blank line ends a context that has
introduced its items. Within a line, words before a colon describe the parts after it.
"""

from __future__ import annotations

import re

from catalogue.parser import tokens as t
from catalogue.parser.draft import Draft
from catalogue.parser.items import assemble, lists_values
from catalogue.parser.normalise import denoise
from catalogue.parser.pairs import combine
from catalogue.parser.reading import Located, Reading
from catalogue.parser.resolve import VALUE_DIMS, eia_value, finish, resolve_designators
from catalogue.parser.tokens import Token, scan

_ITEM_NUMBER = re.compile(
    r"\s*(?:[-*>•]+\s*|\(?\d{1,3}[.)、:](?!\d)\s*|\(\d{1,3}\)\s*|#\d{1,3}\b\s*"
    r"|(?:item|line|no\.?)\s*\d{1,3}\s*[:.)-]?\s*|[a-z][.)]\s+)",
    re.IGNORECASE,
)
#: Categories requested without a value: their name alone makes an item.
_NAMED_CATEGORIES = frozenset({"led", "diode", "transistor", "ic", "connector", "fuse"})
_EXPLICIT_DIMS = frozenset({"ohm", "ohmR", "F", "H", "Hz"})
_FIRST_LINE = (0,)
#: Lines with more tokens than this are checked for a fragment repeated as if a part.
_REPEATS_CHECKED = 40


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
    if t.GARBAGE in kinds or len(tokens) > _REPEATS_CHECKED:
        tokens = _without_junk_parts(tokens)
    if t.SEP in kinds:
        heading, drafts = _split_at_colon(tokens)
        if heading and (
            any(map(_names_part, heading)) or not any(is_item(draft) for draft in drafts)
        ):
            drafts = heading + drafts
        elif heading:
            # "SOD-323 diodes, 3k each: BAT54WS, 1N4148WS": what comes before the colon
            # describes the parts after it.
            _describe(line, heading)
            described = True
    else:
        listed = t.EACH in kinds and lists_values(tokens)
        drafts = [
            draft
            for draft in assemble(combine(tokens, kinds), list_mode=listed)
            if not draft.is_empty()
        ]
    if (line.header or (t.EACH in kinds and _describes_each(drafts))) and not any(
        map(_names_part, drafts)
    ):
        # "SOT-23, 3k each:" and "Diodes SOD-123, 3000 each" describe the list below.
        _describe(line, drafts)
        line.context.settle_counts()
        return line
    for draft in drafts:
        if line.items and _colour_of(draft, line.items[-1]):
            line.items[-1].absorb(draft)
        elif is_item(draft) and not (
            line.items and not line.context.has_count() and _is_count_of(draft, line.items[-1])
        ):
            if draft.colour is not None and line.items and line.items[-1].category == "led":
                # "LED 0603 red x100, green x100": another colour of the same LED.
                draft.category = "led"
                if draft.package is None:
                    draft.package, draft.chip = line.items[-1].package, line.items[-1].chip
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


def _describes_each(drafts: list[Draft]) -> bool:
    """ "MOSFETs (SOT-23), 3000 each": one kind of part and a count for each, no part named."""
    return any(draft.each for draft in drafts) and sum(map(is_item, drafts)) <= 1


def _split_at_colon(tokens: list[Token]) -> tuple[list[Draft], list[Draft]]:
    """The drafts before a line's first colon and after it ([] and all when there is none)."""
    list_mode = lists_values(tokens)
    for index, token in enumerate(tokens):
        if token[0] == t.SEP and token[2] == ":" and index and tokens[index - 1][0] != t.QTYPREFIX:
            heading = _drafts_of(tokens[:index], list_mode)
            rest = _drafts_of(tokens[index + 1 :], list_mode)
            if heading and rest:
                return heading, rest
            break
    return [], _drafts_of(tokens, list_mode)


def _drafts_of(tokens: list[Token], list_mode: bool) -> list[Draft]:
    return [
        draft
        for piece in _pieces(tokens)
        for draft in assemble(combine(piece), list_mode=list_mode)
        if not draft.is_empty()
    ]


def _describe(line: Line, drafts: list[Draft]) -> None:
    """Let `drafts`, which name no part, describe the parts of the line or the list below."""
    for draft in drafts:
        line.context.absorb(draft)
        line.context.each = line.context.each or draft.each


def _without_junk_parts(tokens: list[Token]) -> list[Token]:
    """A line mostly of junk shaped like part numbers (a pasted blob), or one long line that
    names the same "part" over and over (a repeated fragment), names no parts."""
    junk = sum(1 for token in tokens if token[0] == t.GARBAGE)
    parts = [token[2] for token in tokens if token[0] == t.MPN]
    repeated = len(parts) >= _REPEATS_CHECKED // 4 and len(set(parts)) * 2 <= len(parts)
    if not repeated and (junk < 2 or junk < len(parts)):
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
    """Whether a draft names a part, rather than only describing parts named elsewhere.

    "3k each" alone is a count for the parts around it, not a 3 kΩ resistor.
    """
    if draft.each and not draft.has_count() and len(draft.ambiguous) == 1 and _only_count(draft):
        return False
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


def _colour_of(draft: Draft, previous: Draft) -> bool:
    """ "LED 0603, red": a colour alone after an LED that has none is that LED's colour."""
    return (
        previous.category == "led"
        and previous.colour is None
        and draft.colour is not None
        and draft.category is None
        and draft.package is None
        and not draft.has_anchor()
        and not (draft.has_count() and previous.has_count())
    )


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


def read_lines(lines: list[str], cjk: bool) -> Reading:
    """Every request of a message's lines, with context and continuations applied."""
    if len(lines) == 1:
        return Reading(_read_single(read_line(lines[0]), cjk))
    return _ListReader([read_line(line) for line in lines]).reading(cjk)


class _Entry:
    """A part being read, the shared context it was written under, and its lines."""

    __slots__ = ("context", "context_line", "draft", "numbers")

    def __init__(
        self, draft: Draft, context: Draft | None, context_line: int, numbers: list[int]
    ) -> None:
        self.draft, self.context, self.context_line = draft, context, context_line
        self.numbers = numbers


class _ListReader:
    """The lines of one message read top to bottom, each one an item, shared context for the
    items below it, a count for the part below it, or a continuation of the part above."""

    def __init__(self, read: list[Line]) -> None:
        self.read = read
        self.counts_above = _counts_above(read)
        self.entries: list[_Entry] = []
        self.understood: set[int] = set()
        self.context: Draft | None = None
        self.context_line = -1
        self.standalone = Draft()
        self.context_used = False
        self.block_start = 0
        self.pending: Draft | None = None
        self.pending_line = 0
        for index, line in enumerate(read):
            if line.header:
                self.understood.add(index)
            if line.blank:
                if self.context_used:
                    self.context, self.context_used = None, False
            elif line.items:
                self._items(index, line.items)
            else:
                self._described(index, line)
        self._close_context()

    def reading(self, cjk: bool) -> Reading:
        found: list[Located] = []
        for entry in self.entries:
            if entry.context is not None and _contributes(entry.context, entry.draft):
                self.understood.add(entry.context_line)
            request = finish(entry.draft, entry.context, cjk)
            if request is not None:
                found.append((request, tuple(entry.numbers)))
        return Reading(found, self.understood)

    def _items(self, index: int, items: list[Draft]) -> None:
        if self._count_of_part_above(items):
            # "AO3400A" above "3k": a lone "3k" under a part number is its count.
            self.entries[-1].draft.absorb(items[0])
            self.entries[-1].numbers.append(index)
            return
        if self.pending is not None:
            items[0].absorb(self.pending)
            self.pending = None
            self.understood.add(self.pending_line)
        numbers = [index]  # shared: a line continued below continues all its items' text
        for item in items:
            self._add(item, numbers)

    def _add(self, draft: Draft, numbers: list[int]) -> None:
        if self.context is not None:
            self.context_used = True
        self.entries.append(_Entry(draft, self.context, self.context_line, numbers))

    def _count_of_part_above(self, items: list[Draft]) -> bool:
        if len(items) != 1 or not self.entries or self.pending is not None:
            return False
        above = self.entries[-1]
        return above.draft.mpn is not None and _is_count_of(items[0], above.draft)

    def _described(self, index: int, line: Line) -> None:
        described = line.context
        if self.counts_above and _only_count(described):
            self.pending, self.pending_line = _settled(described), index
            return
        block = self.entries[self.block_start :]
        if self._variant_of_context(described, block):
            # "Pin headers:" above "1x40 2.54mm straight 100pcs": the heading names the part.
            self._add(described, [index])
            return
        if line.header or _introduces(self.read, index, described) or not block:
            self._close_context()
            # Kept as written: a described line that introduces nothing is a request itself.
            self.standalone, self.context_line = described, index
            self.context, self.context_used = _settled(described), False
            self.block_start = len(self.entries)
        elif described.each:
            for entry in block:
                entry.draft.absorb(_settled(described))
            self.understood.add(index)
        elif described.has_count() and self.entries[-1].draft.has_count():
            # "7805 TO-220 qty 200" under a part with its own count: not a continuation of
            # that part, but a request of its own (or a line to report as unread); under
            # "Fuses 1206" + "1A x 500", "3A x 500" is another fuse of that size.
            above = self.entries[-1].draft
            if above.mpn is None and above.category in _NAMED_CATEGORIES:
                if described.category is None:
                    described.category = above.category
                if described.package is None:
                    described.package, described.chip = above.package, above.chip
            self._add(described, [index])
        else:
            self.entries[-1].draft.absorb(_settled(described))
            self.entries[-1].numbers.append(index)

    def _variant_of_context(self, described: Draft, block: list[_Entry]) -> bool:
        """Whether a described line is one more part of a heading that names parts without a
        value ("Pin headers:", "LEDs"): it has its own count, and the part above has one."""
        return (
            self.context is not None
            and self.context.category in _NAMED_CATEGORIES
            and not described.each
            and (described.has_count() or bool(described.ambiguous))
            and (not block or block[-1].draft.has_count())
        )

    def _close_context(self) -> None:
        """A context that introduced no item is a request of its own."""
        if self.context is not None and not self.context_used:
            self.entries.append(_Entry(self.standalone, None, -1, [self.context_line]))


def _contributes(context: Draft, draft: Draft) -> bool:
    """Whether shared context gives a part something its own line does not."""
    return (
        (context.has_count() and not draft.has_count())
        or (context.category is not None and draft.category is None)
        or (context.package is not None and draft.package is None)
        or (context.tolerance is not None and draft.tolerance is None)
        or (context.ppm is not None and draft.ppm is None)
        or (context.voltage is not None and draft.voltage is None)
        or (context.power is not None and draft.power is None)
        or (context.current is not None and draft.current is None)
        or (context.dielectric is not None and draft.dielectric is None)
        or (context.colour is not None and draft.colour is None)
    )


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
    """Whether a described line without ":" heads the lines below ("Resistors 0603",
    "MOSFETs (SOT-23), 3000 each")."""
    if described.category is None:
        return False
    if not described.each and (described.category not in VALUE_DIMS or described.has_count()):
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
    lead = items[0].lead
    if (
        lead is not None
        and (lead[0] is None or lead[0] in VALUE_DIMS)
        and all(_specless(item) and item.category in (None, lead[0]) for item in items[1:])
    ):
        # "贴片电阻 0603 10K 4.7K 1K": what opens a list of values holds for all of them.
        for item in items[1:]:
            item.absorb_lead(lead)
    if tail_shared:
        common = _specs_of(items[-1])
        common.quantity = common.reels = None
        for item in items[:-1]:
            item.absorb(common)
    if items[0].leading_count and not any(item.has_count() for item in items[1:]):
        # "100pcs of 10k and 4k7 0603": a count written before the first part is for all.
        for item in items[1:]:
            item.quantity, item.reels = items[0].quantity, items[0].reels


def _specs_of(draft: Draft) -> Draft:
    """What a part says that may hold for its neighbours: counts, package and ratings."""
    specs = Draft()
    specs.quantity, specs.reels = draft.quantity, draft.reels
    if not draft.has_count():
        # A part number's "1k" is its count too ("AMS1117-3.3 + AMS1117-5.0 1k each"), as
        # is a "2k" that is all a draft holds ("red, green, blue LEDs 0603, 2k each").
        lone = len(draft.ambiguous) == 1 and _only_count(draft)
        counts = (t.NUM, t.KNUM) if draft.mpn is not None or lone else (t.NUM,)
        for token in draft.ambiguous:
            if token[0] in counts:
                specs.ambiguous.append(token)
        specs.settle_counts()
    specs.package, specs.chip, specs.metric = draft.package, draft.chip, draft.metric
    specs.tolerance, specs.ppm = draft.tolerance, draft.ppm
    specs.voltage, specs.power, specs.current = draft.voltage, draft.power, draft.current
    specs.dielectric = draft.dielectric
    return specs


def _is_bare_value(draft: Draft) -> bool:
    """A value with no specs of its own (a count is not a spec)."""
    return _specless(draft) and len(draft.ambiguous) <= 1


def _specless(draft: Draft) -> bool:
    """A value with no part number, package or rating of its own."""
    return (
        draft.mpn is None
        and draft.package is None
        and draft.tolerance is None
        and draft.voltage is None
        and draft.power is None
        and draft.dielectric is None
    )


def _absorbed(first: Draft, second: Draft) -> Draft:
    first.absorb(second)
    return first

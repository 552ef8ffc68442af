"""Messages ready to send, and long answers packed into several of them.

A long answer is built as sections (one per RFQ line), each a header block and the blocks
under it (one per offer). `pack` fills messages up to Telegram's limit without ever
cutting a section, unless a section alone is over the limit: then it is cut between
blocks, with its header repeated on top of each part. Blocks are whole markup, so no
tag is ever cut in half, and each carries its inline buttons into the message it lands in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from handlers.render.html import TEXT_LIMIT, Html, clip, esc, plain, text_length

#: Buttons a row holds when a group of buttons is laid out (Telegram allows 8).
BUTTONS_PER_ROW = 3
#: Blocks of a section are separated by a blank line, and so are sections.
GAP = "\n\n"

#: A button with the key of the row group it belongs to ("line 3", "more 3"...).
Button = tuple[str, InlineKeyboardButton]


@dataclass(frozen=True, slots=True)
class Message:
    """One Telegram message: HTML text and its inline keyboard, if any."""

    text: str
    keyboard: InlineKeyboardMarkup | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """Markup that stays in one message, with the buttons that go with it."""

    text: str
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True, slots=True)
class Page:
    """The text of one message of a packed answer, and the buttons its blocks brought."""

    text: str
    buttons: tuple[Button, ...]


def _size(blocks: Sequence[Block], gap: str) -> int:
    return text_length(gap.join(block.text for block in blocks))


def fit(block: Block, limit: int = TEXT_LIMIT) -> Block:
    """`block` itself, or its plain text cut short when it alone is over `limit`."""
    if text_length(block.text) <= limit:
        return block
    words = plain(block.text)
    keep = limit
    while True:
        text = esc(clip(words, keep))
        overflow = text_length(text) - limit
        if overflow <= 0:
            return Block(text, block.buttons)
        keep = max(1, keep - overflow)


def pack(
    sections: Sequence[Sequence[Block]], limit: int = TEXT_LIMIT, gap: str = GAP
) -> list[Page]:
    """The sections in as few messages as fit, each within `limit`, blocks joined by `gap`."""
    pages: list[list[Block]] = []
    current: list[Block] = []
    for section in sections:
        blocks = [fit(block, limit) for block in section]
        if not blocks:
            continue
        if _size([*current, *blocks], gap) <= limit:
            current += blocks
            continue
        if current:
            pages.append(current)
            current = []
        if _size(blocks, gap) <= limit:
            current = blocks
            continue
        header = Block(blocks[0].text)
        current = [blocks[0]]
        for block in blocks[1:]:
            if _size([*current, block], gap) <= limit:
                current.append(block)
                continue
            pages.append(current)
            current = [header, block] if _size([header, block], gap) <= limit else [block]
    if current:
        pages.append(current)
    return [
        Page(Html(gap.join(b.text for b in page)), tuple(x for b in page for x in b.buttons))
        for page in pages
    ]


def button_rows(buttons: Sequence[Button]) -> list[list[InlineKeyboardButton]]:
    """Buttons grouped by their row key, in order, BUTTONS_PER_ROW to a row."""
    groups: dict[str, list[InlineKeyboardButton]] = {}
    for key, button in buttons:
        groups.setdefault(key, []).append(button)
    return [
        group[start : start + BUTTONS_PER_ROW]
        for group in groups.values()
        for start in range(0, len(group), BUTTONS_PER_ROW)
    ]


def keyboard(rows: Sequence[Sequence[InlineKeyboardButton]]) -> InlineKeyboardMarkup | None:
    rows = [row for row in rows if row]
    return InlineKeyboardMarkup(rows) if rows else None


def messages(
    sections: Sequence[Sequence[Block]],
    *,
    last_rows: Sequence[Sequence[InlineKeyboardButton]] = (),
    limit: int = TEXT_LIMIT,
    gap: str = GAP,
) -> list[Message]:
    """`pack`ed sections as messages; `last_rows` go under the last one."""
    pages = pack(sections, limit, gap)
    out = []
    for number, page in enumerate(pages, start=1):
        rows = button_rows(page.buttons)
        if number == len(pages):
            rows += [list(row) for row in last_rows]
        out.append(Message(page.text, keyboard(rows)))
    return out


def single(text: str, rows: Sequence[Sequence[InlineKeyboardButton]] = ()) -> Message:
    """A short message (a prompt, a confirmation) with its buttons, kept within the limit."""
    return Message(fit(Block(text)).text, keyboard(rows))

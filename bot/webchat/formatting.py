"""Message text as the page shows it: Telegram's entities turned into HTML, everything else
escaped.

The emulator keeps what Telegram keeps, plain text plus entities with UTF-16 offsets. The page
inserts only the HTML made here, so no text a person or a bot sent can ever become markup; a
link keeps its target only when it is a web, mail or tg: address.
"""

from __future__ import annotations

import html
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.telegram_emulator import Entity

_TAGS = {
    "bold": "b",
    "italic": "i",
    "underline": "u",
    "strikethrough": "s",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "expandable_blockquote": "blockquote",
}
_CLASSES = {
    "spoiler": "spoiler",
    "expandable_blockquote": "expandable",
    "mention": "mention",
    "text_mention": "mention",
    "hashtag": "mention",
    "cashtag": "mention",
    "bot_command": "command",
}
_LINK_SCHEMES = frozenset({"http", "https", "mailto", "tg"})


@dataclass(frozen=True, slots=True)
class _Span:
    """An entity in Python string indices, with the tag that opens and closes it."""

    start: int
    end: int
    opening: str
    closing: str


def entities_html(text: str, entities: Sequence[Entity]) -> str:
    """`text` as HTML, with each entity's markup around what it covers.

    Entities may nest or overlap; an inner tag that outlives the entity around it is closed
    and opened again, so the HTML is always well formed.
    """
    starts = _utf16_starts(text)
    spans = sorted(
        (span for entity in entities if (span := _span(text, starts, entity)) is not None),
        key=lambda span: (span.start, -span.end),
    )
    boundaries = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    pieces: list[str] = []
    open_spans: list[_Span] = []
    waiting = list(reversed(spans))
    for here, following in zip(boundaries, [*boundaries[1:], len(text)], strict=True):
        ending = [index for index, span in enumerate(open_spans) if span.end <= here]
        if ending:
            reopened = [span for span in open_spans[ending[0] :] if span.end > here]
            pieces.extend(span.closing for span in reversed(open_spans[ending[0] :]))
            del open_spans[ending[0] :]
            pieces.extend(span.opening for span in reopened)
            open_spans.extend(reopened)
        while waiting and waiting[-1].start == here:
            span = waiting.pop()
            pieces.append(span.opening)
            open_spans.append(span)
        pieces.append(html.escape(text[here:following], quote=False))
    pieces.extend(span.closing for span in reversed(open_spans))
    return "".join(pieces)


def _span(text: str, starts: list[int], entity: Entity) -> _Span | None:
    start = bisect_left(starts, max(entity.offset, 0))
    end = min(bisect_left(starts, entity.offset + entity.length), len(text))
    if end <= start:
        return None
    covered = text[start:end]
    if entity.type in ("text_link", "url", "email"):
        target = entity.url if entity.type == "text_link" else covered
        if entity.type == "email":
            target = f"mailto:{covered}"
        href = safe_href(target or "")
        if href is None:
            return None
        opening = f'<a href="{html.escape(href)}" target="_blank" rel="noopener noreferrer">'
        return _Span(start, end, opening, "</a>")
    tag = _TAGS.get(entity.type, "span")
    css = _CLASSES.get(entity.type)
    if tag == "span" and css is None:
        return None
    attributes = f' class="{css}"' if css else ""
    if entity.type == "pre" and entity.language:
        attributes += f' data-language="{html.escape(entity.language)}"'
    return _Span(start, end, f"<{tag}{attributes}>", f"</{tag}>")


def _utf16_starts(text: str) -> list[int]:
    """The UTF-16 offset of each character, and of the end."""
    starts = [0]
    for character in text:
        starts.append(starts[-1] + (2 if ord(character) > 0xFFFF else 1))
    return starts


def safe_href(url: str) -> str | None:
    """The link's address when it is one a page may follow; a bare host gets http://."""
    url = url.strip()
    if not url or any(character.isspace() or ord(character) < 32 for character in url):
        return None
    scheme = urlsplit(url).scheme.lower()
    if not scheme:
        return f"http://{url}"
    return url if scheme in _LINK_SCHEMES else None


def preview(text: str, limit: int = 90) -> str:
    """A message on one line, as the chat list shows it."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"

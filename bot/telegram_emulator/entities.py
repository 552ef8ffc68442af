"""Message text as Telegram stores it: HTML parse mode, automatic entities, trimming.

A bot that sends `parse_mode=HTML` gets its markup checked exactly as the Bot API server
checks it (the rules and messages of TDLib's parse_html): an unescaped `<` in user text is a
400 here as it is live. Entity offsets and lengths are in UTF-16 code units, as in the API.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.telegram_emulator.errors import bad_request, cant_parse_entities

_TAG_ENTITY = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "tg-emoji": "custom_emoji",
    "a": "text_link",
    "pre": "pre",
    "code": "code",
    "blockquote": "blockquote",
}
_NAMED_CHARACTERS = {b"lt": "<", b"gt": ">", b"amp": "&", b"quot": '"'}
_SPACES = frozenset(b" \t\r\n\0\v")

#: Entities the server finds by itself in any text: commands and @mentions.
_COMMAND = re.compile(r"(?<![\w/<>])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w@])")
_MENTION = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{4,32}(?!\w)")
_CONTINUOUS = frozenset({"code", "pre", "text_link", "text_mention", "custom_emoji"})


@dataclass(frozen=True, slots=True)
class Entity:
    """A MessageEntity: `type`, UTF-16 `offset` and `length`, and the extras some types carry."""

    type: str
    offset: int
    length: int
    url: str | None = None
    language: str | None = None
    custom_emoji_id: str | None = None

    def to_api(self) -> dict[str, Any]:
        body: dict[str, Any] = {"type": self.type, "offset": self.offset, "length": self.length}
        if self.url is not None:
            body["url"] = self.url
        if self.language is not None:
            body["language"] = self.language
        if self.custom_emoji_id is not None:
            body["custom_emoji_id"] = self.custom_emoji_id
        return body

    @classmethod
    def from_api(cls, data: Any) -> Entity:
        """An entity a bot passed in `entities` / `caption_entities`."""
        if not isinstance(data, dict):
            raise bad_request("can't parse entities JSON object")
        try:
            return cls(
                type=str(data["type"]),
                offset=int(data["offset"]),
                length=int(data["length"]),
                url=data.get("url"),
                language=data.get("language"),
                custom_emoji_id=data.get("custom_emoji_id"),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise bad_request("can't parse entities JSON object") from error


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def entity_text(text: str, entity: Entity) -> str:
    """The part of `text` an entity covers (offsets are UTF-16, Python strings are not)."""
    units = text.encode("utf-16-le")
    return units[entity.offset * 2 : (entity.offset + entity.length) * 2].decode("utf-16-le")


def formatted_text(
    text: str, parse_mode: str | None, entities: list[Entity] | None
) -> tuple[str, list[Entity]]:
    """The text and entities Telegram stores for what a bot sent.

    Markdown parse modes are not interpreted: their text is kept as sent, without entities.
    """
    found: list[Entity] = list(entities or [])
    if parse_mode is not None and parse_mode.lower() == "html":
        text, found = parse_html(text)
    text, found = normalise(text, found)
    return text, with_automatic_entities(text, found)


def parse_html(source: str) -> tuple[str, list[Entity]]:
    """TDLib's parse_html: the plain text and the entities, or its exact error."""
    data = source.encode("utf-8")
    size = len(data)

    def at(index: int) -> int:
        return data[index] if index < size else 0

    result = bytearray()
    entities: list[Entity] = []
    # (tag name, argument, UTF-16 offset where it began, byte offset in the result)
    open_tags: list[tuple[str, str, int, int]] = []
    utf16 = 0
    i = 0
    while i < size:
        c = data[i]
        if c == ord("&"):
            decoded = _decode_character_reference(data, i)
            if decoded is not None:
                character, i = decoded
                utf16 += utf16_length(character)
                result += character.encode("utf-8", "surrogatepass")
                continue
        if c != ord("<"):
            if c < 0x80 or c >= 0xC0:
                utf16 += 2 if c >= 0xF0 else 1
            result.append(c)
            i += 1
            continue
        begin = i
        i += 1
        if at(i) != ord("/"):
            while at(i) not in _SPACES and at(i) != ord(">"):
                i += 1
            if at(i) == 0:
                raise cant_parse_entities(f"Unclosed start tag at byte offset {begin}")
            tag = data[begin + 1 : i].decode("utf-8", "replace").lower()
            if tag not in _TAG_ENTITY:
                raise cant_parse_entities(f'Unsupported start tag "{tag}" at byte offset {begin}')
            argument, i = _read_attributes(data, i, tag, begin)
            if tag == "span" and argument != "spoiler":
                raise cant_parse_entities(
                    f'Tag "span" must have class "tg-spoiler" at byte offset {begin}'
                )
            open_tags.append((tag, argument, utf16, len(result)))
            i += 1
            continue
        if not open_tags:
            raise cant_parse_entities(f"Unexpected end tag at byte offset {begin}")
        while at(i) not in _SPACES and at(i) != ord(">"):
            i += 1
        end_tag = data[begin + 2 : i].decode("utf-8", "replace").lower()
        while at(i) in _SPACES and at(i) != 0:
            i += 1
        if at(i) != ord(">"):
            raise cant_parse_entities(f"Unclosed end tag at byte offset {begin}")
        i += 1
        tag, argument, offset, result_begin = open_tags.pop()
        if end_tag and end_tag != tag:
            raise cant_parse_entities(
                f'Unmatched end tag at byte offset {begin}, expected "</{tag}>", '
                f'found "</{end_tag}>"'
            )
        if utf16 > offset:
            inner = result[result_begin:].decode("utf-8", "replace")
            entities.append(_tag_entity(tag, argument, offset, utf16 - offset, inner))
    if open_tags:
        raise cant_parse_entities(
            f"Can't find end tag corresponding to start tag {open_tags[-1][0]}"
        )
    text = result.decode("utf-8", "replace")
    return text, _merge_pre_code(sorted(entities, key=lambda e: (e.offset, -e.length)))


def _read_attributes(data: bytes, i: int, tag: str, begin: int) -> tuple[str, int]:
    """Reads a start tag's attributes up to its `>`; returns the one Telegram uses."""
    size = len(data)

    def at(index: int) -> int:
        return data[index] if index < size else 0

    argument = ""
    while at(i) != ord(">"):
        while at(i) != 0 and at(i) in _SPACES:
            i += 1
        if at(i) == ord(">"):
            break
        name_begin = i
        while at(i) not in _SPACES and at(i) != ord("=") and at(i) != ord(">"):
            i += 1
        name = data[name_begin:i].decode("utf-8", "replace")
        if not name:
            raise cant_parse_entities(
                f'Empty attribute name in the tag "{tag}" at byte offset {begin}'
            )
        while at(i) != 0 and at(i) in _SPACES:
            i += 1
        if tag == "blockquote" and name == "expandable" and at(i) != ord("="):
            argument = "expandable"
            continue
        if at(i) != ord("="):
            raise cant_parse_entities(
                "Expected equal sign in declaration of an attribute of the tag "
                f'"{tag}" at byte offset {begin}'
            )
        i += 1
        while at(i) != 0 and at(i) in _SPACES:
            i += 1
        if at(i) == 0:
            raise cant_parse_entities(f'Unclosed start tag "{tag}" at byte offset {begin}')
        value, i = _read_attribute_value(data, i)
        if at(i) == 0:
            raise cant_parse_entities(f"Unclosed start tag at byte offset {begin}")
        if (tag == "a" and name == "href") or (tag == "tg-emoji" and name == "emoji-id"):
            argument = value
        elif tag == "code" and name == "class" and value.startswith("language-"):
            argument = value[len("language-") :]
        elif tag == "span" and name == "class" and value.startswith("tg-"):
            argument = value[len("tg-") :]
    return argument, i


def _read_attribute_value(data: bytes, i: int) -> tuple[str, int]:
    size = len(data)
    quote = data[i]
    if quote not in (ord("'"), ord('"')):
        begin = i
        while i < size and ((data[i] < 0x80 and chr(data[i]).isalnum()) or data[i] in b".-"):
            i += 1
        if i < size and data[i] not in _SPACES and data[i] != ord(">"):
            raise cant_parse_entities(f"Unexpected end of name token at byte offset {begin}")
        return data[begin:i].decode("ascii").lower(), i
    i += 1
    value = bytearray()
    while i < size and data[i] != quote:
        if data[i] == ord("&"):
            decoded = _decode_character_reference(data, i)
            if decoded is not None:
                character, i = decoded
                value += character.encode("utf-8", "surrogatepass")
                continue
        value.append(data[i])
        i += 1
    if i < size:
        i += 1
    return value.decode("utf-8", "replace"), i


def _decode_character_reference(data: bytes, pos: int) -> tuple[str, int] | None:
    """&lt; &gt; &amp; &quot; and numeric references; None leaves the `&` as a character."""
    size = len(data)
    end = pos + 1
    if end < size and data[end] == ord("#"):
        end += 1
        digits = b"0123456789"
        base = 10
        if end < size and data[end] == ord("x"):
            end += 1
            digits, base = b"0123456789abcdefABCDEF", 16
        start = end
        while end < size and data[end] in digits:
            end += 1
        code = int(data[start:end], base) if end > start else 0
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return None
        character = chr(code)
    else:
        while end < size and chr(data[end]).isalpha() and data[end] < 0x80:
            end += 1
        named = _NAMED_CHARACTERS.get(bytes(data[pos + 1 : end]))
        if named is None:
            return None
        character = named
    if end < size and data[end] == ord(";"):
        end += 1
    return character, end


def _tag_entity(tag: str, argument: str, offset: int, length: int, inner: str) -> Entity:
    kind = _TAG_ENTITY[tag]
    if kind == "text_link":
        return Entity(kind, offset, length, url=argument or inner)
    if kind == "custom_emoji":
        if not argument.isdigit() or int(argument) == 0:
            raise cant_parse_entities("Invalid custom emoji identifier specified")
        return Entity(kind, offset, length, custom_emoji_id=argument)
    if kind == "pre":
        return Entity(kind, offset, length)
    if kind == "code":
        return Entity(kind, offset, length, language=argument or None)
    if kind == "blockquote" and argument == "expandable":
        return Entity("expandable_blockquote", offset, length)
    return Entity(kind, offset, length)


def _merge_pre_code(entities: list[Entity]) -> list[Entity]:
    """`<pre><code class="language-x">` is one pre entity with a language; a lone code has none."""
    merged: list[Entity] = []
    for entity in entities:
        if (
            merged
            and {merged[-1].type, entity.type} == {"pre", "code"}
            and (merged[-1].offset, merged[-1].length) == (entity.offset, entity.length)
            and (merged[-1].language or entity.language)
        ):
            language = merged[-1].language or entity.language
            merged[-1] = Entity("pre", entity.offset, entity.length, language=language)
            continue
        merged.append(entity)
    return [
        Entity("code", e.offset, e.length) if e.type == "code" and e.language else e for e in merged
    ]


def normalise(text: str, entities: list[Entity]) -> tuple[str, list[Entity]]:
    """What the server does to every text: drops \\r, blanks control characters, trims."""
    pieces = []
    for character in text:
        if character == "\r" or "\u2028" <= character <= "\u202e":
            pieces.append("")
        elif ord(character) < 32 and character != "\n":
            pieces.append(" ")
        else:
            pieces.append(character)
    first_entity = min((e.offset for e in entities), default=None)
    position = 0
    for index, character in enumerate(text):
        if first_entity is not None and position >= first_entity:
            break
        if pieces[index] not in ("", " ", "\n"):
            break
        pieces[index] = ""
        position += utf16_length(character)
    for index in range(len(pieces) - 1, -1, -1):
        if pieces[index] not in ("", " ", "\n"):
            break
        pieces[index] = ""
    old_to_new: dict[int, int] = {}
    old = new = 0
    for character, piece in zip(text, pieces, strict=True):
        old_to_new[old] = new
        old += utf16_length(character)
        new += utf16_length(piece)
    old_to_new[old] = new
    moved = []
    for entity in entities:
        start = old_to_new.get(entity.offset, new)
        end = old_to_new.get(entity.offset + entity.length, new)
        if end > start:
            moved.append(
                Entity(
                    entity.type,
                    start,
                    end - start,
                    entity.url,
                    entity.language,
                    entity.custom_emoji_id,
                )
            )
    return "".join(pieces), moved


def with_automatic_entities(text: str, entities: list[Entity]) -> list[Entity]:
    """Adds the bot_command and mention entities Telegram finds in any message text."""
    blocked = [(e.offset, e.offset + e.length) for e in entities if e.type in _CONTINUOUS]
    found = list(entities)
    for kind, pattern in (("bot_command", _COMMAND), ("mention", _MENTION)):
        for match in pattern.finditer(text):
            offset = utf16_length(text[: match.start()])
            length = utf16_length(match.group())
            if any(start < offset + length and offset < end for start, end in blocked):
                continue
            found.append(Entity(kind, offset, length))
    return sorted(found, key=lambda e: (e.offset, -e.length))

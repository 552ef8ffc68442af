"""One message in, its requests out: the entry points that pick how to read the text."""

from __future__ import annotations

from dataclasses import dataclass

from catalogue.parser.lines import read_lines
from catalogue.parser.normalise import has_cjk, unify
from catalogue.parser.reading import Reading
from catalogue.parser.unread import is_unread
from catalogue.request import PartRequest

#: Longer messages are cut here: no buyer types more, and junk must stay cheap.
MAX_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class ParsedItem:
    """A request with the buyer's own words for it: the line (or lines) it was read from."""

    text: str
    request: PartRequest


@dataclass(frozen=True, slots=True)
class UnreadLine:
    """A line of the message that looks like it asks for something, yet gave no request.

    `number` counts from 1, as a buyer counts the lines of what they pasted.
    """

    number: int
    text: str


@dataclass(slots=True)
class ParsedMessage:
    """Everything a message asks for, and the lines the bot could not read, so that
    nothing a buyer wrote is dropped without telling them."""

    items: list[ParsedItem]
    unread: list[UnreadLine]


def parse_message(text: str) -> ParsedMessage:
    """The requests of `text` with their lines, and the lines that could not be read.

    A line is unread when it has content, gave no request, and is not blank, a header,
    shared context, a greeting or pleasantry, or a contact line.
    """
    if not text or text.isspace():
        return ParsedMessage([], [])
    text = text[:MAX_CHARS]
    unified = unify(text)
    cjk = has_cjk(unified)
    if "\n" not in unified and "\r" not in unified:
        found = read_lines([unified], cjk).found
        if found:
            written = text.strip()
            return ParsedMessage([ParsedItem(written, request) for request, _ in found], [])
        return ParsedMessage([], [UnreadLine(1, text.strip())] if is_unread(unified) else [])
    unified_lines = unified.splitlines()
    reading = _read_lines(unified_lines, cjk)
    written_lines = text.splitlines()
    lines = written_lines if len(written_lines) == len(unified_lines) else unified_lines
    items = [
        ParsedItem(" ".join(lines[number].strip() for number in numbers), request)
        for request, numbers in reading.found
    ]
    accounted = reading.understood.union(
        number for _, numbers in reading.found for number in numbers
    )
    unread = [
        UnreadLine(number + 1, lines[number].strip())
        for number, line in enumerate(unified_lines)
        if number not in accounted and is_unread(line)
    ]
    return ParsedMessage(items, unread)


def parse_items(text: str) -> list[ParsedItem]:
    """Every part request in `text` with the text of the line(s) that asked for it.

    A quantity on the next line ("ESP32-C3-MINI-1\\nqty 300") is part of the item's text;
    shared context above a list is not.
    """
    return parse_message(text).items


def parse_request(text: str) -> list[PartRequest]:
    """Every part request in `text`, in order; `[]` when it asks for nothing."""
    return [item.request for item in parse_message(text).items]


def _read_lines(lines: list[str], cjk: bool) -> Reading:
    """The reading of a message of several (unified) lines: a table, or lines of text."""
    from catalogue.parser import table  # csv and the column tables: only for pastes

    rows = table.read_table(lines, cjk)
    return rows if rows is not None else read_lines(lines, cjk)

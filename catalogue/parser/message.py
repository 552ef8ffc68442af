"""One message in, its requests out: the entry points that pick how to read the text."""

from __future__ import annotations

from dataclasses import dataclass

from catalogue.parser.lines import Located, read_lines
from catalogue.parser.normalise import has_cjk, unify
from catalogue.request import PartRequest

#: Longer messages are cut here: no buyer types more, and junk must stay cheap.
MAX_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class ParsedItem:
    """A request with the buyer's own words for it: the line (or lines) it was read from."""

    text: str
    request: PartRequest


def parse_request(text: str) -> list[PartRequest]:
    """Every part request in `text`, in order; `[]` when it asks for nothing."""
    return [request for request, _ in _locate(text)[0]]


def parse_items(text: str) -> list[ParsedItem]:
    """Every part request in `text` with the text of the line(s) that asked for it.

    A quantity on the next line ("ESP32-C3-MINI-1\nqty 300") is part of the item's text;
    shared context above a list is not.
    """
    found, unified_lines = _locate(text)
    written = text[:MAX_CHARS].splitlines()
    lines = written if len(written) == len(unified_lines) else unified_lines
    return [
        ParsedItem(" ".join(lines[number].strip() for number in numbers), request)
        for request, numbers in found
    ]


def _locate(text: str) -> tuple[list[Located], list[str]]:
    """The requests with the numbers of their lines, and the message's (unified) lines."""
    if not text or text.isspace():
        return [], []
    unified = unify(text[:MAX_CHARS])
    cjk = has_cjk(unified)
    if "\n" not in unified and "\r" not in unified:
        return read_lines([unified], cjk), [unified]
    from catalogue.parser import table  # csv and the column tables: only for pastes

    lines = unified.splitlines()
    rows = table.read_table(lines)
    if rows is not None:
        return rows, lines
    return read_lines(lines, cjk), lines

"""`sourcing-bot parse-quote`: vendors' free-text replies to an RFQ, read as offers.

`parse-quote --rfq '<json list of RFQ lines>' TEXT` prints the offers of one reply as an
indented JSON array. `parse-quote --jsonl` is the streaming form for programs: each line
of standard input is `{"rfq": [{"line": 1, "text": "...", "quantity": 500, "mpn": null}],
"text": "<reply>"}` and each answer is one compact JSON array of offers on its own line,
in input order. A line that cannot be read gets `{"error": "..."}` instead, so answers
stay aligned with questions and nothing is dropped.

Answers are flushed whenever the input has nothing more waiting, so a program that writes
a reply and then reads the answer never waits on a buffer, while a file piped through is
written in large blocks.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import sys
from typing import IO, Any

from bot.errors import UserError
from bot.vendor_replies import RfqLine, parse_quote

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_DECODE = json.JSONDecoder().decode
#: Bytes read from standard input at a time in --jsonl mode.
_CHUNK = 1 << 16


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="?", help="the vendor's reply (omit with --jsonl)")
    parser.add_argument(
        "--rfq",
        metavar="JSON",
        help='the RFQ lines as a JSON list: [{"line": 1, "text": "...", "quantity": 500, '
        '"mpn": null}]',
    )
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help='read {"rfq": [...], "text": "..."} per line from stdin, '
        "write one JSON array of offers per line",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.jsonl:
        if args.text is not None or args.rfq is not None:
            raise UserError("give --jsonl alone, or --rfq with TEXT")
        stream_jsonl(sys.stdin.buffer, sys.stdout.buffer)
        return 0
    if args.text is None or args.rfq is None:
        raise UserError("give --rfq JSON and TEXT, or --jsonl to read stdin")
    try:
        rfq = rfq_lines(_DECODE(args.rfq))
    except ValueError as error:
        raise UserError(f"--rfq: {error}") from None
    offers = [offer.to_dict() for offer in parse_quote(args.text, rfq)]
    print(json.dumps(offers, ensure_ascii=False, indent=2))
    return 0


def rfq_lines(data: Any) -> list[RfqLine]:
    """The RFQ lines of a JSON list; ValueError says what is wrong with it."""
    if not isinstance(data, list) or not data:
        raise ValueError("the RFQ must be a non-empty JSON list of lines")
    lines = [RfqLine.from_dict(item) for item in data]
    if len({line.line for line in lines}) != len(lines):
        raise ValueError("RFQ line numbers must be unique")
    return lines


def answer(raw: bytes) -> str:
    """The JSON answer for one input line: the offers, or an error object."""
    try:
        record = _DECODE(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        return _ENCODE({"error": f"not a JSON object: {error}"})
    if not isinstance(record, dict):
        return _ENCODE({"error": f"not a JSON object: got {type(record).__name__}"})
    text = record.get("text")
    if not isinstance(text, str):
        return _ENCODE({"error": "'text' must be a string"})
    try:
        rfq = rfq_lines(record.get("rfq"))
    except ValueError as error:
        return _ENCODE({"error": f"rfq: {error}"})
    try:
        return _ENCODE([offer.to_dict() for offer in parse_quote(text, rfq)])
    except Exception as error:  # a parser bug must not end the stream or misalign it
        return _ENCODE({"error": f"parser failed: {type(error).__name__}: {error}"})


def stream_jsonl(source: IO[bytes], sink: IO[bytes]) -> None:
    """Answer every line of `source` on `sink`, flushing whenever `source` runs dry."""
    descriptor = _descriptor(source)
    pending = b""
    while True:
        chunk = _read(source, descriptor)
        if not chunk:
            break
        lines = (pending + chunk).split(b"\n")
        pending = lines.pop()
        if lines:
            sink.write(("\n".join([answer(line) for line in lines]) + "\n").encode("utf-8"))
        if descriptor is None or not _readable(descriptor):
            sink.flush()
    if pending.strip():
        sink.write((answer(pending) + "\n").encode("utf-8"))
    sink.flush()


def _read(source: IO[bytes], descriptor: int | None) -> bytes:
    """What is available now (at most one chunk), waiting only when nothing is."""
    if descriptor is not None:
        return os.read(descriptor, _CHUNK)
    read1 = getattr(source, "read1", source.read)
    data: bytes = read1(_CHUNK)
    return data


def _descriptor(source: IO[Any]) -> int | None:
    try:
        return source.fileno()
    except (AttributeError, OSError, ValueError):
        return None


def _readable(descriptor: int) -> bool:
    """Whether more input is already waiting, so a flush can wait for it."""
    try:
        ready, _, _ = select.select([descriptor], [], [], 0)
    except (OSError, ValueError):
        return False
    return bool(ready)

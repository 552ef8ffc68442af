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
import sys
from typing import IO, Any

from bot.commands import jsonl
from bot.errors import UserError
from bot.vendor_replies import RfqLine, parse_quote

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_DECODE = json.JSONDecoder().decode


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
    """Answer every line of `source` on `sink` (see `bot.commands.jsonl`)."""
    jsonl.stream_jsonl(answer, source, sink)

"""`sourcing-bot parse`: a buyer's message as structured part requests, in JSON.

`parse TEXT` prints the requests of one message as an indented JSON array.
`parse --jsonl` is the streaming form for programs: each line of standard input is one
JSON-encoded string (a message, which may itself hold newlines), and each answer is one
compact JSON array on its own line, in input order. A line that is not a JSON string gets
`{"error": "..."}` instead, so answers stay aligned with questions and nothing is dropped.

Answers are flushed whenever the input has nothing more waiting, so a program that writes
a message and then reads the answer never waits on a buffer, while a file piped through
is written in large blocks.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import IO, TYPE_CHECKING

from bot.commands import jsonl
from catalogue.parser import parse_request

if TYPE_CHECKING:
    from catalogue.request import PartRequest

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_DECODE = json.JSONDecoder().decode
_STRING = json.encoder.encode_basestring


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="?", help="the buyer's message (omit with --jsonl)")
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help="read one JSON-encoded message per line from stdin, write one JSON array per line",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.jsonl:
        if args.text is not None:
            print("sourcing-bot parse: error: give TEXT or --jsonl, not both", file=sys.stderr)
            return 2
        stream_jsonl(sys.stdin.buffer, sys.stdout.buffer)
        return 0
    if args.text is None:
        print("sourcing-bot parse: error: give TEXT, or --jsonl to read stdin", file=sys.stderr)
        return 2
    requests = [request.to_dict() for request in parse_request(args.text)]
    print(json.dumps(requests, ensure_ascii=False, indent=2))
    return 0


def answer(line: bytes) -> str:
    """The JSON answer for one input line: the requests, or an error object."""
    try:
        text = line.decode("utf-8").strip()
    except UnicodeDecodeError as error:
        return _ENCODE({"error": f"not UTF-8: {error}"})
    if (
        len(text) >= 2
        and text[0] == '"'
        and text[-1] == '"'
        and "\\" not in text
        and '"' not in text[1:-1]
        and text.isprintable()
    ):
        # A string without escapes decodes to itself: skip the JSON decoder.
        message: object = text[1:-1]
    else:
        try:
            message = _DECODE(text)
        except ValueError as error:
            return _ENCODE({"error": f"not a JSON string: {error}"})
    if not isinstance(message, str):
        return _ENCODE({"error": f"not a JSON string: got {type(message).__name__}"})
    try:
        return "[" + ",".join(map(request_json, parse_request(message))) + "]"
    except Exception as error:  # a parser bug must not end the stream or misalign it
        return _ENCODE({"error": f"parser failed: {type(error).__name__}: {error}"})


def request_json(request: PartRequest) -> str:
    """`json.dumps(request.to_dict(), ensure_ascii=False)` in compact form, written directly.

    A request holds only ints, floats and strings: floats print as `json` prints them
    (their repr), strings are escaped by `json`'s own encoder. Written out field by field
    because this runs once per answer; a test holds it to `to_dict` for every field.
    """
    members = []
    if request.quantity is not None:
        members.append('"quantity":' + int.__repr__(request.quantity))
    if request.reels is not None:
        members.append('"reels":' + int.__repr__(request.reels))
    if request.mpn is not None:
        members.append('"mpn":' + _STRING(request.mpn))
    if request.category is not None:
        members.append('"category":' + _STRING(request.category))
    if request.value is not None:
        members.append('"value":' + float.__repr__(request.value))
    if request.package is not None:
        members.append('"package":' + _STRING(request.package))
    if request.tolerance is not None:
        members.append('"tolerance":' + float.__repr__(request.tolerance))
    if request.voltage is not None:
        members.append('"voltage":' + float.__repr__(request.voltage))
    if request.power is not None:
        members.append('"power":' + float.__repr__(request.power))
    if request.current is not None:
        members.append('"current":' + float.__repr__(request.current))
    if request.dielectric is not None:
        members.append('"dielectric":' + _STRING(request.dielectric))
    return "{" + ",".join(members) + "}"


def stream_jsonl(source: IO[bytes], sink: IO[bytes]) -> None:
    """Answer every line of `source` on `sink` (see `bot.commands.jsonl`)."""
    jsonl.stream_jsonl(answer, source, sink)

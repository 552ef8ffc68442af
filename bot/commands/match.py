"""`sourcing-bot match TEXT`: parse a buyer's message and show catalogue candidates.

For every part request in the message it prints the request (its JSON) and a table of
the best candidates with their score, kind and the reason they are offered; `--json`
prints the same as one JSON array for programs.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from catalogue.matching import Candidate
    from catalogue.request import PartRequest

EXAMPLE = 'sourcing-bot match "500 pcs 0603 10k"'


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return number


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text",
        metavar="TEXT",
        help="the buyer's message: one part, several, or a pasted BOM ('-' reads stdin)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='print [{"request": {...}, "candidates": [{...}]}] instead of tables',
    )
    parser.add_argument(
        "--limit",
        type=_positive,
        default=5,
        metavar="N",
        help="candidates shown per request (default 5)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import asyncio
    import json
    import sys

    from catalogue.parser import parse_request

    text = sys.stdin.read() if args.text == "-" else args.text
    requests = parse_request(text)
    if not requests:
        print(
            "sourcing-bot match: no part request found in that message; name a part number "
            f"or describe a part with its value and package, e.g. {EXAMPLE}",
            file=sys.stderr,
        )
        return 1
    results = asyncio.run(_match_all(requests, args.limit))
    if args.json:
        document = [
            {"request": request.to_dict(), "candidates": [c.to_dict() for c in candidates]}
            for request, candidates in results
        ]
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        print(render(results))
    return 0


async def _match_all(
    requests: list[PartRequest], limit: int
) -> list[tuple[PartRequest, list[Candidate]]]:
    from bot.database import open_database
    from bot.services import open_catalogue
    from bot.settings import load_settings

    url = load_settings().database_url
    database = await open_database(url)
    try:
        catalogue = open_catalogue(database, url)
        return [(request, await catalogue.match(request, limit)) for request in requests]
    finally:
        await database.close()


def render(results: list[tuple[PartRequest, list[Candidate]]]) -> str:
    """The human form: each request, its JSON, and its candidates as a table."""
    import json

    from catalogue.matching.describe import request_summary

    blocks = []
    for number, (request, candidates) in enumerate(results, start=1):
        lines = [
            f"{number}. {request_summary(request)}",
            f"   {json.dumps(request.to_dict(), ensure_ascii=False)}",
        ]
        if candidates:
            lines += _table(candidates)
        else:
            lines.append("   no catalogue part matches this request")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _table(candidates: list[Candidate]) -> list[str]:
    from bot.commands.tables import format_table

    header = ("score", "kind", "part number", "manufacturer", "package", "reason")
    rows = [
        (
            str(c.score),
            str(c.kind),
            c.mpn,
            c.manufacturer,
            c.package or "-",
            c.reason,
        )
        for c in candidates
    ]
    return format_table(header, rows, right=(0,), indent="   ")

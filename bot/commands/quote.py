"""`sourcing-bot quote TEXT`: ask every active vendor and print their offers, ranked.

It parses the request, matches each line in the catalogue, opens an RFQ, asks every
active vendor at once (showing progress as answers arrive) and prints each line's
offers ranked by landed total, with the reason for each rank. It returns as soon as
every vendor has answered, or when the window closes.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.rfqs.results import LineResult, RfqResult

EXAMPLE = 'sourcing-bot quote "500 pcs 0603 10k 1%"'


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text",
        metavar="TEXT",
        help="the buyer's message: one part, several, or a pasted BOM ('-' reads stdin)",
    )
    parser.add_argument(
        "--window",
        type=float,
        metavar="SECONDS",
        help="how long vendors may take (default: QUOTE_WINDOW_SECONDS, 120)",
    )
    parser.add_argument(
        "--order",
        choices=("cheapest", "fastest", "trusted"),
        default="cheapest",
        help="rank by landed total (default), by delivery, or by vendor score",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import asyncio
    import json

    from bot.errors import UserError

    text = sys.stdin.read() if args.text == "-" else args.text
    if args.window is not None and args.window <= 0:
        raise UserError("--window must be a positive number of seconds")
    result = asyncio.run(_quote(text, args.window, args.order, progress=not args.json))
    if result is None:
        return 1
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render(result))
    return 0


async def _quote(
    text: str, window: float | None, order: str, *, progress: bool
) -> RfqResult | None:
    import getpass

    from bot.rfqs.engine import NothingToQuote
    from bot.rfqs.events import DispatchEnded, OfferStored
    from bot.rfqs.results import rank_rfq
    from bot.services import open_services
    from bot.settings import load_settings

    settings = load_settings()
    services = await open_services(settings)
    try:
        try:
            request = await services.engine.open_rfq(
                buyer=f"cli:{getpass.getuser()}",
                text=text,
                currency=services.ranking.currency,
                window_seconds=window or settings.quote_window_seconds,
            )
        except NothingToQuote:
            print(
                "sourcing-bot quote: no part request found in that message; name a part "
                f"number or describe a part with its value and package, e.g. {EXAMPLE}",
                file=sys.stderr,
            )
            return None
        targets = await services.targets_for(request)
        status = _Progress(request.rfq_id, len(targets), enabled=progress)
        if not targets:
            status.note("no active vendor can be asked: add one with `sourcing-bot vendors add`")
        async for event in services.engine.collect(request, targets):
            if isinstance(event, OfferStored):
                status.offers += 1
            elif isinstance(event, DispatchEnded):
                status.ended(event)
            status.show()
        status.done()
        return await rank_rfq(services.database, request.rfq_id, services.ranking, order)
    finally:
        await services.close()


class _Progress:
    """One status line on stderr, rewritten in place while answers arrive."""

    def __init__(self, rfq_id: str, asked: int, *, enabled: bool) -> None:
        self.rfq_id = rfq_id
        self.asked = asked
        self.offers = 0
        self.answered = 0
        self.failed = 0
        self.enabled = enabled
        self.live = enabled and sys.stderr.isatty()

    def ended(self, event: Any) -> None:
        if event.state in ("answered", "declined"):
            self.answered += 1
        else:
            self.failed += 1
            self.note(f"{event.vendor}: {event.state.replace('_', ' ')} ({event.reason})")

    def line(self) -> str:
        return (
            f"RFQ {self.rfq_id}: asked {self.asked} vendors · {self.answered} answered · "
            f"{self.failed} failed · {self.offers} offers"
        )

    def note(self, text: str) -> None:
        if self.enabled:
            print(("\r\x1b[K" if self.live else "") + f"  {text}", file=sys.stderr)

    def show(self) -> None:
        if self.live:
            print(f"\r\x1b[K{self.line()}", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.enabled:
            print(("\r\x1b[K" if self.live else "") + self.line(), file=sys.stderr)


def render(result: RfqResult) -> str:
    """Each line's request and its ranked offers as a table, then who failed."""
    blocks = [_render_line(line) for line in result.lines]
    if result.failed:
        blocks.append(
            "no answer from: " + "; ".join(f"{name} ({reason})" for name, reason in result.failed)
        )
    if result.incomplete:
        blocks.append(
            "incomplete answers from: "
            + "; ".join(f"{name} ({reason})" for name, reason in result.incomplete)
        )
    return "\n\n".join(blocks)


def _render_line(line: LineResult) -> str:
    from bot.commands.tables import format_table
    from bot.ranking import format_days, format_money, format_quantity, format_unit_price
    from catalogue.matching.describe import request_summary

    lines = [f"{line.line.line}. {request_summary(line.line.request)}  ({line.line.text})"]
    if not line.offers:
        lines.append("   no offers")
    rows = []
    for offer in line.offers:
        quoted = format_unit_price(offer.original_unit_price, offer.original_currency)
        if offer.stock is not None:
            supply = f"{format_quantity(offer.stock)} in stock"
        elif offer.lead_time_days is not None:
            supply = "ships now" if offer.lead_time_days == 0 else format_days(offer.lead_time_days)
        else:
            supply = "-"
        rows.append(
            (
                str(offer.rank),
                f"{offer.seller} via {offer.vendor}" if offer.seller else offer.vendor,
                (offer.mpn or "-")
                + (f" ({offer.packaging})" if offer.packaging else "")
                + (" (alt)" if offer.alternative else ""),
                offer.manufacturer or "-",
                format_quantity(offer.order_quantity),
                format_unit_price(offer.unit_price, offer.currency),
                format_money(offer.total, offer.currency),
                quoted if offer.original_currency != offer.currency else "",
                supply,
                f"{offer.vendor_score:.0f}",
                offer.why,
            )
        )
    if rows:
        header = (
            "#",
            "vendor",
            "part",
            "maker",
            "qty",
            "unit",
            "total",
            "quoted",
            "supply",
            "score",
            "why",
        )
        lines += format_table(header, rows, right=(0, 4, 5, 6, 7, 9), indent="   ")
    for offer in line.offers:
        if offer.suggestion is not None:
            lines.append(f"   tip for #{offer.rank} ({offer.vendor}): {offer.suggestion.text}")
    for excluded in line.excluded:
        lines.append(f"   left out: {excluded.item.vendor.name}: {excluded.reason}")
    return "\n".join(lines)

"""`sourcing-bot vendors`: register vendors, list them, switch them off, load price lists."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True

    add = actions.add_parser(
        "add",
        help="register a vendor (active at once)",
        description="Register a vendor that RFQs are sent to: an HTTP endpoint speaking the "
        "vendor quote API v1 (docs/vendor-api.md), a Telegram chat, or a stock list.",
    )
    add.add_argument("--name", required=True, help="the vendor's name, unique")
    how = add.add_mutually_exclusive_group(required=True)
    how.add_argument("--url", help="HTTP vendor: its quote endpoint (needs --secret)")
    how.add_argument("--telegram", type=int, metavar="CHAT_ID", help="Telegram vendor: chat id")
    how.add_argument(
        "--stock", action="store_true", help="stock-list vendor: load prices with import-prices"
    )
    add.add_argument("--secret", help="HTTP vendor: the HMAC key both sides share")
    add.add_argument("--currency", default="USD", help="the vendor's usual currency (USD)")
    add.add_argument(
        "--categories",
        help="comma-separated categories served, e.g. resistor,capacitor (default: all)",
    )
    add.add_argument("--shipping-fee", type=float, help="per order, in the vendor's currency")
    add.add_argument("--min-order-value", type=float, help="in the vendor's currency")
    add.add_argument("--lead-time-days", type=int, help="when an offer gives none")
    add.add_argument(
        "--prices-include-tax", action="store_true", help="its prices include VAT (含税)"
    )
    add.set_defaults(run=run_add)

    listing = actions.add_parser("list", help="show every vendor and its track record")
    listing.set_defaults(run=run_list)

    for action, status, text in (
        ("disable", "disabled", "stop sending RFQs to a vendor"),
        ("enable", "active", "send RFQs to a vendor again"),
    ):
        sub = actions.add_parser(action, help=text, description=text)
        sub.add_argument("name", metavar="NAME")
        sub.set_defaults(run=run_status, status=status)

    from bot.pricelists import __doc__ as price_list_format

    prices = actions.add_parser(
        "import-prices",
        help="load a stock-list vendor's price list from CSV",
        description=price_list_format,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    prices.add_argument("name", metavar="VENDOR")
    prices.add_argument("file", metavar="FILE", type=Path)
    prices.set_defaults(run=run_import_prices)


def _with_session(work: Any) -> Any:
    """Run `work(session)` in one committed transaction on the configured database."""
    from bot.database import open_database
    from bot.settings import load_settings

    async def _run() -> Any:
        database = await open_database(load_settings().database_url, seed=False)
        try:
            async with database.session() as session:
                return await work(session)
        finally:
            await database.close()

    return asyncio.run(_run())


def run_add(args: argparse.Namespace) -> int:
    from bot.errors import UserError
    from bot.models import VendorKind
    from bot.vendors import VendorError, add_vendor

    if args.url and not args.secret:
        raise UserError("an HTTP vendor needs --secret as well as --url")
    kind = (
        VendorKind.HTTP if args.url else VendorKind.TELEGRAM if args.telegram else VendorKind.STOCK
    )
    categories = (
        [part.strip() for part in args.categories.split(",") if part.strip()]
        if args.categories
        else None
    )

    async def work(session: Any) -> str:
        vendor = await add_vendor(
            session,
            name=args.name,
            kind=kind,
            url=args.url,
            secret=args.secret,
            telegram_chat_id=args.telegram,
            currency=args.currency,
            categories=categories,
        )
        vendor.shipping_fee = args.shipping_fee
        vendor.min_order_value = args.min_order_value
        vendor.default_lead_time_days = args.lead_time_days
        vendor.prices_include_tax = args.prices_include_tax
        return f"added {vendor.kind} vendor {vendor.name!r} (active, prices in {vendor.currency})"

    try:
        print(_with_session(work))
    except VendorError as error:
        raise UserError(str(error)) from None
    return 0


def run_list(args: argparse.Namespace) -> int:
    from bot.commands.tables import format_table
    from bot.ranking import VendorRecord, vendor_score
    from bot.vendors import list_vendors

    async def work(session: Any) -> list[tuple[str, ...]]:
        rows: list[tuple[str, ...]] = []
        for vendor in await list_vendors(session):
            contact = vendor.url or (
                f"chat {vendor.telegram_chat_id}" if vendor.telegram_chat_id else "-"
            )
            rows.append(
                (
                    vendor.name,
                    vendor.kind,
                    vendor.status,
                    vendor.currency,
                    ",".join(vendor.categories) if vendor.categories else "all",
                    f"{vendor.answered_count}/{vendor.asked_count}",
                    f"{vendor_score(VendorRecord.from_vendor(vendor)):.0f}",
                    contact,
                )
            )
        return rows

    rows = _with_session(work)
    if not rows:
        print("no vendors yet: add one with `sourcing-bot vendors add --name ... --url ...`")
        return 0
    header = ("name", "kind", "status", "currency", "categories", "answered", "score", "contact")
    print("\n".join(format_table(header, rows, right=(5, 6))))
    return 0


def run_status(args: argparse.Namespace) -> int:
    from bot.errors import UserError
    from bot.models import VendorStatus
    from bot.vendors import VendorError, set_status

    async def work(session: Any) -> str:
        vendor = await set_status(session, args.name, VendorStatus(args.status))
        return f"vendor {vendor.name!r} is {vendor.status}"

    try:
        print(_with_session(work))
    except VendorError as error:
        raise UserError(str(error)) from None
    return 0


def run_import_prices(args: argparse.Namespace) -> int:
    from bot.errors import UserError
    from bot.models import VendorKind
    from bot.pricelists import import_price_list
    from bot.vendors import VendorError, require_vendor

    if not args.file.is_file():
        raise UserError(f"no such file: {args.file}")

    async def work(session: Any) -> str:
        vendor = await require_vendor(session, args.name)
        if vendor.kind != VendorKind.STOCK:
            raise UserError(
                f"{vendor.name!r} is a {vendor.kind} vendor; price lists belong to stock-list "
                "vendors (`sourcing-bot vendors add --name NAME --stock`)"
            )
        report = await import_price_list(session, vendor, args.file)
        problems = [f"  {problem}" for problem in report.problems[:20]]
        if len(report.problems) > 20:
            problems.append(f"  ... and {len(report.problems) - 20} more")
        return "\n".join([report.summary(), *problems])

    try:
        print(_with_session(work))
    except VendorError as error:
        raise UserError(str(error)) from None
    return 0

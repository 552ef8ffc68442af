"""The ranked offers a buyer reads, line by line, with the buttons to act on them.

Each line shows its first PAGE_SIZE offers; "more" shows the next page of one line as a
message of its own, so the messages already sent never change length. Each offer says
who, what part, what it costs in the buyer's currency (and what was quoted, when that
was another currency), how soon, the vendor's score and why it ranks where it does.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton

from bot.ranking import (
    BuyUp,
    RankedOffer,
    RankOrder,
    format_days,
    format_money,
    format_quantity,
    format_unit_price,
    reasons_text,
)
from bot.rfqs.results import LineResult, RfqResult
from catalogue.matching.describe import request_summary
from handlers.callbacks import ChooseOffer, ExportCsv, MoreOffers, SortOffers, encode
from handlers.i18n import Translator
from handlers.render.html import TEXT_LIMIT, Html, bold, clip, esc, italic, join, ntr, tr
from handlers.render.message import Block, Button, Message, messages
from handlers.render.words import ORDER_DESCRIPTIONS, ORDER_NAMES

#: Offers per line shown at first, and per "more" page.
PAGE_SIZE = 3
#: Characters of user text shown: the buyer's line, vendor names, part numbers.
TEXT_CLIP = 200
NAME_CLIP = 120
LABEL_CLIP = 24


def offer_messages(
    t: Translator,
    result: RfqResult,
    *,
    order: RankOrder | str = RankOrder.CHEAPEST,
    page_size: int = PAGE_SIZE,
    limit: int = TEXT_LIMIT,
) -> list[Message]:
    """The whole result: a header, then each line with its first `page_size` offers.

    Sort and CSV buttons go under the last message; each offer's choose button goes
    under the message that shows it.
    """
    order = RankOrder(order)
    single_line = len(result.lines) == 1
    offers = sum(len(line.offers) for line in result.lines)
    answered = result.asked - len(result.failed)
    header = [
        bold(tr(t, "Offers for RFQ {rfq}", rfq=result.rfq_id)),
        ntr(t, "{count} vendor answered", "{count} vendors answered", answered)
        + Html(" · ")
        + ntr(t, "{count} offer", "{count} offers", offers),
    ]
    if offers:
        header.append(italic(t.gettext(ORDER_DESCRIPTIONS[order])))
    if any(o.offer_id is not None for line in result.lines for o in line.offers):
        header.append(tr(t, "Tap an offer's button to choose it."))
    sections = [[Block(join(*header))]]
    for line in result.lines:
        shown = line.offers[:page_size]
        more = _more_button(t, result.rfq_id, line, 1, page_size, single_line, order)
        blocks = [_line_header(t, line)]
        blocks += [_offer_block(t, line, offer, single_line) for offer in shown]
        if not line.offers:
            blocks.append(Block(tr(t, "No offers.")))
        blocks += _excluded(t, line)
        if more is not None:
            blocks[-1] = Block(blocks[-1].text, (*blocks[-1].buttons, more))
        sections.append(blocks)
    if result.failed:
        names = t.join([esc(clip(name, NAME_CLIP)) for name in result.failed_vendors])
        sections.append([Block(tr(t, "No answer from: {vendors}", vendors=Html(names)))])
    last_rows = _sort_and_export_rows(t, result.rfq_id, order) if offers else []
    return messages(sections, last_rows=last_rows, limit=limit)


def line_page_messages(
    t: Translator,
    result: RfqResult,
    line_number: int,
    page: int,
    *,
    order: RankOrder | str = RankOrder.CHEAPEST,
    page_size: int = PAGE_SIZE,
    limit: int = TEXT_LIMIT,
) -> list[Message]:
    """Page `page` of one line's offers (page 0 is what `offer_messages` shows).

    `result` is ranked in `order`; its next "more" button keeps that order.
    """
    line = next((line for line in result.lines if line.line.line == line_number), None)
    if line is None:
        return messages([[Block(tr(t, "That line is not in this RFQ."))]], limit=limit)
    single_line = len(result.lines) == 1
    start = page * page_size
    shown = line.offers[start : start + page_size]
    if not shown:
        return messages([[_line_header(t, line), Block(tr(t, "No more offers."))]], limit=limit)
    if len(shown) == 1:
        counter = tr(t, "Offer {first} of {count}", first=start + 1, count=len(line.offers))
    else:
        counter = tr(
            t,
            "Offers {first}–{last} of {count}",
            first=start + 1,
            last=start + len(shown),
            count=len(line.offers),
        )
    blocks = [_line_header(t, line, counter)]
    blocks += [_offer_block(t, line, offer, single_line) for offer in shown]
    more = _more_button(t, result.rfq_id, line, page + 1, page_size, single_line, RankOrder(order))
    if more is not None:
        blocks[-1] = Block(blocks[-1].text, (*blocks[-1].buttons, more))
    return messages([blocks], limit=limit)


def _line_header(t: Translator, line: LineResult, note: str = "") -> Block:
    quote_line = line.line
    summary = request_summary(quote_line.request, t)
    title = bold(f"{quote_line.line}. {clip(summary, TEXT_CLIP)}")
    return Block(join(title, italic(clip(quote_line.text, TEXT_CLIP)), note))


def _place(offer: RankedOffer, line: int, single_line: bool) -> str:
    """Where an offer stands: "#2" in a one-line RFQ, "3.2" (line 3, offer 2) in a BOM."""
    return f"#{offer.rank}" if single_line else f"{line}.{offer.rank}"


def offer_text(t: Translator, offer: RankedOffer, place: str) -> Html:
    """One offer: vendor and score, part, price, supply, why, and the buy-up tip."""
    score = tr(t, "score {score}", score=round(offer.vendor_score))
    vendor = clip(offer.vendor, NAME_CLIP)
    name = (
        tr(t, "{seller} via {vendor}", seller=clip(offer.seller, NAME_CLIP), vendor=vendor)
        if offer.seller
        else esc(vendor)
    )
    headline = Html(f"<b>{esc(place)} · {name}</b> · {score}")
    return join(
        headline,
        part_text(t, offer),
        price_text(t, offer),
        supply_text(t, offer),
        _why(t, offer),
        _tip(t, offer),
    )


def part_text(t: Translator, offer: RankedOffer) -> Html:
    """The part offered, "RC0603FR-0710KL · YAGEO", marked when it is an alternative."""
    mpn = clip(offer.mpn, NAME_CLIP) if offer.mpn else t.gettext("part number not given")
    pieces = [esc(mpn)]
    if offer.manufacturer:
        pieces.append(esc(clip(offer.manufacturer, NAME_CLIP)))
    if offer.alternative:
        pieces.append(bold(tr(t, "alternative part")))
    return Html(" · ".join(pieces))


def price_text(t: Translator, offer: RankedOffer) -> Html:
    """What the order costs: "500 pcs: <b>$1.05</b> · $0.0021 each (quoted ¥0.015)"."""
    values = {
        "quantity": format_quantity(offer.order_quantity),
        "total": format_money(offer.total, offer.currency),
        "unit": format_unit_price(offer.unit_price, offer.currency),
    }
    if offer.original_currency == offer.currency:
        return tr(t, "{quantity} pcs: <b>{total}</b> · {unit} each", **values)
    quoted = format_unit_price(offer.original_unit_price, offer.original_currency)
    return tr(
        t, "{quantity} pcs: <b>{total}</b> · {unit} each (quoted {quoted})", quoted=quoted, **values
    )


def supply_text(t: Translator, offer: RankedOffer) -> Html:
    """Stock and lead time: "50,000 in stock · ships now", "ships in 3 weeks"."""
    pieces = []
    if offer.stock is not None:
        pieces.append(tr(t, "{stock} in stock", stock=format_quantity(offer.stock)))
    if offer.lead_time_days == 0:
        pieces.append(tr(t, "ships now"))
    elif offer.lead_time_days is not None:
        pieces.append(tr(t, "ships in {time}", time=format_days(offer.lead_time_days, t)))
    if not pieces:
        return tr(t, "stock and lead time not given")
    return Html(" · ".join(pieces))


def _why(t: Translator, offer: RankedOffer) -> str:
    """The ranking's reasons, without the buy-up suggestion they end with (shown as a tip)."""
    why = reasons_text((r for r in offer.reasons if not isinstance(r, BuyUp)), t)
    return italic(clip(why, 2 * TEXT_CLIP)) if why else ""


def _tip(t: Translator, offer: RankedOffer) -> str:
    tip = offer.suggestion
    return tr(t, "Tip: {suggestion}", suggestion=tip.render(t)) if tip is not None else ""


def _offer_block(t: Translator, line: LineResult, offer: RankedOffer, single_line: bool) -> Block:
    place = _place(offer, line.line.line, single_line)
    text = offer_text(t, offer, place)
    if offer.offer_id is None:
        return Block(text)
    label = f"{place} {clip(offer.vendor, LABEL_CLIP)}"
    button = InlineKeyboardButton(label, callback_data=encode(ChooseOffer(offer.offer_id)))
    return Block(text, ((f"line {line.line.line}", button),))


def _excluded(t: Translator, line: LineResult) -> list[Block]:
    return [
        Block(
            tr(
                t,
                "Left out: {vendor} ({reason})",
                vendor=clip(exclusion.item.vendor.name, NAME_CLIP),
                reason=clip(exclusion.cause.render(t), TEXT_CLIP),
            )
        )
        for exclusion in line.excluded
    ]


def _more_button(
    t: Translator,
    rfq_id: str,
    line: LineResult,
    page: int,
    page_size: int,
    single_line: bool,
    order: RankOrder,
) -> Button | None:
    """The button that shows page `page` of the line's offers, if there is one."""
    remaining = len(line.offers) - page * page_size
    if remaining <= 0:
        return None
    number = line.line.line
    if single_line:
        label = t.ngettext("{count} more offer", "{count} more offers", remaining)
    else:
        label = t.ngettext(
            "Line {line}: {count} more offer",
            "Line {line}: {count} more offers",
            remaining,
            line=number,
        )
    data = encode(MoreOffers(rfq_id, number, page, order))
    return (f"more {number}", InlineKeyboardButton(label, callback_data=data))


def _sort_and_export_rows(
    t: Translator, rfq_id: str, current: RankOrder
) -> list[list[InlineKeyboardButton]]:
    sort = [
        InlineKeyboardButton(
            ("✓ " if order is current else "") + t.gettext(ORDER_NAMES[order]),
            callback_data=encode(SortOffers(rfq_id, order)),
        )
        for order in RankOrder
    ]
    export = InlineKeyboardButton(t.gettext("Export CSV"), callback_data=encode(ExportCsv(rfq_id)))
    return [sort, [export]]


def offer_summary(t: Translator, offer: RankedOffer) -> Html:
    """Part and price lines of one offer, for confirmations."""
    return join(part_text(t, offer), price_text(t, offer), supply_text(t, offer))

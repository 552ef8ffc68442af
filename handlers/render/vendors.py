"""What vendors read: requests for quote, in their DMs and vendor groups, and the echo of
what the bot understood from their answers.

Sealed bids: nothing here ever carries a price but the vendor's own, and the group post
carries no price at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton

from bot.quotes import Offer, QuoteLine, QuoteRequest
from bot.ranking import format_days, format_quantity, format_time, format_unit_price
from bot.rfqs.engine import ReplyOutcome
from catalogue.matching.describe import request_summary
from handlers.callbacks import CannotSupply, CorrectReply, encode
from handlers.i18n import Translator
from handlers.render.html import TEXT_LIMIT, Html, bold, clip, code, esc, italic, join, ntr, tr
from handlers.render.message import Block, Message, messages, single

TEXT_CLIP = 200
#: Catalogue matches named under each line of an RFQ.
CANDIDATES_SHOWN = 3


def chat_link(bot_username: str) -> str:
    return f"https://t.me/{bot_username.lstrip('@')}"


def deep_link(bot_username: str, payload: str) -> str:
    """https://t.me/<bot>?start=<payload>: opens the bot's DM and sends /start payload."""
    return f"{chat_link(bot_username)}?start={payload}"


def quote_privately_link(bot_username: str, rfq_id: str) -> str:
    return deep_link(bot_username, f"q_{rfq_id}")


#: The /start payload of the "register as a vendor" link.
REGISTER_PAYLOAD = "vendor"


def _rfq_sections(t: Translator, request: QuoteRequest) -> list[list[Block]]:
    count = len(request.lines)
    header = join(
        bold(tr(t, "Request for quote {rfq}", rfq=request.rfq_id)),
        ntr(t, "{count} line", "{count} lines", count)
        + Html(" · ")
        + tr(t, "quotes close {time}", time=format_time(request.reply_by)),
    )
    sections = [[Block(header)]]
    for line in request.lines:
        sections.append([Block(_line_text(t, line))])
    return sections


def _line_text(t: Translator, line: QuoteLine) -> Html:
    summary = bold(f"{line.line}. {clip(request_summary(line.request, t), TEXT_CLIP)}")
    pieces = [summary, italic(clip(line.text, TEXT_CLIP))]
    candidates = [code(clip(mpn, 60)) for mpn in line.candidates[:CANDIDATES_SHOWN]]
    if candidates:
        pieces.append(tr(t, "matches: {parts}", parts=Html(t.join(candidates))))
    return join(*pieces)


def _how_to_answer(t: Translator, request: QuoteRequest, *, in_group: bool) -> Html:
    if len(request.lines) == 1:
        example = tr(
            t,
            "Reply to this message with your price, e.g. <code>0.0021 USD, 50k in stock</code>",
        )
    else:
        example = tr(
            t,
            "Reply to this message with a price for each line you can supply, numbered, e.g. "
            "<code>1. 0.0021 USD, 50k in stock\n2. 0.35 USD, 2 weeks</code>",
        )
    if in_group:
        return join(
            example,
            tr(
                t,
                "Replies here are seen by the group: to keep your price private, quote privately.",
            ),
        )
    return join(example, tr(t, "Other vendors never see your price."))


def vendor_rfq_messages(
    t: Translator, request: QuoteRequest, *, limit: int = TEXT_LIMIT
) -> list[Message]:
    """An RFQ in a vendor's DM: lines, quantities, closing time, how to answer, can't supply."""
    sections = _rfq_sections(t, request)
    sections.append([Block(_how_to_answer(t, request, in_group=False))])
    cannot = InlineKeyboardButton(
        t.gettext("Can't supply"), callback_data=encode(CannotSupply(request.rfq_id))
    )
    return messages(sections, last_rows=[[cannot]], limit=limit)


def group_rfq_messages(
    t: Translator, request: QuoteRequest, bot_username: str, *, limit: int = TEXT_LIMIT
) -> list[Message]:
    """An RFQ posted in a vendor group: no prices at all, and a private way to quote."""
    sections = _rfq_sections(t, request)
    sections.append([Block(_how_to_answer(t, request, in_group=True))])
    private = InlineKeyboardButton(
        t.gettext("Quote privately"), url=quote_privately_link(bot_username, request.rfq_id)
    )
    return messages(sections, last_rows=[[private]], limit=limit)


def cannot_supply_noted(t: Translator, rfq_id: str) -> str:
    return tr(t, "Noted: you can't supply RFQ {rfq}. Thanks for saying so.", rfq=rfq_id)


def _price(offer: Offer) -> Html:
    """The price as read: "¥0.015 (CNY)", or "1,000+: $0.0021, 10,000+: $0.0018 (USD)"."""
    code_ = offer.currency.upper()
    breaks = offer.price_breaks
    if len(breaks) == 1 and breaks[0][0] == 1:
        prices = format_unit_price(breaks[0][1], code_)
    else:
        prices = ", ".join(
            f"{format_quantity(quantity)}+: {format_unit_price(price, code_)}"
            for quantity, price in breaks
        )
    return esc(f"{prices} ({code_})")


def offer_facts(t: Translator, offer: Offer) -> Html:
    """Everything the bot read for one offer, as a vendor checks it."""
    pieces = [bold(_price(offer))]
    if offer.tax_included is True:
        pieces.append(tr(t, "tax included"))
    elif offer.tax_included is False:
        pieces.append(tr(t, "tax excluded"))
    if offer.stock is not None:
        pieces.append(tr(t, "{stock} in stock", stock=format_quantity(offer.stock)))
    if offer.lead_time_days == 0:
        pieces.append(tr(t, "ships now"))
    elif offer.lead_time_days is not None:
        pieces.append(tr(t, "ships in {time}", time=format_days(offer.lead_time_days, t)))
    if offer.moq is not None:
        pieces.append(tr(t, "MOQ {quantity}", quantity=format_quantity(offer.moq)))
    if offer.multiple is not None and offer.multiple > 1:
        pieces.append(tr(t, "multiples of {quantity}", quantity=format_quantity(offer.multiple)))
    if offer.mpn:
        pieces.append(code(clip(offer.mpn, 60)))
    if offer.manufacturer:
        pieces.append(esc(clip(offer.manufacturer, 60)))
    if offer.date_code:
        pieces.append(tr(t, "date code {code}", code=clip(offer.date_code, 20)))
    return Html(" · ".join(pieces))


def reply_echo(
    t: Translator,
    outcome: ReplyOutcome,
    *,
    vendor_id: int,
    lines: Sequence[QuoteLine] = (),
    limit: int = TEXT_LIMIT,
) -> list[Message]:
    """What the bot understood from a vendor's reply, line by line, with a correct button.

    A reply with nothing understood gets the request to restate instead. `lines` (the
    RFQ's) name each line; without them lines are shown by number.
    """
    if not outcome.understood:
        return [single(restate_request(t, outcome.rfq_id))]
    names = {line.line: line for line in lines}
    numbers = sorted(
        {offer.line for offer in outcome.offers}
        | set(outcome.declined_lines)
        | set(outcome.unpriced_lines)
    )
    sections = [
        [Block(bold(tr(t, "Thanks! This is what I read for RFQ {rfq}:", rfq=outcome.rfq_id)))]
    ]
    for number in numbers:
        line = names.get(number)
        title = (
            bold(f"{number}. {clip(request_summary(line.request, t), TEXT_CLIP)}")
            if line is not None
            else bold(tr(t, "Line {line}", line=number))
        )
        facts: list[str] = [offer_facts(t, o) for o in outcome.offers if o.line == number]
        if number in outcome.declined_lines:
            facts.append(tr(t, "can't supply"))
        if number in outcome.unpriced_lines:
            facts.append(tr(t, "no price found: reply again with a price for this line"))
        sections.append([Block(join(title, *facts))])
    closing = (
        tr(t, "This RFQ had already closed: your answer is kept, but the buyer does not see it.")
        if outcome.late
        else tr(t, "If something is wrong, tap Correct and send your answer again.")
    )
    sections.append([Block(closing)])
    correct = InlineKeyboardButton(
        t.gettext("Correct"), callback_data=encode(CorrectReply(outcome.rfq_id, vendor_id))
    )
    rows = [] if outcome.late else [[correct]]
    return messages(sections, last_rows=rows, limit=limit)


def restate_request(t: Translator, rfq_id: str) -> str:
    """A reply the bot could not read: ask again, with examples (the text is kept anyway)."""
    return join(
        tr(t, "Sorry, I could not read a price in that answer to RFQ {rfq}.", rfq=rfq_id),
        tr(
            t,
            "Please write the price with its currency, and stock or lead time if you know "
            "them, e.g. <code>0.0021 USD, 50k in stock</code> or "
            "<code>0.015元 含税 现货5万</code>",
        ),
        tr(t, "Your message is saved."),
    )


def correction_prompt(t: Translator, rfq_id: str) -> str:
    return tr(
        t,
        "Send your corrected answer to RFQ {rfq} as a reply to this message.",
        rfq=rfq_id,
    )


def no_open_rfq(t: Translator) -> str:
    """A vendor wrote in its DM, but no RFQ waits for its answer."""
    return tr(t, "No request for quote is waiting for your answer right now.")


def which_rfq(t: Translator, rfq_ids: Sequence[str]) -> str:
    """A plain DM while several RFQs wait: the vendor has to reply to one of them."""
    listed = Html(t.join([code(rfq) for rfq in rfq_ids]))
    return tr(
        t,
        "Several requests wait for your answer ({rfqs}): reply to the one you are answering.",
        rfqs=listed,
    )


def vendor_group_enabled(t: Translator) -> str:
    """Said in a group an admin just made a vendor group."""
    return tr(
        t,
        "This is now a vendor group: I will post requests for quote here. Reply to a post "
        "with your price, or quote privately with its button.",
    )


def vendor_group_needs_group(t: Translator) -> str:
    """/vendorgroup sent outside a group."""
    return tr(t, "Send /vendorgroup in the group where vendors should receive requests for quote.")


def group_reply_pending(t: Translator, bot_username: str) -> Message:
    """A non-vendor replied in a vendor group: kept pending, invited to register."""
    text = tr(
        t,
        "Thanks! You are not a registered vendor yet, so I keep your quote pending. Register "
        "in a private chat with me: it counts if you are approved while the request is open.",
    )
    register = InlineKeyboardButton(
        t.gettext("Register as a vendor"), url=deep_link(bot_username, REGISTER_PAYLOAD)
    )
    return single(text, [[register]])


def group_reply_received(t: Translator, *, reached_privately: bool, bot_username: str) -> Message:
    """Said in the group to an active vendor's reply; the details go to its DM, never here."""
    if reached_privately:
        return single(tr(t, "Got it, thanks: I sent you what I read in a private message."))
    start = InlineKeyboardButton(t.gettext("Open a private chat"), url=chat_link(bot_username))
    text = tr(
        t,
        "Got it, thanks. Start a private chat with me so I can show you what I read.",
    )
    return single(text, [[start]])


def register_invitation(t: Translator, bot_username: str) -> Message:
    """Someone who is not a vendor asked to quote privately: only vendors quote."""
    text = tr(
        t,
        "Only registered vendors can quote. Registering takes a minute: send /vendor, or tap "
        "the button.",
    )
    register = InlineKeyboardButton(
        t.gettext("Register as a vendor"), url=deep_link(bot_username, REGISTER_PAYLOAD)
    )
    return single(text, [[register]])


def rfq_closed(t: Translator, rfq_id: str) -> str:
    """A vendor asked to quote, or pressed a button, on an RFQ that no longer takes quotes."""
    return tr(t, "RFQ {rfq} is closed: it no longer takes quotes.", rfq=rfq_id)


def already_answered_toast(t: Translator, rfq_id: str) -> str:
    """Plain text: "can't supply" pressed after quoting; a correction is the way to change it."""
    return t.gettext(
        "You quoted RFQ {rfq} already: to change your answer, tap Correct under what I read.",
        rfq=rfq_id,
    )

"""Choosing an offer: the buyer confirms, then the vendor gets the order and the contact.

Sealed bids end here and only here: the vendor learns who the buyer is when the buyer
confirms, and sees only its own price.
"""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InlineKeyboardButton

from bot.quotes import QuoteLine
from bot.ranking import RankedOffer, format_quantity, format_unit_price
from catalogue.matching.describe import request_summary
from handlers.callbacks import CancelOrder, ConfirmOrder, encode
from handlers.i18n import Translator
from handlers.render.html import Html, bold, clip, esc, italic, join, paragraphs, tr, user_link
from handlers.render.message import Message, single
from handlers.render.offers import NAME_CLIP, TEXT_CLIP, part_text, price_text, supply_text


@dataclass(frozen=True, slots=True)
class BuyerContact:
    """How the chosen vendor reaches the buyer: the Telegram user who confirmed."""

    user_id: int
    name: str
    username: str | None = None


def _line_title(t: Translator, line: QuoteLine) -> Html:
    return join(
        bold(f"{line.line}. {clip(request_summary(line.request, t), TEXT_CLIP)}"),
        italic(clip(line.text, TEXT_CLIP)),
    )


def confirm_prompt(t: Translator, offer: RankedOffer, line: QuoteLine) -> Message:
    """Asks the buyer to confirm the offer they chose (the offer must have an id)."""
    if offer.offer_id is None:
        raise ValueError("only a stored offer (with an offer_id) can be ordered")
    vendor = clip(offer.vendor, NAME_CLIP)
    text = paragraphs(
        join(
            bold(tr(t, "Order from {vendor}?", vendor=vendor)),
            _line_title(t, line),
            part_text(t, offer),
            price_text(t, offer),
            supply_text(t, offer),
        ),
        tr(
            t,
            "If you confirm, {vendor} receives your Telegram contact to arrange price, "
            "payment and delivery with you. Nothing is paid here.",
            vendor=vendor,
        ),
    )
    buttons = [
        InlineKeyboardButton(
            t.gettext("Confirm order"), callback_data=encode(ConfirmOrder(offer.offer_id))
        ),
        InlineKeyboardButton(
            t.gettext("Cancel"), callback_data=encode(CancelOrder(offer.offer_id))
        ),
    ]
    return single(text, [buttons])


def order_confirmed(t: Translator, offer: RankedOffer, line: QuoteLine) -> str:
    """Told to the buyer once the vendor has the order."""
    vendor = clip(offer.vendor, NAME_CLIP)
    return paragraphs(
        join(
            bold(tr(t, "Order sent to {vendor}", vendor=vendor)),
            _line_title(t, line),
            part_text(t, offer),
            price_text(t, offer),
        ),
        tr(
            t,
            "{vendor} has your Telegram contact and will get in touch to arrange payment "
            "and delivery.",
            vendor=vendor,
        ),
    )


def order_cancelled(t: Translator) -> str:
    return tr(t, "Cancelled: nothing was sent. The offers stay open to choose from.")


def order_for_vendor(
    t: Translator, offer: RankedOffer, line: QuoteLine, rfq_id: str, buyer: BuyerContact
) -> str:
    """The chosen vendor's news: its own offer, at its own price, and the buyer's contact."""
    contact = user_link(buyer.user_id, clip(buyer.name, NAME_CLIP) or str(buyer.user_id))
    if buyer.username:
        contact = Html(f"{contact} (@{esc(buyer.username)})")
    quoted = format_unit_price(offer.original_unit_price, offer.original_currency)
    return paragraphs(
        join(
            bold(tr(t, "Your offer was chosen: RFQ {rfq}", rfq=rfq_id)),
            _line_title(t, line),
            part_text(t, offer),
            tr(
                t,
                "{quantity} pcs at {price} each, as you quoted",
                quantity=format_quantity(offer.order_quantity),
                price=quoted,
            ),
        ),
        join(
            tr(t, "Buyer: {contact}", contact=contact),
            tr(t, "Please contact the buyer to confirm the order, payment and delivery."),
        ),
    )


def button_expired_toast(t: Translator) -> str:
    """Plain text for answerCallbackQuery: a button the bot can no longer act on."""
    return t.gettext("This button has expired.")


def offer_gone_toast(t: Translator) -> str:
    return t.gettext("That offer is no longer available.")


def not_yours_toast(t: Translator) -> str:
    return t.gettext("Only the buyer who asked can do that.")

"""Every message the bot sends, as Telegram HTML, in the reader's language.

Pure functions of engine objects (RfqResult, RankedOffer, QuoteRequest, ReplyOutcome)
and a `Translator`: no network and no Telegram objects but inline keyboards. Functions
return `str` (one short HTML message), `Message` (HTML with a keyboard) or
`list[Message]` (an answer that may need several messages, each within 4,096
characters). Functions named `*_toast` and `bot_commands` return plain text.
"""

from handlers.render.broadcast import (
    BroadcastProgress,
    announcement,
    broadcast_report,
    broadcast_usage,
)
from handlers.render.buyer import (
    RfqProgress,
    admins_only,
    bot_commands,
    language_changed,
    language_prompt,
    nothing_recognised,
    status_text,
    unread_rows,
    welcome,
)
from handlers.render.html import TEXT_LIMIT, esc, plain, text_length
from handlers.render.message import Message
from handlers.render.offers import PAGE_SIZE, line_page_messages, offer_messages
from handlers.render.orders import (
    BuyerContact,
    button_expired_toast,
    confirm_prompt,
    not_yours_toast,
    offer_gone_toast,
    order_cancelled,
    order_confirmed,
    order_for_vendor,
)
from handlers.render.registration import (
    ALL_CATEGORIES,
    VendorApplication,
    approval_decided,
    approval_request,
    ask_categories,
    ask_currency,
    ask_name,
    bad_categories,
    bad_currency,
    name_taken,
    registration_sent,
    vendor_approved,
    vendor_rejected,
)
from handlers.render.vendors import (
    REGISTER_PAYLOAD,
    cannot_supply_noted,
    correction_prompt,
    deep_link,
    group_reply_pending,
    group_reply_received,
    group_rfq_messages,
    no_open_rfq,
    quote_privately_link,
    reply_echo,
    restate_request,
    vendor_group_enabled,
    vendor_rfq_messages,
    which_rfq,
)

__all__ = [
    "ALL_CATEGORIES",
    "PAGE_SIZE",
    "REGISTER_PAYLOAD",
    "TEXT_LIMIT",
    "BroadcastProgress",
    "BuyerContact",
    "Message",
    "RfqProgress",
    "VendorApplication",
    "admins_only",
    "announcement",
    "approval_decided",
    "approval_request",
    "ask_categories",
    "ask_currency",
    "ask_name",
    "bad_categories",
    "bad_currency",
    "bot_commands",
    "broadcast_report",
    "broadcast_usage",
    "button_expired_toast",
    "cannot_supply_noted",
    "confirm_prompt",
    "correction_prompt",
    "deep_link",
    "esc",
    "group_reply_pending",
    "group_reply_received",
    "group_rfq_messages",
    "language_changed",
    "language_prompt",
    "line_page_messages",
    "name_taken",
    "no_open_rfq",
    "not_yours_toast",
    "nothing_recognised",
    "offer_gone_toast",
    "offer_messages",
    "order_cancelled",
    "order_confirmed",
    "order_for_vendor",
    "plain",
    "quote_privately_link",
    "registration_sent",
    "reply_echo",
    "restate_request",
    "status_text",
    "text_length",
    "unread_rows",
    "vendor_approved",
    "vendor_group_enabled",
    "vendor_rejected",
    "vendor_rfq_messages",
    "welcome",
    "which_rfq",
]

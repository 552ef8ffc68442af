"""Vendor registration in a private chat (name, currency, categories) and its approval."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton

from catalogue.categories import Category
from handlers.callbacks import ApproveVendor, RejectVendor, encode
from handlers.i18n import Translator
from handlers.render.html import Html, bold, clip, code, esc, join, tr, user_link
from handlers.render.message import Message, single
from handlers.render.words import category_name

NAME_CLIP = 120
#: What a vendor sends to serve every category.
ALL_CATEGORIES = "all"


@dataclass(frozen=True, slots=True)
class VendorApplication:
    """A registration waiting for an admin: the vendor row and who sent it."""

    vendor_id: int
    name: str
    currency: str
    #: None serves every category.
    categories: Sequence[str] | None
    user_id: int
    user_name: str
    username: str | None = None


def ask_name(t: Translator) -> str:
    return join(
        bold(tr(t, "Vendor registration")),
        tr(t, "What is your company or shop called? Buyers see this name next to your offers."),
    )


def name_taken(t: Translator, name: str) -> str:
    return tr(
        t,
        "A vendor called {name} is already registered. Please send another name.",
        name=clip(name, NAME_CLIP),
    )


def ask_currency(t: Translator) -> str:
    return tr(
        t,
        "Which currency do you quote in? Send its code, e.g. <code>USD</code>, "
        "<code>CNY</code>, <code>HKD</code> or <code>EUR</code>.",
    )


def bad_currency(t: Translator, text: str) -> str:
    return tr(
        t,
        "{text} is not a currency code. Send three letters, e.g. <code>USD</code> or "
        "<code>CNY</code>.",
        text=code(clip(text, 40)),
    )


def ask_categories(t: Translator) -> str:
    """The category codes to send, each with its name in the vendor's language."""
    listed = [
        Html(f"{code(category.value)} {esc(category_name(t, category.value))}")
        for category in Category
    ]
    return join(
        tr(
            t,
            "Which parts do you supply? Send the codes separated by commas, or <code>all</code>:",
        ),
        *listed,
    )


def bad_categories(t: Translator, unknown: Sequence[str]) -> str:
    names = Html(t.join([code(clip(name, 40)) for name in unknown]))
    return tr(
        t, "I do not know these categories: {names}. Please send codes from the list.", names=names
    )


def registration_sent(t: Translator, name: str) -> str:
    return tr(
        t,
        "Thanks! {name} is waiting for an admin's approval; I will tell you here.",
        name=clip(name, NAME_CLIP),
    )


def categories_text(t: Translator, categories: Sequence[str] | None) -> str:
    if categories is None:
        return t.gettext("all categories")
    return t.join([category_name(t, category) for category in categories])


def approval_request(t: Translator, application: VendorApplication) -> Message:
    """Sent to each admin, with approve and reject buttons."""
    who = user_link(application.user_id, clip(application.user_name, NAME_CLIP) or "?")
    if application.username:
        who = Html(f"{who} (@{esc(application.username)})")
    text = join(
        bold(tr(t, "New vendor registration")),
        tr(t, "Name: {name}", name=clip(application.name, NAME_CLIP)),
        tr(t, "Telegram: {user}", user=who),
        tr(t, "Currency: {currency}", currency=application.currency),
        tr(t, "Categories: {categories}", categories=categories_text(t, application.categories)),
    )
    buttons = [
        InlineKeyboardButton(
            t.gettext("Approve"), callback_data=encode(ApproveVendor(application.vendor_id))
        ),
        InlineKeyboardButton(
            t.gettext("Reject"), callback_data=encode(RejectVendor(application.vendor_id))
        ),
    ]
    return single(text, [buttons])


def approval_decided(t: Translator, name: str, *, approved: bool, admin: str) -> str:
    """The admin's message once decided (it replaces the buttons)."""
    values = {"name": clip(name, NAME_CLIP), "admin": clip(admin, NAME_CLIP)}
    if approved:
        return tr(t, "{name} was approved by {admin}.", **values)
    return tr(t, "{name} was rejected by {admin}.", **values)


def vendor_approved(t: Translator, name: str) -> str:
    return tr(
        t,
        "You are approved: {name} now receives requests for quote here. Reply to a "
        "request with your price to quote.",
        name=clip(name, NAME_CLIP),
    )


def vendor_rejected(t: Translator, name: str) -> str:
    return tr(t, "Sorry, the registration of {name} was not approved.", name=clip(name, NAME_CLIP))


def admins_only_toast(t: Translator) -> str:
    """Plain text for answerCallbackQuery: someone who is not an admin pressed an admin button."""
    return t.gettext("Only the bot's admins can do that.")


def already_decided_toast(t: Translator, name: str) -> str:
    """Plain text: another admin (or the command line) decided this registration first."""
    return t.gettext("The registration of {name} was already decided.", name=clip(name, NAME_CLIP))


#: Longest vendor name stored (bot.models.Vendor.name).
NAME_LIMIT = 120


def name_too_long(t: Translator) -> str:
    return tr(t, "That name is too long: please send at most {limit} characters.", limit=NAME_LIMIT)


def already_registered(t: Translator, name: str) -> str:
    """/vendor from someone who is an active vendor already."""
    return tr(
        t,
        "You are registered as {name} already: requests for quote arrive here.",
        name=clip(name, NAME_CLIP),
    )


def registration_pending(t: Translator, name: str) -> str:
    """/vendor, or a quote, from someone whose registration an admin has not decided yet."""
    return tr(
        t,
        "{name} is waiting for an admin's approval: you can quote once it is approved.",
        name=clip(name, NAME_CLIP),
    )


def vendor_inactive(t: Translator, name: str) -> str:
    """/vendor, or a quote, from a vendor an admin disabled (or did not approve)."""
    return tr(
        t,
        "{name} is not an active vendor, so it cannot quote. Please ask an admin.",
        name=clip(name, NAME_CLIP),
    )


def registration_cancelled(t: Translator) -> str:
    return tr(t, "Registration cancelled. Send /vendor to start again.")

"""Telegram HTML: escaping, translated markup, and the length Telegram counts.

Every message is sent with parse_mode HTML. Catalogue strings may hold the few tags
Telegram knows (<b>, <i>, <code>, <a>); every value put into them is escaped here unless
it is already markup (an `Html`), so user text (a vendor called "<b>Evil & Co</b>", a
buyer's line) always shows as typed.
"""

from __future__ import annotations

import html
import re

from handlers.i18n import Translator

#: Telegram's limit on a message's text.
TEXT_LIMIT = 4096

_TAG = re.compile(r"<[^>]*>")


class Html(str):
    """Text that is already valid Telegram HTML: inserted into messages as it is."""

    __slots__ = ()


def esc(value: object) -> Html:
    """`value` as text that shows as written in an HTML message."""
    return value if isinstance(value, Html) else Html(html.escape(str(value), quote=False))


def clip(text: str, limit: int) -> str:
    """`text` on one line, cut to `limit` characters with "…" (clip before escaping)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def tr(t: Translator, message: str, /, **values: object) -> Html:
    """`message` translated, as HTML, with every value escaped unless it is `Html`."""
    return Html(t.gettext(message, **{key: esc(value) for key, value in values.items()}))


def ntr(t: Translator, singular: str, plural: str, count: int, /, **values: object) -> Html:
    """`tr` for a message with plural forms; `{count}` is filled in."""
    escaped = {key: esc(value) for key, value in values.items()}
    return Html(t.ngettext(singular, plural, count, **escaped))


def join(*pieces: str, sep: str = "\n") -> Html:
    """Markup pieces joined; empty pieces are left out."""
    return Html(sep.join(piece for piece in pieces if piece))


def paragraphs(*pieces: str) -> Html:
    """Pieces separated by blank lines; empty pieces are left out."""
    return join(*pieces, sep="\n\n")


def bold(value: object) -> Html:
    return Html(f"<b>{esc(value)}</b>")


def italic(value: object) -> Html:
    return Html(f"<i>{esc(value)}</i>")


def code(value: object) -> Html:
    return Html(f"<code>{esc(value)}</code>")


def user_link(user_id: int, name: str) -> Html:
    """A mention of a Telegram user by id: works without a username."""
    return Html(f'<a href="tg://user?id={int(user_id)}">{esc(name)}</a>')


def text_length(text: str) -> int:
    """The length Telegram counts (UTF-16 code units), of the markup itself.

    Telegram limits the text after parsing entities; measuring the markup is stricter,
    so a message that passes here is never rejected for length.
    """
    return len(text.encode("utf-16-le")) // 2


def plain(markup: str) -> str:
    """The text a reader sees of `markup`: tags dropped, entities decoded."""
    return html.unescape(_TAG.sub("", markup))

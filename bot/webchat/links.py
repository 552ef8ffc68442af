"""Links to the bot itself: https://t.me/<bot username>, with or without ?start=<payload>.

In Telegram such a link opens the person's private chat with the bot and, with a payload,
sends "/start <payload>" there; the page does the same inside the emulator instead of leaving
for a t.me the machine cannot reach.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from bot.telegram_emulator import BotAccount

_HOSTS = frozenset({"t.me", "telegram.me", "www.t.me"})


@dataclass(frozen=True)
class BotLink:
    bot: BotAccount
    #: What follows /start; None for a plain link to the chat.
    payload: str | None

    @property
    def start_command(self) -> str:
        return f"/start {self.payload}" if self.payload else "/start"


def bot_link(url: str, bots: Iterable[BotAccount]) -> BotLink | None:
    """The bot and payload `url` opens, or None when it leads anywhere else."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or (parts.hostname or "") not in _HOSTS:
        return None
    name = parts.path.strip("/").lower()
    query = parse_qs(parts.query, keep_blank_values=True)
    if not name or set(query) - {"start"}:
        return None
    for bot in bots:
        if bot.username.lower() == name:
            payload = query.get("start", [""])[0]
            return BotLink(bot, payload or None)
    return None

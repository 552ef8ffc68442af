"""The chats the web chat lists, chosen by whoever starts it (the sandbox).

A seat is a chat seen through one person's eyes: the people the person may act as there, and
the words that tell them what the chat is for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.telegram_emulator import Chat, User

#: Seat keys appear in URLs and in the page's test hooks.
KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


@dataclass(frozen=True)
class Seat:
    """A chat the person can open, and the people they can speak as there."""

    #: URL-safe slug, unique: "buyer", "vendor-2", "group".
    key: str
    chat: Chat
    #: "Sourcing bot", "华强信达 (demo vendor)", "Huaqiang North vendors".
    title: str
    #: "you, as the buyer" / "answers by itself" / ...
    subtitle: str
    #: Who the person may write as here; the first is the default; empty = read-only.
    speakers: tuple[User, ...]

    def __post_init__(self) -> None:
        if not KEY_PATTERN.fullmatch(self.key):
            raise ValueError(f"seat key {self.key!r} is not a lower-case URL slug")

    def speaker(self, user_id: int | None) -> User:
        """The person to act as: the one asked for, or the default; refused in a chat that is
        read-only or for someone who does not speak here."""
        if not self.speakers:
            raise ValueError(f"{self.title} is read-only here")
        if user_id is None:
            return self.speakers[0]
        for user in self.speakers:
            if user.id == user_id:
                return user
        raise ValueError(f"you cannot write as user {user_id} in {self.title}")

    @property
    def current_chat(self) -> Chat:
        """The chat now: a group that became a supergroup goes on there."""
        chat = self.chat
        while chat.migrated_to is not None:
            chat = chat.migrated_to
        return chat

"""The sandbox's web chat: the emulator's chats in a browser, Telegram-style, with a person
acting as the buyer and the vendors. Depends on the emulator only, never on the bot's handlers.

    webchat = WebChat(emulator, [Seat("buyer", chat, "Sourcing bot", "you, as the buyer",
                                      (buyer,))])
    webchat.add_routes(app)       # "/", "/static/<file>", "/api/..."
    ...
    await webchat.close()         # ends open event streams
"""

from bot.webchat.seats import Seat
from bot.webchat.server import WebChat

__all__ = ["Seat", "WebChat"]

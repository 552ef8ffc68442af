"""The demo market of the offline sandbox: vendors that quote with no one else on the line.

`open_demo_market` registers them in the sandbox's own database and brings their people
into the Bot API emulator: HTTP vendors speaking the vendor quote API v1 on 127.0.0.1,
stock lists, and Telegram vendors, some answering in market style by themselves, some left
for the person to play. Prices come from the seed catalogue and are the same on every start.
"""

from bot.demo.market import DemoMarket, DemoMarketError, open_demo_market

__all__ = ["DemoMarket", "DemoMarketError", "open_demo_market"]

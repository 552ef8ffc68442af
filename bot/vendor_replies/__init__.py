"""Reading vendors' free-text quote replies (chat, e-mail) as structured offers.

`parse_quote(text, rfq_lines)` follows issue 3 §3. Readers in `parser.read_facts` claim
facts from the reply, most specific first (item numbers, part numbers, brands, declines,
date codes, tax, per-unit prices, MOQ/reels, lead times, stock, values, prices);
`attribution` gives each clause its RFQ line; `options` splits a line into its offers;
`context` applies what the reply says once for every line.
"""

from bot.vendor_replies.model import OfferDraft, RfqLine
from bot.vendor_replies.parser import parse_quote

__all__ = ["OfferDraft", "RfqLine", "parse_quote"]

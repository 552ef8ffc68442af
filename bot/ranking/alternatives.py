"""Whether an offer is for the part asked for or an alternative to it.

An offer meets the request when its part number is the one the buyer wrote or, for a
request by specification ("0603 10k"), one of the line's catalogue candidates; part numbers
are compared by their index form (case, spacing, packaging suffixes ignored). A buyer who
names a part number wants that part: a catalogue neighbour of it (IRLML6402 for IRLML6344)
is a different part, so its offers are alternatives, marked and ranked below. An offer
without a part number answers the line as asked. A line with neither a part number nor
candidates has nothing to compare against, so every offer meets it.
"""

from __future__ import annotations

from bot.quotes import Offer, QuoteLine
from catalogue.partnumbers import normalise_mpn


def accepted_part_numbers(line: QuoteLine) -> frozenset[str]:
    numbers = [line.request.mpn] if line.request.mpn else line.candidates
    return frozenset(normalise_mpn(number) for number in numbers if number.strip())


def is_alternative(offer: Offer, line: QuoteLine) -> bool:
    if not offer.mpn or not offer.mpn.strip():
        return False
    accepted = accepted_part_numbers(line)
    return bool(accepted) and normalise_mpn(offer.mpn) not in accepted

"""The one interface every vendor agent implements.

An agent is asked once per RFQ and yields offers as they come. How it ends is the
dispatch's final state: offers yielded means answered; nothing yielded means declined
(the vendor has no quote); `AgentError` means failed, with the reason; running past the
RFQ's window, or `AgentTimedOut`, means timed out. Any other exception is a bug in
the agent and is recorded as a failure too, so one broken vendor never breaks a quote.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol

from bot.quotes import Offer, QuoteRequest


class AgentError(Exception):
    """The vendor could not be asked or answered unusably; `str(error)` is the reason."""


class AgentTimedOut(AgentError):
    """The vendor did not answer by the RFQ's reply_by: timed out, not failed."""


class VendorAgent(Protocol):
    """Asks one vendor for quotes."""

    @property
    def vendor_name(self) -> str: ...

    def ask(self, request: QuoteRequest) -> AsyncIterator[Offer]:
        """Offers for `request`'s lines, yielded as they arrive."""
        ...

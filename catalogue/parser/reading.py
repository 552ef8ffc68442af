"""What reading a message gives: its requests with their lines, and the lines it understood.

Every line of a message either asks for something, helps another line ask (a header, shared
context, a count on the next line), or says nothing a parser reads. Keeping account of the
first two lets the bot tell a buyer which of the remaining lines it could not read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from catalogue.request import PartRequest

#: A request and the numbers (from 0) of the lines it was read from.
Located = tuple[PartRequest, tuple[int, ...]]


@dataclass(slots=True)
class Reading:
    """The requests of a message, and the lines used without making a request of their own:
    headers, shared context above a list, counts written above their parts, BOM header
    rows, preambles and do-not-populate rows."""

    found: list[Located] = field(default_factory=list)
    understood: set[int] = field(default_factory=set)

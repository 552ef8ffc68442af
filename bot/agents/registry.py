"""Which agent speaks for which vendor: one place that turns vendor rows into targets.

Agents that hold state worth sharing (an HTTP connection pool, a distributor's token and
call budget) are built once per process and reused for every RFQ.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

import aiohttp
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.agents.base import VendorAgent
from bot.agents.http import HttpVendorAgent
from bot.agents.stock import StockListAgent
from bot.models import Vendor, VendorKind
from bot.rfqs.run import VendorTarget

log = logging.getLogger(__name__)


class AgentRegistry:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        http: aiohttp.ClientSession,
        distributors: Mapping[str, VendorAgent] | None = None,
        *,
        humans_reachable: bool = False,
    ) -> None:
        """`distributors` maps a distributor kind ("mouser", ...) to its configured agent;
        `humans_reachable` says whether Telegram vendors can be sent RFQs (the bot runs)."""
        self._sessions = sessions
        self._http = http
        self._distributors = dict(distributors or {})
        self.humans_reachable = humans_reachable

    def target(self, vendor: Vendor) -> VendorTarget | None:
        """How to ask `vendor`, or None when it cannot be asked from this process."""
        kind = vendor.kind
        if kind == VendorKind.TELEGRAM:
            if not self.humans_reachable:
                return None
            return VendorTarget(vendor.id, vendor.name, kind)
        agent: VendorAgent | None
        if kind == VendorKind.HTTP:
            try:
                agent = HttpVendorAgent.from_vendor(vendor, self._http)
            except ValueError as error:
                log.warning("vendor=%s cannot be asked: %s", vendor.name, error)
                return None
        elif kind == VendorKind.STOCK:
            agent = StockListAgent.from_vendor(vendor, self._sessions)
        else:
            agent = self._distributors.get(kind)
            if agent is None:
                return None
        return VendorTarget(vendor.id, vendor.name, kind, agent)

    def targets(self, vendors: Sequence[Vendor]) -> list[VendorTarget]:
        return [target for vendor in vendors if (target := self.target(vendor)) is not None]

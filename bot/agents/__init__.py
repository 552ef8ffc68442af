"""Vendor agents: one interface, one implementation per way a vendor can be asked."""

from bot.agents.base import AgentError, AgentTimedOut, VendorAgent

__all__ = ["AgentError", "AgentTimedOut", "VendorAgent"]

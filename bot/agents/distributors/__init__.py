"""Distributor API agents: Mouser, Nexar (Octopart), Digi-Key and element14.

Each is a `VendorAgent` switched on by its keys in `DistributorConfig`; build them with
`configured_distributor_agents(config, session)`.
"""

from bot.agents.distributors.cache import AnswerCache
from bot.agents.distributors.config import DistributorConfig
from bot.agents.distributors.digikey import DigiKeyAgent
from bot.agents.distributors.element14 import Element14Agent
from bot.agents.distributors.factory import configured_distributor_agents
from bot.agents.distributors.mouser import MouserAgent
from bot.agents.distributors.nexar import NexarAgent

__all__ = [
    "AnswerCache",
    "DigiKeyAgent",
    "DistributorConfig",
    "Element14Agent",
    "MouserAgent",
    "NexarAgent",
    "configured_distributor_agents",
]

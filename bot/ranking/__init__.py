"""Ranking a line's offers by what the order will really cost, with a reason for each rank.

Pure and synchronous: the RFQ service reads offers and vendors from the database, wraps
them in `OfferToRank`, and calls `rank_line`. The rules are issue 3, section 5.
"""

from bot.ranking.buyup import BuyUp
from bot.ranking.config import RankingConfig
from bot.ranking.display import (
    format_days,
    format_money,
    format_quantity,
    format_time,
    format_unit_price,
    round_money,
    round_unit_price,
)
from bot.ranking.exclusions import Exclusion, Expired, NoExchangeRate, excluded_offers, is_expired
from bot.ranking.inputs import OfferToRank, VendorRecord, VendorTerms
from bot.ranking.ordering import RankOrder
from bot.ranking.quantity import MIN_REEL_SIZE, OrderQuantity, QuantityBasis, order_quantity
from bot.ranking.rank import rank_line
from bot.ranking.reasons import Reason, reasons_text
from bot.ranking.result import RankedOffer
from bot.ranking.score import NEUTRAL_SCORE, vendor_score
from bot.ranking.tax import DEFAULT_VAT_RATE

__all__ = [
    "DEFAULT_VAT_RATE",
    "MIN_REEL_SIZE",
    "NEUTRAL_SCORE",
    "BuyUp",
    "Exclusion",
    "Expired",
    "NoExchangeRate",
    "OfferToRank",
    "OrderQuantity",
    "QuantityBasis",
    "RankOrder",
    "RankedOffer",
    "RankingConfig",
    "Reason",
    "VendorRecord",
    "VendorTerms",
    "excluded_offers",
    "format_days",
    "format_money",
    "format_quantity",
    "format_time",
    "format_unit_price",
    "is_expired",
    "order_quantity",
    "rank_line",
    "reasons_text",
    "round_money",
    "round_unit_price",
    "vendor_score",
]

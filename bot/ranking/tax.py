"""Making tax-included and tax-excluded prices comparable.

Chinese vendors often quote 含税 prices (including 13% VAT, with an invoice); stock lists
and distributors quote without it. Ranking compares every offer ex-VAT: the goods price
is what differs between vendors, VAT is the same levy on all of them, and foreign
distributors charge no Chinese VAT at all, so adding it to their prices would be wrong.
"""

from __future__ import annotations

from bot.quotes import Offer
from bot.ranking.inputs import VendorTerms

#: China's standard VAT rate, the one 含税 prices of electronic components include.
DEFAULT_VAT_RATE = 0.13


def check_vat_rate(vat_rate: float) -> float:
    """`vat_rate` as a fraction (0.13), refusing percentages and nonsense early."""
    if not 0 <= vat_rate < 1:
        raise ValueError(f"a VAT rate is a fraction such as 0.13, not {vat_rate}")
    return vat_rate


def offer_includes_tax(offer: Offer, terms: VendorTerms) -> bool:
    """The offer's own tax status, falling back to the vendor's usual terms when unknown."""
    return offer.tax_included if offer.tax_included is not None else terms.prices_include_tax


def ex_vat(amount: float, includes_tax: bool, vat_rate: float) -> float:
    """The amount without VAT: tax-included amounts are divided down, others kept."""
    return amount / (1 + vat_rate) if includes_tax else amount


def format_vat_rate(vat_rate: float) -> str:
    """0.13 as "13%", 0.125 as "12.5%"."""
    return f"{vat_rate * 100:.2f}".rstrip("0").rstrip(".") + "%"

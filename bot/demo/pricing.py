"""The demo market's prices: what each demo vendor stocks and charges for each seed part.

A part has one market price (`list_price_usd`: at 1,000 pieces, in dollars, from its
category, package, value and maker, the way the Shenzhen market prices them), and each
vendor prices around it with its own markup and a spread of its own per part, so vendors
disagree by a few percent to tens of percent and the ranking has something to rank.
Everything is drawn with `bot.demo.dice`, so a vendor quotes the same part the same way on
every start.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from bot.demo.dice import between, choice, fraction
from bot.fx import DEFAULT_USD_RATES
from catalogue.store import PartRecord
from catalogue.units import round_sig

#: China's VAT on goods: what "含税" (tax included) prices carry.
VAT_RATE = 0.13
#: Categories priced and sold like passives: by the reel, in fractions of a cent.
PASSIVES = frozenset({"resistor", "capacitor", "ferrite_bead"})
#: Digits a demo price keeps: "0.0124", "3.25", "12.8".
PRICE_DIGITS = 3

# Dollars per piece at 1,000 pieces, before the part's maker and the market's spread.
_RESISTOR = {
    "0201": 0.0012,
    "0402": 0.0008,
    "0603": 0.0010,
    "0805": 0.0014,
    "1206": 0.0022,
    "1210": 0.0045,
    "2010": 0.0065,
    "2512": 0.0085,
}
_MLCC = {"0201": 0.0020, "0402": 0.0022, "0603": 0.0032, "0805": 0.0055, "1206": 0.011}
_BEAD = {"0402": 0.004, "0603": 0.005, "0805": 0.008}
_IC = {
    "microcontroller": 0.70,
    "wireless module": 2.40,
    "memory": 0.45,
    "interface": 0.50,
    "USB interface": 0.80,
    "linear regulator": 0.10,
    "switching regulator": 0.30,
    "amplifier": 0.14,
    "logic": 0.08,
    "driver": 0.40,
    "sensor": 1.10,
    "timer": 0.12,
    "data converter": 1.20,
    "comparator": 0.14,
    "real-time clock": 0.55,
    "battery management": 0.22,
    "voltage reference": 0.28,
}
_DIODE = {
    "switching diode": 0.008,
    "zener diode": 0.010,
    "rectifier": 0.020,
    "Schottky diode": 0.030,
    "TVS diode": 0.045,
}
_TRANSISTOR = {"SOT-23": 0.012, "TO-92": 0.03, "TO-126": 0.08, "TO-220": 0.30}
#: Categories the seed has few of, at one price each before the market's spread.
_FLAT = {"inductor": 0.12, "led": 0.007, "crystal": 0.12, "connector": 0.08, "fuse": 0.05}
#: The maker's standing in the market: Japanese and Taiwanese brands ask more than the
#: domestic ones a Huaqiangbei stall sells by the reel.
_MAKER = {
    "MURATA": 1.3,
    "YAGEO": 1.15,
    "SAMSUNG": 1.1,
    "UNI-ROYAL": 0.9,
    "FENGHUA": 0.85,
    "CJ": 0.8,
}
#: Category bands every list price falls in (dollars at 1,000 pieces).
PRICE_BANDS: Mapping[str, tuple[float, float]] = {
    "resistor": (0.0004, 0.08),
    "capacitor": (0.001, 0.08),
    "ferrite_bead": (0.002, 0.015),
    "inductor": (0.04, 0.4),
    "diode": (0.004, 0.1),
    "led": (0.003, 0.02),
    "transistor": (0.006, 1.0),
    "crystal": (0.05, 0.4),
    "connector": (0.02, 0.6),
    "fuse": (0.02, 0.15),
    "ic": (0.05, 6.0),
    "other": (0.01, 1.0),
}
#: Unit price relative to the 1,000-piece price, by quantity: a reel of passives costs a
#: sixth of single pieces, an IC's price moves far less.
_PASSIVE_CURVE = ((1, 6.0), (10, 3.5), (100, 1.8), (1_000, 1.0), (10_000, 0.72), (100_000, 0.6))
_OTHER_CURVE = ((1, 1.6), (10, 1.35), (100, 1.15), (1_000, 1.0), (10_000, 0.9), (100_000, 0.85))
#: Quantities that reels of passives hold, by size.
_REELS = {"0201": 15_000, "0402": 10_000, "0603": 5_000, "0805": 4_000}
_DEFAULT_REEL = 3_000
#: Pieces on hand, as traders round them.
_PASSIVE_STOCK = (10_000, 20_000, 50_000, 80_000, 120_000, 200_000, 500_000, 1_000_000)
_OTHER_STOCK = (50, 120, 300, 800, 1_500, 3_000, 6_000, 12_000)
#: Factory lead times, in days: always whole weeks, as the trade says them.
_FACTORY_DAYS = (7, 14, 21, 28, 42, 56)
_DATE_CODES = ("23+", "24+", "24+", "25+")
_PINS = re.compile(r"(?:LQFP|TQFP|QFN|VQFN|UFQFPN|SOIC|TSSOP|SSOP|DIP|MSOP|VSSOP|ESOP)-(\d+)")
#: E6 and E12 mantissas (1.0 -> 100): the values every stall has.
_E6 = frozenset((100, 150, 220, 330, 470, 680))
_E12 = _E6 | frozenset((120, 180, 270, 390, 560, 820))
_COMMON_SIZES = frozenset(("0402", "0603", "0805"))


def _category(part: PartRecord) -> str:
    return str(part.category)


def is_passive(part: PartRecord) -> bool:
    return _category(part) in PASSIVES


def _mantissa(value: float) -> int:
    """The value's three leading digits: 4700.0 -> 470."""
    return round(value / 10.0 ** math.floor(math.log10(value)) * 100)


def _resistor_price(part: PartRecord) -> float:
    price = _RESISTOR.get(part.package or "", 0.002)
    tolerance = part.tolerance or 0.05
    if tolerance <= 0.001:
        price *= 6.0
    elif tolerance <= 0.005:
        price *= 2.5
    elif tolerance <= 0.01:
        price *= 1.1
    return price


def _capacitor_price(part: PartRecord) -> float:
    price = _MLCC.get(part.package or "", 0.02)
    farads = part.value or 0.0
    if farads >= 10e-6:
        price *= 2.2
    elif farads >= 1e-6:
        price *= 1.5
    if part.dielectric == "C0G" and farads >= 1e-9:
        price *= 1.4
    return price


def _ic_price(part: PartRecord) -> float:
    price = _IC.get(part.subcategory or "", 0.5)
    pins = _PINS.fullmatch(part.package or "")
    if pins is not None and int(pins.group(1)) > 8:
        price *= (int(pins.group(1)) / 8) ** 0.45
    return price


def _base_price(part: PartRecord) -> float:
    category = _category(part)
    if category == "resistor":
        return _resistor_price(part)
    if category == "capacitor":
        return _capacitor_price(part)
    if category == "ferrite_bead":
        return _BEAD.get(part.package or "", 0.006)
    if category == "ic":
        return _ic_price(part)
    if category == "diode":
        return _DIODE.get(part.subcategory or "", 0.02)
    if category == "transistor":
        return _TRANSISTOR.get(part.package or "", 0.04) * (
            2.0 if "MOSFET" in (part.subcategory or "") else 1.0
        )
    return _FLAT.get(category, 0.1)


def list_price_usd(part: PartRecord) -> float:
    """The market's price of `part` at 1,000 pieces, in dollars, within its category's band."""
    price = _base_price(part) * _MAKER.get(part.manufacturer, 1.0)
    price *= between(0.8, 1.25, "market", part.mpn)
    low, high = PRICE_BANDS.get(_category(part), PRICE_BANDS["other"])
    return min(max(price, low), high)


def popularity(part: PartRecord) -> float:
    """How much more often than average a trader stocks `part`: 10 kΩ 0603 everywhere,
    49.9 Ω 2512 hardly anywhere."""
    if _category(part) not in ("resistor", "capacitor") or not part.value:
        return 1.0
    mantissa = _mantissa(part.value)
    weight = 2.5 if mantissa in _E6 else 1.5 if mantissa in _E12 else 0.6
    return weight * (1.3 if part.package in _COMMON_SIZES else 0.4)


def quantity_factor(quantity: int, *, passive: bool) -> float:
    """Unit price at `quantity` relative to the 1,000-piece price (log-linear between the
    curve's points, flat beyond its ends)."""
    curve = _PASSIVE_CURVE if passive else _OTHER_CURVE
    if quantity <= curve[0][0]:
        return curve[0][1]
    for (low, low_factor), (high, high_factor) in itertools.pairwise(curve):
        if quantity <= high:
            share = math.log(quantity / low) / math.log(high / low)
            return low_factor + (high_factor - low_factor) * share
    return curve[-1][1]


def reel_size(part: PartRecord) -> int:
    return _REELS.get(part.package or "", _DEFAULT_REEL)


@dataclass(frozen=True, slots=True)
class VendorPricing:
    """How one demo vendor stocks and prices the market.

    `coverage` is the share of a category's seed parts it carries (an average part; a
    popular one more often); categories it does not name it does not carry.
    """

    #: Seeds every draw about this vendor: its name.
    key: str
    currency: str = "USD"
    #: Prices include China's 13 % VAT ("含税").
    tax_included: bool = False
    #: On the market price: 0.9 is a cheap stall, 1.3 a distributor.
    markup: float = 1.0
    coverage: Mapping[str, float] = field(default_factory=dict)
    #: Of the parts carried, the share on hand; the rest come from the factory in weeks.
    in_stock_share: float = 0.85
    #: Sells single pieces (a distributor) rather than from 100 (passives) or 10.
    small_orders: bool = False
    #: Sells passives by the full reel only (a stock-list trader).
    reels: bool = False
    #: Days until parts on hand ship: 0 from the counter, 2 from a Hong Kong warehouse.
    ships_in_days: int = 0


@dataclass(frozen=True, slots=True)
class PartQuote:
    """What a vendor offers for one part: unit prices in its currency, per break."""

    mpn: str
    manufacturer: str
    category: str
    currency: str
    price_breaks: tuple[tuple[int, float], ...]
    stock: int
    lead_time_days: int
    moq: int
    multiple: int | None
    date_code: str
    tax_included: bool

    def unit_price(self, quantity: int) -> float:
        """The unit price that applies to `quantity` pieces (the first break's below it)."""
        price = self.price_breaks[0][1]
        for minimum, unit in self.price_breaks:
            if quantity >= minimum:
                price = unit
        return price


def carries(pricing: VendorPricing, part: PartRecord) -> bool:
    """Whether the vendor deals in `part` at all (on hand or from the factory)."""
    share = pricing.coverage.get(_category(part), 0.0) * popularity(part)
    return fraction(pricing.key, part.mpn, "carries") < min(share, 0.97)


def _break_quantities(pricing: VendorPricing, part: PartRecord) -> tuple[int, ...]:
    passive = is_passive(part)
    if passive and pricing.reels:
        reel = reel_size(part)
        return (reel, 4 * reel, 20 * reel)
    if pricing.small_orders:
        return (1, 100, 1_000, 10_000) if passive else (1, 10, 100, 1_000)
    return (100, 1_000, 10_000, 50_000) if passive else (10, 100, 1_000, 5_000)


def _in_currency(usd: float, pricing: VendorPricing) -> float:
    price = usd / DEFAULT_USD_RATES[pricing.currency]
    return price * (1 + VAT_RATE) if pricing.tax_included else price


def price_breaks(pricing: VendorPricing, part: PartRecord) -> tuple[tuple[int, float], ...]:
    """The vendor's unit prices for `part`, strictly falling with quantity; a break that
    rounding would leave no cheaper than the one before is dropped."""
    usd = list_price_usd(part) * pricing.markup * between(0.9, 1.1, pricing.key, part.mpn, "price")
    breaks: list[tuple[int, float]] = []
    for quantity in _break_quantities(pricing, part):
        unit = _in_currency(usd * quantity_factor(quantity, passive=is_passive(part)), pricing)
        unit = round_sig(unit, PRICE_DIGITS)
        if not breaks or unit < breaks[-1][1]:
            breaks.append((quantity, unit))
    return tuple(breaks)


def quote_part(pricing: VendorPricing, part: PartRecord) -> PartQuote | None:
    """The vendor's offer for `part`, or None when it does not carry it."""
    if not carries(pricing, part):
        return None
    passive = is_passive(part)
    breaks = price_breaks(pricing, part)
    if fraction(pricing.key, part.mpn, "on hand") < pricing.in_stock_share:
        stock = choice(_PASSIVE_STOCK if passive else _OTHER_STOCK, pricing.key, part.mpn, "stock")
        lead_time = pricing.ships_in_days
    else:
        stock, lead_time = 0, choice(_FACTORY_DAYS, pricing.key, part.mpn, "factory")
    by_reel = passive and pricing.reels
    return PartQuote(
        mpn=part.mpn,
        manufacturer=part.manufacturer,
        category=_category(part),
        currency=pricing.currency,
        price_breaks=breaks,
        stock=stock,
        lead_time_days=lead_time,
        moq=breaks[0][0],
        multiple=reel_size(part) if by_reel else None,
        date_code=choice(_DATE_CODES, pricing.key, part.mpn, "date code"),
        tax_included=pricing.tax_included,
    )


def everything(share: float) -> dict[str, float]:
    """Coverage of `share` in every category of the seed."""
    return {category: share for category in PRICE_BANDS}


def decimal_text(value: float) -> str:
    """A price in plain decimals, as people type it and price lists hold it: "0.0021",
    "3.2", "12", never "2.1e-03"."""
    text = format(Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text

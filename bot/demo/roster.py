"""Who is on the demo market: its vendors, their currencies, prices, speed and manners.

Three HTTP vendors (a quick dollar distributor, a yuan stall with an API, a slow IC
trader), two stock lists (passives by the reel in yuan, surplus actives in dollars), three
Telegram vendors answering by themselves (in Chinese, in English, in part-number
shorthand) and two left for the person to play, plus a vendor group with someone in it
who is no vendor yet. Names are unique in the vendors table, so the market opens once per
database.
"""

from __future__ import annotations

from bot.demo.http_vendors import HttpVendorProfile
from bot.demo.pricing import VendorPricing, everything
from bot.demo.replies import ReplyStyle
from bot.demo.stock_lists import StockListProfile
from bot.demo.telegram_vendors import TelegramVendorProfile

_PASSIVES_MOSTLY = {
    "resistor": 0.7,
    "capacitor": 0.7,
    "ferrite_bead": 0.6,
    "inductor": 0.5,
    "diode": 0.5,
    "led": 0.5,
    "transistor": 0.4,
    "ic": 0.3,
    "crystal": 0.3,
}
_ACTIVES_MOSTLY = {
    "ic": 0.85,
    "transistor": 0.6,
    "diode": 0.6,
    "crystal": 0.5,
    "led": 0.3,
    "resistor": 0.15,
    "capacitor": 0.15,
}

HTTP_VENDORS: tuple[HttpVendorProfile, ...] = (
    HttpVendorProfile(
        name="Global Parts Direct",
        path="global-parts-direct",
        pricing=VendorPricing(
            key="Global Parts Direct",
            currency="USD",
            markup=1.3,
            coverage=everything(0.9),
            in_stock_share=0.92,
            small_orders=True,
            ships_in_days=2,
        ),
        latency=(0.2, 0.5),
    ),
    HttpVendorProfile(
        name="Huaqiang Xinda Electronics (华强信达)",
        path="huaqiang-xinda",
        pricing=VendorPricing(
            key="Huaqiang Xinda Electronics",
            currency="CNY",
            tax_included=True,
            markup=0.9,
            coverage=_PASSIVES_MOSTLY,
            in_stock_share=0.8,
        ),
        latency=(0.8, 1.6),
    ),
    HttpVendorProfile(
        name="Futian IC Trading (福田芯城)",
        path="futian-ic",
        pricing=VendorPricing(
            key="Futian IC Trading",
            currency="CNY",
            markup=0.95,
            coverage=_ACTIVES_MOSTLY,
            in_stock_share=0.6,
        ),
        latency=(2.0, 3.0),
    ),
)

STOCK_LISTS: tuple[StockListProfile, ...] = (
    StockListProfile(
        name="Hongxin Passives Stock (宏鑫)",
        pricing=VendorPricing(
            key="Hongxin Passives Stock",
            currency="CNY",
            markup=0.8,
            coverage={"resistor": 0.2, "capacitor": 0.5, "ferrite_bead": 0.5},
            in_stock_share=0.95,
            reels=True,
        ),
    ),
    StockListProfile(
        name="Asia Pacific Surplus",
        pricing=VendorPricing(
            key="Asia Pacific Surplus",
            currency="USD",
            markup=1.05,
            coverage={**everything(0.5), "resistor": 0.01, "capacitor": 0.1, "ic": 0.8},
            in_stock_share=1.0,
            small_orders=True,
            ships_in_days=3,
        ),
    ),
)

TELEGRAM_VENDORS: tuple[TelegramVendorProfile, ...] = (
    TelegramVendorProfile(
        name="SZ Chip Stall 208",
        first_name="陈晓",
        last_name=None,
        username="chen_stall208",
        language="zh",
        currency="CNY",
        style=ReplyStyle.CHINESE,
        pricing=VendorPricing(
            key="SZ Chip Stall 208",
            currency="CNY",
            tax_included=True,
            markup=0.85,
            coverage=_PASSIVES_MOSTLY,
            in_stock_share=0.85,
        ),
    ),
    TelegramVendorProfile(
        name="Segmatic Components HK",
        first_name="Kevin",
        last_name="Wu",
        username="kevin_segmatic",
        language="en",
        currency="USD",
        style=ReplyStyle.ENGLISH,
        pricing=VendorPricing(
            key="Segmatic Components HK",
            currency="USD",
            markup=1.1,
            coverage=everything(0.6),
            in_stock_share=0.75,
        ),
    ),
    TelegramVendorProfile(
        name="SEG Plaza 3F-A12 (赛格)",
        first_name="Li",
        last_name="Na",
        username="lina_seg3f",
        language="zh",
        currency="USD",
        style=ReplyStyle.PART_NUMBERS,
        pricing=VendorPricing(
            key="SEG Plaza 3F-A12",
            currency="USD",
            markup=1.0,
            coverage=_ACTIVES_MOSTLY,
            in_stock_share=0.7,
        ),
    ),
    TelegramVendorProfile(
        name="Minghua Components (明华电子)",
        first_name="Huang",
        last_name="Wei",
        username="huangwei_minghua",
        language="en",
        currency="CNY",
    ),
    TelegramVendorProfile(
        name="Zhou Passives",
        first_name="Zhou",
        last_name="Lei",
        username="zhoulei_passives",
        language="en",
        currency="USD",
    ),
)

#: The vendor group: its title, its vendors (by vendor name) and a member who is no vendor.
GROUP_TITLE = "Huaqiangbei Traders 华强北现货群"
GROUP_VENDORS = ("Minghua Components (明华电子)", "Zhou Passives", "SZ Chip Stall 208")
GROUP_GUEST = ("Ah Fang", "afang_parts")


def vendor_names() -> list[str]:
    """Every demo vendor's name, as registered."""
    return [
        *(profile.name for profile in HTTP_VENDORS),
        *(profile.name for profile in STOCK_LISTS),
        *(profile.name for profile in TELEGRAM_VENDORS),
    ]

"""The small localised pieces messages are made of: categories and sort orders.

Money, unit prices, quantities and times are written by bot.ranking.display in every
language (buyers read "$1,234.50" and "¥0.015" the same way in Chinese); lead times too,
given the translator: `format_days(days, t)` is "3 weeks" or "3 周".
"""

from __future__ import annotations

from bot.ranking import RankOrder
from catalogue.categories import Category
from catalogue.wording import N_
from handlers.i18n import Translator

CATEGORY_NAMES: dict[Category, str] = {
    Category.RESISTOR: N_("resistors"),
    Category.CAPACITOR: N_("capacitors"),
    Category.INDUCTOR: N_("inductors"),
    Category.FERRITE_BEAD: N_("ferrite beads"),
    Category.DIODE: N_("diodes"),
    Category.LED: N_("LEDs"),
    Category.CRYSTAL: N_("crystals and oscillators"),
    Category.TRANSISTOR: N_("transistors"),
    Category.IC: N_("ICs"),
    Category.CONNECTOR: N_("connectors"),
    Category.FUSE: N_("fuses"),
    Category.OTHER: N_("other parts"),
}

#: The sort buttons' labels.
ORDER_NAMES: dict[RankOrder, str] = {
    RankOrder.CHEAPEST: N_("Cheapest"),
    RankOrder.FASTEST: N_("Fastest"),
    RankOrder.TRUSTED: N_("Most trusted"),
}

#: What the offers' header says about their order.
ORDER_DESCRIPTIONS: dict[RankOrder, str] = {
    RankOrder.CHEAPEST: N_("cheapest total first"),
    RankOrder.FASTEST: N_("fastest delivery first"),
    RankOrder.TRUSTED: N_("most trusted vendor first"),
}


def category_name(t: Translator, category: str) -> str:
    try:
        return t.gettext(CATEGORY_NAMES[Category(category)])
    except ValueError:
        return category

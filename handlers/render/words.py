"""The small localised pieces messages are made of: lead times, categories, sort orders.

Money, unit prices and quantities are written by bot.ranking.display in every language
(buyers read "$1,234.50" and "¥0.015" the same way in Chinese); lead times go through
its `format_days` for the rule (days below two weeks, whole weeks from two up) and the
catalogue for the words.
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.ranking import RankOrder, format_days
from catalogue.categories import Category
from handlers.i18n import N_, Translator

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


def duration(t: Translator, days: int) -> str:
    """A lead time: "3 days", "2 weeks", "3 天", "2 周"."""
    number, unit = format_days(days).split(" ", 1)
    count = int(number)
    if unit.startswith("week"):
        return t.ngettext("{count} week", "{count} weeks", count)
    return t.ngettext("{count} day", "{count} days", count)


def category_name(t: Translator, category: str) -> str:
    try:
        return t.gettext(CATEGORY_NAMES[Category(category)])
    except ValueError:
        return category


def utc_time(moment: datetime) -> str:
    """A moment as "2025-03-01 14:05 UTC"; a naive time is UTC, as the database stores it."""
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return f"{aware:%Y-%m-%d %H:%M} UTC"

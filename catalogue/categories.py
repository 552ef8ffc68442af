"""The closed set of part categories that requests, catalogue rows and vendors share."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    RESISTOR = "resistor"
    CAPACITOR = "capacitor"
    INDUCTOR = "inductor"
    FERRITE_BEAD = "ferrite_bead"
    DIODE = "diode"
    LED = "led"
    CRYSTAL = "crystal"
    TRANSISTOR = "transistor"
    IC = "ic"
    CONNECTOR = "connector"
    FUSE = "fuse"
    OTHER = "other"


#: Categories whose requests are answered by value, not by part number.
PASSIVES = frozenset(
    {Category.RESISTOR, Category.CAPACITOR, Category.INDUCTOR, Category.FERRITE_BEAD}
)

#: Categories whose catalogue rows carry a `value`, and the SI unit it is expressed in.
VALUE_UNITS: dict[Category, str] = {
    Category.RESISTOR: "ohm",
    Category.CAPACITOR: "F",
    Category.INDUCTOR: "H",
    Category.FERRITE_BEAD: "ohm",
    Category.CRYSTAL: "Hz",
}

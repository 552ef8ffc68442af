"""Catalogue rows from the hand-written lists (ICs, discretes, LEDs, crystals and the rest)."""

from __future__ import annotations

from collections.abc import Iterator

from catalogue.categories import Category
from catalogue.seed.connectors import CONNECTORS
from catalogue.seed.crystals import CRYSTALS
from catalogue.seed.describe import amps, percent, ppm, si, volts
from catalogue.seed.discretes import DIODES, TRANSISTORS
from catalogue.seed.fuses import FUSES
from catalogue.seed.ics import ICS
from catalogue.seed.inductors import INDUCTORS
from catalogue.seed.optoelectronics import LEDS
from catalogue.store import PartRecord
from catalogue.units import round_sig

SOURCE = "seed"


def _with_package(summary: str, package: str | None) -> str:
    return f"{summary}, {package}" if package else summary


def ics() -> Iterator[PartRecord]:
    for subcategory, rows in ICS.items():
        for mpn, manufacturer, package, summary in rows:
            yield PartRecord(
                mpn=mpn,
                manufacturer=manufacturer,
                category=Category.IC,
                source=SOURCE,
                subcategory=subcategory,
                package=package,
                description=_with_package(summary, package),
            )


def discretes() -> Iterator[PartRecord]:
    for category, table in ((Category.TRANSISTOR, TRANSISTORS), (Category.DIODE, DIODES)):
        for subcategory, rows in table.items():
            for mpn, manufacturer, package, voltage, current, summary in rows:
                ratings = [volts(voltage)] if voltage is not None else []
                ratings += [amps(current)] if current is not None else []
                if subcategory == "zener diode":
                    ratings = []  # the summary already names the zener voltage
                yield PartRecord(
                    mpn=mpn,
                    manufacturer=manufacturer,
                    category=category,
                    source=SOURCE,
                    subcategory=subcategory,
                    package=package,
                    voltage=float(voltage) if voltage is not None else None,
                    current=float(current) if current is not None else None,
                    description=_with_package(" ".join([*ratings, summary]), package),
                )


def leds() -> Iterator[PartRecord]:
    for mpn, manufacturer, package, colour in LEDS:
        yield PartRecord(
            mpn=mpn,
            manufacturer=manufacturer,
            category=Category.LED,
            source=SOURCE,
            subcategory="LED",
            package=package,
            description=f"{colour} LED, {package}",
            attributes={"colour": colour},
        )


def crystals() -> Iterator[PartRecord]:
    for mpn, manufacturer, package, hertz, tolerance, load in CRYSTALS:
        details = [si(hertz, "Hz")]
        details += [ppm(tolerance)] if tolerance is not None else []
        details += [f"{load:g}pF"] if load is not None else []
        yield PartRecord(
            mpn=mpn,
            manufacturer=manufacturer,
            category=Category.CRYSTAL,
            source=SOURCE,
            subcategory="crystal",
            package=package,
            value=round_sig(hertz),
            tolerance=tolerance,
            description=_with_package(" ".join([*details, "crystal"]), package),
            attributes={"load_capacitance_pf": load} if load is not None else {},
        )


def connectors() -> Iterator[PartRecord]:
    for mpn, manufacturer, summary in CONNECTORS:
        yield PartRecord(
            mpn=mpn,
            manufacturer=manufacturer,
            category=Category.CONNECTOR,
            source=SOURCE,
            description=summary,
        )


def fuses() -> Iterator[PartRecord]:
    for mpn, manufacturer, package, current, voltage, summary in FUSES:
        ratings = [amps(current), *([volts(voltage)] if voltage is not None else [])]
        yield PartRecord(
            mpn=mpn,
            manufacturer=manufacturer,
            category=Category.FUSE,
            source=SOURCE,
            subcategory="PTC fuse" if "PTC" in summary else "fuse",
            package=package,
            current=current,
            voltage=float(voltage) if voltage is not None else None,
            description=_with_package(" ".join([*ratings, summary]), package),
        )


def inductors() -> Iterator[PartRecord]:
    for mpn, manufacturer, henries, tolerance, summary in INDUCTORS:
        value = round_sig(henries)
        yield PartRecord(
            mpn=mpn,
            manufacturer=manufacturer,
            category=Category.INDUCTOR,
            source=SOURCE,
            subcategory="power inductor",
            value=value,
            tolerance=tolerance,
            description=f"{si(value, 'H')} {percent(tolerance)} {summary}",
        )

"""Multilayer ceramic chip capacitors of three families, generated from their ordering codes.

A part number's thickness and trailing codes depend on the design behind each value, so
the families are written as lines: one size, dielectric, rated voltage and tolerance,
the capacitance codes the line is known to carry and the trailing code those parts share.
Only lines whose codes are known exactly are listed; a value left out is better than an
invented part number.

* SAMSUNG CL: CL10B104KB8NNNC = CL, size (03 0201, 05 0402, 10 0603, 21 0805, 31 1206,
  32 1210), dielectric (C C0G, B X7R, A X5R), capacitance (EIA pF code), tolerance
  (J 5%, K 10%, M 20%), voltage (Q 6.3V, P 10V, O 16V, A 25V, L 35V, B 50V, C 100V),
  then thickness, design codes and packaging (C paper, E embossed tape).
* YAGEO CC: CC0603KRX7R9BB104 = CC, size, tolerance, packaging (R paper, K embossed),
  dielectric (NPO, X7R, X5R), voltage (5 6.3V, 6 10V, 7 16V, 8 25V, 9 50V, 0 100V),
  B, then N for NPO or B for X7R/X5R, capacitance.
* MURATA GRM: GRM188R71H104KA93D = GRM, size (15 0402, 18 0603, 21 0805, 31 1206,
  32 1210), thickness, dielectric (5C C0G, R7 X7R, R6 X5R), voltage (0J 6.3V, 1A 10V,
  1C 16V, 1E 25V, 1H 50V, 2A 100V), capacitance, tolerance, then Murata's individual
  specification code and packaging (D paper reel, L plastic reel).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from catalogue.categories import Category
from catalogue.seed.describe import percent, si, volts
from catalogue.seed.eseries import E6_PAIRS, E12_PAIRS
from catalogue.store import PartRecord
from catalogue.units import round_sig

SOURCE = "seed"

TOLERANCES = {"J": 0.05, "K": 0.10, "M": 0.20}


def codes(pairs: Sequence[int], first: str, last: str) -> tuple[str, ...]:
    """EIA capacitance codes of an E-series from `first` to `last` ("100" .. "104")."""
    low, high = picofarads(first), picofarads(last)
    found = [
        f"{pair}{exponent}"
        for exponent in range(10)
        for pair in pairs
        if low <= pair * 10**exponent <= high
    ]
    return tuple(found)


def picofarads(code: str) -> int:
    """The capacitance an EIA code stands for, in pF: "104" -> 100000."""
    return int(code[:2] + "0" * int(code[2]))


@dataclass(frozen=True, slots=True)
class Line:
    """Parts of one family sharing size, dielectric, voltage, tolerance and trailing code."""

    package: str
    dielectric: str
    voltage: float
    tolerance: str
    codes: tuple[str, ...]
    #: The code after the voltage: Samsung thickness + design + packaging ("8NNNC"),
    #: Yageo packaging letter ("R"/"K"), Murata thickness, then individual code + packaging.
    tail: str


_SAMSUNG_SIZE = {"0201": "03", "0402": "05", "0603": "10", "0805": "21", "1206": "31", "1210": "32"}
_SAMSUNG_DIELECTRIC = {"C0G": "C", "X7R": "B", "X5R": "A"}
_SAMSUNG_VOLTAGE = {6.3: "Q", 10: "P", 16: "O", 25: "A", 35: "L", 50: "B", 100: "C"}

_YAGEO_DIELECTRIC = {"C0G": "NPO", "X7R": "X7R", "X5R": "X5R"}
_YAGEO_VOLTAGE = {6.3: "5", 10: "6", 16: "7", 25: "8", 50: "9", 100: "0"}

_MURATA_SIZE = {"0201": "03", "0402": "15", "0603": "18", "0805": "21", "1206": "31", "1210": "32"}
_MURATA_DIELECTRIC = {"C0G": "5C", "X7R": "R7", "X5R": "R6"}
_MURATA_VOLTAGE = {6.3: "0J", 10: "1A", 16: "1C", 25: "1E", 35: "YA", 50: "1H", 100: "2A"}


def samsung(line: Line, code: str) -> str:
    return (
        f"CL{_SAMSUNG_SIZE[line.package]}{_SAMSUNG_DIELECTRIC[line.dielectric]}{code}"
        f"{line.tolerance}{_SAMSUNG_VOLTAGE[line.voltage]}{line.tail}"
    )


def yageo(line: Line, code: str) -> str:
    ending = "BN" if line.dielectric == "C0G" else "BB"
    return (
        f"CC{line.package}{line.tolerance}{line.tail}{_YAGEO_DIELECTRIC[line.dielectric]}"
        f"{_YAGEO_VOLTAGE[line.voltage]}{ending}{code}"
    )


def murata(line: Line, code: str) -> str:
    thickness, rest = line.tail[0], line.tail[1:]
    return (
        f"GRM{_MURATA_SIZE[line.package]}{thickness}{_MURATA_DIELECTRIC[line.dielectric]}"
        f"{_MURATA_VOLTAGE[line.voltage]}{code}{line.tolerance}{rest}"
    )


C0G_SMALL = codes(E12_PAIRS, "100", "102")  # 10 pF .. 1 nF

SAMSUNG_CL = (
    Line("0402", "C0G", 50, "J", C0G_SMALL, "5NNNC"),
    Line("0603", "C0G", 50, "J", C0G_SMALL, "8NNNC"),
    Line("0402", "X7R", 50, "K", (*codes(E6_PAIRS, "101", "103"), "104"), "5NNNC"),
    Line("0402", "X7R", 25, "K", ("104",), "5NNNC"),
    Line("0402", "X7R", 16, "K", ("103", "104"), "5NNNC"),
    Line("0402", "X5R", 25, "K", ("104",), "5NNNC"),
    Line("0402", "X5R", 25, "K", ("105",), "5NQNC"),
    Line("0402", "X5R", 16, "K", ("105",), "5NNNC"),
    Line("0402", "X5R", 10, "K", ("105",), "5NNNC"),
    Line("0402", "X5R", 6.3, "K", ("105",), "5NNNC"),
    Line("0603", "X7R", 50, "K", codes(E12_PAIRS, "101", "104"), "8NNNC"),
    Line("0603", "X7R", 25, "K", ("104", "105"), "8NNNC"),
    Line("0603", "X7R", 16, "K", ("104", "105"), "8NNNC"),
    Line("0603", "X7R", 100, "K", ("102", "103", "104"), "8NNNC"),
    Line("0603", "X5R", 50, "K", ("105",), "8NNNC"),
    Line("0603", "X5R", 25, "K", ("105",), "8NNNC"),
    Line("0603", "X5R", 16, "K", ("105", "225", "475"), "8NNNC"),
    Line("0603", "X5R", 10, "K", ("105", "106"), "8NNNC"),
    Line("0603", "X5R", 6.3, "M", ("106",), "8NNNC"),
    Line("0805", "X7R", 50, "K", ("104",), "CNNNC"),
    Line("0805", "X7R", 50, "K", ("105",), "FNNNE"),
    Line("0805", "X5R", 25, "K", ("106",), "YNNNE"),
    Line("0805", "X5R", 25, "K", ("475",), "QNNNE"),
    Line("0805", "X5R", 25, "M", ("226",), "QNNNE"),
    Line("0805", "X5R", 16, "K", ("106",), "QNNNE"),
    Line("0805", "X5R", 6.3, "M", ("226",), "QNNNE"),
    Line("1206", "X7R", 50, "K", ("104",), "CNNNC"),
    Line("1206", "X7R", 50, "K", ("105",), "HNNNE"),
    Line("1206", "X5R", 50, "K", ("106",), "HNNNE"),
    Line("1206", "X5R", 25, "K", ("226",), "HNNNE"),
    Line("1206", "X5R", 6.3, "M", ("107",), "HNNNE"),
    Line("1210", "X7R", 50, "K", ("106",), "JNNNE"),
    Line("1210", "X5R", 50, "K", ("106",), "JNNNE"),
)

YAGEO_CC = (
    Line("0402", "C0G", 50, "J", C0G_SMALL, "R"),
    Line("0603", "C0G", 50, "J", C0G_SMALL, "R"),
    Line("0805", "C0G", 50, "J", C0G_SMALL, "R"),
    Line("0402", "X7R", 50, "K", codes(E6_PAIRS, "101", "104"), "R"),
    Line("0402", "X7R", 25, "K", ("104",), "R"),
    Line("0402", "X7R", 16, "K", ("103", "104"), "R"),
    Line("0402", "X5R", 25, "K", ("105",), "R"),
    Line("0402", "X5R", 16, "K", ("105",), "R"),
    Line("0402", "X5R", 10, "K", ("105",), "R"),
    Line("0402", "X5R", 6.3, "K", ("105",), "R"),
    Line("0603", "X7R", 50, "K", (*codes(E6_PAIRS, "101", "104"), "224", "474", "105"), "R"),
    Line("0603", "X7R", 25, "K", ("104", "105"), "R"),
    Line("0603", "X7R", 16, "K", ("104", "105"), "R"),
    Line("0603", "X5R", 25, "K", ("105", "225"), "R"),
    Line("0603", "X5R", 16, "K", ("105", "225", "475"), "R"),
    Line("0603", "X5R", 10, "K", ("105", "225", "475"), "R"),
    Line("0805", "X7R", 50, "K", codes(E6_PAIRS, "101", "104"), "R"),
    Line("0805", "X7R", 50, "K", ("224", "474", "225"), "K"),
    Line("0805", "X7R", 16, "K", ("105", "106"), "K"),
    Line("0805", "X5R", 25, "K", ("106",), "K"),
    Line("0805", "X5R", 10, "K", ("106",), "K"),
    Line("1206", "X7R", 50, "K", codes(E6_PAIRS, "102", "104"), "R"),
    Line("1206", "X7R", 50, "K", ("225", "475"), "K"),
)

MURATA_GRM = (
    Line("0402", "C0G", 50, "J", C0G_SMALL, "5A01D"),
    Line("0603", "C0G", 50, "J", codes(E12_PAIRS, "100", "103"), "8A01D"),
    Line("0402", "X7R", 50, "K", ("102", "472"), "5A01D"),
    Line("0402", "X7R", 50, "K", ("103",), "5A88D"),
    Line("0402", "X7R", 16, "K", ("104",), "5A88D"),
    Line("0402", "X7R", 25, "K", ("104",), "5E14D"),
    Line("0402", "X5R", 10, "K", ("105",), "5E15D"),
    Line("0402", "X5R", 6.3, "K", ("105",), "5E19D"),
    Line("0603", "X7R", 50, "K", ("102", "103"), "8A01D"),
    Line("0603", "X7R", 50, "K", ("104",), "8A93D"),
    Line("0603", "X7R", 16, "K", ("104",), "8A01D"),
    Line("0603", "X7R", 25, "K", ("105",), "8A12D"),
    Line("0603", "X5R", 25, "K", ("105",), "8A12D"),
    Line("0603", "X5R", 10, "M", ("106",), "8E69D"),
    Line("0603", "X5R", 6.3, "M", ("106",), "8E47D"),
    Line("0805", "X7R", 50, "K", ("104",), "BA01L"),
    Line("0805", "X5R", 25, "K", ("106",), "BA73L"),
    Line("1206", "X5R", 25, "K", ("106",), "CA12L"),
    Line("1206", "X7R", 50, "K", ("475",), "CA12L"),
    Line("1210", "X7R", 50, "K", ("106",), "EA12L"),
)

FAMILIES = (
    ("SAMSUNG", "CL", samsung, SAMSUNG_CL),
    ("YAGEO", "CC", yageo, YAGEO_CC),
    ("MURATA", "GRM", murata, MURATA_GRM),
)


def mlccs() -> Iterator[PartRecord]:
    """Every listed MLCC of every family."""
    for manufacturer, series, part_number, lines in FAMILIES:
        for line in lines:
            for code in line.codes:
                yield _record(manufacturer, series, part_number(line, code), line, code)


def _record(manufacturer: str, series: str, mpn: str, line: Line, code: str) -> PartRecord:
    farads = round_sig(picofarads(code) * 1e-12)
    tolerance = TOLERANCES[line.tolerance]
    return PartRecord(
        mpn=mpn,
        manufacturer=manufacturer,
        category=Category.CAPACITOR,
        source=SOURCE,
        subcategory="MLCC",
        package=line.package,
        value=farads,
        tolerance=tolerance,
        voltage=float(line.voltage),
        dielectric=line.dielectric,
        description=(
            f"{si(farads, 'F')} {percent(tolerance)} {volts(line.voltage)} {line.dielectric} "
            f"{line.package} MLCC"
        ),
        attributes={"series": series},
    )

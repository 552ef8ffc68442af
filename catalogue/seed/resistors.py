"""Thick-film chip resistors of three families, generated from their ordering-code schemes.

Each family stocks 1% parts at every E96 value plus the E24 values E96 lacks, 5% parts at
E24 values, from 1 Ω to 10 MΩ, and a 0 Ω jumper per size. The codes follow the makers'
published "how to order" tables:

* YAGEO RC series: RC0603FR-0710KL = RC, size 0603, tolerance F (1%) / J (5%), packaging
  R (paper tape; K embossed tape for 2010 and 2512), "-07" 7-inch reel, the value in RKM
  form with trailing zeros dropped (10K, 4K7, 1K02, 49R9, 1M, 0R), L for lead free.
* UNI-ROYAL thick film: 0603WAF1002T5E = size, W, power code (M 1/20W, G 1/16W, A 1/10W,
  8 1/8W, 4 1/4W, 2 1/2W; "07" for 3/4W 2010 and "1W" for 2512), tolerance F/J, value,
  reel code (TE, TC, T5, T4) and E. The 1% value is three digits and a multiplier,
  the 5% value "0", two digits and a multiplier; the multiplier is a power of ten, or
  J/K/L for 10^-1/10^-2/10^-3 (100J = 10 Ω, 100K = 1 Ω, 0472 = 4.7 kΩ, 0000 = jumper).
* FENGHUA RC/RS series: RS-03K1002FT = RS (RC for 0402), size 02/03/05/06, TCR letter
  (K ±100 ppm from 10 Ω to 1 MΩ; outside it L ±200 ppm, U on 0402), value (1%: four
  characters such as 1002, 49R9, 4R70; 5%: three such as 103, 4R7), tolerance F/J, T for
  tape. The jumper has no TCR letter: RS-03000JT.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from catalogue.categories import Category
from catalogue.seed.describe import percent, si, watts
from catalogue.seed.eseries import E24, E96_E24, Mantissa, span, value_of
from catalogue.store import PartRecord

SOURCE = "seed"

#: 1 Ω ... 10 MΩ as (mantissa, exponent) bounds.
LOWEST: Mantissa = (100, -2)
HIGHEST: Mantissa = (100, 5)

TOLERANCES = {"F": 0.01, "J": 0.05}


@dataclass(frozen=True, slots=True)
class Size:
    """One chip size of a family: its code in the part number, and its ratings."""

    package: str
    code: str
    power: float
    voltage: float


@dataclass(frozen=True, slots=True)
class Family:
    manufacturer: str
    sizes: tuple[Size, ...]
    #: (size, tolerance letter, value) -> part number; a value of None is the 0 Ω jumper.
    part_number: Callable[[Size, str, Mantissa | None], str]


def rkm(value: Mantissa) -> str:
    """YAGEO's value code: R, K or M at the decimal point, trailing zeros dropped."""
    mantissa, exponent = value
    digits = f"{mantissa:03d}"
    total = exponent + 2  # power of ten of the first digit
    letter, shift = ("R", 0) if total < 3 else ("K", 3) if total < 6 else ("M", 6)
    whole = total - shift + 1  # digits before the decimal point
    return digits[:whole] + letter + digits[whole:].rstrip("0")


_UNIROYAL_MULTIPLIER = {-3: "L", -2: "K", -1: "J", **{n: str(n) for n in range(10)}}


def uniroyal_value(value: Mantissa, tolerance: str) -> str:
    mantissa, exponent = value
    if tolerance == "F":
        return f"{mantissa:03d}{_UNIROYAL_MULTIPLIER[exponent]}"
    return f"0{mantissa // 10:02d}{_UNIROYAL_MULTIPLIER[exponent + 1]}"


def fenghua_value(value: Mantissa, tolerance: str) -> str:
    mantissa, exponent = value
    digits = f"{mantissa:03d}"
    if tolerance == "F":
        if exponent >= 0:
            return f"{digits}{exponent}"
        whole = exponent + 3
        return digits[:whole] + "R" + digits[whole:]
    pair = digits[:2]
    if exponent + 1 >= 0:
        return f"{pair}{exponent + 1}"
    return f"{pair[0]}R{pair[1]}"


def _yageo(size: Size, tolerance: str, value: Mantissa | None) -> str:
    packaging = "K" if size.package in ("2010", "2512") else "R"
    code = "0R" if value is None else rkm(value)
    return f"RC{size.package}{tolerance}{packaging}-07{code}L"


_UNIROYAL_REEL = {"0201": "TE", "0402": "TC", "2010": "T4", "2512": "T4"}


def _uniroyal(size: Size, tolerance: str, value: Mantissa | None) -> str:
    code = "0000" if value is None else uniroyal_value(value, tolerance)
    reel = _UNIROYAL_REEL.get(size.package, "T5")
    return f"{size.package}{size.code}{tolerance}{code}{reel}E"


def _fenghua(size: Size, tolerance: str, value: Mantissa | None) -> str:
    if value is None:
        return f"{size.code}000{tolerance}T"
    mantissa, exponent = value
    in_k_range = exponent >= -1 and (exponent < 4 or (mantissa == 100 and exponent == 4))
    tcr = "K" if in_k_range else ("U" if size.package == "0402" else "L")
    return f"{size.code}{tcr}{fenghua_value(value, tolerance)}{tolerance}T"


YAGEO_RC = Family(
    manufacturer="YAGEO",
    sizes=(
        Size("0201", "", 0.05, 25),
        Size("0402", "", 0.0625, 50),
        Size("0603", "", 0.1, 75),
        Size("0805", "", 0.125, 150),
        Size("1206", "", 0.25, 200),
        Size("1210", "", 0.5, 200),
        Size("2010", "", 0.75, 200),
        Size("2512", "", 1.0, 200),
    ),
    part_number=_yageo,
)

UNIROYAL = Family(
    manufacturer="UNI-ROYAL",
    sizes=(
        Size("0201", "WM", 0.05, 25),
        Size("0402", "WG", 0.0625, 50),
        Size("0603", "WA", 0.1, 75),
        Size("0805", "W8", 0.125, 150),
        Size("1206", "W4", 0.25, 200),
        Size("1210", "W2", 0.5, 200),
        Size("2010", "07", 0.75, 200),
        Size("2512", "1W", 1.0, 200),
    ),
    part_number=_uniroyal,
)

FENGHUA_RS = Family(
    manufacturer="FENGHUA",
    sizes=(
        Size("0402", "RC-02", 0.0625, 50),
        Size("0603", "RS-03", 0.1, 50),
        Size("0805", "RS-05", 0.125, 150),
        Size("1206", "RS-06", 0.25, 200),
    ),
    part_number=_fenghua,
)

FAMILIES = (YAGEO_RC, UNIROYAL, FENGHUA_RS)


def chip_resistors(family: Family) -> Iterator[PartRecord]:
    """Every part of `family`: 1% and 5% values from 1 Ω to 10 MΩ and a jumper per size."""
    for size in family.sizes:
        for tolerance, series in (("F", E96_E24), ("J", E24)):
            for value in span(series, LOWEST, HIGHEST):
                yield _record(family, size, tolerance, value)
        yield _record(family, size, "J", None)


def _record(family: Family, size: Size, tolerance: str, value: Mantissa | None) -> PartRecord:
    ohms = 0.0 if value is None else value_of(*value)
    rating = f"{watts(size.power)} {size.package} thick film chip resistor"
    if value is None:
        description = f"0Ω jumper {rating}"
    else:
        description = f"{si(ohms, 'Ω')} {percent(TOLERANCES[tolerance])} {rating}"
    return PartRecord(
        mpn=family.part_number(size, tolerance, value),
        manufacturer=family.manufacturer,
        category=Category.RESISTOR,
        source=SOURCE,
        subcategory="chip resistor",
        package=size.package,
        value=ohms,
        tolerance=TOLERANCES[tolerance],
        voltage=float(size.voltage),
        power=size.power,
        description=description,
        attributes={"jumper": True} if value is None else {},
    )

"""The project's own CSV format, for users loading their stock or preferred-parts list.

A header row names the columns, in any order and any letter case; cells are separated
by commas, semicolons or tabs (whichever the header uses); the file is UTF-8, and may
be gzip-compressed (name it .csv.gz). Only `mpn` and `manufacturer` are required:

    mpn,manufacturer,category,package,value,tolerance,voltage,dielectric
    RC0603FR-0710KL,YAGEO,resistor,0603,10k,1%,,
    CL10B104KB8NNNC,Samsung,capacitor,0603,100nF,10%,50V,X7R

Columns:
  mpn           manufacturer part number (required)
  manufacturer  the maker as you write it: "Yageo", "国巨" and "YAGEO" are one maker
                (required)
  category      resistor, capacitor, inductor, ferrite_bead, diode, led, crystal,
                transistor, ic, connector, fuse or other; when absent it follows from
                the value's unit (10kΩ: resistor, 100nF: capacitor, 10uH: inductor,
                16MHz: crystal), else "other"
  package       0603, SOT-23, SOIC-8, ... (other spellings are kept as written)
  value         10k, 4k7, 100nF, 0.1uF, 10uH, 16MHz; a ferrite bead's impedance at
                100 MHz (600R). Categories without a value keep it as an attribute.
  tolerance     1%, ±5%, 20ppm, or a fraction such as 0.01
  voltage       50V or 50;  power: 1/4W, 0.25W, 250mW or 0.25;  current: 2A, 500mA
  dielectric    X7R, X5R, C0G (NP0), Y5V, ...
  description, datasheet   free text, a URL
Any other column is kept in the part's attributes. Re-importing a file updates its
parts in place (a part is its normalised part number and its manufacturer).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import chain
from typing import Any

from catalogue.categories import VALUE_UNITS, Category
from catalogue.importers.inputs import InputFiles
from catalogue.importers.quantities import category_value, dielectric, quantity, tolerance
from catalogue.importers.records import package_attributes, package_of, text_or_none
from catalogue.importers.report import RowProblem, SourceRow
from catalogue.importers.tables import read_table, table_rows
from catalogue.store import PartRecord
from catalogue.units import parse_value

SOURCE = "csv"
REQUIRED_COLUMNS = ("mpn", "manufacturer")
KNOWN_COLUMNS = frozenset(
    {
        "mpn",
        "manufacturer",
        "category",
        "package",
        "value",
        "tolerance",
        "voltage",
        "power",
        "current",
        "dielectric",
        "description",
        "datasheet",
    }
)
_CATEGORY_SPELLINGS = {
    **{category.value: category for category in Category},
    "ferrite bead": Category.FERRITE_BEAD,
    "ferrite-bead": Category.FERRITE_BEAD,
    "bead": Category.FERRITE_BEAD,
}
_UNIT_CATEGORIES = {
    "ohm": Category.RESISTOR,
    "F": Category.CAPACITOR,
    "H": Category.INDUCTOR,
    "Hz": Category.CRYSTAL,
}
_UNIT_NAMES = {"ohm": "resistance", "F": "capacitance", "H": "inductance", "Hz": "frequency"}


def read_rows(files: InputFiles) -> Iterator[SourceRow]:
    for path in files.files:
        with files.open_text(path) as stream:
            header_line = stream.readline()
            table = read_table(chain([header_line], stream), _delimiter(header_line))
            yield from table_rows(table, REQUIRED_COLUMNS, record_from_cells, fold_names=True)


def _delimiter(header_line: str) -> str:
    for delimiter in (",", ";", "\t"):
        cells = {cell.strip().strip('"').lower() for cell in header_line.split(delimiter)}
        if set(REQUIRED_COLUMNS) <= cells:
            return delimiter
    return ","


def record_from_cells(cells: dict[str, str]) -> PartRecord:
    """The part one row describes (column names lower-cased); RowProblem says what is wrong."""
    mpn = cells.get("mpn", "")
    manufacturer = cells.get("manufacturer", "")
    if not mpn:
        raise RowProblem("mpn is empty")
    if not manufacturer:
        raise RowProblem("manufacturer is empty")
    value_text = cells.get("value", "")
    category = _category(cells.get("category", ""), value_text)
    attributes: dict[str, Any] = {
        name: text for name, text in cells.items() if name not in KNOWN_COLUMNS and text
    }
    package = package_of(cells.get("package"))
    attributes |= package_attributes(cells.get("package"), package)
    value = None
    if value_text and category in VALUE_UNITS:
        value = category_value(category, value_text, bare=True)
        if value is None:
            unit = VALUE_UNITS[category]
            raise RowProblem(f"value {value_text!r} is not a {_UNIT_NAMES[unit]}")
    elif value_text:
        attributes["value"] = value_text
    return PartRecord(
        mpn=mpn,
        manufacturer=manufacturer,
        category=category.value,
        source=SOURCE,
        package=package,
        value=value,
        tolerance=_parsed(cells, "tolerance", lambda text: tolerance(text, bare=True)),
        voltage=_parsed(cells, "voltage", lambda text: quantity(text, "V", bare=True)),
        power=_parsed(cells, "power", lambda text: quantity(text, "W", bare=True)),
        current=_parsed(cells, "current", lambda text: quantity(text, "A", bare=True)),
        dielectric=_dielectric(cells.get("dielectric", "")),
        description=text_or_none(cells.get("description")),
        datasheet=text_or_none(cells.get("datasheet")),
        attributes=attributes,
    )


def _category(text: str, value_text: str) -> Category:
    if text:
        category = _CATEGORY_SPELLINGS.get(text.strip().lower())
        if category is None:
            raise RowProblem(
                f"unknown category {text!r}; use one of: {', '.join(c.value for c in Category)}"
            )
        return category
    if not value_text:
        return Category.OTHER
    parsed = parse_value(value_text.split("@")[0])
    unit = parsed[1] if parsed is not None else None
    if unit not in _UNIT_CATEGORIES:
        raise RowProblem(
            f"value {value_text!r} has no unit to tell the category by; "
            "add a category column or a unit (10kΩ, 100nF)"
        )
    return _UNIT_CATEGORIES[unit]


def _parsed(
    cells: dict[str, str], column: str, parse: Callable[[str], float | None]
) -> float | None:
    text = cells.get(column, "")
    if not text:
        return None
    found = parse(text)
    if found is None:
        raise RowProblem(f"{column} {text!r} is not understood")
    return found


def _dielectric(text: str) -> str | None:
    if not text:
        return None
    code = dielectric(text)
    if code is None:
        raise RowProblem(f"dielectric {text!r} is not a ceramic dielectric code (X7R, C0G, ...)")
    return code

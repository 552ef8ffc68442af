"""The jlcparts CSV export: one LCSC part per row, parameters already split into columns.

Columns: lcsc, mpn, manufacturer, category, subcategory, package, library_type, status,
stock, joints, unit_price_usd, description, resistance_ohm, capacitance_f, inductance_h,
power_w, voltage_rating, tolerance, temperature_coefficient, datasheet, attributes_json.

The SI columns are filled for resistors, capacitors and inductors; everything else
(a crystal's frequency, a bead's impedance, a diode's current) comes from the JLC
attributes in `attributes_json`. The description is the last resort: for a value the
columns and attributes lack, and for every field of a row without attributes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

from catalogue.categories import VALUE_UNITS, Category
from catalogue.importers.descriptions import DescribedFields, fields_from_text
from catalogue.importers.inputs import InputFiles
from catalogue.importers.jlc_categories import (
    is_catch_all,
    jlc_category,
    subcategory_from_description,
)
from catalogue.importers.quantities import (
    category_value,
    dielectric,
    quantity,
    tolerance,
)
from catalogue.importers.records import (
    first_known,
    package_attributes,
    package_of,
    text_or_none,
)
from catalogue.importers.report import RowProblem, SourceRow
from catalogue.importers.tables import read_table, table_rows
from catalogue.store import PartRecord

SOURCE = "jlcparts"
REQUIRED_COLUMNS = ("lcsc", "mpn", "manufacturer", "category", "subcategory", "package")

_VALUE_COLUMNS = {
    Category.RESISTOR: "resistance_ohm",
    Category.CAPACITOR: "capacitance_f",
    Category.INDUCTOR: "inductance_h",
}
# JLC attribute names, most specific first.
_VALUE_ATTRIBUTES = {
    Category.RESISTOR: ("Resistance",),
    Category.CAPACITOR: ("Capacitance",),
    Category.INDUCTOR: ("Inductance",),
    Category.FERRITE_BEAD: ("Impedance @ frequency",),
    Category.CRYSTAL: ("Frequency",),
}
_CRYSTAL_TOLERANCE = ("Normal temperature frequency tolerance", "Frequency tolerance")
_VOLTAGE = (
    "Voltage rating (dc)",
    "Voltage - dc reverse (vr) (max)",
    "Reverse voltage (vr)",
    "Reverse stand-off voltage (vrwm)",
    "Collector - emitter voltage vceo",
    "Collector-emitter breakdown voltage (vceo)",
    "Drain to source voltage",
)
_POWER = ("Power dissipation (pd)", "Power dissipation", "Power")
_CURRENT = (
    "Hold current",
    "Rated current",
    "Average rectified current (io)",
    "Rectified current",
    "Continuous drain current (id)",
    "Current - collector(ic)",
    "Collector current (ic)",
    "Output current",
    "Forward current",
)


def read_rows(files: InputFiles) -> Iterator[SourceRow]:
    for path in files.files:
        with files.open_text(path) as stream:
            yield from table_rows(read_table(stream, ","), REQUIRED_COLUMNS, record_from_cells)


def record_from_cells(cells: dict[str, str]) -> PartRecord:
    """The part one jlcparts row describes; RowProblem says why a row cannot be one."""
    get = cells.get
    description = (get("description") or "").strip()
    package_text = (get("package") or "").strip()
    subcategory = (get("subcategory") or "").strip()
    if is_catch_all(subcategory):
        subcategory = subcategory_from_description(description, package_text) or subcategory
    category = jlc_category(get("category") or "", subcategory)
    parameters = _parameters(get("attributes_json") or "")
    # The description is the last resort, for rows that come without attributes.
    described = DescribedFields() if parameters else fields_from_text(description, category)
    package = package_of(package_text)
    return PartRecord(
        mpn=(get("mpn") or "").strip(),
        manufacturer=(get("manufacturer") or "").strip(),
        category=category.value,
        source=SOURCE,
        subcategory=subcategory or None,
        package=package,
        value=_value(category, cells, parameters, description),
        tolerance=_tolerance(category, cells, parameters, described),
        voltage=first_known(
            quantity(get("voltage_rating") or "", "V"),
            _from_attributes(parameters, _VOLTAGE, "V"),
            described.voltage,
        ),
        power=first_known(
            _number(cells, "power_w"), _from_attributes(parameters, _POWER, "W"), described.power
        ),
        current=first_known(_from_attributes(parameters, _CURRENT, "A"), described.current),
        dielectric=_dielectric(category, cells, parameters, described),
        description=description or None,
        datasheet=text_or_none(get("datasheet")),
        attributes=_attributes(cells, parameters) | package_attributes(package_text, package),
    )


def _parameters(text: str) -> dict[str, str]:
    if not text.strip():
        return {}
    try:
        parsed: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise RowProblem(f"attributes_json is not valid JSON ({error.msg})") from error
    if not isinstance(parsed, dict):
        raise RowProblem("attributes_json is not a JSON object")
    return {str(key): str(value) for key, value in parsed.items()}


def _number(cells: dict[str, str], column: str) -> float | None:
    text = (cells.get(column) or "").strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise RowProblem(f"{column} {text!r} is not a number") from None
    if not math.isfinite(number):
        raise RowProblem(f"{column} {text!r} is not a finite number")
    return number


def _integer(cells: dict[str, str], column: str) -> int | None:
    number = _number(cells, column)
    if number is None:
        return None
    if not number.is_integer():
        raise RowProblem(f"{column} {cells[column].strip()!r} is not a whole number")
    return int(number)


def _from_attributes(parameters: dict[str, str], names: tuple[str, ...], unit: str) -> float | None:
    for name in names:
        text = parameters.get(name)
        if text:
            found = quantity(text, unit)
            if found is not None:
                return found
    return None


def _value(
    category: Category, cells: dict[str, str], parameters: dict[str, str], description: str
) -> float | None:
    if category not in VALUE_UNITS:
        return None
    column = _VALUE_COLUMNS.get(category)
    if column is not None:
        number = _number(cells, column)
        if number is not None:
            return number
    for name in _VALUE_ATTRIBUTES[category]:
        text = parameters.get(name)
        found = category_value(category, text) if text else None
        if found is not None:
            return found
    return fields_from_text(description, category).value


def _tolerance(
    category: Category,
    cells: dict[str, str],
    parameters: dict[str, str],
    described: DescribedFields,
) -> float | None:
    if category is Category.CRYSTAL:
        for name in _CRYSTAL_TOLERANCE:
            found = tolerance(parameters.get(name) or "")
            if found is not None:
                return found
        return described.tolerance
    return first_known(
        tolerance(cells.get("tolerance") or ""),
        tolerance(parameters.get("Tolerance") or ""),
        described.tolerance,
    )


def _dielectric(
    category: Category,
    cells: dict[str, str],
    parameters: dict[str, str],
    described: DescribedFields,
) -> str | None:
    if category is not Category.CAPACITOR:
        return None
    return (
        dielectric(cells.get("temperature_coefficient") or "")
        or dielectric(parameters.get("Temperature coefficient") or "")
        or described.dielectric
    )


def _attributes(cells: dict[str, str], parameters: dict[str, str]) -> dict[str, Any]:
    attributes: dict[str, Any] = {
        "lcsc": (cells.get("lcsc") or "").strip() or None,
        "library_type": text_or_none(cells.get("library_type")),
        "status": text_or_none(cells.get("status")),
        "stock": _integer(cells, "stock"),
        "joints": _integer(cells, "joints"),
        "unit_price_usd": _number(cells, "unit_price_usd"),
        "jlc_category": text_or_none(cells.get("category")),
        "jlc_subcategory": text_or_none(cells.get("subcategory")),
        "parameters": parameters or None,
    }
    return {key: value for key, value in attributes.items() if value is not None}

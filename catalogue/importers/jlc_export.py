"""JLCPCB's own downloadable parts list: semicolon-separated, parameters only in prose.

Header: LCSC Part;First Category;Second Category;MFR.Part;Package;Solder Joint;
Manufacturer;Library Type;Description;Datasheet;Price;Stock. Values come from the
description ("Chip Resistor - Surface Mount 10KOhms ±1% 1/4W 1206 RoHS"); prices are
quantity breaks ("1-199:0.0052,200-:0.0019"), kept as a list in the attributes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from catalogue.importers.descriptions import fields_from_text
from catalogue.importers.inputs import InputFiles
from catalogue.importers.jlc_categories import jlc_category
from catalogue.importers.records import package_attributes, package_of, text_or_none
from catalogue.importers.report import RowProblem, SourceRow
from catalogue.importers.tables import read_table, table_rows
from catalogue.store import PartRecord

SOURCE = "jlc-export"
REQUIRED_COLUMNS = ("LCSC Part", "First Category", "Second Category", "MFR.Part", "Manufacturer")

_PRICE_BREAK = re.compile(r"^(\d+)-(\d*):(\d+(?:\.\d+)?)$")


def read_rows(files: InputFiles) -> Iterator[SourceRow]:
    for path in files.files:
        with files.open_text(path) as stream:
            yield from table_rows(read_table(stream, ";"), REQUIRED_COLUMNS, record_from_cells)


def record_from_cells(cells: dict[str, str]) -> PartRecord:
    """The part one row of the export describes; RowProblem says why a row cannot be one."""
    get = cells.get
    first, second = (get("First Category") or "").strip(), (get("Second Category") or "").strip()
    category = jlc_category(first, second)
    description = (get("Description") or "").strip()
    described = fields_from_text(description, category)
    attributes: dict[str, Any] = {
        "lcsc": text_or_none(get("LCSC Part")),
        "library_type": text_or_none(get("Library Type")),
        "solder_joints": _whole(get("Solder Joint"), "Solder Joint"),
        "stock": _whole(get("Stock"), "Stock"),
        "jlc_category": first or None,
        "jlc_subcategory": second or None,
    }
    package = package_of(get("Package"))
    attributes |= package_attributes(get("Package"), package)
    price_text = (get("Price") or "").strip()
    if price_text:
        breaks = price_breaks(price_text)
        attributes["price_breaks"] = breaks
        attributes["unit_price_usd"] = breaks[0]["unit_price_usd"]
    return PartRecord(
        mpn=(get("MFR.Part") or "").strip(),
        manufacturer=(get("Manufacturer") or "").strip(),
        category=category.value,
        source=SOURCE,
        subcategory=second or None,
        package=package,
        value=described.value,
        tolerance=described.tolerance,
        voltage=described.voltage,
        power=described.power,
        current=described.current,
        dielectric=described.dielectric,
        description=description or None,
        datasheet=text_or_none(get("Datasheet")),
        attributes={key: value for key, value in attributes.items() if value is not None},
    )


def price_breaks(text: str) -> list[dict[str, Any]]:
    """ "1-199:0.0052,200-:0.0019" as [{min_quantity, max_quantity, unit_price_usd}, ...]."""
    breaks: list[dict[str, Any]] = []
    for item in text.split(","):
        match = _PRICE_BREAK.match(item.strip())
        if match is None:
            raise RowProblem(
                f"price {text!r} is not quantity breaks like '1-199:0.0052,200-:0.0019'"
            )
        low, high, price = match.groups()
        unit_price = float(price)
        if not math.isfinite(unit_price):
            raise RowProblem(f"price {text!r} is not a finite number")
        breaks.append(
            {
                "min_quantity": int(low),
                "max_quantity": int(high) if high else None,
                "unit_price_usd": unit_price,
            }
        )
    return breaks


def _whole(text: str | None, column: str) -> int | None:
    stripped = (text or "").strip()
    if not stripped:
        return None
    if not stripped.isdigit():
        raise RowProblem(f"{column} {stripped!r} is not a whole number")
    return int(stripped)

"""Octopart's Common Parts Library (CPL): YAML files of generic parts and their makers' MPNs.

Each file has `rows`, each row a generic part (`cplid` such as
"CPL-CAP-X7R-0603-100NF-50V", a `title`, and `extravals` with Capacitance, Resistance,
Voltage Rating (DC), Characteristic, Tolerance, Size, Power Rating, ...) listing
interchangeable manufacturer parts (`manufacturer`, `mpn`). Every MPN becomes a part
carrying its generic part's parameters.

The CPL is licensed CC BY-SA 4.0 with attribution to Octopart, so every part keeps
`source_licence` and `source_attribution` in its attributes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from catalogue.categories import Category
from catalogue.importers.descriptions import fields_from_text
from catalogue.importers.errors import CatalogueImportError
from catalogue.importers.inputs import InputFiles
from catalogue.importers.quantities import category_value, dielectric, quantity, tolerance
from catalogue.importers.records import first_known, package_of, text_or_none
from catalogue.importers.report import SourceRow
from catalogue.store import PartRecord

SOURCE = "octopart-cpl"
LICENCE = "CC BY-SA 4.0"
ATTRIBUTION = "Octopart Common Parts Library (github.com/octopart/CPL-Data)"
LINE_KEY = "__line__"

# cplid family -> category; families not listed are OTHER (tools, boards, cables, ...).
_FAMILIES = {
    "RES": Category.RESISTOR,
    "ARR": Category.RESISTOR,
    "CAP": Category.CAPACITOR,
    "IND": Category.INDUCTOR,
    "DIO": Category.DIODE,
    "LED": Category.LED,
    "WS2812": Category.LED,
    "TRN": Category.TRANSISTOR,
    "CON": Category.CONNECTOR,
    "HDR": Category.CONNECTOR,
    "FUS": Category.FUSE,
    **dict.fromkeys(
        ("MCU", "MEM", "IIC", "OPA", "LIC", "DIC", "TIM", "RTC", "BIC", "MDR", "REG", "SEN"),
        Category.IC,
    ),
}
_FAMILY = re.compile(r"^CPL[-_]([A-Z0-9]+)", re.IGNORECASE)
_NOT_A_COMPONENT = re.compile(r"breakout|board|kit\b|pack\b", re.IGNORECASE)

_VALUE_KEYS = {
    Category.RESISTOR: "Resistance",
    Category.CAPACITOR: "Capacitance",
    Category.INDUCTOR: "Inductance",
}
_TOLERANCE_KEYS = ("Tolerance", "Resistance Tolerance")
_VOLTAGE_KEYS = (
    "Voltage Rating (DC)",
    "Peak Repetitive Reverse Voltage",
    "Maximum Voltage Rating (DC)",
    "Breakdown Voltage",
    "Output Voltage",
)
_CURRENT_KEYS = (
    "Hold Current",
    "Max DC Current",
    "Maximum Forward Continuous Current",
    "Current Rating",
    "Max Current",
)
_PACKAGE_KEYS = ("Size", "Package")


class _LineLoader(yaml.SafeLoader):
    """A safe loader that notes each mapping's line, so a bad part can be pointed at."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def yaml_files(root: Path) -> list[Path]:
    """`root` itself, or every .yaml/.yml file below it, in a stable order."""
    if not root.is_dir():
        return [root]
    files = sorted(
        path
        for path in root.rglob("*")
        if path.is_file() and path.name.lower().endswith((".yaml", ".yml", ".yaml.gz", ".yml.gz"))
    )
    if not files:
        raise CatalogueImportError(f"{root}: no .yaml files in this directory")
    return files


def read_rows(files: InputFiles) -> Iterator[SourceRow]:
    for path in files.files:
        label = files.label(path)
        try:
            with files.open_text(path) as stream:
                document = yaml.load(stream, Loader=_LineLoader)
        except CatalogueImportError as error:
            yield SourceRow(1, problem=str(error))
            continue
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 1
            yield SourceRow(line, problem=f"{label}: not valid YAML ({_first_line(error)})")
            continue
        yield from _document_rows(document, label)


def _document_rows(document: Any, label: str) -> Iterator[SourceRow]:
    rows = document.get("rows") if isinstance(document, dict) else None
    if not isinstance(rows, list):
        yield SourceRow(1, problem=f"{label}: not a CPL file (no 'rows' list)")
        return
    group = str(document.get("name") or "").strip()
    for generic in rows:
        line = generic.get(LINE_KEY, 1) if isinstance(generic, dict) else 1
        cplid = str(generic.get("cplid") or "").strip() if isinstance(generic, dict) else ""
        parts = generic.get("parts") if isinstance(generic, dict) else None
        if not cplid:
            yield SourceRow(line, problem=f"{label}: generic part without a cplid")
        elif not isinstance(parts, list) or not parts:
            yield SourceRow(line, problem=f"{label}: {cplid} lists no parts")
        else:
            for part in parts:
                yield _part_row(generic, cplid, part, group, label)


def _part_row(generic: dict[str, Any], cplid: str, part: Any, group: str, label: str) -> SourceRow:
    if not isinstance(part, dict):
        return SourceRow(generic[LINE_KEY], problem=f"{label}: a part of {cplid} is not a mapping")
    if not str(part.get("mpn") or "").strip():
        return SourceRow(part[LINE_KEY], problem=f"{label}: part of {cplid} has no mpn")
    return SourceRow(part[LINE_KEY], record=record_for(generic, part, group))


def category_of(cplid: str, title: str) -> Category:
    family = _FAMILY.match(cplid.strip())
    code = family.group(1).upper() if family else ""
    if _NOT_A_COMPONENT.search(title):
        return Category.OTHER
    if code == "IND" and "-FER-" in cplid.upper():
        return Category.FERRITE_BEAD
    if code == "OSC":
        return Category.CRYSTAL if "-CRY-" in cplid.upper() else Category.OTHER
    if code == "FUS" and "NTC" in title.upper():
        return Category.OTHER
    return _FAMILIES.get(code, Category.OTHER)


def record_for(generic: dict[str, Any], part: dict[str, Any], group: str = "") -> PartRecord:
    """The part an MPN of a CPL generic part is: the generic part's parameters, its maker."""
    cplid = str(generic["cplid"]).strip()
    title = " ".join(str(generic.get("title") or "").split())
    extravals = {
        str(key): " ".join(str(value).split())
        for key, value in (generic.get("extravals") or {}).items()
        if key != LINE_KEY
    }
    category = category_of(cplid, title)
    described = fields_from_text(title, category)
    value_key = _VALUE_KEYS.get(category)
    value_text = extravals.get(value_key, "") if value_key else ""
    description = title
    if str(generic.get("description") or "").strip():
        description = f"{title}. {' '.join(str(generic['description']).split())}"
    return PartRecord(
        mpn=str(part["mpn"]).strip(),
        manufacturer=str(part.get("manufacturer") or "").strip(),
        category=category.value,
        source=SOURCE,
        subcategory=group or None,
        package=_package(extravals),
        value=first_known(
            category_value(category, value_text) if value_text else None, described.value
        ),
        tolerance=first_known(
            _first_of(extravals, _TOLERANCE_KEYS, tolerance), described.tolerance
        ),
        voltage=first_known(_first_of(extravals, _VOLTAGE_KEYS, _volts), described.voltage),
        power=first_known(_first_of(extravals, ("Power Rating",), _watts), described.power),
        current=first_known(_first_of(extravals, _CURRENT_KEYS, _amps), described.current),
        dielectric=(
            dielectric(extravals.get("Characteristic", "")) or described.dielectric
            if category is Category.CAPACITOR
            else None
        ),
        description=description or None,
        datasheet=text_or_none(str(part.get("externalurl") or "")),
        attributes=_attributes(cplid, title, group, extravals, part),
    )


def _first_of(
    extravals: dict[str, str], keys: tuple[str, ...], parse: Callable[[str], float | None]
) -> float | None:
    for key in keys:
        text = extravals.get(key)
        found = parse(text) if text else None
        if found is not None:
            return found
    return None


def _volts(text: str) -> float | None:
    return quantity(text, "V")


def _watts(text: str) -> float | None:
    return quantity(text, "W")


def _amps(text: str) -> float | None:
    return quantity(text, "A")


def _package(extravals: dict[str, str]) -> str | None:
    for key in _PACKAGE_KEYS:
        package = package_of(extravals.get(key))
        if package is not None and package.upper() not in ("SMD", "MULTIPLE"):
            return package
    return None


def _attributes(
    cplid: str, title: str, group: str, extravals: dict[str, str], part: dict[str, Any]
) -> dict[str, Any]:
    attributes: dict[str, Any] = {
        "cplid": cplid,
        "cpl_title": title or None,
        "cpl_group": group or None,
        "parameters": extravals or None,
        "octopart_uid": text_or_none(str(part.get("uid") or "")),
        "octopart_ppid": text_or_none(str(part.get("ppid") or "")),
        "source_licence": LICENCE,
        "source_attribution": ATTRIBUTION,
    }
    return {key: value for key, value in attributes.items() if value is not None}


def _first_line(error: yaml.YAMLError) -> str:
    problem = getattr(error, "problem", None)
    return str(problem or error).strip().splitlines()[0]

"""The formats `catalogue import` reads, and how one is told from the path and the header.

A directory or a .yaml file is Octopart's Common Parts Library; a CSV-like file is told
by its header row, which each of the three CSV formats spells differently.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from catalogue.importers.errors import CatalogueImportError
from catalogue.importers.inputs import logical_suffix, read_head

#: format name -> one-line description (the order `--help` lists them in).
FORMATS: dict[str, str] = {
    "jlcparts-csv": "the jlcparts CSV export (lcsc, mpn, manufacturer, category, ...)",
    "jlc-export": "JLCPCB's downloadable parts list (semicolon-separated, 'LCSC Part;...')",
    "octopart-cpl": "Octopart Common Parts Library YAML (a directory or one .yaml file)",
    "csv": "this project's simple CSV (mpn, manufacturer, optional value, package, ...)",
}

YAML_SUFFIXES = (".yaml", ".yml")
JLCPARTS_COLUMNS = frozenset({"lcsc", "mpn", "manufacturer", "category", "subcategory"})
JLC_EXPORT_COLUMNS = frozenset({"LCSC Part", "MFR.Part", "First Category", "Second Category"})


@dataclass(frozen=True, slots=True)
class FormatChoice:
    name: str
    #: Why this format: "as given", "from the header", ... (the CLI prints it).
    reason: str


def choose_format(path: Path, fmt: str | None) -> FormatChoice:
    """The format to read `path` with: `fmt` when given, else detected.

    Raises CatalogueImportError for a missing path, an unknown format name, or a file
    whose format cannot be told.
    """
    if not path.exists():
        raise CatalogueImportError(f"{path}: no such file or directory")
    if fmt is not None:
        if fmt not in FORMATS:
            raise CatalogueImportError(
                f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}"
            )
        if path.is_dir() and fmt != "octopart-cpl":
            raise CatalogueImportError(f"{path}: a directory can only be imported as octopart-cpl")
        return FormatChoice(fmt, "as given")
    if path.is_dir():
        return FormatChoice("octopart-cpl", "a directory")
    if logical_suffix(path) in YAML_SUFFIXES:
        return FormatChoice("octopart-cpl", "from the file extension")
    detected = detect_from_header(read_head(path))
    if detected is None:
        raise CatalogueImportError(
            f"{path}: cannot tell the format from its first line; "
            f"pass --format ({', '.join(FORMATS)})"
        )
    return FormatChoice(detected, "from the header")


def detect_from_header(head: str) -> str | None:
    """The format whose header row `head` starts with, or None."""
    first = head.lstrip().split("\n", 1)[0].strip("\r")
    if first.startswith(("docid:", "rows:", "cplid:", "- cplid:")):
        return "octopart-cpl"
    if set(_cells(first, ";")) >= JLC_EXPORT_COLUMNS:
        return "jlc-export"
    if set(_cells(first, ",")) >= JLCPARTS_COLUMNS:
        return "jlcparts-csv"
    for delimiter in (",", ";", "\t"):
        if {"mpn", "manufacturer"} <= {cell.lower() for cell in _cells(first, delimiter)}:
            return "csv"
    return None


def _cells(line: str, delimiter: str) -> list[str]:
    return [cell.strip().strip('"').strip() for cell in line.split(delimiter)]

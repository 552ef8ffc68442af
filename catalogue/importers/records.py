"""What every importer does to a row the same way: packages, blanks and the final check.

The final check keeps a bad value out of the database before a batch is written: a
part number with no letters or digits would be silently skipped, and a text longer
than its column fails a whole batch on PostgreSQL.
"""

from __future__ import annotations

import math

from catalogue.categories import Category
from catalogue.manufacturers import canonical_manufacturer
from catalogue.packages import normalise_package
from catalogue.partnumbers import clean_mpn, normalise_mpn
from catalogue.store import PartRecord

#: Column widths of the catalogue tables (catalogue/models.py).
MAX_MPN = 120
MAX_MANUFACTURER = 120
MAX_MANUFACTURER_SPELLING = 200
MAX_PACKAGE = 60
MAX_SUBCATEGORY = 120
MAX_DIELECTRIC = 10

_BLANKS = frozenset({"", "-", "--", "–", "—", "n/a", "N/A", "null", "None"})
_CATEGORIES = frozenset(category.value for category in Category)


def text_or_none(text: str | None) -> str | None:
    """`text` stripped, or None when it is empty or a placeholder such as "-"."""
    if text is None:
        return None
    stripped = text.strip()
    return None if stripped in _BLANKS else stripped


def first_known(*candidates: float | None) -> float | None:
    """The first candidate that is not None (0.0 counts: a 0 Ω jumper has a value)."""
    return next((candidate for candidate in candidates if candidate is not None), None)


def package_of(text: str | None) -> str | None:
    """The canonical package, else the source's own spelling (never a placeholder)."""
    raw = text_or_none(text)
    if raw is None:
        return None
    return normalise_package(raw) or raw


def package_attributes(text: str | None, package: str | None) -> dict[str, str]:
    """The source's spelling as `package_text` when normalising changed it ("0402_x4")."""
    raw = text_or_none(text)
    return {"package_text": raw} if raw is not None and raw != package else {}


def record_problem(record: PartRecord) -> str | None:
    """Why `record` cannot be written, or None when it can."""
    if not normalise_mpn(record.mpn):
        return f"part number {record.mpn!r} has no letters or digits"
    if len(clean_mpn(record.mpn)) > MAX_MPN:
        return f"part number longer than {MAX_MPN} characters"
    if len(record.manufacturer.strip()) > MAX_MANUFACTURER_SPELLING:
        return f"manufacturer longer than {MAX_MANUFACTURER_SPELLING} characters"
    if len(canonical_manufacturer(record.manufacturer)) > MAX_MANUFACTURER:
        return f"manufacturer name longer than {MAX_MANUFACTURER} characters"
    if record.category not in _CATEGORIES:
        return f"unknown category {record.category!r}"
    if record.package is not None and len(record.package) > MAX_PACKAGE:
        return f"package longer than {MAX_PACKAGE} characters"
    if record.subcategory is not None and len(record.subcategory) > MAX_SUBCATEGORY:
        return f"subcategory longer than {MAX_SUBCATEGORY} characters"
    if record.dielectric is not None and len(record.dielectric) > MAX_DIELECTRIC:
        return f"dielectric longer than {MAX_DIELECTRIC} characters"
    for name in ("value", "tolerance", "voltage", "power", "current"):
        number = getattr(record, name)
        if number is not None and not math.isfinite(number):
            return f"{name} is not a finite number"
    return None

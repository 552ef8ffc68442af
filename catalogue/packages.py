"""Package names in one spelling: "SOT23" and "SOT-23-3" are both "SOT-23".

Chip sizes are written imperial ("0603"), metric ("1608", "1608M") or as KiCad footprint
names ("R_0603_1608Metric"); the catalogue and requests both use the imperial code.
"""

from __future__ import annotations

import re

#: Imperial chip codes, the form requests and the catalogue use.
CHIP_SIZES = ("01005", "0201", "0402", "0603", "0805", "1206", "1210", "1812", "2010", "2512")

#: Metric chip code -> imperial. Only used when the text marks it metric or it is unambiguous.
METRIC_TO_IMPERIAL: dict[str, str] = {
    "0402": "01005",
    "0603": "0201",
    "1005": "0402",
    "1608": "0603",
    "2012": "0805",
    "3216": "1206",
    "3225": "1210",
    "4532": "1812",
    "5025": "2010",
    "6332": "2512",
}

_KICAD_CHIP = re.compile(r"^[A-Z]+_(\d{4,5})_(\d{4})METRIC", re.IGNORECASE)
_METRIC_MARKED = re.compile(r"^(\d{4})\s*(?:M|METRIC)$", re.IGNORECASE)
_NAMED = re.compile(
    r"^(SOT|SOD|SOIC|SOP|SO|SSOP|TSSOP|MSOP|QFN|DFN|LQFP|TQFP|QFP|DIP|PDIP|TO|SMA|SMB|SMC|"
    r"DO|HC|SC|BGA|LGA|WLCSP|ESOP|HSOP|VSSOP|UDFN|WSON|SON|PLCC)"
    r"-?(\d+[A-Z]?)?(?:-(\d+))?(?:\(.*\))?$",
    re.IGNORECASE,
)
_FAMILY_ALIASES = {"SO": "SOIC", "SOP": "SOIC", "PDIP": "DIP"}
# Families whose trailing "-N" is a pin count that buyers leave out (SOT-23-3 is SOT-23).
_DEFAULT_PINS = {("SOT", "23"): "3", ("SOT", "223"): "4", ("SOT", "89"): "3", ("TO", "252"): "2"}


def normalise_package(text: str) -> str | None:
    """The canonical spelling of a package, or None when `text` is not a package we know."""
    raw = text.strip()
    if not raw:
        return None
    if raw in CHIP_SIZES:
        return raw
    kicad = _KICAD_CHIP.match(raw)
    if kicad:
        return kicad.group(1)
    metric = _METRIC_MARKED.match(raw)
    if metric and metric.group(1) in METRIC_TO_IMPERIAL:
        return METRIC_TO_IMPERIAL[metric.group(1)]
    named = _NAMED.match(raw.replace(" ", ""))
    if named:
        family, number, pins = named.groups()
        family = _FAMILY_ALIASES.get(family.upper(), family.upper())
        if number is None:
            return family
        number = number.upper()
        if pins is not None and _DEFAULT_PINS.get((family, number)) == pins:
            pins = None
        return f"{family}-{number}" + (f"-{pins}" if pins else "")
    return None

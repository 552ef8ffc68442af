"""Package names in one spelling: "SOT23" and "SOT-23-3" are both "SOT-23".

Chip sizes are written imperial ("0603"), metric ("1608", "1608M") or as KiCad footprint
names ("R_0603_1608Metric"); the catalogue and requests both use the imperial code.
Crystal bodies ("3225") and LED sizes ("2835") are sizes of their own and stay as written.
"""

from __future__ import annotations

import re

#: Imperial chip codes, the form requests and the catalogue use.
CHIP_SIZES = (
    "01005",
    "0201",
    "0402",
    "0603",
    "0805",
    "1206",
    "1210",
    "1806",
    "1808",
    "1812",
    "2010",
    "2220",
    "2225",
    "2512",
)

#: Metric chip code -> imperial. Only used when the text marks it metric or it is unambiguous.
METRIC_TO_IMPERIAL: dict[str, str] = {
    "0402": "01005",
    "0603": "0201",
    "1005": "0402",
    "1608": "0603",
    "2012": "0805",
    "3216": "1206",
    "3225": "1210",
    "4516": "1806",
    "4520": "1808",
    "4532": "1812",
    "5025": "2010",
    "5750": "2220",
    "5764": "2225",
    "6332": "2512",
}

#: Crystal and oscillator body sizes (metric, tenths of a millimetre), kept as written.
CRYSTAL_SIZES = frozenset(
    {"1210", "1612", "1610", "2012", "2016", "2520", "3215", "3225", "5032", "6035", "7050"}
)

#: SMD LED package sizes, kept as written.
LED_SIZES = frozenset(
    {"2835", "3528", "5050", "5630", "5730", "3030", "3535", "3014", "4014", "2216", "1615"}
)

#: Categories whose bodies are chip sizes that buyers also write in metric.
_CHIP_CATEGORIES = frozenset({"resistor", "capacitor", "inductor", "ferrite_bead", "fuse"})
#: Categories whose four-digit sizes are their own naming, never converted.
_SIZE_AS_WRITTEN = frozenset({"crystal", "led"})

_CHIP_DIGITS = frozenset(CHIP_SIZES)
_SIZE_CODE = re.compile(r"^(\d{4,5})(M|METRIC)?$")
# KiCad chip footprints ("R_0603_1608Metric", "C_0402_1005Metric_Pad0.74x0.62mm", LibreSolar's
# "C_0603_1608") and IPC-7351 land-pattern names ("CAPC1608X09L", "RESC1005X40N").
_KICAD_CHIP = re.compile(r"^(?:[A-Z]+_)+(\d{4,5})_(\d{4,5})(?:METRIC)?(?:_|$)")
_IPC_CHIP = re.compile(r"^(?:CAP|RES|IND|LED|DIO|FUS)[CM]P?(\d{4})X")
_NAMED = re.compile(
    r"""^(?P<family>SOT|TSOT|SOD|SOIC|SOP|SO|SSOP|TSSOP|HTSSOP|MSOP|VSSOP|TSOP|QSOP|ESOP|HSOP|
        QFN|DFN|VQFN|WQFN|UQFN|TQFN|TDFN|UDFN|UFQFPN|VFQFPN|HVQFN|LFCSP|
        LQFP|TQFP|QFP|DIP|PDIP|SDIP|SIP|TO|UFBGA|TFBGA|VFBGA|FBGA|
        DO|HC|SC|BGA|LGA|WLCSP|PLCC|WSON|SON|USON|VSON|LL|SMAF|SMBF)
        -?(?P<number>\d{1,3}[A-Z]{0,3})
        (?:[-/](?P<pins>\d{1,3}|[A-Z]{1,3}))?
        (?:-\d?EP)?                              # KiCad's exposed pad: "QFN-56-1EP"
        L?$""",
    re.VERBOSE,
)
# Families that are a name with no number.
_BARE_NAMES = {
    "SMA": "SMA",
    "SMB": "SMB",
    "SMC": "SMC",
    "SMAF": "SMAF",
    "SMBF": "SMBF",
    "MELF": "MELF",
    "MINIMELF": "MINIMELF",
    "MINI-MELF": "MINIMELF",
    "DPAK": "DPAK",
    "D2PAK": "D2PAK",
    "PDFN": "PDFN",
    "SOT": None,
    # Chinese shorthand for the HC-49 crystal cans.
    "49S": "HC-49S",
    "49SMD": "HC-49SMD",
    "49U": "HC-49U",
    "49US": "HC-49US",
}
_FAMILY_ALIASES = {"SO": "SOIC", "SOP": "SOIC", "PDIP": "DIP"}
# Families whose trailing "-N" is a pin count that buyers leave out (SOT-23-3 is SOT-23).
_DEFAULT_PINS: dict[tuple[str, str], frozenset[str]] = {
    ("SOT", "23"): frozenset({"3"}),
    ("SOT", "223"): frozenset({"3", "4"}),
    ("SOT", "89"): frozenset({"3"}),
    ("SOT", "323"): frozenset({"3"}),
    ("SOT", "523"): frozenset({"3"}),
    ("TO", "92"): frozenset({"3"}),
    ("TO", "220"): frozenset({"3"}),
    ("TO", "247"): frozenset({"3"}),
    ("TO", "252"): frozenset({"2", "3"}),
    ("TO", "263"): frozenset({"2", "3"}),
    ("TO", "126"): frozenset({"3"}),
}
# Numbers that make a package in families where any number would also match a part name
# ("HC-05" is a Bluetooth module, "SC-16IS752" a UART, "LL-34" a diode case).
_ONLY_NUMBERS: dict[str, tuple[str, ...]] = {
    "HC": ("49",),
    "SC": ("59", "70", "74", "75", "79", "82", "88", "89"),
    "LL": ("34", "41"),
    "DO": ("15", "35", "41", "201", "204", "213", "214", "218"),
    "TO": (
        "3",
        "5",
        "8",
        "18",
        "39",
        "46",
        "72",
        "92",
        "126",
        "220",
        "247",
        "251",
        "252",
        "263",
        "264",
        "268",
        "277",
    ),
}
_PIN_FAMILIES = frozenset(
    {
        "SOIC",
        "SSOP",
        "TSSOP",
        "HTSSOP",
        "MSOP",
        "VSSOP",
        "TSOP",
        "QSOP",
        "ESOP",
        "HSOP",
        "QFN",
        "DFN",
        "VQFN",
        "WQFN",
        "UQFN",
        "TQFN",
        "TDFN",
        "UDFN",
        "UFQFPN",
        "VFQFPN",
        "HVQFN",
        "LFCSP",
        "UFBGA",
        "TFBGA",
        "VFBGA",
        "FBGA",
        "LQFP",
        "TQFP",
        "QFP",
        "DIP",
        "SDIP",
        "SIP",
        "BGA",
        "LGA",
        "WLCSP",
        "PLCC",
        "WSON",
        "SON",
        "USON",
        "VSON",
    }
)
#: How every named package, IPC land pattern and "SMD" size starts: a cheap first test.
_NAME_STARTS = (
    *("SO", "SS", "TS", "HT", "MS", "VS", "QS", "ES", "HS", "QF", "DF", "VQ", "WQ", "UQ"),
    *("TQ", "TD", "UD", "LQ", "DI", "PD", "SD", "SI", "TO", "DO", "HC", "SC", "BG", "LG"),
    *("WL", "PL", "WS", "US", "LL", "SM", "ME", "MI", "DP", "D2", "CA", "RE", "IN", "LE"),
    *("FU", "UF", "VF", "HV", "LF", "TF", "FB"),
)
_SMD_PREFIX = re.compile(r"^SMD-?(?=\d{4}\b)")
_PARENTHESES = re.compile(r"\(.*?\)|\[.*?\]")
_INSIDE_PARENTHESES = re.compile(r"\(([^()]*)\)")


def normalise_package(text: str, category: str | None = None) -> str | None:
    """The canonical spelling of a package, or None when `text` is not a package we know.

    `category` decides four-digit sizes that mean different things: "3225" is a crystal
    body as written, but a 1210 chip when the part is a capacitor. Without a category a
    metric code converts only when no crystal or LED is that size.
    """
    raw = text.strip().upper()
    if not raw:
        return None
    if ":" in raw:
        # KiCad "Library:Footprint": the library name says nothing about the package.
        raw = raw.rsplit(":", 1)[1].strip()
        if not raw:
            return None
    if raw[0].isalpha() and not raw.startswith(_NAME_STARTS) and _plain(raw):
        return None  # the common case for a part number: no package starts like it
    raw = _SMD_PREFIX.sub("", raw)
    if "(" in raw:
        # "ERJ2G(0402)_L": a vendor footprint with the size in parentheses.
        for inner in _INSIDE_PARENTHESES.findall(raw):
            found = normalise_package(inner, category)
            if found is not None:
                return found
    if raw in _BARE_NAMES:
        return _BARE_NAMES[raw]
    size = _SIZE_CODE.match(raw)
    if size:
        return chip_size(size.group(1), category, metric=size.group(2) is not None)
    if "_" in raw:
        return _footprint(raw, category)
    ipc = _IPC_CHIP.match(raw)
    if ipc:
        return chip_size(ipc.group(1), category, metric=True)
    return _named(_PARENTHESES.sub("", raw).replace(" ", ""))


def _plain(raw: str) -> bool:
    return "_" not in raw and ":" not in raw and "(" not in raw


def chip_size(code: str, category: str | None = None, metric: bool = False) -> str | None:
    """The package for a four- or five-digit size code, or None when it is no known size."""
    if metric:
        return METRIC_TO_IMPERIAL.get(code)
    if category in _SIZE_AS_WRITTEN:
        if code in _CHIP_DIGITS or code in CRYSTAL_SIZES or code in LED_SIZES:
            return code
        return METRIC_TO_IMPERIAL.get(code)
    if code in _CHIP_DIGITS:
        return code
    if code in METRIC_TO_IMPERIAL:
        if category in _CHIP_CATEGORIES or code not in CRYSTAL_SIZES:
            return METRIC_TO_IMPERIAL[code]
        return code
    if code in CRYSTAL_SIZES or code in LED_SIZES:
        return code
    return None


def _footprint(raw: str, category: str | None) -> str | None:
    """A package from a KiCad-style footprint name ("D_SOD-123", "SOIC-8_3.9x4.9mm_P1.27mm")."""
    kicad = _KICAD_CHIP.match(raw)
    if kicad:
        return chip_size(kicad.group(1), category)
    for part in raw.split("_"):
        if not part or part in ("R", "C", "L", "D", "LED", "FB", "CP", "F", "SMD", "THT"):
            continue
        found = _SIZE_CODE.match(part)
        if found:
            named = chip_size(found.group(1), category, metric=found.group(2) is not None)
        else:
            sized = re.match(r"^(\d{4})-\d+PIN$", part)
            named = chip_size(sized.group(1), "crystal") if sized else _named(part.replace(" ", ""))
        if named:
            return named
    return None


def _named(raw: str) -> str | None:
    if raw in _BARE_NAMES:
        return _BARE_NAMES[raw]
    named = _NAMED.match(raw)
    if not named:
        return None
    family, number, pins = named.group("family", "number", "pins")
    allowed = _ONLY_NUMBERS.get(family)
    if allowed is not None and not number.startswith(allowed):
        return None
    if family == "HC" and number not in ("49", "49S", "49U", "49US", "49SMD"):
        return None
    if family in ("SO", "SOP", "SOIC") and not number.isdigit():
        return None
    family = _FAMILY_ALIASES.get(family, family)
    if family in _PIN_FAMILIES and not number.isdigit():
        return None
    if family in ("SOT", "TSOT") and not number.isdigit():
        return None
    if family == "SOD" and not re.match(r"^\d+F?$", number):
        return None
    if pins is not None and not pins.isdigit():
        if family == "HC" and pins in ("S", "U", "US"):
            return f"HC-{number}{pins}"
        return None
    if pins is not None and pins in _DEFAULT_PINS.get((family, number), ()):
        pins = None
    return f"{family}-{number}" + (f"-{pins}" if pins else "")

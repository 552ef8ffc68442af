"""Tokens of a buyer's line and what each one is, decided once per distinct spelling.

A token is a tuple `(kind, number, text, raw)`: its kind (one of the constants below),
a number where it has one (a value in SI units, a count), a text where it has one (a
canonical package, dielectric, category, unit dimension, part number), and the raw
spelling (needed to join "100" and "nF" written apart). Classification is pure, so it is
cached by spelling: buyers repeat "10k", "0603" and "pcs" far more than anything else.
"""

from __future__ import annotations

import re
from typing import Final

from catalogue.packages import (
    CRYSTAL_SIZES,
    LED_SIZES,
    METRIC_TO_IMPERIAL,
    chip_size,
    normalise_package,
)
from catalogue.parser import chinese, vocabulary
from catalogue.parser.quantities import parse_count
from catalogue.units import parse_value, round_sig

Token = tuple[int, float, str, str]

# Kinds. Plain ints: they are compared in the hot loop.
SKIP: Final = 0
NUM: Final = 1  # a bare number: a quantity, or a printed code ("104") on a passive
KNUM: Final = 2  # "10k", "2.5k", "1M": a resistor value or a quantity
WNUM: Final = 3  # "2w": 20000 pieces in Chinese usage, or 2 W
QTY: Final = 4
REELS: Final = 5
VALUE: Final = 6  # text: ohm, F, H, Hz, or "ohm?" (RKM k/M) / "cap?" (bare n/u/p)
VOLT: Final = 7
POWER: Final = 8
CURRENT: Final = 9
TOL: Final = 10
PPM: Final = 11
PKG: Final = 12  # text: canonical package
CHIP: Final = 13  # text: four/five-digit size code, resolved once the category is known
DIEL: Final = 14
CAT: Final = 15
MPN: Final = 16
DESIG: Final = 17  # text: category hint ("" if none); number: flags, see `_designator`
QTYMARK: Final = 18  # number: multiplier ("pcs" 1, "kpcs" 1000)
REELMARK: Final = 19
QTYPREFIX: Final = 20
EACH: Final = 21
SKIPNEXT: Final = 22
UNIT: Final = 23
CODEMARK: Final = 24
METRIC: Final = 25
NUMWORD: Final = 26
COLOUR: Final = 27  # an LED colour: under "LED 0603, 4000pcs each colour:" a line of its own
SEP: Final = 28  # text: the separator (",", ";", ":", "and", ...) between a line's items
NOISE: Final = 29  # a sign of prices, phone numbers, dates...: the line needs `denoise`
GARBAGE: Final = 30  # shaped like a part number but not one ("iVBORw0KGgoAAAANSUhEUg")
PINS: Final = 32  # "pin", "way": the number before it counts pins
FRAC: Final = 31  # "1/4": a power rating when "W" follows ("1/4 W"), nothing on its own

#: Kinds that describe a part without naming it: a token split on "/" or "-" must be these.
SPEC_KINDS = frozenset({VALUE, VOLT, POWER, CURRENT, TOL, PPM, PKG, CHIP, DIEL, KNUM})

_CJK_WORDS = "|".join(re.escape(word) for word in chinese.KNOWN_WORDS)
_WORD_CHARS = r"0-9A-Za-zÀ-ÖØ-öø-ÿµμΩω#_.+\-/'&*×"
TOKEN_PATTERN = re.compile(
    r"[,;|]|:(?=\s|$)|(?<=\s)[/+&](?=\s)|[$¥€£@°]"
    rf"|(?:±|\+/-|\+-)?[{_WORD_CHARS}]+(?:(?<=\d),(?=\d)[{_WORD_CHARS}]+)*%?|%"
    rf"|{_CJK_WORDS}|[\u3400-\u9fff]"
)
_SEPARATORS = frozenset({",", ";", "|", ":", "/", "+", "&"})
_NOISE_SIGNS = frozenset({"$", "¥", "€", "£", "@", "°"})
_NOISE_SHAPES = re.compile(
    r"\d+(?:weeks?|wks?|days?|hrs?|hours?|months?)$|(?:19|20)\d\d[-/.]\d"
    r"|\+\d|\d{2,4}\+$|.*/(?:pcs?|pieces?|units?|ea|kpcs)$|(?:usd|rmb|eur|cny)\d"
    r"|.*\d(?:usd|rmb|eur|cny)$|[A-Za-z.]{0,8}#\d"
    r"|\d+k?(?:pcs?|pieces?)?/(?:reels?|rolls?|box(?:es)?|trays?|tubes?|bags?)$",
    re.IGNORECASE,
)

_STRIP = ".-/'\"_&*#+"
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_DECIMAL = re.compile(r"^\d+(?:[.,]\d+)?$")
_SCALED = re.compile(r"^(\d+(?:[.,]\d+)?)([kKM])$")
_W_COUNT = re.compile(r"^(\d+)[wW]$")
_QTY_SUFFIX = re.compile(
    r"^(\d+(?:[.,]\d+)*)\s*([kKwW]?)(?:pcs?|pce|pces|psc|pieces?|units?|ea|nos|pc's|qty)\.?$",
    re.IGNORECASE,
)
_QTY_TIMES = re.compile(r"^(?:[x×*])(\d+(?:[.,]\d+)*[kKwW]?)$|^(\d+(?:[.,]\d+)*[kK]?)[x×*]$")
_REEL_SUFFIX = re.compile(r"^(\d+)\s*(?:reels?|rolls?)$", re.IGNORECASE)
_TOLERANCE = re.compile(r"^(?:±|\+/-|\+-)?(\d+(?:[.,]\d+)?)(?:%|percent|pct)$", re.IGNORECASE)
_PPM = re.compile(r"^(?:±|\+/-|\+-)?(\d+(?:\.\d+)?)ppm(?:/°?c|/k)?$", re.IGNORECASE)
_PLUS_MINUS = re.compile(r"^(?:±|\+/-|\+-)(.+)$")
_VALUE_SPREAD = re.compile(r"^(\d+(?:\.\d+)?)(?:±|\+/-|\+-)\d+(?:\.\d+)?([a-zA-ZΩµμ]+)$")
_CONNECTOR_SERIES = re.compile(r"^(?:PH|XH|ZH|SH|GH|EH|VH|HY|KF|PHB|XHB|DF13|MX)\d\.\d{1,2}$")
_FRACTION_POWER = re.compile(r"^(\d+)/(\d+)\s*w(?:atts?)?$", re.IGNORECASE)
_FRACTION = re.compile(r"^(\d{1,2})/([1-9]\d{0,2})$")
_DIMENSION = re.compile(
    r"^\d+(?:\.\d+)?(?:[x×*]\d+(?:\.\d+)?)*(?:mm|cm|mil|mils|in|inch|m|um|µm|μm)$"
    r"|^\d{1,3}(?:\.\d+)?[x×*]\d{1,3}(?:\.\d+)?(?:[x×*]\d{1,3}(?:\.\d+)?)?(?:p|pin|pins)?$"
    r"|^\d{1,3}-?(?:pin|pins|pos|position|positions|way|ways)$"
    r"|^\d+(?:\.\d+)?(?:°c|c|deg)$",
    re.IGNORECASE,
)
_DESIGNATOR = re.compile(
    r"^(SW|TP|FB|LED|IC|CN|BT|RV|VR|JP|RN|DS|VD|VT|CR|ZD|R|C|L|D|U|Q|J|P|F|Y|X|K|T|S|M)"
    r"(\d{1,3})(?:[-~](?:[A-Z]{1,3})?\d{1,3})?$"
)
_DESIGNATOR_HINTS = {
    "R": "resistor",
    "RN": "resistor",
    "RV": "resistor",
    "VR": "resistor",
    "C": "capacitor",
    "L": "inductor",
    "FB": "ferrite_bead",
    "D": "diode",
    "ZD": "diode",
    "VD": "diode",
    "CR": "diode",
    "LED": "led",
    "DS": "led",
    "Y": "crystal",
    "X": "crystal",
    "Q": "transistor",
    "VT": "transistor",
    "U": "ic",
    "IC": "ic",
    "J": "connector",
    "P": "connector",
    "CN": "connector",
    "JP": "connector",
    "F": "fuse",
}
_PART_NUMBER = re.compile(r"^[A-Z0-9][A-Z0-9\-./#+()]*$")
_NOT_PART = re.compile(
    r"^(?:REV|VER|V)\.?\d+(?:\.\d+)*$|^\d+(?:ST|ND|RD|TH|H|D|MIN|S|SEC|YRS?|PM|AM)$"
    r"|^\d+(?:\.\d+)?(?:KG|G|MG|LB|LBS|KM|M2|M3|CM2)$|^\d+(?:K|KPCS|PCS)\+?$|^\d+O$"
)
#: Longer "part numbers" are pasted junk: real ones, suffixes included, stay under this.
_LONGEST_PART_NUMBER = 30
_LCSC_OR_SHORTHAND = re.compile(r"^C\d{4,7}$")
_CATEGORY_AND_SIZE = re.compile(r"^([RCL])(0201|0402|0603|0805|1206|1210|1812|2010|2512)$")
_SIZE_CATEGORIES = {"R": "resistor", "C": "capacitor", "L": "inductor"}
# "103J", "472M", "104F", "1002F": a printed code with its tolerance letter ("104K" is read
# as 104k first). Four-digit codes are resistors', whose letters go down to B (0.1%).
_CODE_WITH_TOLERANCE = re.compile(r"^([1-9]\d{2})([FGJMfgjm])$|^([1-9]\d{3})([BDFGJbdfgj])$")
_TOLERANCE_LETTERS = {"B": 0.001, "D": 0.005, "F": 0.01, "G": 0.02, "J": 0.05, "M": 0.2}
_LETTER_AND_DIGIT = re.compile(r"(?=.*\d)(?=.*[A-Z])")
# Letters then at least three digits: how part numbers start, and no spec or package does
# ("X7R", "SOT", "LQFP48" have fewer digits or are matched before splitting).
_PART_NUMBER_START = re.compile(r"^[A-Za-z]{2,}\d{3}")
_R_CODE = re.compile(r"^\d*[Rr]\d+$")
_PIN_COUNT = re.compile(r"^\d{1,2}P(?:IN)?$", re.IGNORECASE)
_ARRAY = re.compile(r"^[2-9][x×*](\d+(?:\.\d+)?[kKMR]\d*|\d+[kKMR]?(?:ohms?|Ω))$", re.IGNORECASE)
_MULTIPLIED = re.compile(r"^(.+?)[*×](\d+(?:[.,]\d+)*[kKwW]?)$")

_WORD_TOKENS: dict[str, Token] = {}


def _word(kind: int, text: str = "", number: float = 0.0) -> Token:
    return (kind, number, text, "")


def _build_words() -> None:
    for word, category in vocabulary.CATEGORY_WORDS.items():
        _WORD_TOKENS[word] = _word(CAT, category)
    for word, multiplier in vocabulary.QUANTITY_WORDS.items():
        _WORD_TOKENS[word] = _word(QTYMARK, number=multiplier)
    for word in vocabulary.REEL_WORDS:
        _WORD_TOKENS[word] = _word(REELMARK)
    for word in vocabulary.QUANTITY_PREFIXES:
        _WORD_TOKENS[word] = _word(QTYPREFIX)
    for word in vocabulary.EACH_WORDS:
        _WORD_TOKENS[word] = _word(EACH)
    for word, count in vocabulary.NUMBER_WORDS.items():
        _WORD_TOKENS[word] = _word(NUMWORD, number=count)
    for word in vocabulary.SKIP_NEXT_WORDS:
        _WORD_TOKENS[word] = _word(SKIPNEXT)
    for word in vocabulary.PIN_WORDS:
        _WORD_TOKENS[word] = _word(PINS)
    for word in vocabulary.CODE_WORDS:
        _WORD_TOKENS[word] = _word(CODEMARK)
    for word in vocabulary.METRIC_WORDS:
        _WORD_TOKENS[word] = _word(METRIC)
    for word in vocabulary.COLOUR_WORDS | chinese.COLOUR_WORDS:
        _WORD_TOKENS[word] = _word(COLOUR, word)
    for word, category in chinese.CATEGORY_WORDS.items():
        _WORD_TOKENS[word] = _word(CAT, category)
    for word in chinese.PIECE_WORDS:
        _WORD_TOKENS[word] = _word(QTYMARK, number=1)
    for word in chinese.REEL_WORDS:
        _WORD_TOKENS[word] = _word(REELMARK)
    for word in chinese.EACH_WORDS:
        _WORD_TOKENS[word] = _word(EACH)
    for word in chinese.CODE_WORDS:
        _WORD_TOKENS[word] = _word(CODEMARK)
    for word in chinese.QUANTITY_WORDS:
        _WORD_TOKENS[word] = _word(QTYPREFIX)
    for word in vocabulary.SEPARATOR_WORDS:
        _WORD_TOKENS[word] = _word(SEP, word)
    for word in vocabulary.NOISE_WORDS | chinese.NOISE_WORDS:
        _WORD_TOKENS[word] = _word(NOISE)


_build_words()

_SKIP_TOKEN: Token = (SKIP, 0.0, "", "")
_CACHE: dict[str, tuple[Token, ...]] = {}
_CACHE_LIMIT = 200_000
#: Spellings classified as NOISE, so a line can be checked for them in one set operation.
_NOISY: set[str] = set()


def scan(line: str) -> tuple[list[Token], bool]:
    """The classified tokens of one line, and whether it holds noise to remove first."""
    tokens: list[Token] = []
    cache = _CACHE
    raws = TOKEN_PATTERN.findall(line)
    for raw in raws:
        found = cache.get(raw)
        if found is None:
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            found = cache[raw] = classify(raw)
            if found[0][0] == NOISE:
                _NOISY.add(raw)
        tokens.extend(found)
    return tokens, not _NOISY.isdisjoint(raws)


def tokenise(line: str) -> list[Token]:
    """The classified tokens of one line (noise and all)."""
    return scan(line)[0]


def classify(raw: str) -> tuple[Token, ...]:
    """What one spelling is. Most spellings are one token; "10uF/25V" is two."""
    if raw in _SEPARATORS:
        return ((SEP, 0.0, raw, raw),)
    if raw in _NOISE_SIGNS or _NOISE_SHAPES.match(raw):
        return ((NOISE, 0.0, "", raw),)
    token = raw.strip(_STRIP) if raw[0] not in "±+" else raw.rstrip(_STRIP)
    if not token:
        return (_SKIP_TOKEN,)
    lower = token.lower()
    word = _WORD_TOKENS.get(lower) or _WORD_TOKENS.get(token)
    if word is not None:
        return ((word[0], word[1], word[2], token),)
    if lower in vocabulary.UNIT_WORDS or token in vocabulary.UNIT_WORDS:
        return ((UNIT, 0.0, token, token),)
    sized = _CATEGORY_AND_SIZE.match(token)
    if sized:
        category = _SIZE_CATEGORIES[sized.group(1)]
        return ((CAT, 0.0, category, token), (CHIP, float(sized.group(2)), sized.group(2), token))
    coded = _CODE_WITH_TOLERANCE.match(token)
    if coded:
        code, letter = coded.group(1, 2) if coded.group(1) else coded.group(3, 4)
        tolerance = _TOLERANCE_LETTERS[letter.upper()]
        return ((CODEMARK, 0.0, code, token), (TOL, tolerance, "", token))
    if "_" in token:
        # BOM values like "100nF_0402_16V"; footprints ("R_0603_1608Metric") fall through.
        specs = _split_specs(token, "_")
        if specs is not None:
            return specs
    single = _classify_one(token, lower)
    if single is not None:
        return (single,)
    for separator in ("/", "-"):
        if separator in token:
            split = _split_specs(token, separator)
            if split is not None:
                return split
    arrayed = _ARRAY.match(token)
    if arrayed:
        # "4x10k": a resistor network of four 10k resistors; the value is what is bought.
        inner = classify(arrayed.group(1))
        if inner[0][0] in (VALUE, KNUM):
            return inner
    multiplied = _MULTIPLIED.match(token)
    if multiplied:
        left = classify(multiplied.group(1))
        count = parse_count(multiplied.group(2))
        if count is not None and left[0][0] == MPN:
            return (*left, (QTY, float(count), "", ""))
    part = _part_number(token)
    if part is not None:
        if part[0] == MPN and raw.endswith("+") and not raw.endswith("++"):
            # "MAX3232ESE+": Maxim and Analog mark lead-free parts with a trailing plus.
            return ((MPN, 0.0, part[2] + "+", raw),)
        return (part,)
    if token.isalpha():
        return (_fuzzy(lower),)
    return (_SKIP_TOKEN,)


def _classify_one(token: str, lower: str) -> Token | None:
    """A token that is one thing by its shape alone, or None to look further."""
    designator = _DESIGNATOR.match(token)
    if designator:
        prefix, digits = designator.groups()
        value = parse_value(token) if prefix == "R" and digits[0] == "0" else None
        if value is not None:
            # "R010", "R047": no board numbers its resistors from zero.
            return (VALUE, value[0], "ohmR", token)
        if prefix != "X" or len(digits) <= 2:
            return _designator(token, prefix, digits)
    if _LCSC_OR_SHORTHAND.match(token):
        # "C1525" is an LCSC stock code next to a value, "C1815" a 2SC1815 on its own.
        return (DESIG, 1.0, "", token)
    first = token[0]
    if first.isdigit():
        number = _number(token)
        if number is not None:
            return number
        found = _quantity(token) or _measured(token, lower)
        if found is not None:
            return found
        fraction = _FRACTION.match(token)
        if fraction:
            numerator, denominator = (int(part) for part in fraction.groups())
            return (FRAC, round_sig(numerator / denominator), token, token)
        found = _package(token)
        if found is None and _DIMENSION.match(token):
            return _SKIP_TOKEN
        return found
    if first in "xX×*":
        times = _QTY_TIMES.match(token)
        if times:
            count = parse_count(times.group(1))
            if count is not None:
                return (QTY, float(count), "", token)
    if first in "±+" or (len(token) <= 5 and first in "RrpnuµμPN"):
        # Values only start with a letter as RKM codes: "R47", "u1", "n47".
        measured = _measured(token, lower)
        if measured is not None:
            return measured
    dielectric = vocabulary.DIELECTRICS.get(token.upper())
    if dielectric is not None:
        return (DIEL, 0.0, dielectric, token)
    return _package(token)


def _designator(token: str, prefix: str, digits: str) -> Token:
    """ "R1", "C12", "U2", "R1-R8". Flags in the number: 1 when it may instead be a part
    number ("C945", "D882"), 2 when it may instead be a resistor value ("R47", "R10")."""
    flags = 0.0
    if len(prefix) == 1 and prefix != "R" and len(digits) == 3 and len(token) == 4:
        flags += 1
    elif prefix == "M" and len(token) == 2:
        flags += 1  # the M1-M7 rectifiers (SMD 1N4001-1N4007): "M7 SMA 5000"
    if prefix == "R" and len(token) == len(digits) + 1 and len(digits) >= 2:
        flags += 2
    return (DESIG, flags, _DESIGNATOR_HINTS.get(prefix, ""), token)


def _number(token: str) -> Token | None:
    """Digits alone, or with a k/M/w multiplier."""
    if token.isdigit():
        if len(token) >= 7:
            return _SKIP_TOKEN
        if len(token) in (4, 5) and (
            chip_size(token) is not None or token in CRYSTAL_SIZES or token in LED_SIZES
        ):
            return (CHIP, float(token), token, token)
        return (NUM, float(token), token, token)
    if _THOUSANDS.match(token):
        return (NUM, float(token.replace(",", "")), token, token)
    if _DECIMAL.match(token):
        return (NUM, round_sig(float(token.replace(",", "."))), token, token)
    scaled = _SCALED.match(token)
    if scaled and scaled.group(2) == "M" and scaled.group(1) in METRIC_TO_IMPERIAL:
        # "1005M", "1608M": a metric chip size, never a resistor of a gigaohm.
        return (PKG, 0.0, METRIC_TO_IMPERIAL[scaled.group(1)], token)
    if scaled:
        mantissa = float(scaled.group(1).replace(",", "."))
        factor = 1e6 if scaled.group(2) == "M" else 1e3
        return (KNUM, round_sig(mantissa * factor), token, token)
    w_count = _W_COUNT.match(token)
    if w_count:
        return (WNUM, round_sig(float(w_count.group(1)) * 10000), w_count.group(1), token)
    if token.endswith("+") and token[:-1].isdigit():
        return _SKIP_TOKEN
    return None


def _quantity(token: str) -> Token | None:
    """Counts that carry their own unit: "500pcs", "2kpcs", "3reels", "200x"."""
    suffix = _QTY_SUFFIX.match(token)
    if suffix:
        count = parse_count(suffix.group(1) + suffix.group(2))
        if count is not None:
            return (QTY, float(count), "", token)
    times = _QTY_TIMES.match(token)
    if times and times.group(2):
        count = parse_count(times.group(2))
        if count is not None:
            return (QTY, float(count), "", token)
    reels = _REEL_SUFFIX.match(token)
    if reels:
        return (REELS, float(reels.group(1)), "", token)
    return None


def _measured(token: str, lower: str) -> Token | None:
    """Values with units, tolerances, ppm, voltages, powers and currents."""
    tolerance = _TOLERANCE.match(token)
    if tolerance:
        fraction = round_sig(float(tolerance.group(1).replace(",", ".")) / 100)
        return (TOL, fraction, "", token) if fraction <= 0.2 else _SKIP_TOKEN
    ppm = _PPM.match(token)
    if ppm:
        return (PPM, float(ppm.group(1)), "", token)
    fraction_power = _FRACTION_POWER.match(token)
    if fraction_power:
        numerator, denominator = (int(part) for part in fraction_power.groups())
        if denominator:
            return (POWER, round_sig(numerator / denominator), "", token)
    spread = _VALUE_SPREAD.match(token)
    if spread:
        # "6.2+/-0.3NH": the unit after the spread is the value's unit.
        return _measured(spread.group(1) + spread.group(2), lower)
    plus_minus = _PLUS_MINUS.match(token)
    if plus_minus:
        # "±0.25pF", "±0.1mm": an absolute tolerance is not a tolerance.
        return _SKIP_TOKEN
    value = parse_value(token)
    if value is None:
        return None
    number, unit = value
    if unit is None:
        return _unitless_value(token, number)
    if unit == "V":
        return (VOLT, number, "", token)
    if unit == "W":
        return (POWER, number, "", token)
    if unit == "A":
        return (CURRENT, number, "", token)
    if unit == "ohm" and _R_CODE.match(token):
        return (VALUE, number, "ohmR", token)
    return (VALUE, number, unit, token)


def _unitless_value(token: str, number: float) -> Token | None:
    """ "4k7" is a resistor value; "100n", "4u7", "22p" are capacitor values by default."""
    letters = [char for char in token if char.isalpha()]
    if not letters:
        return None
    letter = letters[0]
    if letter in "kKM" or (letter == "m" and not token.endswith("m")):
        return (VALUE, number, "ohm?", token)
    if letter in "pPnNuUµμ":
        return (VALUE, number, "cap?", token)
    return _SKIP_TOKEN


def _package(token: str) -> Token | None:
    upper = token.upper()
    if upper[0].isdigit() and upper[-1] in "MC" and upper[:-1].isdigit():
        metric = normalise_package(upper)
        return (PKG, 0.0, metric, token) if metric else None
    if upper.startswith("SMD") and upper[3:].lstrip("-").isdigit():
        digits = upper[3:].lstrip("-")
        return (CHIP, float(digits), digits, token) if len(digits) == 4 else None
    package = normalise_package(upper)
    if package is None:
        return None
    if package.isdigit():
        return (CHIP, float(package), package, token)
    return (PKG, 0.0, package, token)


def _split_specs(token: str, separator: str) -> tuple[Token, ...] | None:
    """ "100nF/50V/X7R" as three specs; None when a part is not a spec ("MCP2515-I/SO")."""
    parts = [part for part in token.split(separator) if part]
    if len(parts) < 2:
        return None
    if separator != "/" and _PART_NUMBER_START.match(parts[0]):
        return None  # "AMS1117-3.3", "ESP32-C3-MINI-1": a part number with dashes
    found: list[Token] = []
    part_numbers = codes = 0
    for index, part in enumerate(parts):
        if separator != "/" and _PIN_COUNT.match(part):
            continue  # "3225-4P": four pads, not 4 pF
        classified = _CACHE.get(part)
        if classified is None:
            classified = _CACHE[part] = classify(part)
        if separator != "/" and classified[0][0] == MPN:
            return None
        for item in classified:
            if item[0] == UNIT and index == 0:
                continue  # "100 nF/0402": the unit of the number before it
            if item[0] == MPN and separator == "/":
                part_numbers += 1
            elif item[0] == NUM and separator == "/" and len(item[2]) in (3, 4):
                codes += 1  # "0603/104/50V": a printed code among specs
            elif item[0] not in SPEC_KINDS:
                return None
        found.extend(classified)
    if part_numbers > 1 or part_numbers == len(found) or codes * 2 >= len(found):
        return None
    return tuple(found)


def _part_number(token: str) -> Token | None:
    upper = token.upper()
    if _CONNECTOR_SERIES.match(upper):
        return (CAT, 0.0, "connector", token)
    if len(upper) < 3 or upper in vocabulary.NOT_PART_NUMBERS:
        return None
    if not _PART_NUMBER.match(upper) or _NOT_PART.match(upper):
        return None
    if not _LETTER_AND_DIGIT.match(upper):
        return None
    if len(upper) > _LONGEST_PART_NUMBER or _case_changes(token) >= 3:
        return (GARBAGE, 0.0, "", token)
    return (MPN, 0.0, upper.rstrip(".,-/"), token)


def _case_changes(token: str) -> int:
    """How often letters switch between upper and lower case: "ATmega328P" twice, base64
    and keyboard mashing far more often."""
    if token.isupper() or token.islower():
        return 0
    changes = 0
    previous: bool | None = None
    for char in token:
        if char.isalpha():
            upper = char.isupper()
            if previous is not None and upper != previous:
                changes += 1
            previous = upper
    return changes


def _fuzzy(lower: str) -> Token:
    meaning = vocabulary.fuzzy_word(lower)
    if meaning is None:
        return _SKIP_TOKEN
    if meaning.startswith("cat:"):
        return _word(CAT, meaning[4:])
    if meaning == "qty":
        return _word(QTYMARK, number=1)
    if meaning == "reel":
        return _word(REELMARK)
    return _word(QTYPREFIX)

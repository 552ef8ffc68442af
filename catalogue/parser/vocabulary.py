"""The English words buyers use around part requests, and what each one tells the parser.

Words are looked up in lower case. Category words include the usual misspellings a
buyer types in a hurry; anything five letters or longer is also matched with one typo
(two for long words) by `fuzzy_word`, so "resitor" and "capacitr" still count.
"""

from __future__ import annotations

from functools import lru_cache

#: Word -> category. Plurals are listed: exact lookups are the fast path.
CATEGORY_WORDS: dict[str, str] = {
    **dict.fromkeys(
        (
            "resistor",
            "resistors",
            "resister",
            "resisters",
            "res",
            "resistance",
            "resistences",
            "chip-resistor",
            "smd-resistor",
            "widerstand",
            "widerstände",
        ),
        "resistor",
    ),
    **dict.fromkeys(
        (
            "capacitor",
            "capacitors",
            "cap",
            "caps",
            "capacitance",
            "capacitator",
            "mlcc",
            "mlccs",
            "ceramic",
            "condenser",
            "condensers",
            "electrolytic",
            "tantalum",
            "e-cap",
            "kondensator",
            "kondensatoren",
            "elko",
        ),
        "capacitor",
    ),
    **dict.fromkeys(
        (
            "inductor",
            "inductors",
            "inductance",
            "choke",
            "chokes",
            "coil",
            "coils",
            "spule",
            "induktivität",
        ),
        "inductor",
    ),
    **dict.fromkeys(
        ("ferrite", "ferrites", "bead", "beads", "ferrite-bead", "ferrite-beads", "fb"),
        "ferrite_bead",
    ),
    **dict.fromkeys(
        (
            "diode",
            "diodes",
            "schottky",
            "schottkey",
            "shottky",
            "zener",
            "zeners",
            "rectifier",
            "rectifiers",
            "tvs",
            "esd",
        ),
        "diode",
    ),
    **dict.fromkeys(("led", "leds"), "led"),
    **dict.fromkeys(
        (
            "crystal",
            "crystals",
            "xtal",
            "xtals",
            "cristal",
            "oscillator",
            "oscillators",
            "resonator",
            "resonators",
            "tcxo",
            "xo",
        ),
        "crystal",
    ),
    **dict.fromkeys(
        (
            "transistor",
            "transistors",
            "mosfet",
            "mosfets",
            "mos",
            "npn",
            "pnp",
            "bjt",
            "bjts",
            "fet",
            "fets",
            "igbt",
            "n-channel",
            "p-channel",
            "n-mos",
            "p-mos",
            "nmos",
            "pmos",
            "n-ch",
            "p-ch",
            "n-mosfet",
            "p-mosfet",
            "nmosfet",
            "pmosfet",
            "triode",
        ),
        "transistor",
    ),
    **dict.fromkeys(
        (
            "ic",
            "ics",
            "mcu",
            "mcus",
            "microcontroller",
            "microcontrollers",
            "opamp",
            "opamps",
            "op-amp",
            "op-amps",
            "ldo",
            "ldos",
            "regulator",
            "regulators",
            "eeprom",
            "comparator",
            "comparators",
            "op",
            "optocoupler",
            "optocouplers",
            "opto",
            "adc",
            "dac",
        ),
        "ic",
    ),
    **dict.fromkeys(
        (
            "connector",
            "connectors",
            "conector",
            "conn",
            "rcpt",
            "receptacle",
            "receptacles",
            "header",
            "headers",
            "pinheader",
            "pin-header",
            "socket",
            "sockets",
            "terminal",
            "terminals",
            "jst",
            "usb",
            "usb-c",
            "type-c",
            "jack",
            "jacks",
            "plug",
            "plugs",
            "female",
            "male",
            "bnc",
            "ipex",
            "u.fl",
            "ufl",
            "mcx",
            "mmcx",
            "rj45",
            "rj11",
            "rj12",
            "8p8c",
            "idc",
            "fpc",
            "ffc",
            "dupont",
            "hdmi",
            "xt30",
            "xt60",
            "xt90",
            "pogo",
        ),
        "connector",
    ),
    **dict.fromkeys(
        ("fuse", "fuses", "polyfuse", "polyfuses", "pptc", "resettable", "polyswitch"), "fuse"
    ),
}

#: Words after a number that make it a quantity of pieces, with their multiplier.
QUANTITY_WORDS: dict[str, int] = {
    **dict.fromkeys(
        (
            "pcs",
            "pc",
            "pce",
            "pces",
            "pcz",
            "psc",
            "pcss",
            "pic",
            "pics",
            "pieces",
            "piece",
            "peices",
            "peice",
            "peaces",
            "units",
            "unit",
            "nos",
            "no's",
            "pc's",
            "pcs's",
            "ea",
            "off",
            "stück",
            "stueck",
            "stk",
        ),
        1,
    ),
    **dict.fromkeys(("kpcs", "kpc", "kpieces", "kunits"), 1000),
}

#: Words that make the number next to them a count of reels.
REEL_WORDS = frozenset(
    {"reel", "reels", "reel(s)", "roll", "rolls", "spool", "spools", "rolle", "rollen"}
)

#: Words before a number that make it a quantity ("qty 300", "x 200", "* 5").
QUANTITY_PREFIXES = frozenset({"qty", "x", "×", "*", "quantity", "quantities"})

#: Words that share the quantity next to them across every item ("100 pcs each").
EACH_WORDS = frozenset({"each", "every", "all", "per", "apiece"})

#: Numbers written as words, used for reels ("a reel", "two reels").
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "full": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

#: Words after a number that make it a count of pins or positions ("4 pin", "2 way").
PIN_WORDS = frozenset(
    {"pin", "pins", "pos", "position", "positions", "way", "ways", "contacts", "circuits"}
)

#: Words whose next token is never a quantity or part ("MOQ 100", "PO 4711").
SKIP_NEXT_WORDS = frozenset({"moq", "spq", "mpq", "skype"})

#: Words between two items of one line ("LM358 and NE555").
SEPARATOR_WORDS = frozenset({"and", "or", "plus", "also"})

#: Words that come with prices, phone and order numbers, dates and lead times.
NOISE_WORDS = frozenset(
    {
        "http",
        "https",
        "www",
        "tel",
        "phone",
        "mobile",
        "cell",
        "whatsapp",
        "wechat",
        "wx",
        "vx",
        "call",
        "order",
        "po",
        "p.o",
        "invoice",
        "inv",
        "ref",
        "rfq",
        "ticket",
        "usd",
        "rmb",
        "cny",
        "eur",
        "euro",
        "euros",
        "dollar",
        "dollars",
        "cent",
        "cents",
        "price",
        "prices",
        "budget",
        "cost",
        "d/c",
        "dc",
        "date",
        "lot",
        "week",
        "weeks",
        "wk",
        "wks",
        "day",
        "days",
        "month",
        "months",
        "hour",
        "hours",
        "hr",
        "hrs",
        "tracking",
        "waybill",
        "awb",
    }
)

#: Words marking a printed code ("code 103", "marking 472").
CODE_WORDS = frozenset({"code", "marking", "marked", "smd-code"})

#: LED colours.
COLOUR_WORDS = frozenset(
    {
        "red",
        "green",
        "blue",
        "white",
        "yellow",
        "orange",
        "amber",
        "pink",
        "purple",
        "violet",
        "uv",
        "ir",
        "infrared",
        "rgb",
        "warm-white",
        "cool-white",
        "cold-white",
        "yellow-green",
    }
)

#: Words that mark a chip size as metric ("1608 metric").
METRIC_WORDS = frozenset({"metric", "(metric)"})

#: Unit words that follow a number after a space ("100 nF", "16 V", "20 ppm").
UNIT_WORDS = frozenset(
    {
        "k",
        "K",
        "M",
        "R",
        "r",
        "m",
        "%",
        "percent",
        "pct",
        "ppm",
        "ohm",
        "ohms",
        "Ω",
        "kΩ",
        "MΩ",
        "kohm",
        "kohms",
        "Kohm",
        "Kohms",
        "Mohm",
        "Mohms",
        "mohm",
        "f",
        "F",
        "pF",
        "pf",
        "PF",
        "nF",
        "nf",
        "NF",
        "uF",
        "uf",
        "UF",
        "µF",
        "μF",
        "mF",
        "H",
        "uH",
        "uh",
        "UH",
        "µH",
        "μH",
        "nH",
        "nh",
        "NH",
        "mH",
        "mh",
        "MH",
        "Hz",
        "hz",
        "HZ",
        "kHz",
        "khz",
        "KHz",
        "KHZ",
        "MHz",
        "Mhz",
        "mhz",
        "MHZ",
        "V",
        "v",
        "VDC",
        "Vdc",
        "vdc",
        "kV",
        "KV",
        "W",
        "w",
        "watt",
        "watts",
        "volt",
        "volts",
        "amp",
        "amps",
        "mW",
        "A",
        "mA",
        "ma",
        "MA",
        "uA",
    }
)

#: Dielectric codes as written -> the catalogue's spelling.
DIELECTRICS: dict[str, str] = {
    "NP0": "C0G",
    "NPO": "C0G",
    "COG": "C0G",
    "C0G": "C0G",
    **{
        code: code
        for code in (
            "X7R",
            "X5R",
            "X7S",
            "X6S",
            "X8R",
            "X7T",
            "X6T",
            "X5S",
            "X8L",
            "X8G",
            "Y5V",
            "Y5U",
            "Y5P",
            "Y5R",
            "Z5U",
            "U2J",
            "X7U",
        )
    },
}

#: Tokens shaped like part numbers that are not parts.
NOT_PART_NUMBERS = frozenset(
    {
        "I2C",
        "I2S",
        "USB2",
        "USB2.0",
        "USB3",
        "USB3.0",
        "USB3.1",
        "MP3",
        "MP4",
        "2G",
        "3G",
        "4G",
        "5G",
        "2.4G",
        "3D",
        "2D",
        "BT5",
        "BT5.0",
        "RS485",
        "RS232",
        "RS-485",
        "RS-232",
        "WIFI6",
        "TYPE-C",
        "24H",
        "48H",
        "72H",
        "H2O",
        "CO2",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        "M2",
        "M3",
        "M4",
        "M5",
        "M2.5",
        "A4",
        "P2P",
        "B2B",
        "COVID19",
        "COVID-19",
        "10BASE-T",
        "100BASE-T",
        "4K",
        "8K",
        "1080P",
        "720P",
        "3V3",
        "5V0",
        "BASE64",
        "UTF8",
        "UTF-8",
        "MD5",
        "SHA1",
        "SHA256",
        "X86",
        "X64",
        "IPV4",
        "IPV6",
        "1V8",
        "2V5",
    }
)

#: Real words a typo away from a category word: "indicator" is not "inductor".
NOT_MISSPELT = frozenset(
    {
        "indicator",
        "indicators",
        "conductor",
        "conductors",
        "connection",
        "connections",
        "connecting",
        "collector",
        "reflector",
        "selector",
        "protector",
        "director",
        "resistant",
        "sensor",
        "sensors",
    }
)

#: Every word whose meaning is exact: misspellings are matched against these.
_FUZZY_TARGETS: dict[str, str] = {
    word: f"cat:{category}"
    for word, category in CATEGORY_WORDS.items()
    if len(word) >= 5 and word.isalpha()
}
_FUZZY_TARGETS.update(
    {word: "qty" for word in ("pieces", "piece", "units")}
    | {word: "reel" for word in ("reels",)}
    | {"quantity": "prefix"}
)


@lru_cache(maxsize=4096)
def fuzzy_word(word: str) -> str | None:
    """What a misspelt word means ("cat:resistor", "qty", "reel", "prefix"), or None.

    One edit for words of five to seven letters, two for longer ones; shorter words are
    too easily another word.
    """
    size = len(word)
    if size < 5 or not word.isalpha() or word in NOT_MISSPELT:
        return None
    budget = 1 if size < 8 else 2
    best: str | None = None
    best_distance = budget + 1
    for target, meaning in _FUZZY_TARGETS.items():
        if abs(len(target) - size) > budget or (target[0] != word[0] and target[1] != word[1]):
            continue
        distance = _edit_distance(word, target, budget)
        if distance < best_distance:
            best, best_distance = meaning, distance
    return best


def _edit_distance(a: str, b: str, budget: int) -> int:
    """Optimal-string-alignment distance (a swap of neighbours is one typo), capped at budget+1."""
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if min(current) > budget:
            return budget + 1
        previous_previous, previous = previous, current
    return previous[-1]

"""JLCPCB/LCSC's (category, subcategory) pairs onto the catalogue's categories.

JLC keeps several generations of its category tree side by side ("Transistors |
MOSFETs", "Transistors/Thyristors | MOSFETs", "Triode/MOS Tube/Transistor | MOSFETs"),
so the subcategory decides first, by keyword, and the category is the fallback. The
rules are ordered: the specific ("LED Drivers" is an IC, "LED Protection" a diode,
"Phototransistors" not a transistor) before the general.

Catch-all subcategories ("Pre-ordered RLCs", "Global Sourcing Parts", "Others") hold
any kind of part; their rows' descriptions end with the real subcategory
("... 0402 Chip Resistor - Surface Mount ROHS"), which is used instead.
"""

from __future__ import annotations

import re

from catalogue.categories import PASSIVES, Category

_RULES: tuple[tuple[re.Pattern[str], Category], ...] = tuple(
    (re.compile(pattern), category)
    for pattern, category in (
        (r"ferrite bead", Category.FERRITE_BEAD),
        (
            r"driver|controller|digital potentiomet|switched capacitor|active filter|"
            r"analog switch|distribution switch|hall switch|signal switch|rf switch|"
            r"ethernet switch|transistor array|intelligent power module|timer|real[- ]?time|"
            r"\brtc\b|clock (?:buffer|generator)|optocoupler|optoisolator|photocoupler",
            Category.IC,
        ),
        (r"led protection|\btvs\b|\besd\b", Category.DIODE),
        (r"^crystals?$|crystal resonator", Category.CRYSTAL),
        (
            r"phototransistor|photodiode|laser diode|photointerrupter|optical interrupter|"
            r"photoresistor|display(?!port)|screen|segment|dot matrix|relay|thyristor surge|"
            r"\(tss\)|discharge tube|surge|varistor|thermistor|holder|potentiomet|"
            r"variable resistor|trimmer|variable capacitor|transformer",
            Category.OTHER,
        ),
        (r"socket", Category.CONNECTOR),
        (
            r"thyristors? \(scr\)|igbt|mosfet|\bbjt\b|bipolar|transistor|jfet|triac|gan hemt",
            Category.TRANSISTOR,
        ),
        (
            r"light emitting diode|\bleds?\b|led emitter|led indication|\(cob\)|uvled",
            Category.LED,
        ),
        (
            r"zener|schottky|rectifier|diode|\bsbr\b|avalanche|\bdiacs?\b|super barrier",
            Category.DIODE,
        ),
        (r"fuses?\b|thermal cutoff|\(tco\)", Category.FUSE),
        (r"resist", Category.RESISTOR),
        (r"capacitor", Category.CAPACITOR),
        (r"inductor", Category.INDUCTOR),
        (
            r"connector|header|terminal(?!.*wire)|housing|shunt|pogo pin",
            Category.CONNECTOR,
        ),
        (
            r"module|antenna|balun|coupler|attenuator|diplexer|duplexer|power splitter|cable|"
            r"wire\b(?! to)|cord|filter|common mode|choke|oscillator|resonator|\bvcos?\b|"
            r"thermostat|buzzer|speaker|microphone|motor\b|switch|encoder|keyboard|"
            r"heat ?sink|\bfans?\b|bearing|kits?\b|wireless charging",
            Category.OTHER,
        ),
    )
)

# Categories whose subcategories mislead ("Hardware Fasteners | TapeMagneticBeads").
_CATEGORY_OVERRIDES: tuple[tuple[re.Pattern[str], Category], ...] = (
    (
        re.compile(r"^(?:hardware|consumables|solders|electronic tools|instrumentation)"),
        Category.OTHER,
    ),
    (re.compile(r"^driver ics$"), Category.IC),
)

_CATEGORY_DEFAULTS: tuple[tuple[re.Pattern[str], Category], ...] = tuple(
    (re.compile(pattern), category)
    for pattern, category in (
        (r"^resistors$", Category.RESISTOR),
        (r"^capacitors$", Category.CAPACITOR),
        (r"^inductors", Category.INDUCTOR),
        (r"^diodes$", Category.DIODE),
        (r"^fuses$", Category.FUSE),
        (
            r"^(?:transistors|triode|silicon carbide|gallium nitride)",
            Category.TRANSISTOR,
        ),
        (r"^(?:connectors|terminal)$", Category.CONNECTOR),
        (
            r"^(?:amplifiers|operational amplifier|analog ics|adc/dac|data (?:converters|"
            r"acquisition)|clock|rtc|communication interface|interface|embedded|single chip|"
            r"logic|memory|motor driver|power management|power supply chip|led drivers|"
            r"nixie tube driver|display modules / led drivers|magnetic sensors|sensors|"
            r"optocoupler$|optoisolators|optocouplers/photocouplers|isolators|"
            r"signal isolation|radio frequency chip|rf )",
            Category.IC,
        ),
    )
)

_CATCH_ALL = re.compile(
    r"pre-?ordered|global sourcing|^others?$|new arrivals|old batch|uncategori[sz]ed|"
    r"star making|presale"
)
_ROHS_TAIL = re.compile(r"\s+rohs$", re.IGNORECASE)


def jlc_category(category: str, subcategory: str) -> Category:
    """Our category for a JLC (category, subcategory) pair; OTHER when nothing fits."""
    group = category.strip().lower()
    for pattern, ours in _CATEGORY_OVERRIDES:
        if pattern.search(group):
            return ours
    kind = subcategory.strip().lower()
    catch_all = bool(_CATCH_ALL.search(kind))
    if not catch_all:
        for pattern, ours in _RULES:
            if pattern.search(kind):
                return ours
    if _CATCH_ALL.search(group):
        return Category.OTHER
    default = next(
        (ours for pattern, ours in _CATEGORY_DEFAULTS if pattern.search(group)), Category.OTHER
    )
    # "Pre-ordered RLCs" under Inductors holds resistors and capacitors too.
    return Category.OTHER if catch_all and default in PASSIVES else default


def is_catch_all(subcategory: str) -> bool:
    return bool(_CATCH_ALL.search(subcategory.strip().lower()))


def subcategory_from_description(description: str, package: str) -> str | None:
    """The subcategory an LCSC description ends with: the text after the package.

    "-55℃~+155℃ 10kΩ ... 0402 Chip Resistor - Surface Mount ROHS" with package "0402"
    gives "Chip Resistor - Surface Mount"; None when the package is not in the text.
    """
    text = _ROHS_TAIL.sub("", description.strip())
    package = package.strip()
    if not package or not text:
        return None
    if text.startswith(package + " "):
        tail = text[len(package) + 1 :]
    else:
        _, separator, tail = text.rpartition(f" {package} ")
        if not separator:
            return None
    return tail.strip() or None

"""Chip and addressable LEDs, written by hand: (part number, manufacturer, package, colour).

LITEON LTST-C19x are 0603 parts, LTST-C17x 0805 and LTST-C150 1206; Kingbright APT1608
are 0603 and APT2012 0805; KENTO KT-0603x/KT-0805x are 0603/0805 with the colour as the
last letter. LED body sizes such as 5050 stay as written.
"""

from __future__ import annotations

Row = tuple[str, str, str, str]

LEDS: tuple[Row, ...] = (
    ("LTST-C191KRKT", "LITEON", "0603", "red"),
    ("LTST-C191KGKT", "LITEON", "0603", "green"),
    ("LTST-C191KSKT", "LITEON", "0603", "yellow"),
    ("LTST-C191KFKT", "LITEON", "0603", "orange"),
    ("LTST-C191TBKT", "LITEON", "0603", "blue"),
    ("LTST-C170KRKT", "LITEON", "0805", "red"),
    ("LTST-C170KGKT", "LITEON", "0805", "green"),
    ("LTST-C150GKT", "LITEON", "1206", "green"),
    ("APT1608EC", "KINGBRIGHT", "0603", "red"),
    ("APT1608SGC", "KINGBRIGHT", "0603", "green"),
    ("APT1608SYCK", "KINGBRIGHT", "0603", "yellow"),
    ("APT1608QBC/D", "KINGBRIGHT", "0603", "blue"),
    ("APT2012EC", "KINGBRIGHT", "0805", "red"),
    ("APT2012SGC", "KINGBRIGHT", "0805", "green"),
    ("KT-0603R", "KENTO", "0603", "red"),
    ("KT-0603G", "KENTO", "0603", "green"),
    ("KT-0603B", "KENTO", "0603", "blue"),
    ("KT-0603Y", "KENTO", "0603", "yellow"),
    ("KT-0603W", "KENTO", "0603", "white"),
    ("KT-0805R", "KENTO", "0805", "red"),
    ("KT-0805G", "KENTO", "0805", "green"),
    ("KT-0805B", "KENTO", "0805", "blue"),
    ("KT-0805Y", "KENTO", "0805", "yellow"),
    ("KT-0805W", "KENTO", "0805", "white"),
    ("WS2812B", "WORLDSEMI", "5050", "RGB addressable"),
)

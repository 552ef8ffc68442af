"""Quartz crystals, written by hand.

Row: (part number, manufacturer, package, frequency in Hz, frequency tolerance as a
fraction or None where not known exactly, load capacitance in pF or None). Package is the
body as the trade names it: "3225" for 3.2x2.5 mm, "HC-49S" for the low-profile HC-49/US
can (through-hole, and its SMD variant).
"""

from __future__ import annotations

Row = tuple[str, str, str | None, float, float | None, float | None]

CRYSTALS: tuple[Row, ...] = (
    ("X322512MSB4SI", "YXC", "3225", 12e6, 10e-6, 20),
    ("X322516MLB4SI", "YXC", "3225", 16e6, None, None),
    ("X322525MOB4SI", "YXC", "3225", 25e6, None, None),
    ("Q13FC13500004", "EPSON", "3215", 32768, 20e-6, 12.5),
    ("ABS07-32.768KHZ-T", "ABRACON", "3215", 32768, 20e-6, 12.5),
    ("ABS25-32.768KHZ-T", "ABRACON", None, 32768, 20e-6, 12.5),
    ("ABL-8.000MHZ-B2", "ABRACON", "HC-49S", 8e6, None, 18),
    ("ABL-12.000MHZ-B2", "ABRACON", "HC-49S", 12e6, None, 18),
    ("ABL-16.000MHZ-B2", "ABRACON", "HC-49S", 16e6, None, 18),
    ("ABLS-8.000MHZ-B4-T", "ABRACON", "HC-49S", 8e6, None, 18),
    ("ABLS-12.000MHZ-B4-T", "ABRACON", "HC-49S", 12e6, None, 18),
    ("ABLS-16.000MHZ-B4-T", "ABRACON", "HC-49S", 16e6, None, 18),
)

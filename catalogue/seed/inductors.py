"""Power inductors, written by hand.

Row: (part number, manufacturer, inductance in H, tolerance, summary). Power inductor
bodies (4.0x4.0 mm, 12x12 mm) are no chip size, so rows carry no package; the summary
gives the body. SUNLORD SWPA4030S100MT = SWPA series, 4030 body, S, 100 (10 µH), M (±20%),
T (tape).
"""

from __future__ import annotations

Row = tuple[str, str, float, float, str]

INDUCTORS: tuple[Row, ...] = (
    ("SWPA4030S2R2MT", "SUNLORD", 2.2e-6, 0.2, "4.0x4.0x3.0mm shielded power inductor"),
    ("SWPA4030S4R7MT", "SUNLORD", 4.7e-6, 0.2, "4.0x4.0x3.0mm shielded power inductor"),
    ("SWPA4030S100MT", "SUNLORD", 10e-6, 0.2, "4.0x4.0x3.0mm shielded power inductor"),
    ("SWPA4030S220MT", "SUNLORD", 22e-6, 0.2, "4.0x4.0x3.0mm shielded power inductor"),
    ("SWPA6045S100MT", "SUNLORD", 10e-6, 0.2, "6.0x6.0x4.5mm shielded power inductor"),
    ("SWPA6045S220MT", "SUNLORD", 22e-6, 0.2, "6.0x6.0x4.5mm shielded power inductor"),
    ("SRR1260-100M", "BOURNS", 10e-6, 0.2, "12x12x6mm shielded power inductor"),
    ("SRR1260-220M", "BOURNS", 22e-6, 0.2, "12x12x6mm shielded power inductor"),
    ("SRN6045TA-100M", "BOURNS", 10e-6, 0.2, "6.0x6.0x4.5mm semi-shielded power inductor"),
    ("CD54NP-100MC", "SUMIDA", 10e-6, 0.2, "5.8x5.2x4.5mm power inductor"),
)

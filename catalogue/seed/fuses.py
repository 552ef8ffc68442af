"""Fuses and resettable PTC fuses, written by hand.

Row: (part number, manufacturer, package, current, voltage, summary). Current is the
rated current of a fuse and the hold current of a PTC; voltage the maximum rating,
None where not known exactly.
"""

from __future__ import annotations

Row = tuple[str, str, str | None, float, float | None, str]

FUSES: tuple[Row, ...] = (
    ("0467.500NR", "LITTELFUSE", "0603", 0.5, 32, "very fast-acting chip fuse"),
    ("0467001.NR", "LITTELFUSE", "0603", 1.0, 32, "very fast-acting chip fuse"),
    ("0451001.MRL", "LITTELFUSE", None, 1.0, 125, "NANO2 very fast-acting fuse"),
    ("0451002.MRL", "LITTELFUSE", None, 2.0, 125, "NANO2 very fast-acting fuse"),
    ("1206L050YR", "LITTELFUSE", "1206", 0.5, None, "resettable PTC fuse"),
    ("MF-MSMF050-2", "BOURNS", "1812", 0.5, 15, "resettable PTC fuse"),
    ("MF-MSMF110-2", "BOURNS", "1812", 1.1, 6, "resettable PTC fuse"),
    ("MF-R050", "BOURNS", None, 0.5, 60, "radial resettable PTC fuse"),
)

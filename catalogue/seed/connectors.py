"""Connectors, written by hand: (part number, manufacturer, summary).

Connector bodies have no package name the catalogue normalises, so rows carry none; the
summary names the family, pitch and positions a buyer searches by.
"""

from __future__ import annotations

Row = tuple[str, str, str]

CONNECTORS: tuple[Row, ...] = (
    ("B2B-XH-A(LF)(SN)", "JST", "XH 2.5mm 2-pin vertical through-hole header"),
    ("B3B-XH-A(LF)(SN)", "JST", "XH 2.5mm 3-pin vertical through-hole header"),
    ("B4B-XH-A(LF)(SN)", "JST", "XH 2.5mm 4-pin vertical through-hole header"),
    ("XHP-2", "JST", "XH 2.5mm 2-position receptacle housing"),
    ("B2B-PH-K-S(LF)(SN)", "JST", "PH 2.0mm 2-pin vertical through-hole header"),
    ("S2B-PH-K-S(LF)(SN)", "JST", "PH 2.0mm 2-pin side-entry through-hole header"),
    ("PHR-2", "JST", "PH 2.0mm 2-position receptacle housing"),
    ("SM04B-SRSS-TB(LF)(SN)", "JST", "SH 1.0mm 4-pin side-entry SMD header"),
    ("SHR-04V-S-B", "JST", "SH 1.0mm 4-position receptacle housing"),
    ("22-23-2021", "MOLEX", "KK 254 2.54mm 2-pin vertical header"),
    ("53047-0210", "MOLEX", "PicoBlade 1.25mm 2-pin vertical header"),
    ("105017-0001", "MOLEX", "micro-USB B receptacle, SMD"),
    ("TYPE-C-31-M-12", "HRO", "USB Type-C 16-pin receptacle, SMD"),
    ("USB4105-GF-A", "GCT", "USB Type-C 2.0 receptacle, SMD"),
    ("DF13-2P-1.25DSA", "HRS", "DF13 1.25mm 2-pin vertical header"),
)

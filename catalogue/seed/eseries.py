"""IEC 60063 preferred-number series, as exact integer mantissas.

A value is held as (mantissa, exponent): three significant digits and a power of ten, so
4.99 kΩ is (499, 1) and 100 nF written in picofarads is (100, 3). Manufacturers' codes
are digit strings cut from the mantissa, so working in integers keeps every code exact
where floats would turn 4.99 into 4.9899999.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

#: E6, E12, E24 as three-digit mantissas (1.0 -> 100).
E6: tuple[int, ...] = (100, 150, 220, 330, 470, 680)
E12: tuple[int, ...] = (100, 120, 150, 180, 220, 270, 330, 390, 470, 560, 680, 820)
E24: tuple[int, ...] = (
    100, 110, 120, 130, 150, 160, 180, 200, 220, 240, 270, 300,
    330, 360, 390, 430, 470, 510, 560, 620, 680, 750, 820, 910,
)  # fmt: skip
E96: tuple[int, ...] = (
    100, 102, 105, 107, 110, 113, 115, 118, 121, 124, 127, 130,
    133, 137, 140, 143, 147, 150, 154, 158, 162, 165, 169, 174,
    178, 182, 187, 191, 196, 200, 205, 210, 215, 221, 226, 232,
    237, 243, 249, 255, 261, 267, 274, 280, 287, 294, 301, 309,
    316, 324, 332, 340, 348, 357, 365, 374, 383, 392, 402, 412,
    422, 432, 442, 453, 464, 475, 487, 499, 511, 523, 536, 549,
    562, 576, 590, 604, 619, 634, 649, 665, 681, 698, 715, 732,
    750, 768, 787, 806, 825, 845, 866, 887, 909, 931, 953, 976,
)  # fmt: skip
#: What 1% resistor ranges stock: every E96 value and the E24 values E96 lacks (4.7k, 5.1k).
E96_E24: tuple[int, ...] = tuple(sorted(set(E96) | set(E24)))

#: One significant-digit-pair per E-series value, the form capacitor codes use (4.7 -> 47).
E6_PAIRS: tuple[int, ...] = tuple(m // 10 for m in E6)
E12_PAIRS: tuple[int, ...] = tuple(m // 10 for m in E12)

Mantissa = tuple[int, int]


def span(series: Sequence[int], first: Mantissa, last: Mantissa) -> Iterator[Mantissa]:
    """Every (mantissa, exponent) of `series` from `first` to `last`, both included."""
    low = first[0] * 10 ** (first[1] + 3)
    high = last[0] * 10 ** (last[1] + 3)
    for exponent in range(first[1], last[1] + 1):
        for mantissa in series:
            scaled = mantissa * 10 ** (exponent + 3)
            if low <= scaled <= high:
                yield mantissa, exponent


def value_of(mantissa: int, exponent: int) -> float:
    """The float a (mantissa, exponent) pair stands for, free of float noise."""
    return float(f"{mantissa}e{exponent}")

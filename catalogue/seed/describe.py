"""One-line human summaries of seed parts ("10kΩ ±1% 0.1W 0603 thick film chip resistor").

Descriptions are what a buyer reads next to a candidate, so values use the prefixes the
trade writes (kΩ, nF, µF, MHz) rather than exponents.
"""

from __future__ import annotations

from catalogue.units import round_sig

_PREFIXES = ((1e9, "G"), (1e6, "M"), (1e3, "k"), (1.0, ""), (1e-3, "m"), (1e-6, "µ"))
_SMALL = ((1e-9, "n"), (1e-12, "p"))


def si(value: float, unit: str) -> str:
    """`value` with the largest SI prefix that keeps it at or above 1: 4700 Ω -> "4.7kΩ"."""
    if value == 0:
        return f"0{unit}"
    for scale, prefix in (*_PREFIXES, *_SMALL):
        if abs(value) >= scale * 0.9999999:
            return f"{round_sig(value / scale, 6):g}{prefix}{unit}"
    scale, prefix = _SMALL[-1]
    return f"{round_sig(value / scale, 6):g}{prefix}{unit}"


def percent(fraction: float) -> str:
    """A tolerance fraction as the trade writes it: 0.01 -> "±1%"."""
    return f"±{round_sig(fraction * 100, 6):g}%"


def ppm(fraction: float) -> str:
    """A crystal's tolerance fraction in parts per million: 2e-05 -> "±20ppm"."""
    return f"±{round_sig(fraction * 1e6, 6):g}ppm"


def watts(power: float) -> str:
    return f"{round_sig(power, 6):g}W"


def volts(voltage: float) -> str:
    return f"{round_sig(voltage, 6):g}V"


def amps(current: float) -> str:
    return si(current, "A")

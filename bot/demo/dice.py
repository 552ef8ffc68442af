"""Deterministic chance: the demo market is drawn from hashes, not from a random generator.

Python's own `hash()` of a string changes from one process to the next, so every draw
here goes through BLAKE2b: the same keys give the same number on every start and every
machine, which makes the market the same each time the sandbox opens and lets tests name
exact prices. Keys name what is drawn ("price", "stock") as well as whose it is, so two
draws about one part are independent.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

_SCALE = float(2**64)


def fraction(*keys: object) -> float:
    """A number in [0, 1) fixed by `keys` (compared by their text)."""
    text = "\x1f".join(str(key) for key in keys)
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") / _SCALE


def between(low: float, high: float, *keys: object) -> float:
    """A number in [low, high) fixed by `keys`."""
    return low + (high - low) * fraction(*keys)


def choice(options: Sequence[T], *keys: object) -> T:
    """One of `options`, fixed by `keys`."""
    if not options:
        raise ValueError("nothing to choose from")
    return options[int(fraction(*keys) * len(options))]

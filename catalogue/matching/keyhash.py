"""One 64-bit hash for part-number keys, computed the same way in numpy and in Python.

The index hashes millions of keys and their one-character deletions at build time
(vectorised, a column at a time) and a single query's handful at lookup time (plain
Python), so both sides must agree bit for bit. A polynomial hash over the bytes, salted
with the length and finished with the splitmix64 mixer, is cheap to vectorise and spreads
well; a collision only costs a wasted verification, never a wrong answer.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

MASK = (1 << 64) - 1
_MULTIPLIER = 0x100000001B3
_LENGTH_SALT = 0x9E3779B97F4A7C15
_MIX1 = 0xBF58476D1CE4E5B9
_MIX2 = 0x94D049BB133111EB

U64 = NDArray[np.uint64]


def powers(count: int) -> list[int]:
    """The multiplier's powers 0..count-1 modulo 2**64."""
    result = [1] * max(count, 1)
    for k in range(1, count):
        result[k] = (result[k - 1] * _MULTIPLIER) & MASK
    return result


def finish(poly: int, length: int) -> int:
    """The final hash of a string whose polynomial is `poly` and length `length`."""
    z = (poly + length * _LENGTH_SALT) & MASK
    z = ((z ^ (z >> 30)) * _MIX1) & MASK
    z = ((z ^ (z >> 27)) * _MIX2) & MASK
    return z ^ (z >> 31)


def finish_array(poly: U64, length: int) -> U64:
    """`finish` for a column of polynomials of strings all `length` long."""
    z = poly + np.uint64((length * _LENGTH_SALT) & MASK)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(_MIX1)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(_MIX2)
    return z ^ (z >> np.uint64(31))


def key_hash(key: bytes) -> int:
    poly = 0
    for byte in key:
        poly = (poly * _MULTIPLIER + byte) & MASK
    return finish(poly, len(key))


def deletion_hashes(key: bytes) -> list[int]:
    """Hashes of `key` with its i-th byte deleted, for every i in order."""
    n = len(key)
    pw = powers(n + 1)
    prefix = [0] * (n + 1)
    for i, byte in enumerate(key):
        prefix[i + 1] = (prefix[i] * _MULTIPLIER + byte) & MASK
    suffix = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        suffix[i] = (key[i] * pw[n - 1 - i] + suffix[i + 1]) & MASK
    return [finish((prefix[i] * pw[n - 1 - i] + suffix[i + 1]) & MASK, n - 1) for i in range(n)]


def key_hashes_array(codes: NDArray[np.uint8]) -> tuple[U64, list[U64]]:
    """For a block of equal-length keys (one per row): their hashes and, per deleted
    column i, the hashes of every key with byte i deleted."""
    rows, n = codes.shape
    pw = powers(n + 1)
    wide = codes.astype(np.uint64)
    multiplier = np.uint64(_MULTIPLIER)
    prefix = np.zeros((n + 1, rows), dtype=np.uint64)
    for i in range(n):
        prefix[i + 1] = prefix[i] * multiplier + wide[:, i]
    suffix = np.zeros((n + 1, rows), dtype=np.uint64)
    for i in range(n - 1, -1, -1):
        suffix[i] = wide[:, i] * np.uint64(pw[n - 1 - i]) + suffix[i + 1]
    whole = finish_array(prefix[n], n)
    deletions = [
        finish_array(prefix[i] * np.uint64(pw[n - 1 - i]) + suffix[i + 1], n - 1) for i in range(n)
    ]
    return whole, deletions

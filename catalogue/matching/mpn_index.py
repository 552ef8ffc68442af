"""An in-memory index of normalised part numbers that answers typos without brute force.

Comparing a query with every one of a million part numbers costs tens to hundreds of
milliseconds and, at that size, often prefers the wrong part. Instead the index keeps:

* the sorted unique keys, packed into one byte blob, for exact and prefix lookups
  (binary search) and to read a key back;
* a deletion neighbourhood (SymSpell): the hash of every key with one character deleted,
  sorted. Two strings one edit apart (substitution, insertion, deletion or swap of
  neighbours) always share a string in their deletion neighbourhoods, so a query probes
  its own handful of deletions and gets every key within one edit, plus a few two edits
  away, in a few binary searches;
* trigram postings, for what is further off ("STM32F13C8" for STM32F103C8T6).

Everything is a numpy array, so the index is compact (about 200 bytes a key at a
million keys), can be saved and memory-mapped back, and builds column-wise in seconds.
rapidfuzz only verifies and ranks the few candidates these structures return.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from catalogue.matching.edits import Edit, classify_edit
from catalogue.matching.keyhash import deletion_hashes, key_hash, key_hashes_array

#: Queries shorter than this are looked up exactly only: at two characters everything is
#: one typo away from everything.
MIN_FUZZY_LENGTH = 3
#: Trigram postings read per query at most; the rarest trigrams are read first.
TRIGRAM_BUDGET = 150_000
#: Candidates the trigram count hands to rapidfuzz for ranking.
TRIGRAM_SHORTLIST = 256
#: Below this rapidfuzz ratio a trigram candidate is not worth showing.
MIN_SIMILARITY = 60.0

_RADIX = 37  # 0 = padding, 1..10 = digits, 11..36 = letters
_CHAR_CODES = np.zeros(256, dtype=np.uint32)
_CHAR_CODES[ord("0") : ord("9") + 1] = np.arange(1, 11, dtype=np.uint32)
_CHAR_CODES[ord("A") : ord("Z") + 1] = np.arange(11, 37, dtype=np.uint32)
_LOW32 = np.uint64(0xFFFFFFFF)
_SHIFT32 = np.uint64(32)


class MatchHow(StrEnum):
    EXACT = "exact"
    TYPO = "typo"  # within two edits, found through the deletion neighbourhood
    PREFIX = "prefix"  # the key continues the query ("STM32F103C8" -> "...C8T6")
    SIMILAR = "similar"  # shares enough trigrams and rapidfuzz finds it close


@dataclass(frozen=True, slots=True)
class KeyMatch:
    key_index: int
    key: str
    how: MatchHow
    #: Optimal-string-alignment distance to the query (swaps of neighbours count once).
    distance: int
    #: rapidfuzz ratio of query and key, 0-100.
    similarity: float
    #: The one edit that separates them, when there is exactly one.
    edit: Edit | None = None


_ARRAYS = (
    "blob",
    "offsets",
    "part_offsets",
    "part_ids",
    "exact_hash",
    "exact_key",
    "deletion_hash",
    "deletion_key",
    "trigram_offsets",
    "trigram_key",
)


class MpnIndex:
    """Normalised part numbers -> part ids, with exact, typo, prefix and trigram lookups."""

    def __init__(self, arrays: Mapping[str, NDArray[np.generic]]) -> None:
        self.blob: NDArray[np.uint8] = np.asarray(arrays["blob"], dtype=np.uint8)
        self.offsets: NDArray[np.int64] = np.asarray(arrays["offsets"], dtype=np.int64)
        self.part_offsets: NDArray[np.int64] = np.asarray(arrays["part_offsets"], dtype=np.int64)
        self.part_ids: NDArray[np.int64] = np.asarray(arrays["part_ids"], dtype=np.int64)
        self.exact_hash: NDArray[np.uint64] = np.asarray(arrays["exact_hash"], dtype=np.uint64)
        self.exact_key: NDArray[np.uint32] = np.asarray(arrays["exact_key"], dtype=np.uint32)
        self.deletion_hash: NDArray[np.uint32] = np.asarray(
            arrays["deletion_hash"], dtype=np.uint32
        )
        self.deletion_key: NDArray[np.uint32] = np.asarray(arrays["deletion_key"], dtype=np.uint32)
        self.trigram_offsets: NDArray[np.int64] = np.asarray(
            arrays["trigram_offsets"], dtype=np.int64
        )
        self.trigram_key: NDArray[np.uint32] = np.asarray(arrays["trigram_key"], dtype=np.uint32)

    # -- building -------------------------------------------------------------------------

    @classmethod
    def build(cls, part_ids: Sequence[int] | NDArray[np.int64], keys: Sequence[str]) -> MpnIndex:
        """Index `keys[i]` (normalised part numbers: A-Z and 0-9) as belonging to `part_ids[i]`."""
        ids = np.asarray(part_ids, dtype=np.int64)
        if len(ids) != len(keys):
            raise ValueError("part_ids and keys differ in length")
        if len(keys) == 0:
            return cls._empty()
        raw = np.array([key.encode("ascii", "replace") for key in keys], dtype=bytes)
        present = raw != b""
        if not present.all():
            raw, ids = raw[present], ids[present]
        unique, inverse = np.unique(raw, return_inverse=True)
        inverse = inverse.reshape(-1)
        width = unique.dtype.itemsize
        matrix = unique.view(np.uint8).reshape(len(unique), width)
        lengths = np.count_nonzero(matrix, axis=1)
        offsets = np.zeros(len(unique) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        blob = matrix[matrix != 0]

        order = np.argsort(inverse, kind="stable")
        part_offsets = np.zeros(len(unique) + 1, dtype=np.int64)
        np.cumsum(np.bincount(inverse, minlength=len(unique)), out=part_offsets[1:])

        exact_hash, deletions = _key_hashes(matrix, lengths)
        exact_order = np.argsort(exact_hash)
        deletion_hash, deletion_key = _split_pairs(deletions)
        del deletions
        trigram_code, trigram_key = _split_pairs(_trigram_pairs(matrix, lengths))
        return cls(
            {
                "blob": blob,
                "offsets": offsets,
                "part_offsets": part_offsets,
                "part_ids": ids[order],
                "exact_hash": exact_hash[exact_order],
                "exact_key": exact_order.astype(np.uint32),
                "deletion_hash": deletion_hash,
                "deletion_key": deletion_key,
                "trigram_offsets": np.searchsorted(
                    trigram_code, np.arange(_RADIX**3 + 1, dtype=np.uint32)
                ).astype(np.int64),
                "trigram_key": trigram_key,
            }
        )

    @classmethod
    def _empty(cls) -> MpnIndex:
        zero = np.zeros(1, dtype=np.int64)
        return cls(
            {
                "blob": np.zeros(0, dtype=np.uint8),
                "offsets": zero,
                "part_offsets": zero,
                "part_ids": np.zeros(0, dtype=np.int64),
                "exact_hash": np.zeros(0, dtype=np.uint64),
                "exact_key": np.zeros(0, dtype=np.uint32),
                "deletion_hash": np.zeros(0, dtype=np.uint32),
                "deletion_key": np.zeros(0, dtype=np.uint32),
                "trigram_offsets": np.zeros(_RADIX**3 + 1, dtype=np.int64),
                "trigram_key": np.zeros(0, dtype=np.uint32),
            }
        )

    def arrays(self) -> dict[str, NDArray[np.generic]]:
        """The arrays that make up the index, for saving; `MpnIndex(arrays)` restores it."""
        return {name: getattr(self, name) for name in _ARRAYS}

    @property
    def nbytes(self) -> int:
        return sum(int(array.nbytes) for array in self.arrays().values())

    def __len__(self) -> int:
        return len(self.offsets) - 1

    # -- reading --------------------------------------------------------------------------

    def key(self, key_index: int) -> str:
        return self._key_bytes(key_index).decode("ascii")

    def parts(self, key_index: int) -> list[int]:
        start, end = self.part_offsets[key_index], self.part_offsets[key_index + 1]
        return [int(i) for i in self.part_ids[start:end]]

    def part_count_of(self, key_index: int) -> int:
        return int(self.part_offsets[key_index + 1] - self.part_offsets[key_index])

    def _key_bytes(self, key_index: int) -> bytes:
        return self.blob[self.offsets[key_index] : self.offsets[key_index + 1]].tobytes()

    def exact(self, key: str) -> int | None:
        """The index of `key` if it is catalogued."""
        if not key:
            return None
        target = key.encode("ascii", "replace")
        h = np.uint64(key_hash(target))
        start = int(np.searchsorted(self.exact_hash, h, "left"))
        end = int(np.searchsorted(self.exact_hash, h, "right"))
        for position in range(start, end):
            index = int(self.exact_key[position])
            if self._key_bytes(index) == target:
                return index
        return None

    def typos(self, key: str, max_distance: int = 2) -> list[tuple[int, int]]:
        """(key index, distance) of keys 1..`max_distance` edits away that share a deletion
        with `key`: every key one edit away and those two edits away in one column each."""
        if len(key) < MIN_FUZZY_LENGTH or len(self) == 0:
            return []
        query = key.encode("ascii", "replace")
        deletions = np.array(deletion_hashes(query), dtype=np.uint64)
        found: set[int] = set()
        # The query with one character deleted is a catalogued key: the buyer added one.
        _collect(self.exact_hash, self.exact_key, deletions, found)
        # The query, or the query less one character, is a catalogued key less one.
        probes = np.concatenate([np.array([key_hash(query)], dtype=np.uint64), deletions])
        _collect(
            self.deletion_hash, self.deletion_key, (probes >> _SHIFT32).astype(np.uint32), found
        )
        result = []
        for index in found:
            distance = OSA.distance(key, self.key(index), score_cutoff=max_distance)
            if 0 < distance <= max_distance:
                result.append((index, int(distance)))
        return result

    def prefixed(self, prefix: str, limit: int) -> list[int]:
        """Up to `limit` keys that extend `prefix`, shortest (closest) first, then in order."""
        if len(prefix) < MIN_FUZZY_LENGTH or len(self) == 0 or limit <= 0:
            return []
        target = prefix.encode("ascii", "replace")
        start = self._bisect(target)
        end = self._bisect(target + b"\x7f")
        if start < end and self._key_bytes(start) == target:
            start += 1
        if start >= end:
            return []
        lengths = self.offsets[start + 1 : end + 1] - self.offsets[start:end]
        if end - start > limit:
            # The `limit` shortest without sorting the whole range; ties in key order.
            cut = np.partition(lengths, limit - 1)[limit - 1]
            shorter = np.flatnonzero(lengths < cut)
            level = np.flatnonzero(lengths == cut)[: limit - len(shorter)]
            chosen = np.concatenate([shorter, level])
        else:
            chosen = np.arange(end - start)
        chosen = chosen[np.lexsort((chosen, lengths[chosen]))]
        return [start + int(i) for i in chosen[:limit]]

    def _bisect(self, target: bytes) -> int:
        low, high = 0, len(self)
        while low < high:
            middle = (low + high) // 2
            if self._key_bytes(middle) < target:
                low = middle + 1
            else:
                high = middle
        return low

    def similar(self, key: str, limit: int) -> list[tuple[int, float]]:
        """(key index, rapidfuzz ratio) of up to `limit` keys sharing the most trigrams with
        `key`, best first, none below MIN_SIMILARITY."""
        if len(key) < MIN_FUZZY_LENGTH or len(self) == 0 or limit <= 0:
            return []
        codes = np.unique(_trigram_codes(np.frombuffer(key.encode("ascii", "replace"), np.uint8)))
        starts, ends = self.trigram_offsets[codes], self.trigram_offsets[codes + 1]
        sizes = ends - starts
        chosen: list[NDArray[np.uint32]] = []
        read = 0
        for i in np.argsort(sizes, kind="stable"):
            if sizes[i] == 0:
                continue
            if chosen and read + sizes[i] > TRIGRAM_BUDGET:
                break
            chosen.append(self.trigram_key[starts[i] : ends[i]])
            read += int(sizes[i])
        if not chosen:
            return []
        candidates, counts = np.unique(np.concatenate(chosen), return_counts=True)
        if len(candidates) > TRIGRAM_SHORTLIST:
            best = np.argpartition(-counts, TRIGRAM_SHORTLIST - 1)[:TRIGRAM_SHORTLIST]
            candidates = candidates[best]
        scored = []
        for index in candidates.tolist():
            similarity = fuzz.ratio(key, self.key(index))
            if similarity >= MIN_SIMILARITY:
                scored.append((index, float(similarity)))
        scored.sort(key=lambda pair: (-pair[1], pair[0]))
        return scored[:limit]

    def search(self, key: str, limit: int) -> list[KeyMatch]:
        """The keys a buyer writing `key` most likely means, best first.

        An exact key comes first, then keys one edit away (likeliest slip first), then keys
        that continue the query, then keys two edits away; when there is neither an exact
        key nor a one-edit one, trigram look-alikes fill the list. Only continuations
        (siblings) follow an exact key.
        """
        exact = self.exact(key)
        if exact is not None:
            found = [KeyMatch(exact, key, MatchHow.EXACT, 0, 100.0)]
            one: list[KeyMatch] = []
            two: list[KeyMatch] = []
        else:
            found = []
            one, two = self._typo_matches(key)
        taken = {match.key_index for match in found + one + two}
        prefixed = [
            KeyMatch(index, other, MatchHow.PREFIX, len(other) - len(key), _ratio(key, other))
            for index in self.prefixed(key, limit)
            if index not in taken
            for other in (self.key(index),)
        ]
        matches = found + one + prefixed + two
        if not found and not one and len(matches) < limit:
            # A partial or garbled part number: look-alikes fill the list.
            taken.update(match.key_index for match in prefixed)
            for index, similarity in self.similar(key, limit):
                if index not in taken:
                    other = self.key(index)
                    distance = int(OSA.distance(key, other))
                    matches.append(KeyMatch(index, other, MatchHow.SIMILAR, distance, similarity))
        return matches[: max(limit, 0)]

    def _typo_matches(self, key: str) -> tuple[list[KeyMatch], list[KeyMatch]]:
        """Keys one edit away, likeliest slip first, and keys two edits away, closest first."""
        one, two = [], []
        for index, distance in self.typos(key):
            other = self.key(index)
            similarity = _ratio(key, other)
            if distance == 1:
                edit = classify_edit(key, other)
                one.append(KeyMatch(index, other, MatchHow.TYPO, 1, similarity, edit))
            else:
                two.append(KeyMatch(index, other, MatchHow.TYPO, 2, similarity))
        # Equally likely slips: the part number more manufacturers list is the commoner part.
        one.sort(key=lambda m: (*_typo_order(m), -self.part_count_of(m.key_index), m.key))
        two.sort(key=lambda match: (-match.similarity, match.key))
        return one, two


def _ratio(a: str, b: str) -> float:
    return float(fuzz.ratio(a, b))


def _typo_order(match: KeyMatch) -> tuple[float]:
    return (-(match.edit.weight if match.edit is not None else 0.0),)


def _collect(
    hashes: NDArray[np.uint64] | NDArray[np.uint32],
    keys: NDArray[np.uint32],
    probes: NDArray[np.uint64] | NDArray[np.uint32],
    into: set[int],
) -> None:
    starts = np.searchsorted(hashes, probes, "left")
    ends = np.searchsorted(hashes, probes, "right")
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        if end > start:
            into.update(keys[start:end].tolist())


def _trigram_codes(codes: NDArray[np.uint8]) -> NDArray[np.int64]:
    """Trigram codes of one key, with two pads in front so its start counts more."""
    padded = np.zeros(len(codes) + 2, dtype=np.int64)
    padded[2:] = _CHAR_CODES[codes]
    return (padded[:-2] * _RADIX + padded[1:-1]) * _RADIX + padded[2:]


def _key_hashes(
    matrix: NDArray[np.uint8], lengths: NDArray[np.intp]
) -> tuple[NDArray[np.uint64], NDArray[np.uint64]]:
    """Per key its hash, and packed (hash's high half << 32 | key index) pairs for every
    key with one character deleted."""
    exact = np.zeros(len(matrix), dtype=np.uint64)
    pairs = np.empty(int(lengths.sum()), dtype=np.uint64)
    filled = 0
    for length, rows in _length_groups(lengths):
        whole, deleted = key_hashes_array(matrix[rows, :length])
        exact[rows] = whole
        row_ids = rows.astype(np.uint64)
        for column in deleted:
            end = filled + len(rows)
            pairs[filled:end] = ((column >> _SHIFT32) << _SHIFT32) | row_ids
            filled = end
    return exact, pairs


def _trigram_pairs(matrix: NDArray[np.uint8], lengths: NDArray[np.intp]) -> NDArray[np.uint64]:
    """Packed (trigram code << 32 | key index) pairs, one per trigram of every key."""
    pairs = np.empty(int(lengths.sum()), dtype=np.uint64)
    filled = 0
    radix = np.uint64(_RADIX)
    for length, rows in _length_groups(lengths):
        padded = np.zeros((len(rows), length + 2), dtype=np.uint64)
        padded[:, 2:] = _CHAR_CODES[matrix[rows, :length]]
        row_ids = rows.astype(np.uint64)
        for column in range(length):
            end = filled + len(rows)
            code = (padded[:, column] * radix + padded[:, column + 1]) * radix
            pairs[filled:end] = ((code + padded[:, column + 2]) << _SHIFT32) | row_ids
            filled = end
    return pairs


def _length_groups(lengths: NDArray[np.intp]) -> list[tuple[int, NDArray[np.intp]]]:
    return [(int(n), np.flatnonzero(lengths == n)) for n in np.unique(lengths) if n > 0]


def _split_pairs(pairs: NDArray[np.uint64]) -> tuple[NDArray[np.uint32], NDArray[np.uint32]]:
    """Sort packed pairs in place, drop repeats, and split them into (values, key indices)."""
    pairs.sort()
    if len(pairs):
        keep = np.empty(len(pairs), dtype=bool)
        keep[0] = True
        np.not_equal(pairs[1:], pairs[:-1], out=keep[1:])
        if not keep.all():
            pairs = pairs[keep]
    halves = pairs.view(np.uint32).reshape(-1, 2)
    high, low = (1, 0) if np.little_endian else (0, 1)
    return halves[:, high].copy(), halves[:, low].copy()

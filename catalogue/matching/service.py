"""`Catalogue.match`: a request in, ranked candidate parts out.

Part numbers are answered from the database's own index when spelled like a catalogued
part, and from the in-memory MPN index (typos, prefixes, look-alikes) otherwise. The MPN
index is built lazily, in a worker thread, and rebuilt when the catalogue's fingerprint
(row count, highest id, latest update) changes, so an import by another process is
picked up within `max_staleness` seconds. Generic requests are answered by a parametric
query on category, value and package.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import String, cast, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalogue.matching import parametric
from catalogue.matching.candidate import Candidate, CandidateKind, Deviation
from catalogue.matching.entry import CatalogueEntry
from catalogue.matching.index_cache import IndexCache
from catalogue.matching.mpn_index import KeyMatch, MatchHow, MpnIndex
from catalogue.matching.reasons import key_match_reason, normalised_reason
from catalogue.models import Part
from catalogue.packages import normalise_package
from catalogue.partnumbers import normalise_mpn
from catalogue.request import PartRequest

#: Most rows a parametric query ranks; a generic request matching more is ranked among
#: the first this many by id.
PARAMETRIC_ROWS = 2000

_SCORES = {
    CandidateKind.EXACT: 100,
    CandidateKind.NORMALISED: 98,
}
_PACKAGE_MISMATCH_PENALTY = 10


@dataclass(frozen=True, slots=True)
class _Ranked:
    order: tuple[object, ...]
    candidate: Candidate


class Catalogue:
    """The parts catalogue as the matcher sees it."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        cache: IndexCache | None = None,
        max_staleness: float = 2.0,
    ) -> None:
        self._sessions = sessions
        self._cache = cache
        self.max_staleness = max_staleness
        self._index: MpnIndex | None = None
        self._fingerprint: str | None = None
        self._checked_at = float("-inf")
        self._lock = asyncio.Lock()

    async def match(self, request: PartRequest, limit: int = 5) -> list[Candidate]:
        """Up to `limit` candidate parts for `request`, best first."""
        if limit <= 0:
            return []
        if request.mpn and normalise_mpn(request.mpn):
            found = await self._by_part_number(request, limit)
            if found or request.category is None:
                return found
        if parametric.answerable(request):
            return await self._by_parameters(request, limit)
        return []

    # -- the MPN index -----------------------------------------------------------------

    async def index(self) -> MpnIndex:
        """The MPN index, rebuilt first if the catalogue changed since it was built."""
        index = self._index
        if index is not None and time.monotonic() - self._checked_at < self.max_staleness:
            return index
        async with self._lock:
            if self._index is not None and time.monotonic() - self._checked_at < self.max_staleness:
                return self._index
            return await self._refresh_locked()

    async def refresh(self) -> MpnIndex:
        """Check the catalogue's fingerprint now and rebuild the index if it changed."""
        async with self._lock:
            return await self._refresh_locked()

    async def _refresh_locked(self) -> MpnIndex:
        fingerprint = await self._current_fingerprint()
        self._checked_at = time.monotonic()
        if self._index is not None and fingerprint == self._fingerprint:
            return self._index
        index = self._cache.load(fingerprint) if self._cache is not None else None
        if index is None:
            ids, keys = await self._keys()
            index = await asyncio.to_thread(MpnIndex.build, ids, keys)
            if self._cache is not None:
                await asyncio.to_thread(self._cache.save, fingerprint, index)
        self._index, self._fingerprint = index, fingerprint
        return index

    async def _current_fingerprint(self) -> str:
        """Row count, highest id and latest update: any import or deletion moves one.

        Three statements rather than one, because databases answer a lone max() of an
        indexed column from the index but scan the table for max() beside count().
        """
        async with self._sessions() as session:
            values = [
                await session.scalar(select(aggregate))
                for aggregate in (func.count(Part.id), func.max(Part.id), func.max(Part.updated_at))
            ]
        return "|".join(str(value) for value in values)

    async def _keys(self) -> tuple[NDArray[np.int64], list[str]]:
        """Every part's id and normalised part number.

        Fetched as one aggregated string ("id:KEY,id:KEY,..."), which a database returns
        some twenty times faster than a million two-column rows through the async driver.
        """
        pair = cast(Part.id, String) + literal(":") + Part.mpn_normalised
        async with self._sessions() as session:
            text = await session.scalar(select(func.aggregate_strings(pair, ",")))
        if not text:
            return np.zeros(0, dtype=np.int64), []
        fields = text.replace(":", ",").split(",")
        return np.array(fields[0::2]).astype(np.int64), fields[1::2]

    # -- part numbers ------------------------------------------------------------------

    async def _by_part_number(self, request: PartRequest, limit: int) -> list[Candidate]:
        assert request.mpn is not None
        key = normalise_mpn(request.mpn)
        ranked: list[_Ranked] = []
        async with self._sessions() as session:
            rows = await session.scalars(select(Part).where(Part.mpn_normalised == key))
            for entry in map(CatalogueEntry.from_part, rows.unique()):
                ranked.append(self._same_key(request, entry))
        if len(ranked) < limit:
            ranked += await self._near_keys(request, key, limit - len(ranked))
        ranked.sort(key=lambda r: r.order)
        return [r.candidate for r in _monotone(ranked)[:limit]]

    def _same_key(self, request: PartRequest, entry: CatalogueEntry) -> _Ranked:
        assert request.mpn is not None
        exact = " ".join(request.mpn.split()) == entry.mpn
        kind = CandidateKind.EXACT if exact else CandidateKind.NORMALISED
        reason = "exact part number" if exact else normalised_reason(request.mpn, entry.mpn)
        candidate = _candidate(entry, _SCORES[kind], kind, reason)
        mismatch = _package_mismatch(request, candidate)
        popularity = (not entry.preferred, -(entry.stock or 0))
        return _Ranked((0, mismatch, not exact, *popularity, entry.manufacturer), candidate)

    async def _near_keys(self, request: PartRequest, key: str, wanted: int) -> list[_Ranked]:
        assert request.mpn is not None
        index = await self.index()
        matches = [m for m in index.search(key, max(2 * wanted, 10)) if m.how is not MatchHow.EXACT]
        likeliest = max((m.edit.weight for m in matches if m.edit is not None), default=0.0)
        by_part: dict[int, tuple[int, KeyMatch]] = {}
        for position, match in enumerate(matches):
            for part_id in index.parts(match.key_index):
                by_part.setdefault(part_id, (position, match))
        if not by_part:
            return []
        async with self._sessions() as session:
            rows = await session.scalars(select(Part).where(Part.id.in_(list(by_part))))
            entries = [CatalogueEntry.from_part(part) for part in rows.unique()]
        ranked = []
        for entry in entries:
            position, match = by_part[entry.part_id]
            if entry.mpn_normalised != match.key:
                continue  # changed since the index was built
            candidate = _candidate(
                entry,
                _near_score(match, likeliest),
                CandidateKind.FUZZY,
                key_match_reason(request.mpn, entry.mpn, match, key),
            )
            mismatch = _package_mismatch(request, candidate)
            weight = match.edit.weight if match.edit is not None else 0.0
            # The index's order, except that a part in the asked-for package beats one
            # that is not, and among equally likely slips a well-known part wins.
            order = (mismatch, _group(match), -weight, not entry.preferred, position)
            ranked.append(_Ranked(order, candidate))
        return ranked

    # -- generic requests --------------------------------------------------------------

    async def _by_parameters(self, request: PartRequest, limit: int) -> list[Candidate]:
        statement = select(Part).where(Part.category == request.category)
        if request.value is not None:
            low, high = parametric.value_bounds(request.value)
            statement = statement.where(Part.value.between(low, high))
        if request.package is not None:
            statement = statement.where(Part.package == request.package)
        statement = statement.order_by(Part.id).limit(PARAMETRIC_ROWS)
        async with self._sessions() as session:
            entries = [
                CatalogueEntry.from_part(p) for p in (await session.scalars(statement)).unique()
            ]
        ranked = []
        for entry in entries:
            check = parametric.check(request, entry)
            if not check.meets:
                continue
            candidate = _candidate(
                entry,
                parametric.score(check),
                CandidateKind.PARAMETRIC,
                parametric.reason(request, entry, check),
            )
            candidate.exceeds.extend(check.exceeds)
            candidate.mismatches.extend(check.unstated)
            ranked.append(_Ranked(parametric.rank_key(request, check, entry), candidate))
        ranked.sort(key=lambda r: r.order)
        return [r.candidate for r in ranked[:limit]]


def _group(match: KeyMatch) -> int:
    """Rank of a near key's relation: one slip, then continuations, then two slips, then
    look-alikes (the index's own order)."""
    if match.how is MatchHow.TYPO:
        return 1 if match.distance == 1 else 3
    return 2 if match.how is MatchHow.PREFIX else 4


def _near_score(match: KeyMatch, likeliest: float) -> int:
    """90 for the likeliest one-character slip, less for slips a person makes less often,
    then continuations of the query, two-character differences and look-alikes."""
    if match.how is MatchHow.PREFIX:
        return max(70, 86 - 2 * match.distance)
    if match.how is MatchHow.SIMILAR:
        return min(70, round(match.similarity * 0.75))
    if match.distance != 1 or match.edit is None:
        return 75
    ratio = match.edit.weight / likeliest if likeliest > 0 else 1.0
    return 90 if ratio >= 0.5 else 87 if ratio >= 0.1 else 84


def _monotone(ranked: Sequence[_Ranked]) -> list[_Ranked]:
    """Scores never rise down the list, so the order and the scores tell one story."""
    ceiling = 100
    for item in ranked:
        item.candidate.score = ceiling = min(item.candidate.score, ceiling)
    return list(ranked)


def _package_mismatch(request: PartRequest, candidate: Candidate) -> bool:
    """Flag (and penalise) a part-number candidate in another package than asked."""
    if request.package is None or candidate.package is None:
        return False
    if (normalise_package(candidate.package) or candidate.package) == request.package:
        return False
    candidate.mismatches.append(Deviation("package", request.package, candidate.package))
    candidate.reason += f"; package {candidate.package}, not {request.package}"
    candidate.score = max(0, candidate.score - _PACKAGE_MISMATCH_PENALTY)
    return True


def _candidate(entry: CatalogueEntry, score: int, kind: CandidateKind, reason: str) -> Candidate:
    return Candidate(
        part_id=entry.part_id,
        mpn=entry.mpn,
        manufacturer=entry.manufacturer,
        category=entry.category,
        package=entry.package,
        value=entry.value,
        tolerance=entry.tolerance,
        voltage=entry.voltage,
        power=entry.power,
        current=entry.current,
        dielectric=entry.dielectric,
        description=entry.description,
        datasheet=entry.datasheet,
        score=score,
        kind=kind,
        reason=reason,
    )

"""The built-in seed catalogue: generated passives and hand-written actives, loaded on first use.

Everything here is written by the project: the passives come from the makers' public
ordering-code schemes (E-series values x sizes x tolerances), the rest from hand-written
lists. `ensure_seeded` loads it into an empty catalogue, and again when SEED_VERSION is
newer than the version recorded in `catalogue_sources`, so `match` works on a fresh
machine with no import. Bump SEED_VERSION whenever the generated rows change.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from catalogue.manufacturers import canonical_manufacturer
from catalogue.models import Manufacturer, Part
from catalogue.partnumbers import normalise_mpn
from catalogue.seed import listed
from catalogue.seed.beads import ferrite_beads
from catalogue.seed.mlcc import mlccs
from catalogue.seed.resistors import FAMILIES as RESISTOR_FAMILIES
from catalogue.seed.resistors import chip_resistors
from catalogue.store import PartRecord, record_source, source_version, upsert_parts

#: The `catalogue_sources` name the seed is recorded under, and its rows' `source`.
SEED_SOURCE = "seed"
#: Dotted integers, compared numerically: "1.10" is newer than "1.9".
SEED_VERSION = "1.0"


def seed_records() -> Iterator[PartRecord]:
    """Every part of the seed catalogue, passives first."""
    return itertools.chain(
        *(chip_resistors(family) for family in RESISTOR_FAMILIES),
        mlccs(),
        ferrite_beads(),
        listed.inductors(),
        listed.ics(),
        listed.discretes(),
        listed.leds(),
        listed.crystals(),
        listed.connectors(),
        listed.fuses(),
    )


def version_key(version: str) -> tuple[int, ...]:
    """A comparable form of a dotted version; anything unreadable sorts before every release."""
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return ()


async def ensure_seeded(session: AsyncSession) -> int:
    """Load the seed unless this version (or a newer one) is already loaded.

    Returns the number of parts written, 0 when the catalogue already holds this seed.
    An upgrade leaves parts an import has taken over (their source is no longer "seed")
    as the import wrote them, and removes seed rows the new version no longer generates,
    so a part number corrected in the seed does not linger under its old spelling.
    """
    loaded = await source_version(session, SEED_SOURCE)
    if loaded is not None and version_key(loaded) >= version_key(SEED_VERSION):
        return 0
    records = list(seed_records())
    if loaded is not None:
        records = await _without_imported(session, records)
    written = await upsert_parts(session, records)
    if loaded is not None:
        await _remove_stale(session, records)
    await record_source(session, SEED_SOURCE, SEED_VERSION, written)
    return written


def _key(record: PartRecord) -> tuple[str, str]:
    return normalise_mpn(record.mpn), canonical_manufacturer(record.manufacturer)


async def _without_imported(session: AsyncSession, records: list[PartRecord]) -> list[PartRecord]:
    """`records` less the parts the catalogue already holds from another source."""
    wanted = sorted({_key(record)[0] for record in records})
    imported: set[tuple[str, str]] = set()
    for start in range(0, len(wanted), 500):
        rows = await session.execute(
            select(Part.mpn_normalised, Manufacturer.name)
            .join(Manufacturer, Part.manufacturer_id == Manufacturer.id)
            .where(Part.source != SEED_SOURCE, Part.mpn_normalised.in_(wanted[start : start + 500]))
        )
        imported.update((mpn, maker) for mpn, maker in rows.all())
    return [record for record in records if _key(record) not in imported]


async def _remove_stale(session: AsyncSession, records: list[PartRecord]) -> None:
    """Delete seed rows that the current seed no longer generates."""
    current = {_key(record) for record in records}
    rows = await session.execute(
        select(Part.id, Part.mpn_normalised, Manufacturer.name)
        .join(Manufacturer, Part.manufacturer_id == Manufacturer.id)
        .where(Part.source == SEED_SOURCE)
    )
    stale = [part_id for part_id, mpn, maker in rows.all() if (mpn, maker) not in current]
    for start in range(0, len(stale), 500):
        await session.execute(delete(Part).where(Part.id.in_(stale[start : start + 500])))

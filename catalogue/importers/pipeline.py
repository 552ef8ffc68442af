"""Rows in, committed batches out: the part of an import every format shares.

Readers yield rows lazily; parts are written and committed a batch at a time, so a
35 MB file never sits in memory, an interrupted import keeps what it committed, and a
re-run updates those rows in place (`upsert_parts` is idempotent). Bad rows are
counted and reported with their line numbers while the good ones still load.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from tqdm import tqdm

from catalogue.importers.inputs import READ_ERRORS
from catalogue.importers.records import record_problem
from catalogue.importers.report import ImportReport, SourceRow
from catalogue.manufacturers import canonical_manufacturer
from catalogue.partnumbers import normalise_mpn
from catalogue.store import (
    UNKNOWN_MANUFACTURER,
    ManufacturerRegistry,
    PartRecord,
    record_source,
    upsert_parts,
)

BATCH_SIZE = 1000


class Progress:
    """A byte-based progress bar on stderr (tqdm), or nothing when disabled."""

    def __init__(self, total: int, position: Callable[[], int], label: str, enabled: bool) -> None:
        self._position = position
        self._bar = tqdm(
            total=total,
            desc=label,
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            disable=not enabled,
            leave=False,
        )

    def update(self) -> None:
        self._bar.update(max(0, self._position() - self._bar.n))

    def close(self) -> None:
        self._bar.close()


async def write_rows(
    sessions: async_sessionmaker[AsyncSession],
    rows: Iterable[SourceRow],
    *,
    report: ImportReport,
    source: tuple[str, str],
    progress: Progress,
) -> ImportReport:
    """Write every good row in committed batches; record `source` (name, version) at the end.

    `parts_written` counts distinct parts: rows repeating a part update it, as the
    database does.
    """
    started = time.perf_counter()
    batch: list[PartRecord] = []
    # Hashes of part keys, not the keys: a million-row file keeps this set small.
    written: set[int] = set()
    async with sessions() as session:
        registry = ManufacturerRegistry(session)
        for row in _until_unreadable(rows, report):
            report.rows_read += 1
            problem = row.problem if row.record is None else record_problem(row.record)
            if problem is not None or row.record is None:
                report.bad_rows.append((row.line, problem or "empty row"))
                continue
            batch.append(row.record)
            written.add(hash(part_key(row.record)))
            if len(batch) >= BATCH_SIZE:
                await _commit(session, registry, batch)
                batch = []
                progress.update()
        if batch:
            await _commit(session, registry, batch)
        report.parts_written = len(written)
        if report.parts_written:
            name, version = source
            await record_source(session, name, version, report.parts_written)
            await session.commit()
    progress.update()
    report.seconds = time.perf_counter() - started
    return report


def part_key(record: PartRecord) -> tuple[str, str]:
    """What identifies a part in the catalogue: a later row with the same key updates it."""
    maker = canonical_manufacturer(record.manufacturer) if record.manufacturer.strip() else ""
    return normalise_mpn(record.mpn), maker or UNKNOWN_MANUFACTURER


async def _commit(
    session: AsyncSession, registry: ManufacturerRegistry, batch: list[PartRecord]
) -> None:
    await upsert_parts(session, batch, registry)
    await session.commit()


def _until_unreadable(rows: Iterable[SourceRow], report: ImportReport) -> Iterator[SourceRow]:
    """The rows, ending with a bad row when the data turns unreadable part-way (bad gzip)."""
    iterator = iter(rows)
    last_line = 0
    while True:
        try:
            row = next(iterator)
        except StopIteration:
            return
        except READ_ERRORS as error:
            report.bad_rows.append((last_line + 1, f"reading stopped here: {error}"))
            return
        last_line = row.line
        yield row

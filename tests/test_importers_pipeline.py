"""What every import does: idempotent re-imports, gzip, batches, the source record."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.database import Database
from catalogue.importers import import_catalogue, pipeline
from catalogue.importers.inputs import fingerprint
from catalogue.models import CatalogueSource, Part

STOCK = (
    "mpn,manufacturer,category,package,value,tolerance\n"
    "RC0603FR-0710KL,Yageo,resistor,0603,10k,1%\n"
    "RC0603JR-0710KL,国巨,resistor,0603,10k,5%\n"
    "CL10B104KB8NNNC,Samsung Electro-Mechanics,capacitor,0603,100nF,10%\n"
)


async def part_count(database: Database) -> int:
    async with database.session() as session:
        return int(await session.scalar(select(func.count()).select_from(Part)) or 0)


async def test_importing_a_file_twice_leaves_one_row_per_part(
    empty_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "stock.csv"
    path.write_text(STOCK, encoding="utf-8")
    first = await import_catalogue(empty_db.sessions, path)
    second = await import_catalogue(empty_db.sessions, path)
    assert (first.parts_written, second.parts_written, await part_count(empty_db)) == (3, 3, 3)


async def test_a_reimport_updates_a_changed_field_in_place(
    empty_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "stock.csv"
    path.write_text(STOCK, encoding="utf-8")
    await import_catalogue(empty_db.sessions, path)
    path.write_text(STOCK.replace("0603,10k,5%", "0603,10k,2%"), encoding="utf-8")
    await import_catalogue(empty_db.sessions, path)
    async with empty_db.session() as session:
        tolerance = await session.scalar(
            select(Part.tolerance).where(Part.mpn == "RC0603JR-0710KL")
        )
    assert (tolerance, await part_count(empty_db)) == (0.02, 3)


async def test_a_gzipped_file_imports_like_the_plain_one(
    empty_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "stock.csv.gz"
    path.write_bytes(gzip.compress(STOCK.encode("utf-8")))
    report = await import_catalogue(empty_db.sessions, path)
    assert (report.format, report.rows_read, report.parts_written) == ("csv", 3, 3)


async def test_rows_for_one_part_in_different_batches_count_once(
    empty_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 2)
    path = tmp_path / "stock.csv"
    path.write_text(STOCK + "RC0603FR-0710KL,YAGEO,resistor,0603,10k,0.5%\n", encoding="utf-8")
    report = await import_catalogue(empty_db.sessions, path)
    async with empty_db.session() as session:
        tolerance = await session.scalar(
            select(Part.tolerance).where(Part.mpn == "RC0603FR-0710KL")
        )
    assert (report.rows_read, report.parts_written, await part_count(empty_db), tolerance) == (
        4,
        3,
        3,
        0.005,
    )


async def test_the_import_is_recorded_as_a_catalogue_source(
    empty_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "stock.csv"
    path.write_text(STOCK, encoding="utf-8")
    await import_catalogue(empty_db.sessions, path)
    async with empty_db.session() as session:
        source = await session.get(CatalogueSource, "csv:stock.csv")
    assert source is not None
    assert (source.version, source.rows) == (fingerprint([path]), 3)


async def test_a_truncated_gzip_keeps_the_rows_before_the_damage(
    empty_db: Database, tmp_path: Path
) -> None:
    rows = "".join(f"PART{i:05d},Acme,resistor,0603,{i}R,1%\n" for i in range(1, 20001))
    data = gzip.compress(("mpn,manufacturer,category,package,value,tolerance\n" + rows).encode())
    path = tmp_path / "stock.csv.gz"
    path.write_bytes(data[: len(data) // 2])
    report = await import_catalogue(empty_db.sessions, path)
    line, reason = report.bad_rows[-1]
    assert report.parts_written > 0
    assert (await part_count(empty_db), line, reason.startswith("reading stopped here:")) == (
        report.parts_written,
        report.rows_read + 2,
        True,
    )

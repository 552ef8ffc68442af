"""The database comes up to date by itself and upserts catalogue rows idempotently."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select

from bot.database import (
    Database,
    current_revision,
    head_revision,
    normalise_database_url,
    upgrade,
)
from catalogue.models import Manufacturer, ManufacturerAlias, Part
from catalogue.store import PartRecord, counts_by_category, upsert_parts

RC0603 = PartRecord(
    mpn="RC0603FR-0710KL",
    manufacturer="YAGEO",
    category="resistor",
    source="test",
    package="0603",
    value=10000.0,
    tolerance=0.01,
    power=0.1,
)


def test_heroku_style_postgres_url_uses_asyncpg() -> None:
    assert (
        normalise_database_url("postgres://u:p@db.example:5432/app")
        == "postgresql+asyncpg://u:p@db.example:5432/app"
    )


def test_plain_sqlite_url_uses_aiosqlite() -> None:
    assert normalise_database_url("sqlite:///./x.db") == "sqlite+aiosqlite:///./x.db"


async def test_an_empty_database_is_migrated_to_head(empty_db: Database) -> None:
    assert await current_revision(empty_db.engine) == head_revision() is not None


async def test_upgrading_twice_changes_nothing(empty_db: Database) -> None:
    await upgrade(empty_db.engine)
    assert await current_revision(empty_db.engine) == head_revision()


async def test_reimporting_a_part_updates_it_in_place(empty_db: Database) -> None:
    async with empty_db.session() as session:
        await upsert_parts(session, [RC0603])
    corrected = replace(RC0603, mpn="rc0603fr-0710kl/TR", power=0.125)
    async with empty_db.session() as session:
        await upsert_parts(session, [corrected])
    async with empty_db.session() as session:
        parts = (await session.scalars(select(Part))).all()
    assert [(p.mpn, p.power, p.manufacturer.name) for p in parts] == [
        ("RC0603FR-0710KL/TR", 0.125, "YAGEO")
    ]


async def test_manufacturer_spellings_share_one_row_with_aliases(empty_db: Database) -> None:
    other = replace(RC0603, mpn="RC0603JR-0710KL", manufacturer="国巨")
    async with empty_db.session() as session:
        await upsert_parts(session, [RC0603, other])
    async with empty_db.session() as session:
        names = (await session.scalars(select(Manufacturer.name))).all()
        alias_owner = await session.scalar(
            select(Manufacturer.name)
            .join(ManufacturerAlias)
            .where(ManufacturerAlias.alias == "国巨")
        )
    assert (names, alias_owner) == (["YAGEO"], "YAGEO")


async def test_stats_count_parts_by_category(empty_db: Database) -> None:
    diode = PartRecord(mpn="1N4148W", manufacturer="CJ", category="diode", source="test")
    async with empty_db.session() as session:
        await upsert_parts(session, [RC0603, diode, replace(RC0603, mpn="X1")])
    async with empty_db.session() as session:
        assert await counts_by_category(session) == [("resistor", 2), ("diode", 1)]
        assert await session.scalar(select(func.count()).select_from(Part)) == 3


async def test_the_migrations_build_exactly_the_tables_the_models_describe(
    empty_db: Database,
) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    import bot.models

    def differences(connection: object) -> list[object]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})  # type: ignore[arg-type]
        return list(compare_metadata(context, bot.models.Base.metadata))

    async with empty_db.engine.connect() as connection:
        assert await connection.run_sync(differences) == []

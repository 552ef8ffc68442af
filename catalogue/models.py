"""The catalogue's tables: parts, manufacturers and their aliases, and loaded sources.

`Base` is the one declarative base of the whole product; `bot` models build on it so a
single Alembic history covers every table.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp that always comes back timezone-aware in UTC.

    SQLite stores no zone and hands back naive datetimes; without this, comparing a
    stored time with `utcnow()` would work on PostgreSQL and fail on SQLite.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime: store timezone-aware UTC times")
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, datetime: UtcDateTime}


class Manufacturer(Base):
    __tablename__ = "manufacturers"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The trade's short canonical name, upper case ("YAGEO", "TI", "FENGHUA").
    name: Mapped[str] = mapped_column(String(120), unique=True)
    #: The longest spelling seen, for display ("Texas Instruments").
    full_name: Mapped[str | None] = mapped_column(String(200))

    aliases: Mapped[list[ManufacturerAlias]] = relationship(
        back_populates="manufacturer", cascade="all, delete-orphan"
    )


class ManufacturerAlias(Base):
    __tablename__ = "manufacturer_aliases"

    #: The alias folded for lookup (upper case, no spacing or punctuation).
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    alias: Mapped[str] = mapped_column(String(200))
    manufacturer_id: Mapped[int] = mapped_column(
        ForeignKey("manufacturers.id", ondelete="CASCADE"), index=True
    )

    manufacturer: Mapped[Manufacturer] = relationship(back_populates="aliases")


class Part(Base):
    __tablename__ = "parts"
    __table_args__ = (
        UniqueConstraint("mpn_normalised", "manufacturer_id"),
        Index("ix_parts_parametric", "category", "value", "package"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mpn: Mapped[str] = mapped_column(String(120))
    mpn_normalised: Mapped[str] = mapped_column(String(120), index=True)
    manufacturer_id: Mapped[int] = mapped_column(ForeignKey("manufacturers.id"), index=True)
    category: Mapped[str] = mapped_column(String(20), index=True)
    subcategory: Mapped[str | None] = mapped_column(String(120))
    package: Mapped[str | None] = mapped_column(String(60))
    #: SI base units: ohm, farad, henry; hertz for crystals; ohm at 100 MHz for beads.
    value: Mapped[float | None] = mapped_column(Float)
    tolerance: Mapped[float | None] = mapped_column(Float)
    voltage: Mapped[float | None] = mapped_column(Float)
    power: Mapped[float | None] = mapped_column(Float)
    current: Mapped[float | None] = mapped_column(Float)
    dielectric: Mapped[str | None] = mapped_column(String(10))
    description: Mapped[str | None] = mapped_column(Text)
    datasheet: Mapped[str | None] = mapped_column(Text)
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    #: Where the row came from: "seed", "jlcparts", "jlc-export", "octopart-cpl", "csv".
    source: Mapped[str] = mapped_column(String(40))
    #: Indexed: the matcher polls max(updated_at) to notice an import by another process.
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    manufacturer: Mapped[Manufacturer] = relationship(lazy="joined")


class CatalogueSource(Base):
    """What has been loaded into the catalogue, so the seed loads once per version."""

    __tablename__ = "catalogue_sources"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    version: Mapped[str] = mapped_column(String(40))
    rows: Mapped[int]
    loaded_at: Mapped[datetime] = mapped_column(default=utcnow)

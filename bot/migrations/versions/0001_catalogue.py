"""catalogue: parts, manufacturers, aliases, sources

Revision ID: 0001
Revises:
Create Date: 2026-11-22 02:10:10.451242
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "catalogue_sources",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_catalogue_sources")),
    )
    op.create_table(
        "manufacturers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manufacturers")),
        sa.UniqueConstraint("name", name=op.f("uq_manufacturers_name")),
    )
    op.create_table(
        "manufacturer_aliases",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("alias", sa.String(length=200), nullable=False),
        sa.Column("manufacturer_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["manufacturer_id"],
            ["manufacturers.id"],
            name=op.f("fk_manufacturer_aliases_manufacturer_id_manufacturers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_manufacturer_aliases")),
    )
    with op.batch_alter_table("manufacturer_aliases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_manufacturer_aliases_manufacturer_id"), ["manufacturer_id"], unique=False
        )

    op.create_table(
        "parts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mpn", sa.String(length=120), nullable=False),
        sa.Column("mpn_normalised", sa.String(length=120), nullable=False),
        sa.Column("manufacturer_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("subcategory", sa.String(length=120), nullable=True),
        sa.Column("package", sa.String(length=60), nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("tolerance", sa.Float(), nullable=True),
        sa.Column("voltage", sa.Float(), nullable=True),
        sa.Column("power", sa.Float(), nullable=True),
        sa.Column("current", sa.Float(), nullable=True),
        sa.Column("dielectric", sa.String(length=10), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("datasheet", sa.Text(), nullable=True),
        sa.Column("attributes", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["manufacturer_id"],
            ["manufacturers.id"],
            name=op.f("fk_parts_manufacturer_id_manufacturers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parts")),
        sa.UniqueConstraint(
            "mpn_normalised", "manufacturer_id", name=op.f("uq_parts_mpn_normalised")
        ),
    )
    with op.batch_alter_table("parts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_parts_category"), ["category"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_parts_manufacturer_id"), ["manufacturer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_parts_mpn_normalised"), ["mpn_normalised"], unique=False
        )
        batch_op.create_index("ix_parts_parametric", ["category", "value", "package"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("parts", schema=None) as batch_op:
        batch_op.drop_index("ix_parts_parametric")
        batch_op.drop_index(batch_op.f("ix_parts_mpn_normalised"))
        batch_op.drop_index(batch_op.f("ix_parts_manufacturer_id"))
        batch_op.drop_index(batch_op.f("ix_parts_category"))

    op.drop_table("parts")
    with op.batch_alter_table("manufacturer_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_manufacturer_aliases_manufacturer_id"))

    op.drop_table("manufacturer_aliases")
    op.drop_table("manufacturers")
    op.drop_table("catalogue_sources")

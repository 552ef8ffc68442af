"""quote engine

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 02:46:48.738022
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rfqs",
        sa.Column("id", sa.String(length=16), nullable=False),
        sa.Column("buyer", sa.String(length=120), nullable=False),
        sa.Column("buyer_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closes_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("chosen_offer_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rfqs")),
    )
    with op.batch_alter_table("rfqs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rfqs_closes_at"), ["closes_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_rfqs_status"), ["status"], unique=False)

    op.create_table(
        "vendors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("secret", sa.Text(), nullable=True),
        sa.Column("telegram_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("default_lead_time_days", sa.Integer(), nullable=True),
        sa.Column("shipping_fee", sa.Float(), nullable=True),
        sa.Column("min_order_value", sa.Float(), nullable=True),
        sa.Column("prices_include_tax", sa.Boolean(), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("asked_count", sa.Integer(), nullable=False),
        sa.Column("answered_count", sa.Integer(), nullable=False),
        sa.Column("answer_seconds_total", sa.Float(), nullable=False),
        sa.Column("chosen_count", sa.Integer(), nullable=False),
        sa.Column("feedback_count", sa.Integer(), nullable=False),
        sa.Column("feedback_total", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendors")),
        sa.UniqueConstraint("name", name=op.f("uq_vendors_name")),
    )
    with op.batch_alter_table("vendors", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vendors_telegram_chat_id"), ["telegram_chat_id"], unique=False
        )

    op.create_table(
        "dispatches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rfq_id", sa.String(length=16), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["rfq_id"], ["rfqs.id"], name=op.f("fk_dispatches_rfq_id_rfqs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"],
            ["vendors.id"],
            name=op.f("fk_dispatches_vendor_id_vendors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispatches")),
        sa.UniqueConstraint("rfq_id", "vendor_id", name=op.f("uq_dispatches_rfq_id")),
    )
    with op.batch_alter_table("dispatches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dispatches_rfq_id"), ["rfq_id"], unique=False)

    op.create_table(
        "rfq_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rfq_id", sa.String(length=16), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("request", sa.JSON(), nullable=False),
        sa.Column("candidates", sa.JSON(), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(
            ["rfq_id"], ["rfqs.id"], name=op.f("fk_rfq_lines_rfq_id_rfqs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rfq_lines")),
        sa.UniqueConstraint("rfq_id", "line", name=op.f("uq_rfq_lines_rfq_id")),
    )
    op.create_table(
        "vendor_prices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=False),
        sa.Column("mpn", sa.String(length=120), nullable=False),
        sa.Column("mpn_normalised", sa.String(length=120), nullable=False),
        sa.Column("manufacturer", sa.String(length=120), nullable=False),
        sa.Column("stock", sa.BigInteger(), nullable=True),
        sa.Column("price_breaks", sa.JSON(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("moq", sa.Integer(), nullable=True),
        sa.Column("multiple", sa.Integer(), nullable=True),
        sa.Column("lead_time_days", sa.Integer(), nullable=True),
        sa.Column("date_code", sa.String(length=20), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["vendor_id"],
            ["vendors.id"],
            name=op.f("fk_vendor_prices_vendor_id_vendors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendor_prices")),
        sa.UniqueConstraint(
            "vendor_id", "mpn_normalised", "manufacturer", name=op.f("uq_vendor_prices_vendor_id")
        ),
    )
    with op.batch_alter_table("vendor_prices", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vendor_prices_mpn_normalised"), ["mpn_normalised"], unique=False
        )

    op.create_table(
        "vendor_replies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rfq_id", sa.String(length=16), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["rfq_id"], ["rfqs.id"], name=op.f("fk_vendor_replies_rfq_id_rfqs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"],
            ["vendors.id"],
            name=op.f("fk_vendor_replies_vendor_id_vendors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendor_replies")),
    )
    with op.batch_alter_table("vendor_replies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vendor_replies_rfq_id"), ["rfq_id"], unique=False)

    op.create_table(
        "offers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rfq_id", sa.String(length=16), nullable=False),
        sa.Column("rfq_line_id", sa.Integer(), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=False),
        sa.Column("mpn", sa.String(length=120), nullable=True),
        sa.Column("manufacturer", sa.String(length=120), nullable=True),
        sa.Column("price_breaks", sa.JSON(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("stock", sa.BigInteger(), nullable=True),
        sa.Column("moq", sa.Integer(), nullable=True),
        sa.Column("multiple", sa.Integer(), nullable=True),
        sa.Column("lead_time_days", sa.Integer(), nullable=True),
        sa.Column("date_code", sa.String(length=20), nullable=True),
        sa.Column("tax_included", sa.Boolean(), nullable=True),
        sa.Column("valid_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("raw_text", sa.Text(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rfq_id"], ["rfqs.id"], name=op.f("fk_offers_rfq_id_rfqs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["rfq_line_id"],
            ["rfq_lines.id"],
            name=op.f("fk_offers_rfq_line_id_rfq_lines"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"],
            ["vendors.id"],
            name=op.f("fk_offers_vendor_id_vendors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offers")),
    )
    with op.batch_alter_table("offers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_offers_rfq_id"), ["rfq_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("offers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offers_rfq_id"))

    op.drop_table("offers")
    with op.batch_alter_table("vendor_replies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vendor_replies_rfq_id"))

    op.drop_table("vendor_replies")
    with op.batch_alter_table("vendor_prices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vendor_prices_mpn_normalised"))

    op.drop_table("vendor_prices")
    op.drop_table("rfq_lines")
    with op.batch_alter_table("dispatches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dispatches_rfq_id"))

    op.drop_table("dispatches")
    with op.batch_alter_table("vendors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vendors_telegram_chat_id"))

    op.drop_table("vendors")
    with op.batch_alter_table("rfqs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rfqs_status"))
        batch_op.drop_index(batch_op.f("ix_rfqs_closes_at"))

    op.drop_table("rfqs")

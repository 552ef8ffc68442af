"""telegram

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 03:03:21.970557
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "telegram_chats",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("is_vendor_group", sa.Boolean(), nullable=False),
        sa.Column("unreachable_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("migrated_to", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_telegram_chats")),
    )
    op.create_table(
        "group_replies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rfq_id", sa.String(length=16), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("counted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rfq_id"], ["rfqs.id"], name=op.f("fk_group_replies_rfq_id_rfqs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_replies")),
    )
    with op.batch_alter_table("group_replies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_group_replies_rfq_id"), ["rfq_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_group_replies_user_id"), ["user_id"], unique=False)

    op.create_table(
        "rfq_posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rfq_id", sa.String(length=16), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=True),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["rfq_id"], ["rfqs.id"], name=op.f("fk_rfq_posts_rfq_id_rfqs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"],
            ["vendors.id"],
            name=op.f("fk_rfq_posts_vendor_id_vendors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rfq_posts")),
        sa.UniqueConstraint("chat_id", "message_id", name=op.f("uq_rfq_posts_chat_id")),
    )
    with op.batch_alter_table("rfq_posts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rfq_posts_rfq_id"), ["rfq_id"], unique=False)

    op.create_table(
        "order_intents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rfq_id", sa.String(length=16), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("buyer_user_id", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offers.id"],
            name=op.f("fk_order_intents_offer_id_offers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["rfq_id"], ["rfqs.id"], name=op.f("fk_order_intents_rfq_id_rfqs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_intents")),
    )
    with op.batch_alter_table("order_intents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_intents_rfq_id"), ["rfq_id"], unique=False)

    with op.batch_alter_table("rfqs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_chat_id", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("source_message_id", sa.BigInteger(), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_rfqs_source_chat_id"), ["source_chat_id", "source_message_id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("rfqs", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_rfqs_source_chat_id"), type_="unique")
        batch_op.drop_column("source_message_id")
        batch_op.drop_column("source_chat_id")

    with op.batch_alter_table("order_intents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_intents_rfq_id"))

    op.drop_table("order_intents")
    with op.batch_alter_table("rfq_posts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rfq_posts_rfq_id"))

    op.drop_table("rfq_posts")
    with op.batch_alter_table("group_replies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_replies_user_id"))
        batch_op.drop_index(batch_op.f("ix_group_replies_rfq_id"))

    op.drop_table("group_replies")
    op.drop_table("telegram_chats")

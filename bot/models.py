"""Every table of the product: the catalogue's, and the quote engine's defined here.

One declarative base (catalogue.models.Base) and one Alembic history cover them all.
Times are stored timezone-aware in UTC. An RFQ's closing time is in the database, so an
RFQ survives a restart and keeps accepting answers until then.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalogue.models import Base, CatalogueSource, Manufacturer, ManufacturerAlias, Part, utcnow

__all__ = [
    "Base",
    "CatalogueSource",
    "Dispatch",
    "DispatchState",
    "GroupReply",
    "Manufacturer",
    "ManufacturerAlias",
    "OfferRecord",
    "OrderIntent",
    "OrderStatus",
    "Part",
    "Rfq",
    "RfqLine",
    "RfqPost",
    "RfqStatus",
    "TelegramChat",
    "Vendor",
    "VendorKind",
    "VendorPrice",
    "VendorReply",
    "VendorStatus",
]


class VendorKind(StrEnum):
    HTTP = "http"
    TELEGRAM = "telegram"
    STOCK = "stock"
    MOUSER = "mouser"
    NEXAR = "nexar"
    DIGIKEY = "digikey"
    ELEMENT14 = "element14"


class VendorStatus(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    DISABLED = "disabled"


class RfqStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class DispatchState(StrEnum):
    PENDING = "pending"
    ANSWERED = "answered"
    DECLINED = "declined"
    FAILED = "failed"
    TIMED_OUT = "timed_out"


class Vendor(Base):
    __tablename__ = "vendors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default=VendorStatus.ACTIVE)
    #: HTTP vendors: the quote endpoint and the HMAC secret it verifies.
    url: Mapped[str | None] = mapped_column(Text)
    secret: Mapped[str | None] = mapped_column(Text)
    #: Telegram vendors: their private chat with the bot.
    telegram_chat_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    default_lead_time_days: Mapped[int | None]
    #: In the vendor's currency.
    shipping_fee: Mapped[float | None] = mapped_column(Float)
    min_order_value: Mapped[float | None] = mapped_column(Float)
    prices_include_tax: Mapped[bool] = mapped_column(default=False)
    #: Categories served; None serves every category.
    categories: Mapped[list[str] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Track record, kept as running sums so a score is one row read.
    asked_count: Mapped[int] = mapped_column(default=0)
    answered_count: Mapped[int] = mapped_column(default=0)
    answer_seconds_total: Mapped[float] = mapped_column(Float, default=0.0)
    chosen_count: Mapped[int] = mapped_column(default=0)
    feedback_count: Mapped[int] = mapped_column(default=0)
    feedback_total: Mapped[float] = mapped_column(Float, default=0.0)

    def serves(self, category: str | None) -> bool:
        return self.categories is None or category is None or category in self.categories


class VendorPrice(Base):
    """One row of a stock-list vendor's price list."""

    __tablename__ = "vendor_prices"
    __table_args__ = (UniqueConstraint("vendor_id", "mpn_normalised", "manufacturer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"))
    mpn: Mapped[str] = mapped_column(String(120))
    mpn_normalised: Mapped[str] = mapped_column(String(120), index=True)
    manufacturer: Mapped[str] = mapped_column(String(120), default="")
    stock: Mapped[int | None] = mapped_column(BigInteger)
    #: [[min quantity, unit price], ...] ascending, in `currency`.
    price_breaks: Mapped[list[list[float]]] = mapped_column(JSON)
    currency: Mapped[str] = mapped_column(String(3))
    moq: Mapped[int | None]
    multiple: Mapped[int | None]
    lead_time_days: Mapped[int | None]
    date_code: Mapped[str | None] = mapped_column(String(20))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class Rfq(Base):
    __tablename__ = "rfqs"
    __table_args__ = (UniqueConstraint("source_chat_id", "source_message_id"),)

    #: Short, readable, unguessable: buyers and vendors quote it in chat.
    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    #: Who asked: "cli:<user>" or "tg:<user id>".
    buyer: Mapped[str] = mapped_column(String(120))
    buyer_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    text: Mapped[str] = mapped_column(Text)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(10), default=RfqStatus.OPEN, index=True)
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    closes_at: Mapped[datetime] = mapped_column(index=True)
    closed_at: Mapped[datetime | None] = mapped_column()
    #: The offer the buyer chose (an offers.id; no foreign key: offers reference RFQs).
    chosen_offer_id: Mapped[int | None]
    #: The chat message that asked, so the same update delivered twice opens one RFQ.
    source_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    source_message_id: Mapped[int | None] = mapped_column(BigInteger)

    lines: Mapped[list[RfqLine]] = relationship(
        back_populates="rfq", order_by="RfqLine.line", cascade="all, delete-orphan"
    )


class RfqLine(Base):
    __tablename__ = "rfq_lines"
    __table_args__ = (UniqueConstraint("rfq_id", "line"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rfq_id: Mapped[str] = mapped_column(ForeignKey("rfqs.id", ondelete="CASCADE"))
    line: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    #: The parser's request, in its JSON form.
    request: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: Catalogue part numbers that satisfy the line, best first.
    candidates: Mapped[list[str]] = mapped_column(JSON, default=list)
    category: Mapped[str | None] = mapped_column(String(20))

    rfq: Mapped[Rfq] = relationship(back_populates="lines")


class Dispatch(Base):
    """One vendor asked for one RFQ, and how that ended (exactly one final state)."""

    __tablename__ = "dispatches"
    __table_args__ = (UniqueConstraint("rfq_id", "vendor_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rfq_id: Mapped[str] = mapped_column(ForeignKey("rfqs.id", ondelete="CASCADE"), index=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(20))
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    state: Mapped[str] = mapped_column(String(12), default=DispatchState.PENDING)
    reason: Mapped[str | None] = mapped_column(Text)
    finished_at: Mapped[datetime | None] = mapped_column()

    vendor: Mapped[Vendor] = relationship(lazy="joined")


class OfferRecord(Base):
    """An offer as received, in the vendor's currency; ranking converts it on demand."""

    __tablename__ = "offers"

    id: Mapped[int] = mapped_column(primary_key=True)
    rfq_id: Mapped[str] = mapped_column(ForeignKey("rfqs.id", ondelete="CASCADE"), index=True)
    rfq_line_id: Mapped[int] = mapped_column(ForeignKey("rfq_lines.id", ondelete="CASCADE"))
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"))
    mpn: Mapped[str | None] = mapped_column(String(120))
    manufacturer: Mapped[str | None] = mapped_column(String(120))
    price_breaks: Mapped[list[list[float]]] = mapped_column(JSON)
    currency: Mapped[str] = mapped_column(String(3))
    stock: Mapped[int | None] = mapped_column(BigInteger)
    moq: Mapped[int | None]
    multiple: Mapped[int | None]
    lead_time_days: Mapped[int | None]
    date_code: Mapped[str | None] = mapped_column(String(20))
    tax_included: Mapped[bool | None]
    valid_until: Mapped[datetime | None] = mapped_column()
    raw_text: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: Arrived after the RFQ closed: kept, never ranked.
    late: Mapped[bool] = mapped_column(default=False)
    #: What a distributor adds: the seller behind an aggregator, packaging, its SKU.
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    vendor: Mapped[Vendor] = relationship(lazy="joined")
    rfq_line: Mapped[RfqLine] = relationship(lazy="joined")


class VendorReply(Base):
    """A human vendor's message about an RFQ, kept as written whatever the bot understood."""

    __tablename__ = "vendor_replies"

    id: Mapped[int] = mapped_column(primary_key=True)
    rfq_id: Mapped[str] = mapped_column(ForeignKey("rfqs.id", ondelete="CASCADE"), index=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class OrderStatus(StrEnum):
    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"


class TelegramChat(Base):
    """A chat the bot talks in: its language, whether it is a vendor group, reachability."""

    __tablename__ = "telegram_chats"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    #: "private", "group", "supergroup" or "channel", as Telegram says.
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str | None] = mapped_column(String(200))
    username: Mapped[str | None] = mapped_column(String(64))
    #: "en" or "zh": chosen with /lang, else from the user's Telegram language.
    language: Mapped[str | None] = mapped_column(String(8))
    is_vendor_group: Mapped[bool] = mapped_column(default=False)
    #: Set when Telegram answered 403: the chat blocked the bot or removed it.
    unreachable_since: Mapped[datetime | None] = mapped_column()
    #: A group that became a supergroup: messages go to the new chat.
    migrated_to: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RfqPost(Base):
    """A message the bot posted about an RFQ, so a reply to it finds its RFQ."""

    __tablename__ = "rfq_posts"
    __table_args__ = (UniqueConstraint("chat_id", "message_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rfq_id: Mapped[str] = mapped_column(ForeignKey("rfqs.id", ondelete="CASCADE"), index=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    #: "status" (the buyer's live message), "offers", "vendor" (a vendor's DM), "group",
    #: "correction" (a vendor's DM awaiting a corrected answer).
    kind: Mapped[str] = mapped_column(String(10))
    #: For "vendor" posts: whom it was sent to.
    vendor_id: Mapped[int | None] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"))
    posted_at: Mapped[datetime] = mapped_column(default=utcnow)


class GroupReply(Base):
    """A reply in a vendor group from someone who is not (yet) an active vendor.

    It counts as that person's quote if they are approved while the RFQ is open.
    """

    __tablename__ = "group_replies"

    id: Mapped[int] = mapped_column(primary_key=True)
    rfq_id: Mapped[str] = mapped_column(ForeignKey("rfqs.id", ondelete="CASCADE"), index=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[int] = mapped_column(BigInteger, index=True)
    text: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    counted: Mapped[bool] = mapped_column(default=False)


class OrderIntent(Base):
    """A buyer's choice of an offer: proposed, then confirmed (or cancelled)."""

    __tablename__ = "order_intents"

    id: Mapped[int] = mapped_column(primary_key=True)
    rfq_id: Mapped[str] = mapped_column(ForeignKey("rfqs.id", ondelete="CASCADE"), index=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offers.id", ondelete="CASCADE"))
    buyer_user_id: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(10), default=OrderStatus.PROPOSED)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column()

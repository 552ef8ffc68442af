"""The vendor registry: who can be asked for quotes, and who is asked for a given RFQ."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Vendor, VendorKind, VendorStatus
from catalogue.categories import Category


class VendorError(ValueError):
    """A vendor cannot be registered or changed as asked (the message says why)."""


async def add_vendor(
    session: AsyncSession,
    *,
    name: str,
    kind: VendorKind,
    url: str | None = None,
    secret: str | None = None,
    telegram_chat_id: int | None = None,
    currency: str = "USD",
    categories: Sequence[str] | None = None,
    status: VendorStatus = VendorStatus.ACTIVE,
) -> Vendor:
    name = name.strip()
    if not name:
        raise VendorError("a vendor needs a name")
    if await find_vendor(session, name) is not None:
        raise VendorError(f"a vendor named {name!r} already exists")
    if kind is VendorKind.HTTP and not (url and secret):
        raise VendorError("an HTTP vendor needs --url and --secret")
    if kind is VendorKind.TELEGRAM and telegram_chat_id is None:
        raise VendorError("a Telegram vendor needs its chat id")
    currency = currency.strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        raise VendorError(f"{currency!r} is not a currency code such as USD or CNY")
    if categories is not None:
        unknown = sorted(set(categories) - {category.value for category in Category})
        if unknown:
            raise VendorError(f"unknown categories: {', '.join(unknown)}")
    vendor = Vendor(
        name=name,
        kind=kind,
        url=url,
        secret=secret,
        telegram_chat_id=telegram_chat_id,
        currency=currency,
        categories=list(categories) if categories is not None else None,
        status=status,
    )
    session.add(vendor)
    await session.flush()
    return vendor


async def find_vendor(session: AsyncSession, name: str) -> Vendor | None:
    return await session.scalar(select(Vendor).where(Vendor.name == name.strip()))


async def require_vendor(session: AsyncSession, name: str) -> Vendor:
    vendor = await find_vendor(session, name)
    if vendor is None:
        raise VendorError(f"no vendor named {name!r} (see `sourcing-bot vendors list`)")
    return vendor


async def list_vendors(session: AsyncSession) -> Sequence[Vendor]:
    return (await session.scalars(select(Vendor).order_by(Vendor.name))).all()


async def set_status(session: AsyncSession, name: str, status: VendorStatus) -> Vendor:
    vendor = await require_vendor(session, name)
    vendor.status = status
    return vendor


async def vendors_serving(
    session: AsyncSession, categories: Iterable[str | None]
) -> Sequence[Vendor]:
    """Active vendors that serve at least one of the RFQ's line categories."""
    wanted = list(categories)
    active = (
        await session.scalars(
            select(Vendor).where(Vendor.status == VendorStatus.ACTIVE).order_by(Vendor.id)
        )
    ).all()
    return [vendor for vendor in active if any(vendor.serves(category) for category in wanted)]

"""Webhook mode: the bot registers its webhook with the emulator, which then posts every
update to our aiohttp server; /healthz reports the database and the bot."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from telegram_harness import TOKEN, bot_settings, seeded_database_url

from bot.settings import Settings
from bot.telegram_emulator import TelegramEmulator
from handlers.app import build_application
from handlers.health import check_health
from handlers.webhook import SECRET_HEADER, serve_webhook, webhook_path, webhook_secret

UPDATE = {
    "update_id": 1,
    "message": {
        "message_id": 1,
        "date": 1_700_000_000,
        "chat": {"id": 5, "type": "private", "first_name": "Mallory"},
        "from": {"id": 5, "is_bot": False, "first_name": "Mallory"},
        "text": "500 pcs 0603 10k",
    },
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class WebhookBot:
    emulator: TelegramEmulator
    settings: Settings
    #: Where our server listens (the webhook's host and port).
    url: str


@asynccontextmanager
async def webhook_bot(
    tmp_path: Path, *, database_url: str | None = None, **overrides: object
) -> AsyncIterator[WebhookBot]:
    """The bot in webhook mode on the emulator, on a seeded SQLite file unless a database
    URL is given."""
    async with TelegramEmulator() as emulator:
        emulator.add_bot(TOKEN, "sourcing_test_bot")
        port = free_port()
        settings = bot_settings(
            database_url or await seeded_database_url(tmp_path),
            emulator,
            webhook_url=f"http://127.0.0.1:{port}/telegram/updates",
            port=port,
            **overrides,
        )
        stop = asyncio.Event()
        ready: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        serving = asyncio.create_task(
            serve_webhook(settings, stop, host="127.0.0.1", ready=ready.set_result)
        )
        try:
            url = await asyncio.wait_for(asyncio.shield(ready), 30)
            yield WebhookBot(emulator, settings, url)
        finally:
            stop.set()
            await serving


async def test_the_bot_registers_its_webhook_with_the_url_and_the_secret(tmp_path: Path) -> None:
    async with webhook_bot(tmp_path, webhook_secret="s3cret_for-the-hook") as running:
        webhook = running.emulator.bot().updates.webhook
        assert webhook is not None
        assert webhook.url == running.settings.webhook_url
        assert webhook.secret_token == "s3cret_for-the-hook"


async def test_a_buyer_writing_through_the_webhook_gets_the_status_of_a_new_rfq(
    tmp_path: Path,
) -> None:
    async with webhook_bot(tmp_path) as running:
        emulator = running.emulator
        buyer = emulator.user("Wei", username="wei")
        chat = emulator.private_chat(buyer)
        sent = await emulator.send_text(buyer, chat, "500 pcs 0603 10k")
        replies = await emulator.wait_for(lambda: emulator.messages(chat, after=sent), 10)
        assert replies[0].text is not None
        first_line, *rest = replies[0].text.splitlines()
        assert first_line.startswith("RFQ ")
        assert rest[-1] == "1. 500 × resistor 10 kΩ 0603"
        assert emulator.calls_to("getUpdates") == []
        assert emulator.bot().updates.pending == []


async def test_a_post_without_the_secret_token_is_refused_and_reaches_no_handler(
    tmp_path: Path,
) -> None:
    async with webhook_bot(tmp_path) as running, aiohttp.ClientSession() as session:
        hook = f"{running.url}/telegram/updates"
        async with session.post(hook, json=UPDATE) as missing:
            assert missing.status == 403
        async with session.post(hook, json=UPDATE, headers={SECRET_HEADER: "guess"}) as wrong:
            assert wrong.status == 403
        assert running.emulator.calls_to("sendMessage") == []


async def test_a_body_that_is_not_an_update_is_refused_with_400(tmp_path: Path) -> None:
    async with webhook_bot(tmp_path) as running, aiohttp.ClientSession() as session:
        headers = {SECRET_HEADER: webhook_secret(running.settings)}
        hook = f"{running.url}/telegram/updates"
        async with session.post(hook, data=b"<html>", headers=headers) as garbage:
            assert garbage.status == 400
            assert await garbage.json() == {"error": "the body is not a Telegram update"}
        async with session.post(hook, json=[1, 2], headers=headers) as not_an_object:
            assert not_an_object.status == 400


async def test_healthz_reports_the_database_and_the_bot_in_webhook_mode(tmp_path: Path) -> None:
    async with (
        webhook_bot(tmp_path) as running,
        aiohttp.ClientSession() as session,
        session.get(f"{running.url}/healthz") as answer,
    ):
        assert answer.status == 200
        body = await answer.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["database"]["dialect"] == "sqlite"
    assert body["bot"] == {
        "ok": True,
        "mode": "webhook",
        "username": "sourcing_test_bot",
        "open_rfqs": 0,
        "error": None,
    }


async def test_health_fails_while_the_bot_has_not_started(tmp_path: Path) -> None:
    async with TelegramEmulator() as emulator:
        emulator.add_bot(TOKEN, "sourcing_test_bot")
        settings = bot_settings(await seeded_database_url(tmp_path), emulator)
        health = await check_health(build_application(settings), "polling")
    assert not health.ok
    assert health.to_json()["status"] == "failing"
    assert health.bot.error == "starting"


def test_the_default_secret_is_derived_from_the_token_and_fits_telegrams_alphabet() -> None:
    first = Settings(_env_file=None, telegram_bot_token=TOKEN)  # type: ignore[call-arg]
    again = Settings(_env_file=None, telegram_bot_token=TOKEN)  # type: ignore[call-arg]
    other = Settings(_env_file=None, telegram_bot_token="42:other")  # type: ignore[call-arg]
    secret = webhook_secret(first)
    assert secret == webhook_secret(again)
    assert secret != webhook_secret(other)
    assert len(secret) == 64
    assert TOKEN not in secret


def test_a_webhook_secret_outside_telegrams_alphabet_is_refused_when_settings_load() -> None:
    with pytest.raises(ValueError, match="A-Z, a-z, 0-9"):
        Settings(_env_file=None, webhook_secret="has spaces!")  # type: ignore[call-arg]


def test_a_webhook_url_that_is_not_absolute_is_refused_when_settings_load() -> None:
    with pytest.raises(ValueError, match="not an absolute http"):
        Settings(_env_file=None, webhook_url="my-app.herokuapp.com/hook")  # type: ignore[call-arg]


def test_the_webhook_is_served_at_the_path_of_its_url() -> None:
    assert webhook_path("https://my-app.herokuapp.com/telegram") == "/telegram"
    assert webhook_path("https://my-app.herokuapp.com") == "/"

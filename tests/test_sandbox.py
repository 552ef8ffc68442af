"""The sandbox keeps to itself: its own SQLite file made afresh, the emulator for Telegram,
no distributor or webhook settings, the person at the keyboard as its admin."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest
from test_webhook import free_port

from bot.settings import Settings
from handlers.sandbox import (
    SANDBOX_TOKEN,
    SANDBOX_WINDOW_SECONDS,
    open_sandbox,
    remove_sandbox_database,
    sandbox_settings,
)


def deployment(tmp_path: Path, **values: object) -> Settings:
    """Settings as a real deployment has them, with the sandbox file in `tmp_path`."""
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        database_url="postgres://app:pw@db.example:5432/production",
        mouser_api_key="mouser-key-123456",
        nexar_client_id="nexar-id",
        nexar_client_secret="nexar-secret-123456",
        webhook_url="https://bot.example/telegram",
        admin_ids="42",
        sandbox_database=str(tmp_path / "demo.db"),
        **values,
    )


def test_the_sandbox_never_uses_the_deployments_database(tmp_path: Path) -> None:
    chosen = sandbox_settings(deployment(tmp_path), "http://127.0.0.1:4000", buyer_id=1_000_001)
    assert chosen.database_url == f"sqlite+aiosqlite:///{tmp_path / 'demo.db'}"


def test_the_sandbox_talks_to_the_emulator_with_its_own_token_and_no_network_settings(
    tmp_path: Path,
) -> None:
    chosen = sandbox_settings(deployment(tmp_path), "http://127.0.0.1:4000", buyer_id=1_000_001)
    assert chosen.telegram_api_url == "http://127.0.0.1:4000"
    assert chosen.telegram_bot_token is not None
    assert chosen.telegram_bot_token.get_secret_value() == SANDBOX_TOKEN
    assert (chosen.mouser_api_key, chosen.nexar_client_id, chosen.nexar_client_secret) == (
        None,
        None,
        None,
    )
    assert chosen.webhook_url is None


def test_the_person_playing_the_buyer_is_the_sandboxs_only_admin(tmp_path: Path) -> None:
    chosen = sandbox_settings(deployment(tmp_path), "http://127.0.0.1:4000", buyer_id=1_000_001)
    assert chosen.admins == frozenset({1_000_001})


def test_rfqs_close_within_a_minute_unless_the_window_is_set(tmp_path: Path) -> None:
    default = sandbox_settings(deployment(tmp_path), "http://x:1", buyer_id=1)
    chosen = sandbox_settings(deployment(tmp_path, quote_window_seconds=15), "http://x:1", 1)
    assert default.quote_window_seconds == SANDBOX_WINDOW_SECONDS == 60
    assert chosen.quote_window_seconds == 15


def test_each_start_begins_with_an_empty_sandbox_file(tmp_path: Path) -> None:
    settings = deployment(tmp_path)
    for name in ("demo.db", "demo.db-wal", "demo.db-shm"):
        (tmp_path / name).write_bytes(b"yesterday")
    (tmp_path / "other.db").write_bytes(b"keep")
    remove_sandbox_database(settings)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["other.db"]


@pytest.fixture
async def running(tmp_path: Path):  # type: ignore[no-untyped-def]
    settings = Settings(_env_file=None, sandbox_database=str(tmp_path / "s.db"))  # type: ignore[call-arg]
    async with open_sandbox(settings, port=0) as sandbox:
        yield sandbox


async def test_the_sandbox_serves_its_web_chat_and_health_on_one_port(running) -> None:  # type: ignore[no-untyped-def]
    async with aiohttp.ClientSession() as session:
        async with session.get(running.url) as page:
            assert page.status == 200
            assert page.content_type == "text/html"
        async with session.get(f"{running.url}/healthz") as health:
            assert health.status == 200
            body = await health.json()
    assert body["bot"]["mode"] == "sandbox"
    assert body["bot"]["username"] == "sourcing_sandbox_bot"
    assert body["database"]["dialect"] == "sqlite"


def offers_counted(text: str | None) -> int:
    """The offer count the live status shows ("Asking 7 vendors… 2 answered · 5 offers")."""
    found = re.search(r"· (\d+) offers?", text or "")
    return int(found.group(1)) if found else 0


async def test_a_buyer_in_the_sandbox_sees_offers_of_the_demo_market_arrive(running) -> None:  # type: ignore[no-untyped-def]
    emulator = running.emulator
    buyer, chat = running.market.buyer, running.market.buyer_chat
    sent = await emulator.send_text(buyer, chat, "500 pcs 0603 10k")
    status = (await emulator.wait_for(lambda: emulator.messages(chat, after=sent), 10))[0]
    await emulator.wait_for(lambda: offers_counted(status.text) > 0, 15)


async def test_the_web_chat_lists_the_buyer_the_vendors_by_name_and_the_group(running) -> None:  # type: ignore[no-untyped-def]
    async with aiohttp.ClientSession() as session, session.get(f"{running.url}/api/state") as state:
        seats = (await state.json())["seats"]
    assert [(seat["key"], seat["title"], seat["subtitle"]) for seat in seats] == [
        ("buyer", "Sourcing bot", "you, as the buyer"),
        ("vendor-1", "Minghua Components (明华电子)", "Huang, a demo vendor you play"),
        ("vendor-2", "Zhou Passives", "Zhou, a demo vendor you play"),
        ("auto-1", "SZ Chip Stall 208", "陈晓, answers by itself"),
        ("auto-2", "Segmatic Components HK", "Kevin, answers by itself"),
        ("auto-3", "SEG Plaza 3F-A12 (赛格)", "Li, answers by itself"),
        ("group", "Huaqiangbei Traders 华强北现货群", "a vendor group"),
    ]


def test_sourcing_bot_run_without_a_token_opens_the_sandbox_and_stops_on_sigint(
    tmp_path: Path,
) -> None:
    port = free_port()
    env = {"PATH": "/usr/bin:/bin", "PORT": str(port), "XDG_CACHE_HOME": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert (
            first
            == f"Sandbox ready: open http://127.0.0.1:{port} in a browser (Ctrl+C stops it).\n"
        )
        assert (tmp_path / "sourcing-sandbox.db").exists()
        assert not (tmp_path / "sourcing.db").exists()
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
    finally:
        process.kill()
        process.wait()


async def test_the_buyers_chat_opens_with_the_bots_welcome(running) -> None:  # type: ignore[no-untyped-def]
    [welcome] = running.emulator.messages(running.market.buyer_chat)
    assert welcome.text.startswith("I find electronic components for you.\n")


async def test_vendors_read_the_sandbox_buyer_by_a_name(running) -> None:  # type: ignore[no-untyped-def]
    assert running.market.buyer.first_name == "Alex Chen"

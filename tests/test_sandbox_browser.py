"""The sandbox in a real browser: headless Chromium (Debian's package) driven by Playwright.

A person opens the web chat, asks for parts as the buyer, answers the request as a vendor,
sees the ranked offers, chooses one and confirms. Skipped where Chromium is not installed,
unless REQUIRE_BROWSER is set (.ci/run sets it, so CI always runs it).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, async_playwright, expect

from bot.settings import Settings
from handlers.sandbox import Sandbox, open_sandbox

#: As the machine's own probe starts it: no sandbox as root, no calls to Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Generous: the first answers take up to the demo vendors' 3 s latency, and CI is shared.
SLOW = 30_000


def chromium() -> str:
    path = shutil.which("chromium")
    if path is None:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("REQUIRE_BROWSER is set but Debian's chromium is not installed")
        pytest.skip("Debian's chromium is not installed")
    return path


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    executable = chromium()
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            await launched.close()


@pytest.fixture
async def sandbox(tmp_path: Path) -> AsyncIterator[Sandbox]:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        sandbox_database=str(tmp_path / "sandbox.db"),
        quote_window_seconds=20,
    )
    async with open_sandbox(settings, port=0) as running:
        yield running


async def say(page: Page, text: str) -> None:
    await page.get_by_test_id("composer").fill(text)
    await page.get_by_test_id("send").click()


def bot_message(page: Page, text: str):  # type: ignore[no-untyped-def]
    return page.locator('[data-testid="message"][data-from-bot="true"]', has_text=text)


async def test_a_person_runs_a_whole_rfq_as_buyer_and_vendor_in_the_browser(
    sandbox: Sandbox, browser: Browser, tmp_path: Path
) -> None:
    page = await browser.new_page(viewport={"width": 1280, "height": 800})
    await page.goto(sandbox.url)

    await page.get_by_test_id("seat-buyer").click()
    await say(page, "500 pcs 0603 10k")
    await expect(bot_message(page, "500 × resistor 10 kΩ 0603").first).to_be_visible()

    for number in range(1, len(sandbox.market.played_vendors) + 1):
        await page.get_by_test_id(f"seat-vendor-{number}").click()
        request = bot_message(page, "Request for quote").last
        await expect(request).to_be_visible(timeout=SLOW)
        if number == 1:
            await request.get_by_test_id("reply").click()
            await say(page, "0.0009 USD, 80k in stock")
            await expect(bot_message(page, "0.0009").last).to_be_visible(timeout=SLOW)
        else:
            await request.get_by_test_id("button").filter(has_text="Can't supply").click()
            await expect(bot_message(page, "can't supply").last).to_be_visible(timeout=SLOW)

    await page.get_by_test_id("seat-buyer").click()
    offers = bot_message(page, "Offers for RFQ").last
    await expect(offers).to_be_visible(timeout=SLOW)
    await page.screenshot(path=str(tmp_path / "offers.png"))
    await offers.get_by_test_id("button").first.click()
    prompt = bot_message(page, "Order from").last
    await expect(prompt).to_be_visible(timeout=SLOW)
    await prompt.get_by_test_id("button").filter(has_text="Confirm order").click()
    await expect(bot_message(page, "Order sent to").last).to_be_visible(timeout=SLOW)

"""Makes docs/sandbox.png, the README's picture of the sandbox: a buyer's request answered by
the demo market and one played vendor, ranked, in headless Chromium.

    python scripts/sandbox_screenshot.py [OUTPUT]

Needs Debian's chromium (and fonts-noto-cjk for the vendors' Chinese names).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from playwright.async_api import Page, async_playwright, expect

from bot.settings import Settings
from handlers.sandbox import open_sandbox

ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
REQUEST = "500 pcs 0603 10k 1%\n2k AMS1117-3.3 SOT-223"


async def say(page: Page, text: str) -> None:
    await page.get_by_test_id("composer").fill(text)
    await page.get_by_test_id("send").click()


async def main(output: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None, sandbox_database=str(Path(folder) / "sandbox.db")
        )
        async with open_sandbox(settings, port=0) as sandbox, async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=ARGS
            )
            page = await browser.new_page(viewport={"width": 1280, "height": 1000})
            await page.goto(sandbox.url)
            await page.get_by_test_id("seat-buyer").click()
            await say(page, REQUEST)
            from_bot = '[data-testid="message"][data-from-bot="true"]'
            for number in range(1, len(sandbox.market.played_vendors) + 1):
                await page.get_by_test_id(f"seat-vendor-{number}").click()
                request = page.locator(from_bot, has_text="Request for quote").last
                await expect(request).to_be_visible(timeout=30_000)
                await request.get_by_test_id("reply").click()
                await say(page, "1. 0.0085元 含税 现货10万\n2. 0.19 USD, 5k in stock")
                await expect(page.locator(from_bot).last).to_contain_text("1.", timeout=30_000)
            await page.get_by_test_id("seat-buyer").click()
            offers = page.locator(from_bot, has_text="Offers for RFQ").last
            await expect(offers).to_be_visible(timeout=90_000)
            # The top of the ranking, where the request's first line and its best offers are.
            await offers.evaluate("node => node.scrollIntoView({block: 'start'})")
            await page.screenshot(path=str(output))
            await browser.close()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/sandbox.png")
    asyncio.run(main(target))
    print(f"wrote {target}")

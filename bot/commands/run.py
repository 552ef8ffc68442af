"""`sourcing-bot run`: the bot itself, in the mode its settings call for.

- no TELEGRAM_BOT_TOKEN: the sandbox, a web chat on 127.0.0.1:PORT with demo vendors;
- WEBHOOK_URL set: Telegram's webhook and /healthz on PORT (a Procfile `web:` process);
- otherwise: long polling (a Procfile `worker:` process).

This command is the entry point that wires the packages together: it hands the settings
to `handlers`, the Telegram face, which runs the engine of `bot`.
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import signal
from collections.abc import Awaitable, Callable

MODES = ("sandbox", "webhook", "polling")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Run the bot until SIGINT or SIGTERM. Without TELEGRAM_BOT_TOKEN it starts the offline "
        "sandbox (a web chat with demo vendors on 127.0.0.1:PORT); with WEBHOOK_URL it serves "
        "Telegram's webhook and /healthz on PORT; otherwise it long-polls Telegram."
    )
    parser.add_argument(
        "--mode",
        choices=MODES,
        help="run this mode, refusing to start when its settings are missing, instead of "
        "choosing by the settings",
    )
    parser.set_defaults(run=run)


def choose_mode(requested: str | None, *, has_token: bool, has_webhook: bool) -> str:
    """The mode the settings call for, or the requested one when its settings are there."""
    from bot.errors import UserError

    if requested is None:
        return "sandbox" if not has_token else "webhook" if has_webhook else "polling"
    if requested in ("webhook", "polling") and not has_token:
        raise UserError(
            f"--mode {requested} needs TELEGRAM_BOT_TOKEN: get a token from @BotFather and "
            "set it in the environment or in .env"
        )
    if requested == "webhook" and not has_webhook:
        raise UserError(
            "--mode webhook needs WEBHOOK_URL, the public HTTPS address Telegram posts to, "
            "e.g. https://your-app.herokuapp.com/telegram"
        )
    return requested


def run(args: argparse.Namespace) -> int:
    from bot.errors import UserError
    from bot.logs import configure_logging
    from bot.settings import load_settings

    settings = load_settings()
    mode = choose_mode(
        args.mode,
        has_token=settings.telegram_bot_token is not None,
        has_webhook=bool(settings.webhook_url),
    )
    secrets = settings.secrets()
    if mode == "webhook":
        from handlers.webhook import webhook_secret

        secrets.append(webhook_secret(settings))
    configure_logging(settings.log_level, secrets)
    if mode == "polling":
        from handlers.app import run_polling

        run_polling(settings)
        return 0
    try:
        if mode == "webhook":
            from handlers.webhook import serve_webhook

            asyncio.run(_until_signalled(lambda stop: serve_webhook(settings, stop)))
        else:
            from handlers.sandbox import serve_sandbox

            asyncio.run(
                _until_signalled(lambda stop: serve_sandbox(settings, stop, ready=_announce))
            )
    except OSError as error:
        if error.errno != errno.EADDRINUSE:
            raise
        raise UserError(
            f"port {settings.port} is in use by another program: set PORT to a free one, "
            f"e.g. PORT={settings.port + 1} sourcing-bot run"
        ) from None
    return 0


async def _until_signalled(serve: Callable[[asyncio.Event], Awaitable[None]]) -> None:
    """Runs `serve` until SIGINT or SIGTERM sets its stop event, then lets it shut down."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        await serve(stop)
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)


def _announce(url: str) -> None:
    print(
        f"Sandbox ready: open {url} in a browser (Ctrl+C stops it).\n"
        "No Telegram token is set, so the bot talks to a Telegram of its own with demo "
        "vendors; set TELEGRAM_BOT_TOKEN to run it on Telegram.",
        flush=True,
    )

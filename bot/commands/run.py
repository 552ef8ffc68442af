"""`sourcing-bot run`: the Telegram bot itself, long polling until SIGINT or SIGTERM.

This command is the entry point that wires the packages together: it hands the settings
to `handlers`, the Telegram face, which runs the engine of `bot`.
"""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Run the Telegram bot with long polling (TELEGRAM_BOT_TOKEN; TELEGRAM_API_URL for a "
        "self-hosted Bot API server). Stops cleanly on SIGINT or SIGTERM."
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from bot.errors import UserError
    from bot.logs import configure_logging
    from bot.settings import load_settings

    settings = load_settings()
    if settings.telegram_bot_token is None:
        raise UserError(
            "TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and set it in the "
            "environment or in .env"
        )
    secrets = [
        value.get_secret_value()
        for value in (
            settings.telegram_bot_token,
            settings.mouser_api_key,
            settings.nexar_client_secret,
            settings.digikey_client_secret,
            settings.element14_api_key,
        )
        if value is not None
    ]
    configure_logging(settings.log_level, secrets)
    from handlers.app import run_polling

    run_polling(settings)
    return 0

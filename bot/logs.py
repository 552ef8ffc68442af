"""Logging for the running bot: one line per event, secrets never printed.

python-telegram-bot's HTTP client logs each request URL, and a Bot API URL contains the
bot's token; those loggers are kept at WARNING, and a filter masks any secret that still
reaches a log line (tokens, vendor secrets, distributor keys).

A platform's log router (Heroku's, journald) treats each line as an event, so a traceback or
a buyer's multi-line message is folded into one line, its line breaks written as "\\n".
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_CHATTY = (
    "httpx",
    "httpcore",
    "telegram.ext.ExtBot",
    "apscheduler",
    "aiohttp.access",
    "alembic.runtime.plugins",
)


class EventLineFormatter(logging.Formatter):
    """Formats a record, traceback included, as one line with every secret masked: the
    traceback of a failed HTTP call can carry a URL with the token in it."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__(FORMAT)
        self._secrets = sorted({s for s in secrets if len(s) >= 6}, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record).replace("\r", "").replace("\n", "\\n")
        for secret in self._secrets:
            line = line.replace(secret, "***")
        return line


def configure_logging(level: str, secrets: Iterable[str] = ()) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(EventLineFormatter(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in _CHATTY:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))

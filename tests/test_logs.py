"""The running bot's log never shows its token or a vendor's secret."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from bot.logs import configure_logging

TOKEN = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """configure_logging rewires the root logger; give the next test the one it had."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    chatty = {name: logging.getLogger(name).level for name in ("httpx", "httpcore")}
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, chatty_level in chatty.items():
        logging.getLogger(name).setLevel(chatty_level)


def test_a_token_inside_a_logged_url_is_masked(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging("INFO", [TOKEN])
    logging.getLogger("bot.test").info("POST https://api.telegram.org/bot%s/getMe", TOKEN)
    err = capsys.readouterr().err
    assert "https://api.telegram.org/bot***/getMe" in err
    assert TOKEN not in err


def test_the_http_clients_request_lines_are_not_logged_at_info(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure_logging("INFO", [TOKEN])
    logging.getLogger("httpx").info("HTTP Request: POST https://api.telegram.org/bot%s/x", TOKEN)
    assert capsys.readouterr().err == ""


def test_a_traceback_is_folded_into_the_one_line_of_its_event(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure_logging("INFO", [TOKEN])
    try:
        raise RuntimeError(f"vendor answered 502 for bot{TOKEN}")
    except RuntimeError:
        logging.getLogger("bot.rfqs.engine").exception("rfq=R7K2Q9 vendor=Acme agent crashed")
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "rfq=R7K2Q9 vendor=Acme agent crashed\\nTraceback (most recent call last):" in err
    assert err.rstrip().endswith("RuntimeError: vendor answered 502 for bot***")


def test_a_multi_line_message_stays_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging("INFO")
    logging.getLogger("handlers.buyers").info("unread: %s", "10k 0603\r\nlots of caps")
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.rstrip().endswith("unread: 10k 0603\\nlots of caps")

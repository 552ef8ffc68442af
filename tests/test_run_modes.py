"""`sourcing-bot run` picks its mode from the settings; a forced mode without its settings is
one clear line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import run_cli

from bot.commands.run import choose_mode
from bot.errors import UserError


@pytest.mark.parametrize(
    ("has_token", "has_webhook", "mode"),
    [
        (False, False, "sandbox"),
        (False, True, "sandbox"),
        (True, False, "polling"),
        (True, True, "webhook"),
    ],
)
def test_the_settings_choose_the_mode(has_token: bool, has_webhook: bool, mode: str) -> None:
    assert choose_mode(None, has_token=has_token, has_webhook=has_webhook) == mode


def test_a_forced_mode_runs_when_its_settings_are_there() -> None:
    assert choose_mode("polling", has_token=True, has_webhook=True) == "polling"
    assert choose_mode("sandbox", has_token=True, has_webhook=False) == "sandbox"


def test_webhook_mode_without_a_webhook_url_is_refused() -> None:
    with pytest.raises(UserError, match="--mode webhook needs WEBHOOK_URL"):
        choose_mode("webhook", has_token=True, has_webhook=False)


def test_the_procfiles_polling_worker_without_a_token_says_what_to_set(tmp_path: Path) -> None:
    result = run_cli("run", "--mode", "polling", cwd=tmp_path, env={"PATH": "/usr/bin:/bin"})
    assert (result.returncode, result.stderr) == (
        2,
        "sourcing-bot run: error: --mode polling needs TELEGRAM_BOT_TOKEN: get a token from "
        "@BotFather and set it in the environment or in .env\n",
    )


def test_the_procfile_names_a_web_and_a_worker_process() -> None:
    procfile = (Path(__file__).parents[1] / "Procfile").read_text().splitlines()
    assert procfile == [
        "release: sourcing-bot db upgrade",
        "web: sourcing-bot run --mode webhook",
        "worker: sourcing-bot run --mode polling",
    ]

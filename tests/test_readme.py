"""The README is the first thing a newcomer runs: its promises are checked here."""

from __future__ import annotations

import re
from pathlib import Path

from bot.cli import COMMANDS
from bot.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def test_the_readme_opens_with_the_install_and_run_command_then_the_test_command() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, flags=re.S)
    assert blocks[:2] == [
        "python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/sourcing-bot run",
        'python3 -m venv .venv && .venv/bin/pip install -q -e ".[test]" && .venv/bin/pytest',
    ]


def test_every_setting_is_in_the_configuration_table() -> None:
    table = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    missing = [name.upper() for name in Settings.model_fields if f"`{name.upper()}`" not in table]
    assert missing == []


def test_every_command_is_in_the_command_reference() -> None:
    reference = README.split("## Command reference", 1)[1].split("\n## ", 1)[0]
    assert [name for name in COMMANDS if f"sourcing-bot {name}" not in reference] == []


def test_every_file_the_readme_links_or_shows_is_in_the_repository() -> None:
    targets = re.findall(r"\]\(((?!https?:|#)[^)#]+)", README)
    assert targets, "the README links no file of ours"
    root = Path(__file__).resolve().parents[1]
    assert [target for target in targets if not (root / target).exists()] == []

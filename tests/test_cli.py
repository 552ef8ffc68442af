"""The command line: every subcommand has --help; user mistakes are one line, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import COMMANDS, main
from bot.database import head_revision


def run_cli(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_subcommand_explains_itself_with_help(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    assert f"usage: sourcing-bot {command}" in capsys.readouterr().out


def test_db_upgrade_creates_the_sqlite_file_of_the_default_url(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = run_cli("db", "upgrade", cwd=tmp_path, env=env)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"database is at revision {head_revision()}\n",
        "",
    )
    assert (tmp_path / "sourcing.db").exists()


def test_database_url_comes_from_a_dotenv_file(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("DATABASE_URL=sqlite:///./from-dotenv.db\n")
    result = run_cli("db", "upgrade", cwd=tmp_path, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "from-dotenv.db").exists()


def test_an_unreachable_database_is_one_line_on_stderr(tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": "sqlite+aiosqlite:////nonexistent-directory/x.db",
    }
    result = run_cli("db", "upgrade", cwd=tmp_path, env=env)
    assert (result.returncode, result.stderr) == (
        1,
        "sourcing-bot db: error: database unavailable or unusable: unable to open database "
        "file: the folder /nonexistent-directory does not exist\n",
    )


def test_an_unknown_subcommand_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["fly"])
    assert exited.value.code == 2
    assert "invalid choice: 'fly'" in capsys.readouterr().err


def test_a_bad_setting_is_named_in_one_line(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "QUOTE_WINDOW_SECONDS": "soon"}
    result = run_cli("db", "upgrade", cwd=tmp_path, env=env)
    assert (result.returncode, result.stderr) == (
        1,
        "sourcing-bot db: error: bad setting: QUOTE_WINDOW_SECONDS: "
        "Input should be a valid number, unable to parse string as a number\n",
    )

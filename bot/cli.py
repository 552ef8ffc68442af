"""The `sourcing-bot` command line: subcommands, each with its own --help.

User mistakes end as one line on stderr and exit status 2; an unreachable database as
one line and status 1; never a traceback for either.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

#: subcommand -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "parse": ("bot.commands.parse", "turn a buyer's message into structured part requests"),
    "match": ("bot.commands.match", "parse a message and show catalogue candidates per request"),
    "catalogue": ("bot.commands.catalogue", "import parts into the catalogue, show its stats"),
    "vendors": ("bot.commands.vendors", "register vendors, list them, load their price lists"),
    "quote": ("bot.commands.quote", "ask every vendor for a request and rank their offers"),
    "parse-quote": ("bot.commands.parse_quote", "read vendors' free-text quote replies as offers"),
    "run": ("bot.commands.run", "run the Telegram bot (long polling)"),
    "db": ("bot.commands.db", "database maintenance (migrations)"),
}


def _command_module(name: str) -> ModuleType:
    return importlib.import_module(COMMANDS[name][0])


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with `only`, just that subcommand is configured (faster start)."""
    parser = argparse.ArgumentParser(
        prog="sourcing-bot",
        description="Sourcing bot for electronic components: requests in, ranked quotes out.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for name, (_module, help_text) in COMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        if only is None or only == name:
            _command_module(name).configure(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in arguments if not a.startswith("-")), None)
    parser = build_parser(first if first in COMMANDS else None)
    args = parser.parse_args(arguments)
    from bot.errors import UserError

    try:
        code: int = args.run(args)
        return code
    except UserError as error:
        print(f"sourcing-bot {args.command}: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`); nothing more to say to it.
        sys.stderr.close()
        return 0
    except OSError as error:
        print(f"sourcing-bot {args.command}: error: {error}", file=sys.stderr)
        return 1
    except Exception as error:
        message = _settings_error(error) or _database_error(error)
        if message is None:
            raise
        print(f"sourcing-bot {args.command}: error: {message}", file=sys.stderr)
        return 1


def _settings_error(error: Exception) -> str | None:
    """One line naming each bad setting, when `error` is the settings' validation error."""
    from pydantic import ValidationError

    if not isinstance(error, ValidationError) or error.title != "Settings":
        return None
    problems = "; ".join(
        f"{'.'.join(str(part) for part in problem['loc']).upper()}: {problem['msg']}"
        for problem in error.errors()
    )
    return f"bad setting: {problems}"


def _database_error(error: Exception) -> str | None:
    """A one-line explanation when `error` means the database cannot be used."""
    module = type(error).__module__
    if module.startswith(("sqlalchemy", "asyncpg", "sqlite3", "aiosqlite")):
        first_line = (
            str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        )
        return f"database unavailable or unusable: {first_line}"
    return None

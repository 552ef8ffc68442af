"""`sourcing-bot db upgrade`: run the migrations explicitly (a deployment's release step)."""

from __future__ import annotations

import argparse
import asyncio


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    upgrade = actions.add_parser(
        "upgrade",
        help="bring the database schema up to date",
        description="Bring the database named by DATABASE_URL up to the newest schema.",
    )
    upgrade.set_defaults(run=run_upgrade)


def run_upgrade(args: argparse.Namespace) -> int:
    from bot.database import create_engine, current_revision, upgrade
    from bot.settings import load_settings

    async def _upgrade() -> str | None:
        engine = create_engine(load_settings().database_url)
        try:
            await upgrade(engine)
            return await current_revision(engine)
        finally:
            await engine.dispose()

    revision = asyncio.run(_upgrade())
    print(f"database is at revision {revision}")
    return 0

"""`sourcing-bot catalogue import PATH` and `catalogue stats`: fill the catalogue, count it.

`import` streams a distributor or library file into the catalogue in committed batches
with a progress bar on stderr, lists bad rows by line number, and ends with one summary
line; it exits 0 when any part was written. `stats` prints parts per category, the
total, and the sources loaded so far.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from bot.database import Database
    from catalogue.importers import ImportReport

#: Bad rows listed before the rest are only counted.
DEFAULT_SHOWN_BAD_ROWS = 20


def _count(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 0, got {text!r}")
    return number


def configure(parser: argparse.ArgumentParser) -> None:
    from catalogue.importers import FORMATS, simple_csv

    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    formats = "\n".join(f"  {name:<13} {description}" for name, description in FORMATS.items())
    importer = actions.add_parser(
        "import",
        help="load a parts file (or an Octopart CPL directory) into the catalogue",
        description=(
            "Load parts into the catalogue. Re-importing a file updates its parts in place;\n"
            "bad rows are listed by line number and the good ones still load. Files ending\n"
            "in .gz are read compressed."
        ),
        epilog=(
            f"formats (detected from the path and header when --format is not given):\n"
            f"{formats}\n\nthe csv format:\n{simple_csv.__doc__}"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    importer.add_argument("path", metavar="PATH", help="the file or directory to import")
    importer.add_argument(
        "--format",
        metavar="FORMAT",
        help=f"one of {', '.join(FORMATS)} (default: detect)",
    )
    importer.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar (none is drawn off a terminal)"
    )
    importer.add_argument(
        "--bad-rows",
        type=_count,
        default=DEFAULT_SHOWN_BAD_ROWS,
        metavar="N",
        help=f"bad rows listed before the rest are only counted (default {DEFAULT_SHOWN_BAD_ROWS})",
    )
    importer.set_defaults(run=run_import)
    stats = actions.add_parser(
        "stats",
        help="parts per category, the total, and the sources loaded",
        description="Print the catalogue's parts per category, the total and its sources.",
    )
    stats.set_defaults(run=run_stats)


def run_import(args: argparse.Namespace) -> int:
    import asyncio
    import sys

    from bot.errors import UserError
    from catalogue.importers import CatalogueImportError, choose_format

    path = Path(args.path)
    try:
        choice = choose_format(path, args.format)
    except CatalogueImportError as error:
        raise UserError(str(error)) from None
    print(f"format: {choice.name} ({choice.reason})", flush=True)
    progress = not args.quiet and sys.stderr.isatty()

    async def _run() -> int:
        database = await _open()
        try:
            return await import_into(
                database, path, choice.name, progress=progress, shown_bad_rows=args.bad_rows
            )
        finally:
            await database.close()

    return asyncio.run(_run())


async def import_into(
    database: Database,
    path: Path,
    fmt: str | None,
    *,
    progress: bool = False,
    shown_bad_rows: int = DEFAULT_SHOWN_BAD_ROWS,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Import `path` and print its bad rows and summary; the exit status."""
    import sys

    from bot.errors import UserError
    from catalogue.importers import CatalogueImportError, import_catalogue

    out, err = out or sys.stdout, err or sys.stderr
    try:
        report = await import_catalogue(database.sessions, path, fmt, progress=progress)
    except CatalogueImportError as error:
        raise UserError(str(error)) from None
    for line in bad_row_lines(report, shown_bad_rows):
        print(line, file=err)
    print(summary(report), file=out)
    if report.parts_written == 0:
        print(f"sourcing-bot catalogue: error: no parts imported from {path}", file=err)
        return 1
    return 0


def bad_row_lines(report: ImportReport, shown: int) -> list[str]:
    """The first `shown` bad rows, one line each, and a count of the rest."""
    lines = [f"line {line}: {reason}" for line, reason in report.bad_rows[:shown]]
    hidden = len(report.bad_rows) - shown
    if hidden > 0:
        lines.append(f"... and {hidden} more bad row{'s' if hidden != 1 else ''}")
    return lines


def summary(report: ImportReport) -> str:
    bad = len(report.bad_rows)
    return (
        f"{report.rows_read} rows read, {report.parts_written} parts written, "
        f"{bad} bad row{'s' if bad != 1 else ''}, {report.seconds:.1f} s"
    )


def run_stats(args: argparse.Namespace) -> int:
    import asyncio

    async def _run() -> str:
        database = await _open()
        try:
            return await stats_text(database)
        finally:
            await database.close()

    print(asyncio.run(_run()))
    return 0


async def stats_text(database: Database) -> str:
    """Parts per category (largest first, ties by name), the total, then the loaded sources."""
    from datetime import UTC

    from sqlalchemy import select

    from catalogue.models import CatalogueSource
    from catalogue.store import counts_by_category

    async with database.session() as session:
        counts = sorted(await counts_by_category(session), key=lambda item: (-item[1], item[0]))
        sources = (
            await session.scalars(select(CatalogueSource).order_by(CatalogueSource.name))
        ).all()
    total = sum(count for _, count in counts)
    label_width = max([len("total"), *(len(category) for category, _ in counts)]) + 2
    number_width = len(str(total))
    lines = [f"{category:<{label_width}}{count:>{number_width}}" for category, count in counts]
    lines.append(f"{'total':<{label_width}}{total:>{number_width}}")
    if sources:
        lines.append("sources:")
        for source in sources:
            loaded = source.loaded_at
            loaded = loaded.astimezone(UTC) if loaded.tzinfo else loaded.replace(tzinfo=UTC)
            lines.append(
                f"  {source.name}: {source.rows} parts, version {source.version}, "
                f"loaded {loaded:%Y-%m-%d %H:%M} UTC"
            )
    return "\n".join(lines)


async def _open() -> Database:
    from bot.database import open_database
    from bot.settings import load_settings

    return await open_database(load_settings().database_url)

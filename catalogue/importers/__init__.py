"""Catalogue importers: distributor and library files into the parts catalogue.

`import_catalogue(sessions, path, fmt)` reads a jlcparts CSV export, a JLCPCB parts
list, Octopart's Common Parts Library or the project's own CSV (gzip-compressed or
not), writes its parts in committed batches, and returns an `ImportReport`. The CLI's
`catalogue import` is a thin wrapper; the bot can call it the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalogue.importers import jlc_export, jlcparts, octopart, simple_csv
from catalogue.importers.errors import CatalogueImportError
from catalogue.importers.formats import FORMATS, FormatChoice, choose_format
from catalogue.importers.inputs import InputFiles, fingerprint, read_head
from catalogue.importers.pipeline import Progress, write_rows
from catalogue.importers.report import ImportReport, SourceRow

__all__ = [
    "FORMATS",
    "CatalogueImportError",
    "FormatChoice",
    "ImportReport",
    "choose_format",
    "import_catalogue",
]

_READERS: dict[str, Callable[[InputFiles], Iterator[SourceRow]]] = {
    "jlcparts-csv": jlcparts.read_rows,
    "jlc-export": jlc_export.read_rows,
    "octopart-cpl": octopart.read_rows,
    "csv": simple_csv.read_rows,
}


async def import_catalogue(
    sessions: async_sessionmaker[AsyncSession],
    path: Path,
    fmt: str | None = None,
    *,
    progress: bool = False,
) -> ImportReport:
    """Import `path` (format `fmt`, detected when None) into the catalogue.

    Raises CatalogueImportError when the path is missing or unreadable or its format is
    unknown; bad rows inside a readable file are reported, not raised. With `progress`,
    a progress bar is drawn on stderr.
    """
    choice, inputs, source = _prepare(path, fmt)
    bar = Progress(inputs.total_bytes, inputs.position, path.name, progress)
    try:
        return await write_rows(
            sessions,
            _READERS[choice.name](inputs),
            report=ImportReport(format=choice.name),
            source=source,
            progress=bar,
        )
    finally:
        bar.close()


def _prepare(path: Path, fmt: str | None) -> tuple[FormatChoice, InputFiles, tuple[str, str]]:
    """The format, the files to read, and the (name, version) `catalogue_sources` records."""
    choice = choose_format(path, fmt)
    files = octopart.yaml_files(path) if choice.name == "octopart-cpl" else [path]
    if not path.is_dir():
        read_head(path)
    name = f"{choice.name}:{path.resolve().name}"[:200]
    return choice, InputFiles(path, files), (name, fingerprint(files))

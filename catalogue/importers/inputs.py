"""The files an import reads: gzip opened transparently, text checked, progress in bytes.

Large sources are streamed, never read whole; how far the import has got is measured on
the raw (possibly compressed) bytes, so a progress bar works for .gz files too.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

from catalogue.importers.errors import CatalogueImportError

#: How much of a file is decoded up front to tell text from binary data.
HEAD_BYTES = 64 * 1024
#: Errors that mean compressed data is damaged (raised while reading, not while opening).
READ_ERRORS = (OSError, EOFError, zlib.error)


def is_gzip(path: Path) -> bool:
    return path.suffix.lower() == ".gz"


def logical_suffix(path: Path) -> str:
    """The extension that says what the data is: ".csv" for both x.csv and x.csv.gz."""
    suffixes = [suffix.lower() for suffix in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def _open_binary(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as error:
        raise CatalogueImportError(f"{path}: cannot read: {error.strerror or error}") from error


def read_head(path: Path, size: int = HEAD_BYTES) -> str:
    """The first `size` bytes of the file's (decompressed) text.

    Raises CatalogueImportError when the file is not gzip data although named .gz, or is
    not UTF-8 text.
    """
    with _open_binary(path) as raw:
        try:
            data = gzip.GzipFile(fileobj=raw).read(size) if is_gzip(path) else raw.read(size)
        except READ_ERRORS as error:
            raise CatalogueImportError(f"{path}: not readable gzip data ({error})") from error
    if b"\0" in data:
        raise CatalogueImportError(f"{path}: not a text file (it contains NUL bytes)")
    try:
        return codecs.getincrementaldecoder("utf-8-sig")().decode(data, final=False)
    except UnicodeDecodeError as error:
        raise CatalogueImportError(
            f"{path}: not UTF-8 text (invalid byte at offset {error.start}); save it as UTF-8"
        ) from error


def fingerprint(files: list[Path]) -> str:
    """A short digest of the files' raw bytes: the version `catalogue_sources` records."""
    digest = hashlib.sha256()
    for path in files:
        with _open_binary(path) as raw:
            for block in iter(lambda: raw.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:16]


class InputFiles:
    """One file or the files of a directory, read one after another."""

    def __init__(self, root: Path, files: list[Path]) -> None:
        self.root = root
        self.files = files
        self.total_bytes = sum(path.stat().st_size for path in files)
        self._done_bytes = 0
        self._current: BinaryIO | None = None

    def label(self, path: Path) -> str:
        """How a bad row names its file: the path below the imported directory."""
        return path.relative_to(self.root).as_posix() if path != self.root else path.name

    def position(self) -> int:
        """Raw bytes consumed so far across all files."""
        current = self._current
        if current is None or current.closed:
            return self._done_bytes
        return self._done_bytes + current.tell()

    @contextmanager
    def open_text(self, path: Path) -> Iterator[TextIO]:
        """A text stream over `path` (decompressed when it ends in .gz).

        Undecodable bytes after the checked head become U+FFFD rather than stopping the
        import half-way; the rows holding them fail their own checks.
        """
        read_head(path)
        raw = _open_binary(path)
        self._current = raw
        try:
            binary: BinaryIO | gzip.GzipFile = gzip.GzipFile(fileobj=raw) if is_gzip(path) else raw
            with io.TextIOWrapper(
                binary, encoding="utf-8-sig", errors="replace", newline=""
            ) as text:
                yield text
        finally:
            raw.close()
            self._current = None
            self._done_bytes += path.stat().st_size

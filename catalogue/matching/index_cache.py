"""Built MPN indexes saved on disk, keyed by the catalogue's fingerprint.

Building the index for a million parts takes seconds, and reading a million keys out of
the database takes more; a command-line run would pay both on every start. The arrays are
saved as .npy files and memory-mapped back, so a second process starts in milliseconds
and shares the pages with the first.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np

from catalogue.matching.mpn_index import MpnIndex

#: Bump when the index's arrays change meaning, so old caches are not read.
FORMAT = "mpn-index-1"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class IndexCache:
    """One directory per (catalogue, fingerprint); older ones for the catalogue are removed."""

    def __init__(self, directory: Path, catalogue: str) -> None:
        self.directory = directory
        self._prefix = f"mpn-{_digest(catalogue)}-"

    def _path(self, fingerprint: str) -> Path:
        return self.directory / (self._prefix + _digest(f"{FORMAT}|{fingerprint}"))

    def load(self, fingerprint: str) -> MpnIndex | None:
        path = self._path(fingerprint)
        if not (path / "complete").exists():
            return None
        try:
            arrays = {
                file.stem: np.load(file, mmap_mode="r", allow_pickle=False)
                for file in path.glob("*.npy")
            }
            return MpnIndex(arrays)
        except (OSError, ValueError, KeyError):
            return None

    def save(self, fingerprint: str, index: MpnIndex) -> None:
        """Write the index beside older ones, then swap it in and drop them. Failing to
        write a cache is never an error: the index is simply built again next time."""
        path = self._path(fingerprint)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.directory))
            for name, array in index.arrays().items():
                np.save(staging / f"{name}.npy", np.ascontiguousarray(array), allow_pickle=False)
            (staging / "complete").touch()
            try:
                os.rename(staging, path)
            except OSError:
                shutil.rmtree(staging, ignore_errors=True)  # another process got there first
            for old in self.directory.glob(self._prefix + "*"):
                if old != path:
                    shutil.rmtree(old, ignore_errors=True)
        except OSError:
            return

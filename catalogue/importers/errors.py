"""The one error an import raises for a problem with what it was asked to read."""

from __future__ import annotations


class CatalogueImportError(Exception):
    """The path is missing or unreadable, or its format is unknown or cannot be told.

    Problems inside a readable file are not errors: they are bad rows in the report.
    """

"""Words around numbers, in the reader's language: the seam between the engine and i18n.

The engine (part summaries, rank reasons) writes its phrases as English messages and fills
them in through a `Wording`. The Telegram face passes its gettext Translator, so a Chinese
buyer reads them in Chinese; the CLI, JSON and logs pass `ENGLISH`, the messages as written.
Each phrase is written once, in the code that knows its numbers.
"""

from __future__ import annotations

from typing import Protocol


class Wording(Protocol):
    """Messages in one language, with named placeholders filled in, str.format style.

    `ngettext` picks the form for `count` and fills `{count}` written "1,234".
    """

    def gettext(self, message: str, /, **values: object) -> str: ...

    def ngettext(self, singular: str, plural: str, count: int, /, **values: object) -> str: ...


class _AsWritten:
    """The messages as the code writes them: the English of the CLI, JSON and logs."""

    def gettext(self, message: str, /, **values: object) -> str:
        return message.format_map(values) if values else message

    def ngettext(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        text = singular if count == 1 else plural
        return text.format_map({"count": f"{count:,}", **values})


ENGLISH: Wording = _AsWritten()


def N_(message: str) -> str:
    """Marks a message for the catalogues where it is defined; it is looked up at use."""
    return message

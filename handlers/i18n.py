"""Every word the bot says, looked up in the buyer's or vendor's language.

Messages live in gettext catalogues, handlers/locales/{en,zh}/LC_MESSAGES/bot.po, so
wording and translations change without touching code. The .po files are read with
Babel when this module is imported and compiled to .mo in memory, so there is no
compiled file to build, ship or forget to rebuild. English has its own catalogue too
(msgstr = the English text), which makes it the place to edit English wording.

Placeholders are named, in str.format style: `t._("Asking {count} vendors…", count=3)`.
Counts go through `ngettext`, which picks the language's plural form and fills
`{count}` (with thousands separators) unless told otherwise.

The engine words what buyers read of its results (ranking reasons, part summaries) with
the same messages, through a `catalogue.wording.Wording`: a Translator is one,
and the CLI uses the messages as written. To bring new messages into the catalogues:
    pybabel extract -k tr:2 -k ntr:2,3 --no-location -o /tmp/bot.pot \\
        handlers bot/ranking catalogue/matching/describe.py
    pybabel update -i /tmp/bot.pot -d handlers/locales -D bot --no-fuzzy-matching
then fill in the new entries: tests/test_handlers_i18n.py fails until both catalogues
have every message, with the same placeholders and markup.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

Language = Literal["en", "zh"]
LANGUAGES: tuple[Language, ...] = ("en", "zh")
DEFAULT_LANGUAGE: Language = "en"
DOMAIN = "bot"
#: Each language's name as its speakers write it (what the /lang buttons show).
LANGUAGE_NAMES: Mapping[Language, str] = {"en": "English", "zh": "中文"}

#: The functions whose string arguments are messages: gettext's defaults plus the HTML
#: helpers of handlers.render (`tr(t, msgid, ...)`, `ntr(t, singular, plural, n, ...)`).
EXTRACT_KEYWORDS: Mapping[str, tuple[int, ...] | None] = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "N_": None,
    "tr": (2,),
    "ntr": (2, 3),
}


def language_for(language_code: str | None) -> Language:
    """Chinese for any zh* code (zh, zh-hans, zh-TW...), English for everything else."""
    code = (language_code or "").strip().lower()
    return "zh" if code.startswith("zh") else DEFAULT_LANGUAGE


LOCALES = Path(__file__).resolve().parent / "locales"


def catalogue_path(language: Language) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@dataclass(frozen=True, slots=True, eq=False)
class Translator:
    """One language's messages, with named placeholders filled in."""

    language: Language
    translations: gettext.NullTranslations

    def gettext(self, message: str, /, **values: object) -> str:
        text = self.translations.gettext(message)
        return text.format_map(values) if values else text

    _ = gettext

    def ngettext(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        """The form of `singular`/`plural` for `count`; `{count}` is written "1,234"."""
        text = self.translations.ngettext(singular, plural, count)
        return text.format_map({"count": f"{count:,}", **values})

    def join(self, items: Sequence[str]) -> str:
        """Items as a list in running text: "A, B, C" or "A、B、C"."""
        # Translators: the separator between items of a list in running text.
        return self.gettext(", ").join(items)


def _load(language: Language) -> gettext.GNUTranslations:
    with catalogue_path(language).open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN, abort_invalid=True)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@cache
def _translator(language: Language) -> Translator:
    return Translator(language, _load(language))


def translator(language_code: str | None) -> Translator:
    """The translator for a Telegram `language_code` (or a stored "en"/"zh" choice)."""
    return _translator(language_for(language_code))


# Read both catalogues now, so a broken .po fails at start-up and not mid-conversation.
for _language in LANGUAGES:
    _translator(_language)

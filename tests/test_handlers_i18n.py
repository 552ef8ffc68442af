"""The message catalogues: every message in English and Chinese, and picked by language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from handlers.i18n import (
    EXTRACT_KEYWORDS,
    LANGUAGES,
    Language,
    catalogue_path,
    language_for,
    translator,
)

ROOT = Path(__file__).resolve().parents[1]
#: The engine's messages: ranking reasons and part summaries, which the CLI and JSON write
#: as the code does and Telegram looks up in the reader's language.
ENGINE_SOURCES = (
    (ROOT / "bot" / "ranking", "**.py"),
    (ROOT / "catalogue" / "matching", "describe.py"),
)
#: Where the code writes messages: (folder, files).
MESSAGE_SOURCES = ((ROOT / "handlers", "**.py"), *ENGINE_SOURCES)
PLACEHOLDER = re.compile(r"\{(\w+)\}")
TAG = re.compile(r"</?[a-z]+(?:\s[^>]*)?>")


def _catalogue(language: Language) -> Catalog:
    with catalogue_path(language).open("rb") as po:
        return read_po(po, locale=language)


def _messages_in_code(
    sources: tuple[tuple[Path, str], ...] = MESSAGE_SOURCES,
) -> dict[str, str | tuple[str, str]]:
    """msgid -> the message as the code writes it (a (singular, plural) pair for plurals)."""
    found: dict[str, str | tuple[str, str]] = {}
    extracted = (
        extract
        for directory, files in sources
        for extract in extract_from_dir(
            directory, method_map=[(files, "python")], keywords=EXTRACT_KEYWORDS
        )
    )
    for filename, lineno, message, _comments, _context in extracted:
        if isinstance(message, tuple):
            singular, plural = message[0], message[1]
            assert singular and plural, f"{filename}:{lineno}: a plural needs both forms"
            found[singular] = (singular, plural)
        else:
            found[message] = message
    return found


def _entries(catalogue: Catalog) -> list[Message]:
    return [message for message in catalogue if message.id]


def _ids(message: Message) -> tuple[str, ...]:
    """(msgid,) or (msgid, msgid_plural)."""
    return (message.id,) if isinstance(message.id, str) else tuple(message.id)


def _forms(message: Message) -> list[str]:
    string = message.string
    if string is None or isinstance(string, str):
        return [string or ""]
    return list(string)


def test_chinese_language_codes_get_chinese_and_all_others_english() -> None:
    codes = ["zh", "zh-hans", "zh-TW", "ZH-HK", "en", "en-GB", "de", "", None]
    assert [language_for(code) for code in codes] == ["zh"] * 4 + ["en"] * 5


def test_a_message_fills_its_named_placeholders_in_each_language() -> None:
    message = "Offers for RFQ {rfq}"
    assert translator("en").gettext(message, rfq="7KQ2M9XA") == "Offers for RFQ 7KQ2M9XA"
    assert translator("zh-hans").gettext(message, rfq="7KQ2M9XA") == "询价单 7KQ2M9XA 的报价"


def test_english_counts_take_the_singular_for_one_and_the_plural_otherwise() -> None:
    t = translator("en")
    answered = [
        t.ngettext("{count} vendor answered", "{count} vendors answered", n) for n in (0, 1, 3)
    ]
    assert answered == ["0 vendors answered", "1 vendor answered", "3 vendors answered"]


def test_chinese_counts_have_one_form() -> None:
    t = translator("zh")
    answered = [
        t.ngettext("{count} vendor answered", "{count} vendors answered", n) for n in (1, 3)
    ]
    assert answered == ["1 家供应商已回复", "3 家供应商已回复"]


def test_counts_are_written_with_thousands_separators() -> None:
    t = translator("en")
    assert t.ngettext("Asking {count} vendor…", "Asking {count} vendors…", 1200) == (
        "Asking 1,200 vendors…"
    )


def test_lists_in_running_text_use_each_languages_separator() -> None:
    assert translator("en").join(["Huaqiang A", "Digi"]) == "Huaqiang A, Digi"
    assert translator("zh").join(["Huaqiang A", "Digi"]) == "Huaqiang A、Digi"


def test_the_code_uses_messages() -> None:
    """Guards the checks below: extraction must find the code's messages."""
    found = _messages_in_code()
    assert "Offers for RFQ {rfq}" in found
    assert found["{count} vendor answered"] == (
        "{count} vendor answered",
        "{count} vendors answered",
    )
    assert "cheapest total at {quantity} pcs" in found
    assert "expired {time}" in found
    assert found["{count} reel"] == ("{count} reel", "{count} reels")
    assert "resistor" in found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_in_the_code_is_in_the_catalogue(language: Language) -> None:
    catalogue = _catalogue(language)
    missing = []
    for msgid, message in _messages_in_code().items():
        entry = catalogue.get(msgid)
        if entry is None or entry.id != message:
            missing.append(message)
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_holds_only_messages_the_code_uses(language: Language) -> None:
    used = set(_messages_in_code())
    keys = [_ids(m)[0] for m in _entries(_catalogue(language))]
    assert [key for key in keys if key not in used] == []


def test_the_english_catalogue_words_the_engines_messages_as_the_cli_does() -> None:
    """English buyers in Telegram read the reasons and summaries the CLI prints."""
    engine = _messages_in_code(ENGINE_SOURCES)
    entries = [m for m in _entries(_catalogue("en")) if _ids(m)[0] in engine]
    assert len(entries) == len(engine)
    assert [_ids(m) for m in entries if tuple(_forms(m)) != _ids(m)] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_is_empty_or_fuzzy(language: Language) -> None:
    catalogue = _catalogue(language)
    bad = [m.id for m in _entries(catalogue) if m.fuzzy or not all(_forms(m))]
    assert bad == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_messages_have_the_languages_number_of_forms(language: Language) -> None:
    catalogue = _catalogue(language)
    expected = {"en": 2, "zh": 1}[language]
    assert catalogue.num_plurals == expected
    plurals = [m for m in _entries(catalogue) if len(_ids(m)) == 2]
    assert plurals
    assert all(len(_forms(m)) == expected for m in plurals)


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_use_exactly_the_placeholders_of_their_message(language: Language) -> None:
    wrong = []
    for message in _entries(_catalogue(language)):
        ids = _ids(message)
        available = set(PLACEHOLDER.findall(" ".join(ids)))
        for form in _forms(message):
            used = set(PLACEHOLDER.findall(form))
            # Every form shows the values of its message; "{count}" may be left to the words.
            if not used <= available or available - used - {"count"}:
                wrong.append((ids[0], form))
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_markup_of_their_message(language: Language) -> None:
    wrong = []
    for message in _entries(_catalogue(language)):
        source = _ids(message)[-1]
        for form in _forms(message):
            if sorted(TAG.findall(form)) != sorted(TAG.findall(source)):
                wrong.append((source, form))
    assert wrong == []

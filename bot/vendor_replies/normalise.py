"""One spelling for what chat apps and input methods write many ways.

Full-width digits and punctuation from a Chinese keyboard ("０．０１５元，现货"), circled
item numbers, typographic dashes and tildes all become the plain forms the extractors'
patterns expect, traditional characters their simplified forms (現貨 is 现货), and emoji a
space. Positions reported by every extractor refer to this normalised text.
"""

from __future__ import annotations

import re
import unicodedata

from catalogue.traditional import TO_SIMPLIFIED

_CIRCLED = {chr(0x2460 + i): f"{i + 1}) " for i in range(20)}
_TRANSLATE = str.maketrans(
    {
        **{chr(code): char for code, char in TO_SIMPLIFIED.items()},
        **_CIRCLED,
        "。": "; ",
        "—": "-",
        "–": "-",
        "−": "-",
        "～": "~",
        "〜": "~",
        "，": ", ",
        "；": ";",
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "\t": " ",
        "\r": "",
        "＃": "#",
    }
)
_NEWLINES = re.compile(r"\n\s*\n+")
#: Emoji and pictographs ("👍", "😊", "🙏🏻"), with their joiners and variation selectors: a
#: word followed by one ("no 😊") still ends its clause.
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d]+")


def normalise(text: str) -> str:
    """The reply in the forms the patterns expect; length may change, meaning never."""
    translated = text.translate(_TRANSLATE)
    folded = unicodedata.normalize("NFKC", _EMOJI.sub(" ", translated))
    return _NEWLINES.sub("\n", folded)


# A comma that can only be a decimal mark: "0,0011", "12,50 EUR", "€ 1,5".
_DECIMAL_COMMA = re.compile(
    r"(?<![\d.,])0,\d+(?![\d,])"
    r"|(?<![\d.,])\d+,\d{1,2}(?![\d,.])\s*(?:€|eur|euro|usd|\$|rmb|元|hkd)"
    r"|(?:€|eur|euro)\s*\d+,\d{1,2}(?![\d,.])",
    re.IGNORECASE | re.ASCII,
)


def uses_decimal_comma(text: str) -> bool:
    """Whether the reply writes decimals with a comma, so "25.000 pcs" means 25000.

    A comma is a decimal mark only in a reply that shows one unambiguously; "1,200 pcs"
    alone is an English thousands separator.
    """
    return _DECIMAL_COMMA.search(text) is not None

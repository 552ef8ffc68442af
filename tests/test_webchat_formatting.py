"""How the web chat turns Telegram's text and entities into HTML, and which links lead to the
bot itself. Entities come from the emulator's own parser, as the bot's HTML messages get them."""

from __future__ import annotations

from bot.telegram_emulator import Entity, TelegramEmulator
from bot.telegram_emulator.entities import parse_html, with_automatic_entities
from bot.webchat.formatting import entities_html
from bot.webchat.links import bot_link


def shown(telegram_html: str) -> str:
    """The page's HTML for a message the bot sent with parse_mode HTML."""
    text, entities = parse_html(telegram_html)
    return entities_html(text, with_automatic_entities(text, entities))


def test_plain_text_is_escaped() -> None:
    assert shown('a &lt; b &amp;&amp; c &gt; d "quoted"') == (
        'a &lt; b &amp;&amp; c &gt; d "quoted"'
    )


def test_nested_entities_nest() -> None:
    assert shown("<b>Offer <i>best</i> price</b>") == "<b>Offer <i>best</i> price</b>"


def test_overlapping_entities_are_closed_and_reopened() -> None:
    entities = [Entity("bold", 0, 7), Entity("italic", 4, 7)]

    assert entities_html("one two three", entities) == "<b>one <i>two</i></b><i> thr</i>ee"


def test_offsets_count_utf16_units_past_emoji() -> None:
    assert shown("📦 <b>现货 5万</b> ✅ <code>0603</code>") == (
        "📦 <b>现货 5万</b> ✅ <code>0603</code>"
    )


def test_links_keep_web_addresses_with_their_quotes_escaped() -> None:
    assert shown('<a href="https://example.com/?q=1&amp;r=&quot;x&quot;">sheet</a>') == (
        '<a href="https://example.com/?q=1&amp;r=&quot;x&quot;" target="_blank" '
        'rel="noopener noreferrer">sheet</a>'
    )


def test_a_link_to_a_script_shows_as_plain_text() -> None:
    assert shown('<a href="javascript:alert(1)">click</a>') == "click"


def test_a_bare_host_links_over_http() -> None:
    assert entities_html("see example.com", [Entity("url", 4, 11)]) == (
        'see <a href="http://example.com" target="_blank" rel="noopener noreferrer">example.com</a>'
    )


def test_pre_keeps_its_language_and_spoilers_are_hidden() -> None:
    assert shown('<pre><code class="language-csv">a,b</code></pre><tg-spoiler>x</tg-spoiler>') == (
        '<pre data-language="csv">a,b</pre><span class="spoiler">x</span>'
    )


def test_commands_and_mentions_are_marked() -> None:
    assert shown("Send /vendor to @sourcing_bot") == (
        'Send <span class="command">/vendor</span> to <span class="mention">@sourcing_bot</span>'
    )


def test_an_entity_running_past_the_end_stops_there() -> None:
    assert entities_html("10k 0603", [Entity("bold", 4, 40)]) == "10k <b>0603</b>"


def test_entities_of_unknown_types_leave_the_text_as_it_is() -> None:
    assert entities_html("+86 755 1234", [Entity("phone_number", 0, 12)]) == "+86 755 1234"


async def test_links_to_the_bot_open_it_with_their_start_payload() -> None:
    async with TelegramEmulator() as emulator:
        bot = emulator.add_bot("1:TEST", "Sourcing_Bot")

        with_payload = bot_link("https://t.me/sourcing_bot?start=q_R1", [bot])
        plain = bot_link("https://t.me/Sourcing_Bot", [bot])

        assert with_payload is not None and plain is not None
        assert (with_payload.bot, with_payload.start_command) == (bot, "/start q_R1")
        assert (plain.bot, plain.start_command) == (bot, "/start")


async def test_links_to_other_bots_groups_or_sites_do_not_open_the_bot() -> None:
    async with TelegramEmulator() as emulator:
        bot = emulator.add_bot("1:TEST", "sourcing_bot")

        for url in (
            "https://t.me/other_bot?start=x",
            "https://t.me/sourcing_bot?startgroup=x",
            "https://example.com/sourcing_bot?start=x",
            "tg://resolve?domain=sourcing_bot",
        ):
            assert bot_link(url, [bot]) is None, url

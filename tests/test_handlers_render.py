"""What buyers, vendors and admins read: Telegram HTML in English and Chinese."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

import pytest

from bot.fx import FxRates
from bot.quotes import Offer, QuoteLine, QuoteRequest
from bot.ranking import OfferToRank, RankOrder, VendorTerms, format_days, rank_line
from bot.rfqs.engine import ReplyOutcome
from bot.rfqs.results import LineResult, RfqResult
from bot.vendor_replies import RfqLine, parse_quote
from catalogue.parser import parse_items
from catalogue.request import PartRequest
from handlers.i18n import translator
from handlers.render import (
    BroadcastProgress,
    BuyerContact,
    Message,
    RfqProgress,
    VendorApplication,
    admins_only,
    announcement,
    approval_decided,
    approval_request,
    ask_categories,
    ask_currency,
    ask_name,
    bad_categories,
    bad_currency,
    bot_commands,
    broadcast_report,
    broadcast_usage,
    cannot_supply_noted,
    confirm_prompt,
    correction_prompt,
    group_reply_pending,
    group_reply_received,
    group_rfq_messages,
    language_changed,
    language_prompt,
    line_page_messages,
    name_taken,
    no_open_rfq,
    nothing_recognised,
    offer_messages,
    order_cancelled,
    order_confirmed,
    order_for_vendor,
    registration_sent,
    reply_echo,
    restate_request,
    status_text,
    text_length,
    unread_rows,
    vendor_approved,
    vendor_group_enabled,
    vendor_rejected,
    vendor_rfq_messages,
    welcome,
    which_rfq,
)

EN = translator("en")
ZH = translator("zh-hans")
FX = FxRates.parse("USD", "CNY=0.14,EUR=1.08")
NOW = datetime(2025, 3, 1, tzinfo=UTC)
RFQ = "7KQ2M9XA"

RESISTOR = QuoteLine(
    line=1,
    text="500 pcs 0603 10k 1%",
    request=PartRequest(
        quantity=500, category="resistor", value=10000.0, package="0603", tolerance=0.01
    ),
    candidates=("RC0603FR-0710KL",),
    category="resistor",
)
OPAMP = QuoteLine(
    line=2,
    text="50 LM358DR",
    request=PartRequest(quantity=50, mpn="LM358DR"),
    candidates=("LM358DR", "LM358DT"),
    category="ic",
)
OFFERS = [
    OfferToRank(
        Offer(
            1,
            "CNY",
            ((1, 0.015),),
            mpn="RC0603FR-0710KL",
            manufacturer="YAGEO",
            stock=50000,
            lead_time_days=0,
        ),
        VendorTerms("Huaqiang A", currency="CNY"),
        offer_id=17,
    ),
    OfferToRank(
        Offer(
            1,
            "USD",
            ((1, 0.004), (1000, 0.0015)),
            mpn="RC0603FR-0710KL",
            manufacturer="YAGEO",
            stock=10000,
            lead_time_days=3,
        ),
        VendorTerms("<b>Evil & Co</b>"),
        offer_id=18,
    ),
    OfferToRank(
        Offer(
            1,
            "USD",
            ((100, 0.003),),
            mpn="ERJ-3EKF1002V",
            manufacturer="Panasonic",
            lead_time_days=21,
        ),
        VendorTerms("Digi"),
        offer_id=19,
    ),
    OfferToRank(
        Offer(1, "USD", ((1, 0.01),), mpn="RC0603FR-0710KL", manufacturer="YAGEO", stock=200),
        VendorTerms("Small shop"),
        offer_id=20,
    ),
]
RANKED = tuple(rank_line(RESISTOR, OFFERS, currency="USD", fx=FX, now=NOW))
RESULT = RfqResult(
    RFQ,
    "USD",
    "closed",
    (LineResult(RESISTOR, RANKED, ()),),
    (("Slowpoke", "no answer within the RFQ's window"),),
    6,
)
REQUEST = QuoteRequest(RFQ, datetime(2025, 3, 1, 14, 5, tzinfo=UTC), "USD", (RESISTOR, OPAMP))
ONE_LINE_REQUEST = QuoteRequest(RFQ, datetime(2025, 3, 1, 14, 5), "USD", (RESISTOR,))


def keyboard(message: Message) -> list[list[dict[str, Any]]]:
    assert message.keyboard is not None
    return [[button.to_dict() for button in row] for row in message.keyboard.inline_keyboard]


class _Tags(HTMLParser):
    ALLOWED = frozenset({"b", "i", "u", "s", "code", "pre", "a"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.ALLOWED:
            self.errors.append(f"<{tag}> is not Telegram HTML")
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.errors.append(f"</{tag}> closes nothing open")


def assert_valid_telegram_html(text: str) -> None:
    parser = _Tags()
    parser.feed(text)
    parser.close()
    assert parser.errors == []
    assert parser.open == [], f"unclosed tags {parser.open}"
    assert re.search(r"&(?!(?:amp|lt|gt|quot);)", text) is None, "a bare & in the text"
    assert len(text) <= 4096 and text_length(text) <= 4096


def code_blocks(text: str) -> list[str]:
    return re.findall(r"<code>(.*?)</code>", text, re.DOTALL)


# -- help ------------------------------------------------------------------------------


def test_help_explains_the_bot_with_two_examples_and_how_vendors_register() -> None:
    assert welcome(EN) == (
        "<b>I find electronic components for you.</b>\n"
        "Send what you need: I ask vendors for quotes at once and rank their offers by total "
        "cost, delivery and vendor score.\n\n"
        "<b>One part</b>\n"
        "<code>500 pcs 0603 10k 1%</code>\n\n"
        "<b>Several parts, one per line</b>\n"
        "<code>100 RC0603FR-0710KL\n50 LM358DR\n2 reels 0402 100nF 50V X7R</code>\n\n"
        "You can also send a BOM file (CSV or Excel). In a group, mention me, reply to me or "
        "use /rfq.\n\n"
        "<b>Vendors:</b> send /vendor to register. Once an admin approves you, requests for "
        "quote arrive here and you answer them in plain words.\n\n"
        "/lang switches language · /help shows this again"
    )


def test_help_in_chinese_gives_examples_the_way_chinese_buyers_write() -> None:
    assert welcome(ZH) == (
        "<b>我帮你找电子元器件。</b>\n"
        "把需求发给我：我会同时向多家供应商询价，并按总价、交期和供应商评分为报价排序。\n\n"
        "<b>单个型号</b>\n"
        "<code>0603 10K 1% 500个</code>\n\n"
        "<b>多个型号，每行一个</b>\n"
        "<code>RC0603FR-0710KL 100个\nLM358DR 50个\n0402 100nF 50V X7R 2盘</code>\n\n"
        "也可以直接发送 BOM 文件（CSV 或 Excel）。在群里请 @我、回复我或使用 /rfq。\n\n"
        "<b>供应商：</b>发送 /vendor 注册。管理员审核通过后，询价会发到这里，"
        "直接用文字回复报价即可。\n\n"
        "/lang 切换语言 · /help 再次显示本说明"
    )


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_help_examples_are_requests_the_bot_reads(language: str) -> None:
    one, several = code_blocks(welcome(translator(language)))
    assert [len(parse_items(one)), len(parse_items(several))] == [1, 3]


def test_a_message_with_no_part_gets_two_examples() -> None:
    assert nothing_recognised(EN) == (
        "I could not find a part in that. Name a part number, or describe the part with its "
        "value and package, for example:\n"
        "<code>500 pcs 0603 10k 1%</code>\n"
        "<code>LM358DR 100pcs</code>"
    )
    assert nothing_recognised(ZH) == (
        "没有识别出元器件。请写型号，或写明参数和封装，例如：\n"
        "<code>0603 10K 1% 500个</code>\n"
        "<code>LM358DR 100个</code>"
    )


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_examples_for_an_unreadable_message_are_requests_the_bot_reads(language: str) -> None:
    examples = code_blocks(nothing_recognised(translator(language)))
    assert [len(parse_items(example)) for example in examples] == [1, 1]


def test_telegrams_command_menu_is_described_in_each_language() -> None:
    assert bot_commands(ZH) == [
        ("start", "机器人介绍"),
        ("help", "询价示例"),
        ("rfq", "询价（在群组中使用）"),
        ("lang", "切换语言"),
        ("vendor", "注册成为供应商"),
    ]


def test_the_language_buttons_name_each_language_in_itself() -> None:
    assert keyboard(language_prompt(ZH)) == [
        [{"text": "English", "callback_data": "1l:en"}, {"text": "中文", "callback_data": "1l:zh"}]
    ]


# -- status ----------------------------------------------------------------------------


def test_the_status_counts_vendors_answers_and_offers_while_the_rfq_is_open() -> None:
    progress = RfqProgress(RFQ, asked=12, answered=3, offers=5)
    assert status_text(EN, progress, (RESISTOR, OPAMP)) == (
        "<b>RFQ 7KQ2M9XA</b>\n"
        "Asking 12 vendors… 3 answered · 5 offers\n"
        "1. 500 × resistor 10 kΩ ±1% 0603\n"
        "2. 50 × LM358DR"
    )
    assert status_text(ZH, progress) == (
        "<b>询价单 7KQ2M9XA</b>\n正在向 12 家供应商询价… 3 家已回复 · 5 个报价"
    )


def test_the_status_of_a_closed_rfq_says_how_many_answered() -> None:
    progress = RfqProgress(RFQ, asked=12, answered=9, offers=14, closed=True)
    assert status_text(EN, progress) == (
        "<b>RFQ 7KQ2M9XA</b>\nClosed: 9 of 12 answered · 14 offers"
    )
    assert (
        status_text(ZH, progress)
        == "<b>询价单 7KQ2M9XA</b>\n已截止：12 家中 9 家已回复 · 14 个报价"
    )


def test_the_status_uses_the_singular_for_one() -> None:
    progress = RfqProgress(RFQ, asked=1, answered=1, offers=1)
    assert status_text(EN, progress) == "<b>RFQ 7KQ2M9XA</b>\nAsking 1 vendor… 1 answered · 1 offer"


def test_the_status_of_a_long_bom_lists_ten_lines_and_counts_the_rest() -> None:
    lines = [
        QuoteLine(n, f"LM358DR {n}", PartRequest(quantity=n, mpn="LM358DR")) for n in range(1, 13)
    ]
    text = status_text(EN, RfqProgress(RFQ, asked=4, answered=0, offers=0), lines)
    assert text.splitlines()[-2:] == ["10. 10 × LM358DR", "…and 2 more lines"]


def test_the_status_says_when_no_vendor_can_be_asked() -> None:
    assert status_text(EN, RfqProgress(RFQ, asked=0, answered=0, offers=0)) == (
        "<b>RFQ 7KQ2M9XA</b>\nNo vendor can be asked for these parts yet."
    )


# -- offers ----------------------------------------------------------------------------


def test_offers_show_vendor_part_prices_supply_score_reason_and_tip() -> None:
    [message] = offer_messages(EN, RESULT)
    assert message.text == (
        "<b>Offers for RFQ 7KQ2M9XA</b>\n"
        "5 vendors answered · 4 offers\n"
        "<i>cheapest total first</i>\n"
        "Tap an offer's button to choose it.\n\n"
        "<b>1. 500 × resistor 10 kΩ ±1% 0603</b>\n"
        "<i>500 pcs 0603 10k 1%</i>\n\n"
        "<b>#1 · Huaqiang A</b> · score 50\n"
        "RC0603FR-0710KL · YAGEO\n"
        "500 pcs: <b>$1.05</b> · $0.0021 each (quoted ¥0.015)\n"
        "50,000 in stock · ships now\n"
        "<i>cheapest total at 500 pcs · in stock</i>\n\n"
        "<b>#2 · Digi</b> · score 50\n"
        "ERJ-3EKF1002V · Panasonic · <b>alternative part</b>\n"
        "500 pcs: <b>$1.50</b> · $0.003 each\n"
        "ships in 3 weeks\n"
        "<i>2nd: $0.45 more than #1 · alternative part ERJ-3EKF1002V (not a catalogue match) · "
        "ships in 3 weeks</i>\n\n"
        "<b>#3 · &lt;b&gt;Evil &amp; Co&lt;/b&gt;</b> · score 50\n"
        "RC0603FR-0710KL · YAGEO\n"
        "500 pcs: <b>$2.00</b> · $0.004 each\n"
        "10,000 in stock · ships in 3 days\n"
        "<i>3rd: $0.95 more than #1 · in stock, ships in 3 days</i>\n"
        "Tip: buy 1,000 for $1.50 instead of $2.00 for 500\n\n"
        "No answer from: Slowpoke"
    )


def test_offers_carry_choose_more_sort_and_csv_buttons() -> None:
    [message] = offer_messages(EN, RESULT)
    assert keyboard(message) == [
        [
            {"text": "#1 Huaqiang A", "callback_data": "1c:17"},
            {"text": "#2 Digi", "callback_data": "1c:19"},
            {"text": "#3 <b>Evil & Co</b>", "callback_data": "1c:18"},
        ],
        [{"text": "1 more offer", "callback_data": "1m:7KQ2M9XA:1:1:cheapest"}],
        [
            {"text": "✓ Cheapest", "callback_data": "1s:7KQ2M9XA:cheapest"},
            {"text": "Fastest", "callback_data": "1s:7KQ2M9XA:fastest"},
            {"text": "Most trusted", "callback_data": "1s:7KQ2M9XA:trusted"},
        ],
        [{"text": "Export CSV", "callback_data": "1x:7KQ2M9XA"}],
    ]


def test_offers_in_chinese() -> None:
    [message] = offer_messages(ZH, RESULT)
    assert message.text == (
        "<b>询价单 7KQ2M9XA 的报价</b>\n"
        "5 家供应商已回复 · 4 个报价\n"
        "<i>按总价从低到高</i>\n"
        "点击报价对应的按钮即可选择。\n\n"
        "<b>1. 500 × 电阻 10 kΩ ±1% 0603</b>\n"
        "<i>500 pcs 0603 10k 1%</i>\n\n"
        "<b>#1 · Huaqiang A</b> · 评分 50\n"
        "RC0603FR-0710KL · YAGEO\n"
        "500 个：<b>$1.05</b> · 单价 $0.0021（原报价 ¥0.015）\n"
        "现货 50,000 · 即时发货\n"
        "<i>500 个总价最低 · 现货</i>\n\n"
        "<b>#2 · Digi</b> · 评分 50\n"
        "ERJ-3EKF1002V · Panasonic · <b>替代料</b>\n"
        "500 个：<b>$1.50</b> · 单价 $0.003\n"
        "3 周后发货\n"
        "<i>第 2 名：比 #1 贵 $0.45 · 替代料 ERJ-3EKF1002V（非目录匹配型号） · 3 周后发货</i>\n\n"
        "<b>#3 · &lt;b&gt;Evil &amp; Co&lt;/b&gt;</b> · 评分 50\n"
        "RC0603FR-0710KL · YAGEO\n"
        "500 个：<b>$2.00</b> · 单价 $0.004\n"
        "现货 10,000 · 3 天后发货\n"
        "<i>第 3 名：比 #1 贵 $0.95 · 现货，3 天后发货</i>\n"
        "建议：买 1,000 个共 $1.50，比买 500 个（$2.00）更省\n\n"
        "未回复：Slowpoke"
    )
    assert keyboard(message)[1:] == [
        [{"text": "还有 1 个报价", "callback_data": "1m:7KQ2M9XA:1:1:cheapest"}],
        [
            {"text": "✓ 最便宜", "callback_data": "1s:7KQ2M9XA:cheapest"},
            {"text": "最快", "callback_data": "1s:7KQ2M9XA:fastest"},
            {"text": "最可信", "callback_data": "1s:7KQ2M9XA:trusted"},
        ],
        [{"text": "导出 CSV", "callback_data": "1x:7KQ2M9XA"}],
    ]


def test_a_vendor_name_with_markup_shows_as_typed_and_breaks_nothing() -> None:
    [message] = offer_messages(EN, RESULT)
    assert "<b>#3 · &lt;b&gt;Evil &amp; Co&lt;/b&gt;</b>" in message.text
    assert "<b>Evil" not in message.text
    assert_valid_telegram_html(message.text)


def test_more_shows_the_next_page_of_one_line() -> None:
    [message] = line_page_messages(EN, RESULT, 1, 1)
    assert message.text == (
        "<b>1. 500 × resistor 10 kΩ ±1% 0603</b>\n"
        "<i>500 pcs 0603 10k 1%</i>\n"
        "Offer 4 of 4\n\n"
        "<b>#4 · Small shop</b> · score 50\n"
        "RC0603FR-0710KL · YAGEO\n"
        "500 pcs: <b>$5.00</b> · $0.01 each\n"
        "200 in stock\n"
        "<i>stock 200 of 500 needed</i>"
    )
    assert keyboard(message) == [[{"text": "#4 Small shop", "callback_data": "1c:20"}]]


def test_more_keeps_the_order_the_buyer_chose() -> None:
    many = [
        OfferToRank(
            Offer(1, "USD", ((1, 0.001 * n),), stock=10**5, lead_time_days=n),
            VendorTerms(f"Vendor {n}"),
            offer_id=n,
        )
        for n in range(1, 9)
    ]
    ranked = rank_line(RESISTOR, many, currency="USD", fx=FX, order="fastest", now=NOW)
    result = RfqResult(RFQ, "USD", "closed", (LineResult(RESISTOR, tuple(ranked), ()),), (), 8)
    [first] = offer_messages(EN, result, order=RankOrder.FASTEST)
    [page] = line_page_messages(EN, result, 1, 1, order=RankOrder.FASTEST)
    assert keyboard(first)[1] == [
        {"text": "5 more offers", "callback_data": "1m:7KQ2M9XA:1:1:fastest"}
    ]
    assert keyboard(first)[2][1] == {"text": "✓ Fastest", "callback_data": "1s:7KQ2M9XA:fastest"}
    assert "Offers 4–6 of 8" in page.text
    assert keyboard(page)[-1] == [
        {"text": "2 more offers", "callback_data": "1m:7KQ2M9XA:1:2:fastest"}
    ]


def test_a_page_past_the_last_offer_says_there_are_no_more() -> None:
    [message] = line_page_messages(EN, RESULT, 1, 5)
    assert message.text.endswith("No more offers.")
    assert message.keyboard is None


def test_a_line_without_offers_says_so_and_an_rfq_without_offers_has_no_sort_buttons() -> None:
    result = RfqResult(RFQ, "USD", "closed", (LineResult(OPAMP, (), ()),), (), 3)
    [message] = offer_messages(EN, result)
    assert message.text == (
        "<b>Offers for RFQ 7KQ2M9XA</b>\n"
        "3 vendors answered · 0 offers\n\n"
        "<b>2. 50 × LM358DR</b>\n"
        "<i>50 LM358DR</i>\n\n"
        "No offers."
    )
    assert message.keyboard is None


def _bom_result(lines: int) -> RfqResult:
    vendors = [
        ("Huaqiang A", "CNY", 0.014),
        ("<b>Evil & Co</b>", "USD", 0.0025),
        ("深圳市福田区华强北电子元器件有限公司", "CNY", 0.016),
        ("Digi", "USD", 0.003),
        ("Small shop", "USD", 0.01),
    ]
    results = []
    for number in range(1, lines + 1):
        line = QuoteLine(
            number,
            f"{100 * number} pcs 0603 {number}k 1% thick film, any brand",
            PartRequest(
                quantity=100 * number,
                category="resistor",
                value=1000.0 * number,
                package="0603",
                tolerance=0.01,
            ),
        )
        items = [
            OfferToRank(
                Offer(
                    number,
                    currency,
                    ((1, price), (10000, price * 0.8)),
                    mpn=f"RC0603FR-07{number}KL",
                    manufacturer="YAGEO",
                    stock=50000 if k % 2 == 0 else None,
                    lead_time_days=k * 7,
                    moq=100,
                ),
                VendorTerms(name, currency=currency, shipping_fee=2.0 if k == 3 else None),
                offer_id=number * 10 + k,
            )
            for k, (name, currency, price) in enumerate(vendors)
        ]
        ranked = rank_line(line, items, currency="USD", fx=FX, now=NOW)
        results.append(LineResult(line, tuple(ranked), ()))
    failed = (("Mouser", "timed out"), ("Element14", "no exchange rate"))
    return RfqResult(RFQ, "USD", "closed", tuple(results), failed, 7)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_60_line_bom_is_split_into_messages_of_whole_lines(language: str) -> None:
    t = translator(language)
    result = _bom_result(60)
    messages = offer_messages(t, result)
    assert len(messages) > 1
    for message in messages:
        assert_valid_telegram_html(message.text)
    for line in result.lines:
        number = line.line.line
        holding = [m for m in messages if f"<b>{number}. " in m.text]
        assert len(holding) == 1, f"line {number} is in {len(holding)} messages"
        buttons = [button for row in keyboard(holding[0]) for button in row]
        for offer in line.offers[:3]:
            assert f"<b>{number}.{offer.rank} · " in holding[0].text
            label = f"{number}.{offer.rank} {offer.vendor}"
            assert {"text": label, "callback_data": f"1c:{offer.offer_id}"} in buttons
    assert [m.keyboard is not None for m in messages] == [True] * len(messages)
    sorts = [m for m in messages if "1s:7KQ2M9XA:cheapest" in str(keyboard(m))]
    assert sorts == [messages[-1]]


def test_a_line_too_long_for_one_message_is_cut_between_offers_under_its_header() -> None:
    result = _bom_result(1)
    messages = offer_messages(EN, result, page_size=5, limit=1000)
    assert len(messages) > 2
    offers_seen = []
    for message in messages[1:]:
        assert_valid_telegram_html(message.text)
        assert len(message.text) <= 1000
        assert message.text.startswith("<b>1. 100 × resistor 1 kΩ ±1% 0603</b>")
        offers_seen += re.findall(r"<b>(#\d) · ", message.text)
    assert offers_seen == ["#1", "#2", "#3", "#4", "#5"]


# -- BOM rows --------------------------------------------------------------------------


def test_rows_of_a_bom_file_that_could_not_be_read_are_listed_back() -> None:
    rows = [(7, "R12,,0603,??"), (9, "C3;;<x>")]
    [message] = unread_rows(EN, rows)
    assert message.text == (
        "I could not read these 2 rows of your file, so they are not in the request:\n"
        "Row 7: <code>R12,,0603,??</code>\n"
        "Row 9: <code>C3;;&lt;x&gt;</code>\n"
        "Send them as a message if you still need them."
    )
    [chinese] = unread_rows(ZH, rows[:1])
    assert chinese.text == (
        "文件中有 1 行无法识别，未加入询价：\n"
        "第 7 行：<code>R12,,0603,??</code>\n"
        "如仍需要，请把这些型号以文字消息发给我。"
    )


def test_a_long_list_of_unread_rows_is_split_and_loses_no_row() -> None:
    rows = [(n, f"R{n},,{'x' * 150}") for n in range(2, 202)]
    messages = unread_rows(EN, rows)
    assert len(messages) > 1
    for message in messages:
        assert_valid_telegram_html(message.text)
    listed = [int(n) for m in messages for n in re.findall(r"^Row (\d+):", m.text, re.M)]
    assert listed == list(range(2, 202))


def test_a_block_too_long_for_any_message_is_cut_short_as_plain_text() -> None:
    messages = unread_rows(EN, [(2, "R1 & " + "x" * 300)], limit=120)
    for message in messages:
        assert_valid_telegram_html(message.text)
        assert len(message.text) <= 120
    assert [m.text for m in messages][1] == "Row 2: R1 &amp; " + "x" * 103 + "…"


# -- orders ----------------------------------------------------------------------------


def test_choosing_an_offer_asks_the_buyer_to_confirm() -> None:
    message = confirm_prompt(EN, RANKED[0], RESISTOR)
    assert message.text == (
        "<b>Order from Huaqiang A?</b>\n"
        "<b>1. 500 × resistor 10 kΩ ±1% 0603</b>\n"
        "<i>500 pcs 0603 10k 1%</i>\n"
        "RC0603FR-0710KL · YAGEO\n"
        "500 pcs: <b>$1.05</b> · $0.0021 each (quoted ¥0.015)\n"
        "50,000 in stock · ships now\n\n"
        "If you confirm, Huaqiang A receives your Telegram contact to arrange price, payment "
        "and delivery with you. Nothing is paid here."
    )
    assert keyboard(message) == [
        [
            {"text": "Confirm order", "callback_data": "1y:17"},
            {"text": "Cancel", "callback_data": "1n:17"},
        ]
    ]


def test_an_offer_that_was_never_stored_cannot_be_ordered() -> None:
    [unstored] = rank_line(
        RESISTOR, [OfferToRank(OFFERS[0].offer, OFFERS[0].vendor)], currency="USD", fx=FX, now=NOW
    )
    with pytest.raises(ValueError):
        confirm_prompt(EN, unstored, RESISTOR)


def test_the_buyer_is_told_the_order_went_to_the_vendor() -> None:
    assert order_confirmed(ZH, RANKED[0], RESISTOR) == (
        "<b>订单已发送给 Huaqiang A</b>\n"
        "<b>1. 500 × 电阻 10 kΩ ±1% 0603</b>\n"
        "<i>500 pcs 0603 10k 1%</i>\n"
        "RC0603FR-0710KL · YAGEO\n"
        "500 个：<b>$1.05</b> · 单价 $0.0021（原报价 ¥0.015）\n\n"
        "Huaqiang A 已收到你的 Telegram 联系方式，会与你联系商定付款和交货。"
    )


def test_the_chosen_vendor_gets_its_own_price_and_the_buyers_contact() -> None:
    buyer = BuyerContact(user_id=42, name="Ann <Lee>", username="annlee")
    assert order_for_vendor(EN, RANKED[0], RESISTOR, RFQ, buyer) == (
        "<b>Your offer was chosen: RFQ 7KQ2M9XA</b>\n"
        "<b>1. 500 × resistor 10 kΩ ±1% 0603</b>\n"
        "<i>500 pcs 0603 10k 1%</i>\n"
        "RC0603FR-0710KL · YAGEO\n"
        "500 pcs at ¥0.015 each, as you quoted\n\n"
        'Buyer: <a href="tg://user?id=42">Ann &lt;Lee&gt;</a> (@annlee)\n'
        "Please contact the buyer to confirm the order, payment and delivery."
    )


# -- vendors ---------------------------------------------------------------------------


def test_a_vendor_gets_the_lines_the_closing_time_and_how_to_answer() -> None:
    [message] = vendor_rfq_messages(EN, REQUEST)
    assert message.text == (
        "<b>Request for quote 7KQ2M9XA</b>\n"
        "2 lines · quotes close 2025-03-01 14:05 UTC\n\n"
        "<b>1. 500 × resistor 10 kΩ ±1% 0603</b>\n"
        "<i>500 pcs 0603 10k 1%</i>\n"
        "matches: <code>RC0603FR-0710KL</code>\n\n"
        "<b>2. 50 × LM358DR</b>\n"
        "<i>50 LM358DR</i>\n"
        "matches: <code>LM358DR</code>, <code>LM358DT</code>\n\n"
        "Reply to this message with a price for each line you can supply, numbered, e.g. "
        "<code>1. 0.0021 USD, 50k in stock\n2. 0.35 USD, 2 weeks</code>\n"
        "Other vendors never see your price."
    )
    assert keyboard(message) == [[{"text": "Can't supply", "callback_data": "1d:7KQ2M9XA"}]]


def test_a_one_line_rfq_in_chinese_shows_a_chinese_style_answer() -> None:
    [message] = vendor_rfq_messages(ZH, ONE_LINE_REQUEST)
    assert message.text == (
        "<b>询价单 7KQ2M9XA</b>\n"
        "共 1 行 · 报价截止 2025-03-01 14:05 UTC\n\n"
        "<b>1. 500 × 电阻 10 kΩ ±1% 0603</b>\n"
        "<i>500 pcs 0603 10k 1%</i>\n"
        "匹配型号：<code>RC0603FR-0710KL</code>\n\n"
        "请回复本消息报价，例如 <code>0.015元 含税 现货5万</code>\n"
        "其他供应商看不到你的报价。"
    )
    assert keyboard(message) == [[{"text": "无法供货", "callback_data": "1d:7KQ2M9XA"}]]


def _reply_lines(request: QuoteRequest) -> list[RfqLine]:
    return [
        RfqLine.from_dict({**line.request.to_dict(), "line": line.line, "text": line.text})
        for line in request.lines
    ]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("request_", [ONE_LINE_REQUEST, REQUEST], ids=["one line", "two lines"])
def test_the_example_answer_is_read_as_a_price_for_every_line(
    language: str, request_: QuoteRequest
) -> None:
    [message] = vendor_rfq_messages(translator(language), request_)
    example = code_blocks(message.text)[-1]
    drafts = parse_quote(example, _reply_lines(request_))
    assert sorted(d.line for d in drafts if d.price is not None) == [
        line.line for line in request_.lines
    ]


def test_the_group_post_has_no_price_and_a_private_quote_button() -> None:
    [message] = group_rfq_messages(EN, ONE_LINE_REQUEST, "PartsBot")
    assert message.text == (
        "<b>Request for quote 7KQ2M9XA</b>\n"
        "1 line · quotes close 2025-03-01 14:05 UTC\n\n"
        "<b>1. 500 × resistor 10 kΩ ±1% 0603</b>\n"
        "<i>500 pcs 0603 10k 1%</i>\n"
        "matches: <code>RC0603FR-0710KL</code>\n\n"
        "Reply to this message with your price, e.g. <code>0.0021 USD, 50k in stock</code>\n"
        "Replies here are seen by the group: to keep your price private, quote privately."
    )
    assert keyboard(message) == [
        [{"text": "Quote privately", "url": "https://t.me/PartsBot?start=q_7KQ2M9XA"}]
    ]


def test_a_long_rfq_for_vendors_is_split_with_the_buttons_under_the_last_message() -> None:
    lines = tuple(
        QuoteLine(n, f"{n}00 pcs 0402 {n}k 5% " + "x" * 150, RESISTOR.request) for n in range(1, 61)
    )
    request = QuoteRequest(RFQ, NOW, "USD", lines)
    messages = group_rfq_messages(EN, request, "PartsBot")
    assert len(messages) > 1
    for message in messages:
        assert_valid_telegram_html(message.text)
    assert [m.keyboard is not None for m in messages] == [False] * (len(messages) - 1) + [True]


def test_the_vendor_sees_what_was_read_from_its_reply() -> None:
    outcome = ReplyOutcome(
        RFQ,
        (
            Offer(1, "CNY", ((1, 0.015),), stock=50000, lead_time_days=0, tax_included=True),
            Offer(
                1,
                "USD",
                ((1000, 0.0021), (10000, 0.0018)),
                mpn="RC0603FR-0710KL",
                manufacturer="YAGEO",
                moq=1000,
                multiple=500,
                lead_time_days=21,
                date_code="24+",
            ),
        ),
        declined_lines=(2,),
        unpriced_lines=(),
        late=False,
    )
    [message] = reply_echo(EN, outcome, vendor_id=5, lines=(RESISTOR, OPAMP))
    assert message.text == (
        "<b>Thanks! This is what I read for RFQ 7KQ2M9XA:</b>\n\n"
        "<b>1. 500 × resistor 10 kΩ ±1% 0603</b>\n"
        "<b>¥0.015 (CNY)</b> · tax included · 50,000 in stock · ships now\n"
        "<b>1,000+: $0.0021, 10,000+: $0.0018 (USD)</b> · ships in 3 weeks · MOQ 1,000 · "
        "multiples of 500 · <code>RC0603FR-0710KL</code> · YAGEO · date code 24+\n\n"
        "<b>2. 50 × LM358DR</b>\n"
        "can't supply\n\n"
        "If something is wrong, tap Correct and send your answer again."
    )
    assert keyboard(message) == [[{"text": "Correct", "callback_data": "1e:7KQ2M9XA:5"}]]


def test_the_echo_in_chinese_names_lines_without_a_price() -> None:
    outcome = ReplyOutcome(
        RFQ, (Offer(1, "CNY", ((1, 0.015),), tax_included=False),), (), (2,), late=False
    )
    [message] = reply_echo(ZH, outcome, vendor_id=5)
    assert message.text == (
        "<b>谢谢！询价单 7KQ2M9XA 识别到的报价如下：</b>\n\n"
        "<b>第 1 行</b>\n"
        "<b>¥0.015 (CNY)</b> · 不含税\n\n"
        "<b>第 2 行</b>\n"
        "未识别到价格：请重新回复这一行的价格\n\n"
        "如有错误，请点击“更正”并重新发送报价。"
    )


def test_a_late_reply_is_told_it_was_kept_but_not_ranked_and_has_no_correct_button() -> None:
    outcome = ReplyOutcome(RFQ, (Offer(1, "USD", ((1, 0.002),)),), (), (), late=True)
    [message] = reply_echo(EN, outcome, vendor_id=5, lines=(RESISTOR,))
    assert message.text.endswith(
        "This RFQ had already closed: your answer is kept, but the buyer does not see it."
    )
    assert message.keyboard is None


def test_a_reply_with_nothing_understood_gets_a_request_to_restate() -> None:
    outcome = ReplyOutcome(RFQ, (), (), (), late=False)
    assert reply_echo(EN, outcome, vendor_id=5) == [Message(restate_request(EN, RFQ))]
    assert restate_request(EN, RFQ) == (
        "Sorry, I could not read a price in that answer to RFQ 7KQ2M9XA.\n"
        "Please write the price with its currency, and stock or lead time if you know them, "
        "e.g. <code>0.0021 USD, 50k in stock</code> or <code>0.015元 含税 现货5万</code>\n"
        "Your message is saved."
    )


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_restate_examples_are_read_as_prices(language: str) -> None:
    examples = code_blocks(restate_request(translator(language), RFQ))
    lines = _reply_lines(ONE_LINE_REQUEST)
    assert [[d.price for d in parse_quote(example, lines)] for example in examples] in (
        [[0.0021], [0.015]],
        [[0.015], [0.0021]],
    )


def test_a_plain_message_while_several_rfqs_wait_asks_which_one() -> None:
    assert which_rfq(EN, ["7KQ2M9XA", "Q4W8E2RT"]) == (
        "Several requests wait for your answer (<code>7KQ2M9XA</code>, <code>Q4W8E2RT</code>): "
        "reply to the one you are answering."
    )


def test_a_group_reply_is_confirmed_in_private_never_with_prices_in_the_group() -> None:
    reached = group_reply_received(EN, reached_privately=True, bot_username="PartsBot")
    assert reached == Message("Got it, thanks: I sent you what I read in a private message.")
    unreached = group_reply_received(EN, reached_privately=False, bot_username="PartsBot")
    assert keyboard(unreached) == [
        [{"text": "Open a private chat", "url": "https://t.me/PartsBot"}]
    ]


def test_a_non_vendor_replying_in_a_group_is_invited_to_register() -> None:
    message = group_reply_pending(EN, "PartsBot")
    assert keyboard(message) == [
        [{"text": "Register as a vendor", "url": "https://t.me/PartsBot?start=vendor"}]
    ]


# -- registration and admin ------------------------------------------------------------


def test_registration_lists_the_categories_to_choose_from_in_the_vendors_language() -> None:
    text = ask_categories(ZH)
    assert text.splitlines()[:3] == [
        "你供应哪些元器件？请发送下列代码，用逗号分隔，或发送 <code>all</code>：",
        "<code>resistor</code> 电阻",
        "<code>capacitor</code> 电容",
    ]
    assert len(text.splitlines()) == 13


def test_an_admin_is_asked_to_approve_a_registration() -> None:
    application = VendorApplication(
        vendor_id=5,
        name="Huaqiang <A>",
        currency="CNY",
        categories=["resistor", "capacitor"],
        user_id=99,
        user_name="Wang Wei",
        username="wangwei",
    )
    message = approval_request(EN, application)
    assert message.text == (
        "<b>New vendor registration</b>\n"
        "Name: Huaqiang &lt;A&gt;\n"
        'Telegram: <a href="tg://user?id=99">Wang Wei</a> (@wangwei)\n'
        "Currency: CNY\n"
        "Categories: resistors, capacitors"
    )
    assert keyboard(message) == [
        [{"text": "Approve", "callback_data": "1a:5"}, {"text": "Reject", "callback_data": "1r:5"}]
    ]


def test_a_vendor_serving_everything_is_shown_as_all_categories() -> None:
    application = VendorApplication(6, "Digi", "USD", None, 98, "Ann")
    assert approval_request(ZH, application).text.splitlines()[-1] == "类别：全部类别"


def test_registration_asks_the_name_then_the_currency() -> None:
    assert ask_name(EN) == (
        "<b>Vendor registration</b>\n"
        "What is your company or shop called? Buyers see this name next to your offers."
    )
    assert ask_currency(ZH) == (
        "你用哪种货币报价？请发送货币代码，例如 <code>CNY</code>、<code>USD</code>、"
        "<code>HKD</code> 或 <code>EUR</code>。"
    )


def test_a_currency_that_is_not_a_code_is_shown_back_escaped() -> None:
    assert bad_currency(EN, "<b>yuan</b>") == (
        "<code>&lt;b&gt;yuan&lt;/b&gt;</code> is not a currency code. Send three letters, "
        "e.g. <code>USD</code> or <code>CNY</code>."
    )


def test_the_admins_decision_replaces_the_buttons() -> None:
    assert approval_decided(EN, "Huaqiang A", approved=True, admin="Alice") == (
        "Huaqiang A was approved by Alice."
    )
    assert vendor_approved(ZH, "Huaqiang A") == (
        "审核已通过：Huaqiang A 今后会在这里收到询价。直接回复询价消息即可报价。"
    )


# -- broadcast -------------------------------------------------------------------------


def test_broadcast_progress_counts_chats_sent() -> None:
    assert broadcast_report(EN, BroadcastProgress(total=40, sent=12)) == (
        "Broadcasting… 12 of 40 chats sent."
    )


def test_a_finished_broadcast_names_the_chats_it_could_not_reach() -> None:
    progress = BroadcastProgress(total=40, sent=38, unreachable=("Shop <A>", "-100123"), done=True)
    assert broadcast_report(EN, progress) == (
        "Broadcast done: sent to 38 of 40 chats.\nCould not reach 2 chats: Shop &lt;A&gt;, -100123"
    )
    assert broadcast_report(ZH, progress) == (
        "广播完成：已发送 38/40 个会话。\n无法送达 2 个会话：Shop &lt;A&gt;、-100123"
    )


def test_an_announcement_is_sent_as_the_admin_wrote_it() -> None:
    assert announcement(ZH, "Price list <new> & updated") == (
        "<b>公告</b>\nPrice list &lt;new&gt; &amp; updated"
    )


# -- words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "english", "chinese"),
    [
        (1, "1 day", "1 天"),
        (10, "10 days", "10 天"),
        (14, "2 weeks", "2 周"),
        (30, "30 days", "30 天"),
    ],
)
def test_lead_times_follow_the_rankings_rule_in_each_language(
    days: int, english: str, chinese: str
) -> None:
    assert (format_days(days, EN), format_days(days, ZH)) == (english, chinese)


def _everything(language: str) -> list[str]:
    t = translator(language)
    outcome = ReplyOutcome(RFQ, (OFFERS[1].offer,), (2,), (3,), late=False)
    buyer = BuyerContact(1, "<i>x</i> & y")
    application = VendorApplication(5, "<b>Evil & Co</b>", "USD", None, 9, "<u>", "e")
    messages = [
        *offer_messages(t, RESULT),
        *offer_messages(t, _bom_result(5), order="trusted"),
        *line_page_messages(t, RESULT, 1, 1),
        *vendor_rfq_messages(t, REQUEST),
        *group_rfq_messages(t, REQUEST, "PartsBot"),
        *reply_echo(t, outcome, vendor_id=5, lines=(RESISTOR, OPAMP)),
        *unread_rows(t, [(3, "<tr>&")]),
        confirm_prompt(t, RANKED[1], RESISTOR),
        approval_request(t, application),
        group_reply_pending(t, "PartsBot"),
        language_prompt(t),
        group_reply_received(t, reached_privately=False, bot_username="PartsBot"),
    ]
    return [
        welcome(t),
        nothing_recognised(t),
        status_text(t, RfqProgress(RFQ, 3, 1, 2), (RESISTOR, OPAMP)),
        order_confirmed(t, RANKED[1], RESISTOR),
        order_for_vendor(t, RANKED[1], RESISTOR, RFQ, buyer),
        restate_request(t, RFQ),
        ask_categories(t),
        broadcast_report(t, BroadcastProgress(3, 3, ("<b>",), done=True)),
        announcement(t, "<script>"),
        broadcast_usage(t),
        language_changed(t),
        admins_only(t),
        order_cancelled(t),
        cannot_supply_noted(t, RFQ),
        correction_prompt(t, RFQ),
        no_open_rfq(t),
        which_rfq(t, [RFQ]),
        vendor_group_enabled(t),
        ask_name(t),
        name_taken(t, "<b>"),
        ask_currency(t),
        bad_currency(t, "&"),
        bad_categories(t, ["<x>"]),
        registration_sent(t, "<b>"),
        approval_decided(t, "<b>", approved=False, admin="&"),
        vendor_approved(t, "<b>"),
        vendor_rejected(t, "<b>"),
        *(message.text for message in messages),
    ]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_rendered_message_is_valid_telegram_html(language: str) -> None:
    for text in _everything(language):
        assert_valid_telegram_html(text)

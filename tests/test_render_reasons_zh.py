"""Chinese buyers read, in Chinese, why each offer ranks where it does, why an offer was left
out, and what each line asks for; the CLI keeps the same pieces in English, as written."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.fx import FxRates
from bot.quotes import Offer, QuoteLine
from bot.ranking import (
    BuyUp,
    Expired,
    NoExchangeRate,
    OfferToRank,
    RankOrder,
    Reason,
    VendorTerms,
    excluded_offers,
    rank_line,
)
from bot.ranking.details import (
    AlternativePart,
    ComparedExVat,
    InStock,
    LeadTimeUnknown,
    MinimumOrder,
    MinimumOrderValue,
    Moq,
    NewVendor,
    PartlyInStock,
    QuantityRaised,
    Reels,
    Shipping,
    ShipsIn,
)
from bot.ranking.display import ordinal
from bot.ranking.standing import (
    CheapestTotal,
    FastestDelivery,
    LeadTimeAgainstFirst,
    MostTrusted,
    PlaceWithoutLeadTime,
    ScoreAgainstFirst,
    ShortOfStock,
    TiedWithFirst,
    TotalAgainstFirst,
)
from bot.rfqs.results import LineResult, RfqResult
from catalogue.matching.describe import request_summary
from catalogue.request import PartRequest
from handlers.i18n import translator
from handlers.render import offer_messages, plain

EN = translator("en")
ZH = translator("zh-hans")
FX = FxRates.parse("USD", "CNY=0.14")
NOW = datetime(2025, 3, 1, tzinfo=UTC)

REASONS = [
    (ShortOfStock(300, 5000), "stock 300 of 5,000 needed", "库存仅 300，需要 5,000"),
    (CheapestTotal(500), "cheapest total at 500 pcs", "500 个总价最低"),
    (TotalAgainstFirst(2, 0.62, "USD"), "2nd: $0.62 more than #1", "第 2 名：比 #1 贵 $0.62"),
    (TotalAgainstFirst(3, -0.1, "CNY"), "3rd: ¥0.10 less than #1", "第 3 名：比 #1 便宜 ¥0.10"),
    (TotalAgainstFirst(4, 0.0, "USD"), "4th: same total as #1", "第 4 名：总价与 #1 相同"),
    (FastestDelivery(), "fastest delivery", "交期最快"),
    (PlaceWithoutLeadTime(3), "3rd: lead time unknown", "第 3 名：交期未知"),
    (LeadTimeAgainstFirst(2, 21), "2nd: 3 weeks slower than #1", "第 2 名：比 #1 慢 3 周"),
    (LeadTimeAgainstFirst(2, -1), "2nd: 1 day faster than #1", "第 2 名：比 #1 快 1 天"),
    (
        TiedWithFirst(2, RankOrder.FASTEST, 0.62, "USD"),
        "2nd: as fast as #1, $0.62 more",
        "第 2 名：交期与 #1 相同，贵 $0.62",
    ),
    (
        TiedWithFirst(3, RankOrder.TRUSTED, -1.5, "USD"),
        "3rd: same vendor score as #1, $1.50 less",
        "第 3 名：供应商评分与 #1 相同，便宜 $1.50",
    ),
    (
        TiedWithFirst(2, RankOrder.FASTEST, 0.0, "USD"),
        "2nd: as fast as #1, same total",
        "第 2 名：交期与 #1 相同，总价相同",
    ),
    (MostTrusted(89), "most trusted vendor (score 89)", "最可信的供应商（评分 89）"),
    (
        ScoreAgainstFirst(2, 50, 89),
        "2nd: vendor score 50 vs 89 for #1",
        "第 2 名：供应商评分 50，#1 为 89",
    ),
    (NewVendor(), "new vendor", "新供应商"),
    (
        AlternativePart("GD32F103C8T6", "STM32F103C8T6"),
        "alternative part GD32F103C8T6 for STM32F103C8T6",
        "替代料 GD32F103C8T6（替代 STM32F103C8T6）",
    ),
    (
        AlternativePart("CR0603-FX-1002ELF", None),
        "alternative part CR0603-FX-1002ELF (not a catalogue match)",
        "替代料 CR0603-FX-1002ELF（非目录匹配型号）",
    ),
    (InStock(), "in stock", "现货"),
    (InStock(2), "in stock, ships in 2 days", "现货，2 天后发货"),
    (PartlyInStock(300, 21), "300 in stock, rest in 3 weeks", "现货 300，其余 3 周后发货"),
    (ShipsIn(5), "ships in 5 days", "5 天后发货"),
    (LeadTimeUnknown(), "lead time unknown", "交期未知"),
    (
        MinimumOrder(100, reels_asked=True),
        "reel size unknown: minimum order 100",
        "每盘数量未知：按起订量 100 计",
    ),
    (
        MinimumOrder(100, reels_asked=False),
        "no quantity asked: minimum order 100",
        "未写数量：按起订量 100 计",
    ),
    (Reels(2, 5000, size_from_other_offers=False), "2 reels × 5,000", "2 盘 × 5,000"),
    (Reels(1, 4000, size_from_other_offers=False), "1 reel × 4,000", "1 盘 × 4,000"),
    (
        Reels(2, 5000, size_from_other_offers=True),
        "2 reels × 5,000 (reel size from other offers)",
        "2 盘 × 5,000（每盘数量参照其他报价）",
    ),
    (
        QuantityRaised(500, moq=1000, multiple=300),
        "MOQ 1,000, multiples of 300 (asked 500)",
        "起订量 1,000，按 300 的倍数订购（需求 500）",
    ),
    (
        QuantityRaised(500, moq=1000, multiple=None),
        "MOQ 1,000 (asked 500)",
        "起订量 1,000（需求 500）",
    ),
    (
        QuantityRaised(500, moq=None, multiple=4000),
        "multiples of 4,000 (asked 500)",
        "按 4,000 的倍数订购（需求 500）",
    ),
    (Moq(100), "MOQ 100", "起订量 100"),
    (
        MinimumOrderValue(20.0, "USD"),
        "minimum order value $20.00 applies",
        "按最低订单金额 $20.00 计",
    ),
    (Shipping(5.0, "USD"), "incl. $5.00 shipping", "含运费 $5.00"),
    (ComparedExVat(0.13), "incl. 13% VAT, compared ex-VAT", "含 13% 增值税，按未税价比较"),
    (
        BuyUp(1000, 0.0019, 1.9, "USD", 500, 2.1),
        "buy 1,000 for $1.90 instead of $2.10 for 500",
        "买 1,000 个共 $1.90，比买 500 个（$2.10）更省",
    ),
]


@pytest.mark.parametrize(
    ("reason", "english", "chinese"),
    REASONS,
    ids=[f"{type(reason).__name__}-{english}" for reason, english, _chinese in REASONS],
)
def test_each_reason_reads_in_chinese_and_as_written_in_english(
    reason: Reason, english: str, chinese: str
) -> None:
    assert (reason.render(ZH), reason.render(EN), reason.render()) == (chinese, english, english)


def test_every_place_in_the_ranking_is_written_the_chinese_way() -> None:
    places = [ordinal(n, ZH) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 103)]
    assert places == [f"第 {n} 名" for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 103)]


@pytest.mark.parametrize(
    ("cause", "english", "chinese"),
    [
        (
            Expired(datetime(2025, 2, 28, 18, 0)),
            "expired 2025-02-28 18:00 UTC",
            "报价已于 2025-02-28 18:00 UTC 过期",
        ),
        (NoExchangeRate("AED"), "no exchange rate for AED", "缺少 AED 汇率"),
    ],
    ids=["expired", "no exchange rate"],
)
def test_each_cause_of_leaving_an_offer_out_reads_in_chinese_and_as_written_in_english(
    cause: Expired | NoExchangeRate, english: str, chinese: str
) -> None:
    assert (cause.render(ZH), cause.render(EN), cause.render()) == (chinese, english, english)


SUMMARIES = [
    (
        PartRequest(
            quantity=500, category="resistor", value=10000.0, tolerance=0.01, package="0603"
        ),
        "500 × resistor 10 kΩ ±1% 0603",
        "500 × 电阻 10 kΩ ±1% 0603",
    ),
    (
        PartRequest(
            reels=2,
            category="capacitor",
            value=1e-7,
            tolerance=0.1,
            dielectric="X7R",
            voltage=50.0,
            package="0402",
        ),
        "2 reels × capacitor 100 nF ±10% X7R 50 V 0402",
        "2 盘 × 电容 100 nF ±10% X7R 50 V 0402",
    ),
    (
        PartRequest(quantity=1000, category="inductor", value=1e-5, current=1.5, package="0805"),
        "1,000 × inductor 10 µH 1.5 A 0805",
        "1,000 × 电感 10 µH 1.5 A 0805",
    ),
    (
        PartRequest(quantity=3000, category="ferrite_bead", value=600.0, package="0603"),
        "3,000 × ferrite bead 600 Ω @ 100 MHz 0603",
        "3,000 × 磁珠 600 Ω @ 100 MHz 0603",
    ),
    (
        PartRequest(quantity=200, category="diode", package="SOD-123"),
        "200 × diode SOD-123",
        "200 × 二极管 SOD-123",
    ),
    (PartRequest(reels=1, category="led", package="0603"), "1 reel × LED 0603", "1 盘 × LED 0603"),
    (
        PartRequest(quantity=100, category="crystal", value=8e6, package="HC-49S"),
        "100 × crystal 8 MHz HC-49S",
        "100 × 晶振 8 MHz HC-49S",
    ),
    (
        PartRequest(quantity=500, category="transistor", package="SOT-23"),
        "500 × transistor SOT-23",
        "500 × 晶体管 SOT-23",
    ),
    (
        PartRequest(quantity=50, category="ic", package="SOIC-8"),
        "50 × IC SOIC-8",
        "50 × 芯片 SOIC-8",
    ),
    (
        PartRequest(quantity=20, category="connector", package="USB-C"),
        "20 × connector USB-C",
        "20 × 连接器 USB-C",
    ),
    (
        PartRequest(quantity=100, category="fuse", current=0.5, package="1206"),
        "100 × fuse 500 mA 1206",
        "100 × 保险丝 500 mA 1206",
    ),
    (PartRequest(quantity=10, category="other"), "10 × part", "10 × 元器件"),
    (PartRequest(quantity=10), "10 × part", "10 × 元器件"),
    (
        PartRequest(reels=3, mpn="RC0603FR-0710KL", package="0603"),
        "3 reels × RC0603FR-0710KL (0603)",
        "3 盘 × RC0603FR-0710KL (0603)",
    ),
    (PartRequest(quantity=50, mpn="LM358DR"), "50 × LM358DR", "50 × LM358DR"),
]


@pytest.mark.parametrize(
    ("request_", "english", "chinese"),
    SUMMARIES,
    ids=[english for _request, english, _chinese in SUMMARIES],
)
def test_each_kind_of_part_is_summarised_in_chinese_and_as_written_in_english(
    request_: PartRequest, english: str, chinese: str
) -> None:
    summaries = (request_summary(request_, ZH), request_summary(request_, EN))
    assert (*summaries, request_summary(request_)) == (chinese, english, english)


# -- through the ranking and the offers message ------------------------------------------

RESISTOR = QuoteLine(
    line=1,
    text="0603 10k 1% 500pcs",
    request=PartRequest(
        quantity=500, category="resistor", value=10000.0, tolerance=0.01, package="0603"
    ),
    candidates=("RC0603FR-0710KL",),
)
#: Tax-included yuan, in stock; dollars with a shipping fee and a buy-up; a dead price;
#: a currency without a rate.
OFFERS = [
    OfferToRank(
        Offer(1, "CNY", ((1, 0.015),), stock=50000, lead_time_days=0, tax_included=True),
        VendorTerms("Huaqiang A", currency="CNY"),
    ),
    OfferToRank(
        Offer(1, "USD", ((1, 0.004), (1000, 0.0015)), stock=10000, lead_time_days=3),
        VendorTerms("Rich Hong Kong", shipping_fee=1.0),
    ),
    OfferToRank(
        Offer(1, "USD", ((1, 0.0005),), valid_until=datetime(2025, 2, 28, 18, 0)),
        VendorTerms("Nova Parts"),
    ),
    OfferToRank(Offer(1, "AED", ((1, 0.01),)), VendorTerms("Dubai Stock", currency="AED")),
]


def _result() -> RfqResult:
    ranked = rank_line(RESISTOR, OFFERS, currency="USD", fx=FX, now=NOW)
    excluded = excluded_offers(OFFERS, fx=FX, now=NOW)
    return RfqResult(
        "7KQ2M9XA", "USD", "closed", (LineResult(RESISTOR, tuple(ranked), tuple(excluded)),), (), 4
    )


def test_a_chinese_buyer_reads_the_reasons_the_tip_and_what_was_left_out_in_chinese() -> None:
    [message] = offer_messages(ZH, _result())
    assert plain(message.text).split("\n\n")[1:] == [
        "1. 500 × 电阻 10 kΩ ±1% 0603\n0603 10k 1% 500pcs",
        "#1 · Huaqiang A · 评分 50\n"
        "未提供型号\n"
        "500 个：$0.93 · 单价 $0.001858（原报价 ¥0.015）\n"
        "现货 50,000 · 即时发货\n"
        "500 个总价最低 · 现货 · 含 13% 增值税，按未税价比较",
        "#2 · Rich Hong Kong · 评分 50\n"
        "未提供型号\n"
        "500 个：$3.00 · 单价 $0.004\n"
        "现货 10,000 · 3 天后发货\n"
        "第 2 名：比 #1 贵 $2.07 · 现货，3 天后发货 · 含运费 $1.00\n"
        "建议：买 1,000 个共 $2.50，比买 500 个（$3.00）更省",
        "未计入：Nova Parts（报价已于 2025-02-28 18:00 UTC 过期）",
        "未计入：Dubai Stock（缺少 AED 汇率）",
    ]


def test_an_english_buyer_reads_the_reasons_the_cli_prints() -> None:
    result = _result()
    [message] = offer_messages(EN, result)
    [line] = result.lines
    shown = plain(message.text).split("\n\n")
    cli = [offer.why for offer in line.offers] + [e.reason for e in line.excluded]
    assert cli == [
        "cheapest total at 500 pcs · in stock · incl. 13% VAT, compared ex-VAT",
        "2nd: $2.07 more than #1 · in stock, ships in 3 days · incl. $1.00 shipping"
        " · buy 1,000 for $2.50 instead of $3.00 for 500",
        "expired 2025-02-28 18:00 UTC",
        "no exchange rate for AED",
    ]
    assert [shown[2].splitlines()[-1], *shown[3].splitlines()[-2:], *shown[4:]] == [
        cli[0],
        "2nd: $2.07 more than #1 · in stock, ships in 3 days · incl. $1.00 shipping",
        "Tip: buy 1,000 for $2.50 instead of $3.00 for 500",
        "Left out: Nova Parts (expired 2025-02-28 18:00 UTC)",
        "Left out: Dubai Stock (no exchange rate for AED)",
    ]

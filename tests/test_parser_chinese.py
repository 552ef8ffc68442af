"""Convention 10: Chinese and mixed text."""

from __future__ import annotations

from typing import Any

from catalogue.parser import parse_request


def requests(text: str) -> list[dict[str, Any]]:
    return [request.to_dict() for request in parse_request(text)]


def test_smd_resistor_with_pieces() -> None:
    assert requests("贴片电阻 0603 10K 1% 5000个") == [
        {
            "quantity": 5000,
            "category": "resistor",
            "value": 10000.0,
            "package": "0603",
            "tolerance": 0.01,
        }
    ]


def test_words_run_together_without_spaces() -> None:
    assert requests("贴片电阻0603 4.7K 5%2000只") == [
        {
            "quantity": 2000,
            "category": "resistor",
            "value": 4700.0,
            "package": "0603",
            "tolerance": 0.05,
        }
    ]


def test_wan_is_ten_thousand() -> None:
    assert requests("0805 100nF 50V X7R 电容 2万个") == [
        {
            "quantity": 20000,
            "category": "capacitor",
            "value": 1e-07,
            "package": "0805",
            "voltage": 50.0,
            "dielectric": "X7R",
        }
    ]


def test_w_is_ten_thousand() -> None:
    assert requests("电容 0603 104 50V 2w个") == [
        {
            "quantity": 20000,
            "category": "capacitor",
            "value": 1e-07,
            "package": "0603",
            "voltage": 50.0,
        }
    ]


def test_decimal_wan() -> None:
    assert requests("求购 LM358 SOP8 1.5万个") == [
        {"quantity": 15000, "mpn": "LM358", "package": "SOIC-8"}
    ]


def test_liang_wan_without_measure_word() -> None:
    assert requests("100nF 0402 要两万") == [
        {"quantity": 20000, "category": "capacitor", "value": 1e-07, "package": "0402"}
    ]


def test_qian_is_a_thousand() -> None:
    assert requests("晶振 25MHz 3225 20ppm 2千个") == [
        {
            "quantity": 2000,
            "category": "crystal",
            "value": 25000000.0,
            "package": "3225",
            "tolerance": 2e-05,
        }
    ]


def test_kilo_ohm_in_chinese() -> None:
    assert requests("4.7千欧 贴片电阻 0805 3千个") == [
        {"quantity": 3000, "category": "resistor", "value": 4700.0, "package": "0805"}
    ]


def test_ohm_in_chinese() -> None:
    assert requests("220欧 0603 1% 8千个") == [
        {
            "quantity": 8000,
            "category": "resistor",
            "value": 220.0,
            "package": "0603",
            "tolerance": 0.01,
        }
    ]


def test_ferrite_bead_in_chinese() -> None:
    assert requests("磁珠 600R 0603 10k个") == [
        {"quantity": 10000, "category": "ferrite_bead", "value": 600.0, "package": "0603"}
    ]


def test_crystal_megahertz_written_m() -> None:
    assert requests("晶振 16M 3225 1万个") == [
        {"quantity": 10000, "category": "crystal", "value": 16000000.0, "package": "3225"}
    ]


def test_zener_diode_in_chinese() -> None:
    assert requests("稳压二极管 3.3V 0.5W SOD-123 1万个") == [
        {
            "quantity": 10000,
            "category": "diode",
            "package": "SOD-123",
            "voltage": 3.3,
            "power": 0.5,
        }
    ]


def test_fuse_in_chinese() -> None:
    assert requests("保险丝 1206 2A 1000个") == [
        {"quantity": 1000, "category": "fuse", "package": "1206", "current": 2.0}
    ]


def test_smd_inductor_in_chinese() -> None:
    assert requests("贴片电感 0805 10uH 2000只") == [
        {"quantity": 2000, "category": "inductor", "value": 1e-05, "package": "0805"}
    ]


def test_w_on_a_resistor_with_a_quantity_is_watts() -> None:
    assert requests("电阻 2512 R010 1% 2W 2千") == [
        {
            "quantity": 2000,
            "category": "resistor",
            "value": 0.01,
            "package": "2512",
            "tolerance": 0.01,
            "power": 2.0,
        }
    ]


def test_w_on_a_capacitor_is_ten_thousand() -> None:
    assert requests("10uF 0603 贴片电容 10V X5R 2W") == [
        {
            "quantity": 20000,
            "category": "capacitor",
            "value": 1e-05,
            "package": "0603",
            "voltage": 10.0,
            "dielectric": "X5R",
        }
    ]


def test_chinese_email_with_greeting_and_list() -> None:
    text = "王经理你好，\n请报价：\n贴片电阻 0603 10K 1% 5000个\nAMS1117-3.3 两千个\n谢谢！"
    assert requests(text) == [
        {
            "quantity": 5000,
            "category": "resistor",
            "value": 10000.0,
            "package": "0603",
            "tolerance": 0.01,
        },
        {"quantity": 2000, "mpn": "AMS1117-3.3"},
    ]


def test_each_in_chinese() -> None:
    assert requests("LM358, NE555 各500个") == [
        {"quantity": 500, "mpn": "LM358"},
        {"quantity": 500, "mpn": "NE555"},
    ]


def test_chinese_question_is_no_request() -> None:
    assert requests("有现货吗？价格多少？") == []


def test_rkm_code_on_a_chinese_smd_inductor_is_microhenries() -> None:
    assert requests("贴片电感 1210 4R7 1千个") == [
        {"quantity": 1000, "category": "inductor", "value": 4.7e-06, "package": "1210"}
    ]

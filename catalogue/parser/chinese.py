"""Chinese buyers' vocabulary: part names, measure words, numerals and units.

Chinese messages run words together ("贴片电阻0603 10K 1% 5000个"), so the tokeniser
recognises these words inside a run of Han characters, longest first. Units and
numerals are rewritten to the Latin forms the rest of the parser reads: "4.7千欧" is
"4.7kΩ", "两盘" is "2盘", "2万个" is "20000个", "F档" is "1%".
"""

from __future__ import annotations

import re

#: Part words -> category.
CATEGORY_WORDS: dict[str, str] = {
    "贴片电阻": "resistor",
    "插件电阻": "resistor",
    "色环电阻": "resistor",
    "精密电阻": "resistor",
    "采样电阻": "resistor",
    "电阻": "resistor",
    "排阻": "resistor",
    "贴片电容": "capacitor",
    "陶瓷电容": "capacitor",
    "瓷片电容": "capacitor",
    "电解电容": "capacitor",
    "钽电容": "capacitor",
    "独石电容": "capacitor",
    "电容": "capacitor",
    "贴片电感": "inductor",
    "功率电感": "inductor",
    "色环电感": "inductor",
    "共模电感": "inductor",
    "电感": "inductor",
    "磁珠": "ferrite_bead",
    "贴片磁珠": "ferrite_bead",
    "晶振": "crystal",
    "无源晶振": "crystal",
    "有源晶振": "crystal",
    "贴片晶振": "crystal",
    "石英晶体": "crystal",
    "晶体": "crystal",
    "谐振器": "crystal",
    "稳压二极管": "diode",
    "肖特基二极管": "diode",
    "整流二极管": "diode",
    "开关二极管": "diode",
    "快恢复二极管": "diode",
    "二极管": "diode",
    "肖特基": "diode",
    "稳压管": "diode",
    "整流桥": "diode",
    "发光二极管": "led",
    "灯珠": "led",
    "贴片灯": "led",
    "三极管": "transistor",
    "晶体管": "transistor",
    "场效应管": "transistor",
    "场效应": "transistor",
    "保险丝": "fuse",
    "保险管": "fuse",
    "自恢复保险丝": "fuse",
    "排针": "connector",
    "排母": "connector",
    "连接器": "connector",
    "插座": "connector",
    "接插件": "connector",
    "端子": "connector",
    "芯片": "ic",
    "单片机": "ic",
    "集成电路": "ic",
    "运放": "ic",
    "稳压芯片": "ic",
}

#: Measure words for pieces.
PIECE_WORDS = frozenset({"个", "只", "片", "颗", "粒", "件", "pcs"})
#: Measure words for reels.
REEL_WORDS = frozenset({"盘", "卷", "盤"})
#: "each" in "各500个", "每种500个".
EACH_WORDS = frozenset({"各", "每", "每种", "每样", "每个", "各要"})
#: Words before a printed code: "标字223", "丝印103".
CODE_WORDS = frozenset({"标字", "丝印", "印字"})
#: LED colours.
COLOUR_WORDS = frozenset(
    {
        "红",
        "绿",
        "蓝",
        "白",
        "黄",
        "红色",
        "绿色",
        "蓝色",
        "白色",
        "黄色",
        "暖白",
        "冷白",
        "红光",
        "绿光",
        "蓝光",
        "白光",
        "黄光",
    }
)
#: Words that come with prices, phone and order numbers, dates and lead times.
NOISE_WORDS = frozenset(
    {
        "电话",
        "手机",
        "微信",
        "订单",
        "订单号",
        "单价",
        "价格",
        "目标价",
        "元",
        "年份",
        "批次",
        "批号",
        "天",
        "周",
        "个月",
        "星期",
        "运单号",
        "快递单号",
    }
)
#: Words before a quantity: "数量500".
QUANTITY_WORDS = frozenset({"数量", "订购数量", "采购数量"})

#: Every word the tokeniser knows, longest first so "贴片电阻" wins over "电阻".
KNOWN_WORDS: tuple[str, ...] = tuple(
    sorted(
        set(CATEGORY_WORDS)
        | PIECE_WORDS
        | REEL_WORDS
        | EACH_WORDS
        | CODE_WORDS
        | QUANTITY_WORDS
        | COLOUR_WORDS
        | NOISE_WORDS,
        key=len,
        reverse=True,
    )
)

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}

# A Chinese numeral is read as a number before a measure word ("两盘", "五千个"), or when it
# holds a unit character ("要两万"); a lone "一" elsewhere is part of a word.
_NUMERAL = re.compile(
    r"(?<![\d.])(?:[零〇一二两兩三四五六七八九十百千万]+(?=\s*[个只片颗粒件盘卷盤])"
    r"|[一二两兩三四五六七八九]?[十百千万][零〇一二两兩三四五六七八九十百千万]*)"
)
_TIMES_TEN_THOUSAND = re.compile(r"(\d+(?:\.\d+)?)\s*万")
_TIMES_THOUSAND = re.compile(r"(\d+(?:\.\d+)?)\s*千(?![欧Ω])")
_W_PIECES = re.compile(r"(\d+(?:\.\d+)?)\s*[wW](?=\s*[个只片颗粒件])")
_TOLERANCE_CLASS = re.compile(r"(?<![A-Za-z0-9])([BCDFGJK])\s*档")
_TOLERANCE_LETTERS = {
    "B": "0.1%",
    "C": "0.25%",
    "D": "0.5%",
    "F": "1%",
    "G": "2%",
    "J": "5%",
    "K": "10%",
}
_UNIT_WORDS = (
    ("千欧", "kΩ"),
    ("兆欧", "MΩ"),
    ("欧姆", "Ω"),
    ("欧", "Ω"),
    ("微法", "uF"),
    ("纳法", "nF"),
    ("皮法", "pF"),
    ("微亨", "uH"),
    ("毫亨", "mH"),
    ("纳亨", "nH"),
    ("兆赫", "MHz"),
    ("千赫", "kHz"),
    ("毫安", "mA"),
)
_MEGA = re.compile(r"(\d)\s*兆(?!欧)")
_SEPARATORS = str.maketrans({"、": ",", "。": " ", "～": "~", "【": "(", "】": ")"})


def rewrite(text: str) -> str:
    """`text` with Chinese units, numerals and tolerance classes in the parser's Latin forms."""
    text = text.translate(_SEPARATORS)
    for chinese, latin in _UNIT_WORDS:
        if chinese in text:
            text = text.replace(chinese, latin)
    if "兆" in text:
        text = _MEGA.sub(r"\1M", text)
    if "档" in text:
        text = _TOLERANCE_CLASS.sub(lambda m: f" {_TOLERANCE_LETTERS[m.group(1)]} ", text)
    if "万" in text:
        text = _TIMES_TEN_THOUSAND.sub(lambda m: _scaled(m.group(1), 10000), text)
    if "千" in text:
        text = _TIMES_THOUSAND.sub(lambda m: _scaled(m.group(1), 1000), text)
    text = _NUMERAL.sub(lambda m: f" {chinese_number(m.group(0))} ", text)
    return _W_PIECES.sub(lambda m: _scaled(m.group(1), 10000), text)


def chinese_number(numeral: str) -> int:
    """The value of a Chinese numeral: "两" = 2, "五千" = 5000, "十二" = 12, "两万" = 20000."""
    total = 0
    section = 0
    digit = 0
    for char in numeral:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _UNITS:
            section += (digit or 1) * _UNITS[char]
            digit = 0
        elif char == "万":
            total += (section + digit or 1) * 10000
            section = digit = 0
    return total + section + digit


def _scaled(number: str, factor: int) -> str:
    return f" {round(float(number) * factor)} "

"""Manufacturer names: the trade's short canonical name and every alias that maps to it.

One table serves the catalogue importers (distributor spellings such as
"FH(Guangdong Fenghua Advanced Tech)"), the request and quote parsers (market shorthand
such as 国巨 or 长电) and the database's alias rows, so a brand is the same brand
wherever it is written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from catalogue.traditional import simplified

#: canonical short name -> aliases (any case, spacing or punctuation; Chinese as written).
MANUFACTURER_ALIASES: dict[str, tuple[str, ...]] = {
    "TI": (
        "Texas Instruments",
        "Texas",
        "Texas Instrument",
        "德州",
        "德州仪器",
        "德仪",
        "National Semiconductor",
    ),
    "ST": ("STMicroelectronics", "ST Microelectronics", "STMicro", "意法", "意法半导体"),
    "ON": (
        "onsemi",
        "ON Semiconductor",
        "ON Semi",
        "安森美",
        "Fairchild",
        "Fairchild Semiconductor",
    ),
    "ADI": ("Analog Devices", "Analog Devices Inc", "亚德诺", "Linear Technology", "Linear Tech"),
    "NXP": ("NXP Semiconductors", "NXP Semicon", "恩智浦", "Freescale"),
    "MICROCHIP": ("Microchip Technology", "Microchip Tech", "微芯", "Atmel"),
    "INFINEON": (
        "Infineon Technologies",
        "Infineon Tech",
        "英飞凌",
        "International Rectifier",
        "IR",
    ),
    "NEXPERIA": ("Nexperia", "安世", "安世半导体"),
    "VISHAY": (
        "Vishay Intertech",
        "Vishay Intertechnology",
        "Vishay Semiconductors",
        "威世",
        "Vishay Dale",
    ),
    "YAGEO": ("Yageo", "国巨", "國巨"),
    "UNI-ROYAL": (
        "UNI-ROYAL(Uniroyal Elec)",
        "Uniroyal Elec",
        "Uniroyal",
        "Royal Ohm",
        "厚声",
        "厚聲",
    ),
    "FENGHUA": (
        "FH(Guangdong Fenghua Advanced Tech)",
        "Guangdong Fenghua Advanced Tech",
        "Fenghua",
        "FH",
        "风华",
        "風華",
    ),
    "SAMSUNG": ("Samsung Electro-Mechanics", "Samsung Electro Mechanics", "SEMCO", "三星"),
    "MURATA": ("Murata Manufacturing", "Murata Electronics", "村田"),
    "TDK": ("TDK Corporation", "TDK InvenSense", "InvenSense", "东电化"),
    "BOSCH": ("Bosch Sensortec", "Robert Bosch", "博世"),
    "KENTO": ("Hubei KENTO Elec", "KENTO Electronic"),
    "HRO": ("Korean Hroparts Elec", "Hroparts"),
    "AEROSEMI": ("XI AN Aerosemi Tech", "Aerosemi", "航天民芯"),
    "WALSIN": ("Walsin Tech Corp", "Walsin Technology", "华新科", "華新科"),
    "GEEHY": ("Geehy Semiconductor", "Geehy", "极海", "极海半导体"),
    "AMS": ("Advanced Monolithic Systems", "AMS(Advanced Monolithic Systems)"),
    "AOS": ("Alpha & Omega Semicon", "Alpha and Omega Semiconductor", "万代", "萬代"),
    "CJ": (
        "CJ(Jiangsu Changjing Electronics Tech)",
        "Jiangsu Changjing Electronics Tech",
        "Changjiang Electronics",
        "JCET",
        "JSCJ",
        "长电",
        "長電",
        "长晶",
    ),
    "LRC": ("LRC(Leshan Radio)", "Leshan Radio", "乐山", "樂山", "乐山无线电"),
    "YXC": ("YXC Crystal Oscillators", "Yangxing Tech", "扬兴", "揚興"),
    "GIGADEVICE": ("GigaDevice Semicon Beijing", "GigaDevice", "GD", "兆易", "兆易创新"),
    "WCH": (
        "WCH(Jiangsu Qin Heng)",
        "Jiangsu Qin Heng",
        "Nanjing Qinheng Microelectronics",
        "沁恒",
    ),
    "ESPRESSIF": ("Espressif Systems", "Espressif", "乐鑫"),
    "WINBOND": ("Winbond Elec", "Winbond Electronics", "华邦", "華邦"),
    "MAXIM": ("Maxim Integrated", "Maxim", "美信"),
    "XLSEMI": ("XLSEMI(Xinlong Semicon)", "Xinlong Semicon", "芯龙"),
    "TOSHIBA": ("Toshiba Electronic Devices", "Toshiba Semiconductor", "东芝", "東芝"),
    "PANASONIC": ("Panasonic Electronic Components", "Panasonic Industry", "松下"),
    "EPSON": ("Seiko Epson", "Epson Toyocom", "爱普生", "愛普生"),
    "AI-THINKER": ("Ai-Thinker", "Ai Thinker", "Shenzhen Ai-Thinker Tech", "安信可"),
    "SILABS": ("Silicon Labs", "Silicon Laboratories", "芯科"),
    "KEMET": ("KEMET Corporation", "基美"),
    "AVX": ("KYOCERA AVX", "Kyocera AVX", "AVX Corporation"),
    "ROHM": ("ROHM Semicon", "ROHM Semiconductor", "罗姆", "羅姆"),
    "BOURNS": ("Bourns Inc", "伯恩斯"),
    "LITEON": ("Lite-On", "LITEON", "光宝", "光寶"),
    "EVERLIGHT": ("Everlight Elec", "Everlight Electronics", "亿光", "億光"),
    "KINGBRIGHT": ("Kingbright Electronic",),
    "OSRAM": ("ams OSRAM", "OSRAM Opto Semiconductors", "欧司朗"),
    "NICHICON": ("Nichicon Corporation",),
    "RENESAS": ("Renesas Electronics", "瑞萨"),
    "DIODES": ("Diodes Incorporated", "Diodes Inc", "美台"),
    "MOLEX": ("Molex Inc", "莫仕"),
    "TE": (
        "TE Connectivity",
        "TE Connectivity Ltd",
        "TE Connectivity / AMP",
        "TE Connectivity AMP Connectors",
        "泰科",
    ),
    "JST": ("JST Sales America", "J.S.T. Mfg"),
    "WURTH": ("Wurth Elektronik", "Würth Elektronik", "伍尔特"),
    "LITTELFUSE": ("Littelfuse Inc", "力特"),
    "SUNLORD": ("Sunlord", "顺络", "順絡"),
    "HRS": ("Hirose Electric", "Hirose", "广濑"),
    "FTDI": ("Future Technology Devices", "Future Technology Devices International"),
    "RASPBERRY PI": ("Raspberry Pi Ltd", "Raspberry Pi Trading"),
    "HOLTEK": ("Holtek Semicon", "合泰"),
    "3PEAK": ("3PEAK", "思瑞浦"),
    "SGMICRO": ("SG Micro", "SGMICRO", "圣邦微", "圣邦"),
    "TWGMC": ("TWGMC", "台湾迪嘉"),
    "HUAJING": ("CR Micro", "华润微", "Huajing Microelectronics"),
    "ALLEGRO": ("Allegro MicroSystems", "Allegro Micro"),
    "MPS": ("Monolithic Power Systems", "芯源"),
    "RICHTEK": ("Richtek Tech", "立锜"),
    "TAIYO YUDEN": ("Taiyo Yuden", "太阳诱电", "太陽誘電"),
    "KYOCERA": ("Kyocera Corporation", "京瓷"),
    "AMPHENOL": ("Amphenol ICC", "Amphenol Corporation", "Amphenol FCI", "FCI", "安费诺"),
    "XKB": ("XKB Connectivity", "XKB Connection", "中国星坤"),
    "BOOMELE": ("BOOMELE(Boom Precision Elec)", "Boom Precision Elec"),
    "HOLITEK": ("Hotland",),
    "SEMTECH": ("Semtech Corporation", "ST(Semtech)", "升特"),
    "KOA": ("KOA Speer Elec", "KOA Speer Electronics"),
    "MDD": ("MDD(Microdiode Electronics)", "Microdiode Electronics", "Microdiode Semiconductor"),
    "UMW": ("UMW(Youtai Semiconductor Co., Ltd.)", "Youtai Semiconductor", "友台半导体"),
    "MCC": ("MCC(Micro Commercial Components)", "Micro Commercial Components"),
    "BROADCOM": ("Broadcom Limited", "Broadcom Avago", "Avago", "Avago Technologies"),
    "NORDIC": ("Nordic Semiconductor", "Nordic Semi"),
    "OMRON": ("Omron Electronics", "Omron Corporation", "欧姆龙"),
    "SILERGY": ("Silergy Corp", "矽力杰"),
    "TAI-TECH": ("Tai-Tech Advanced Electronics",),
    "NCE": ("Wuxi NCE Power Semiconductor", "NCE Power", "新洁能"),
    "YANGJIE": ("Yangzhou Yangjie Elec Tech", "Yangzhou Yangjie Electronic Technology", "扬杰"),
    "HONGFA": ("HF(Xiamen Hongfa Electroacoustic)", "Xiamen Hongfa Electroacoustic", "宏发"),
    "TXC": ("TXC Corp", "TXC Corporation", "台晶"),
    "NATIONSTAR": ("Foshan NationStar Optoelectronics", "国星光电"),
    "BLUE ROCKET": ("Foshan Blue Rocket Elec", "蓝箭电子"),
    "PANJIT": ("PANJIT International", "强茂"),
}

_KEY_DROP = re.compile(r"[\s\-_.,&'/()（）]+")
_SHORT_LONG = re.compile(r"^\s*([^()（）]+?)\s*[(（]\s*([^()（）]+?)\s*[)）]\s*$")
_CORPORATE = re.compile(
    r"\b(?:INC|INCORPORATED|CORP|CORPORATION|CO|LTD|LIMITED|LLC|GMBH|AG|SA|PLC|TECH|"
    r"TECHNOLOGY|TECHNOLOGIES|ELEC|ELECTRONICS|SEMICON|SEMICONDUCTOR|SEMICONDUCTORS)\b\.?",
)
#: Trailing words that name a company's legal form or trade, not its brand.
_TRADE_SUFFIXES = frozenset(
    {
        "CO",
        "COMPANY",
        "LTD",
        "LIMITED",
        "INC",
        "INCORPORATED",
        "CORP",
        "CORPORATION",
        "LLC",
        "GMBH",
        "AG",
        "PLC",
        "ELEC",
        "ELECTRONIC",
        "ELECTRONICS",
        "TECH",
        "TECHNOLOGY",
        "TECHNOLOGIES",
        "SEMICON",
        "SEMICONDUCTOR",
        "SEMICONDUCTORS",
        "INTERNATIONAL",
        "GROUP",
    }
)
_DANGLING = frozenset({"OF", "THE", "AND", "&", "-", "/"})
# "CX Dongguan Chengxing Elec": a distributor's "CX(Dongguan Chengxing Elec)" with the
# brackets lost; the upper-case first word is the brand.
_BRAND_THEN_NAME = re.compile(r"^([A-Z0-9][A-Z0-9-]+)\s+(?=.*[a-z])")
_KNOWN_FIRST_WORD_MIN = 4


def alias_key(name: str) -> str:
    """An alias folded for lookup: upper case without spacing, punctuation or brackets.

    Brackets go too, so "CX(Dongguan Chengxing Elec)" and the same text with its
    brackets lost fold to one key; traditional characters fold to simplified, so 英飛凌
    is 英飞凌.
    """
    return _KEY_DROP.sub("", simplified(name).upper())


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for canonical, aliases in MANUFACTURER_ALIASES.items():
        index[alias_key(canonical)] = canonical
        for alias in aliases:
            index.setdefault(alias_key(alias), canonical)
    # Aliases without their corporate words ("Jiangsu Changjing Electronics Tech" is also
    # "Jiangsu Changjing"), below every exact spelling.
    for canonical, aliases in MANUFACTURER_ALIASES.items():
        for alias in aliases:
            stripped = alias_key(_CORPORATE.sub(" ", alias.upper()))
            if stripped:
                index.setdefault(stripped, canonical)
    return index


@lru_cache(maxsize=16384)
def lookup_manufacturer(name: str) -> str | None:
    """The canonical name of a manufacturer we know under this spelling, else None."""
    index = _alias_index()
    found = index.get(alias_key(name))
    if found is not None:
        return found
    match = _SHORT_LONG.match(name)
    if match:
        # The long name is the more specific: "ST(Semtech)" is Semtech, not ST.
        short, long = match.groups()
        for part in (long, short):
            found = index.get(alias_key(part))
            if found is not None:
                return found
    stripped = _CORPORATE.sub(" ", name.upper())
    return index.get(alias_key(stripped)) if stripped.strip() else None


@lru_cache(maxsize=16384)
def canonical_manufacturer(name: str) -> str:
    """The name a manufacturer is filed under: the known canonical, else its brand in upper case.

    Distributors write unknown brands as "SHORT(Long Name)" (sometimes with the brackets
    lost); the short form is what the market uses, so it becomes the canonical name.
    Otherwise trailing legal-form words go ("Silergy Corp" is SILERGY), and a longer
    name that starts with a known brand ("TOSHIBA SEMICONDUCTOR AND STORAGE") is that brand.
    """
    found = lookup_manufacturer(name)
    if found is not None:
        return found
    brand = _brand_part(name)
    first_word = brand.split()[0] if brand.split() else ""
    if len(first_word) >= _KNOWN_FIRST_WORD_MIN:
        found = _alias_index().get(alias_key(first_word))
        if found is not None:
            return found
    return _without_trade_suffix(brand)


def _brand_part(name: str) -> str:
    text = " ".join(name.split())
    if text[:1] in "(（" and text[-1:] in ")）":
        text = text[1:-1].strip()
    bracket = min((i for i in (text.find("("), text.find("（")) if i > 0), default=-1)
    if bracket > 0:
        return text[:bracket].strip()
    short = _BRAND_THEN_NAME.match(text)
    if short is None:
        return text
    # A known short name ("ON") takes the text only when the rest names the same maker
    # ("MCC Micro Commercial Components"), never for "ON Shore Technology".
    known = lookup_manufacturer(short.group(1))
    if known is None or known == lookup_manufacturer(text[short.end() :]):
        return short.group(1)
    return text


def _without_trade_suffix(brand: str) -> str:
    words = [word.strip(".") for word in re.split(r"[\s,]+", brand.upper())]
    words = [word for word in words if word]
    kept = list(words)
    while len(kept) > 1 and kept[-1] in _TRADE_SUFFIXES:
        kept.pop()
    if kept and kept[-1] in _DANGLING:
        kept = words
    return " ".join(kept)


def aliases_of(canonical: str) -> tuple[str, ...]:
    """Every alias the table lists for a canonical name (empty for an unknown brand)."""
    return MANUFACTURER_ALIASES.get(canonical, ())

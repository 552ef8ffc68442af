"""Multi-line BOM pastes: one request per part line, header and blank lines skipped, with
tab, comma and semicolon columns. The rows are real lines from the openly licensed BOMs in
../shared/data/boms (see SOURCES.md there)."""

from __future__ import annotations

from typing import Any

from catalogue.parser import parse_request


def requests(text: str) -> list[dict[str, Any]]:
    return [request.to_dict() for request in parse_request(text)]


def test_kicad_grouped_csv_with_part_numbers_and_footprints() -> None:
    # glasgow_revC3__bom.csv (0BSD / Apache-2.0)
    text = (
        "Reference, Quantity, Value, Footprint, Datasheet, 1b2-bom-key, MPN, Mfg, "
        "Characteristics, DNP\n"
        'C1 C14 C19 C26 C27 C28 C31 C53 C76 C80 C82 C83 C86 C92 ,14,"4u7",'
        '"Capacitor_SMD:C_0603_1608Metric","https://www.mouser.com/datasheet/2/400/'
        'lcc_commercial_general_en-837201.pdf","cap-cer-0603-4u7","LMK107BJ475KAHT",'
        '"Taiyo Yuden","",""\n'
        'C11 C12 ,2,"9p","Capacitor_SMD:C_0402_1005Metric","https://www.mouser.com/datasheet/'
        '2/447/Yageo_UPY-AC_NP0X7R_16V-to-630V_12-1827077-1874686.pdf","cap-cer-0402-9p",'
        '"AC0402CRNPO9BN9R0","Yageo","",""\n'
    )
    assert requests(text) == [
        {"quantity": 14, "mpn": "LMK107BJ475KAHT", "package": "0603"},
        {"quantity": 2, "mpn": "AC0402CRNPO9BN9R0", "package": "0402"},
    ]


def test_rows_without_part_numbers_are_generic_requests() -> None:
    # glasgow_revC3__bom.csv, value and footprint columns only
    text = (
        "Reference, Quantity, Value, Footprint\n"
        'C90 C91 ,2,"1n 50V C0G","Capacitor_SMD:C_0402_1005Metric"\n'
        'D1 D14 D15 ,3,"GRN","LED_SMD:LED_0603_1608Metric"\n'
    )
    assert requests(text) == [
        {
            "quantity": 2,
            "category": "capacitor",
            "value": 1e-09,
            "package": "0402",
            "voltage": 50.0,
            "dielectric": "C0G",
        },
        {"quantity": 3, "category": "led", "package": "0603"},
    ]


def test_semicolon_columns_with_spaces_in_the_header() -> None:
    # voron_taco_raven__BOM_Taco_Raven.csv (GPL-3.0)
    text = (
        '" Quantity";"Reference";" Value";" MFG PN";" Digikey P/N"\n'
        '4;"C121 C127 C147 C146 ";"10uF";"CL21A106KOQNNWE";"1276-2894-1-ND"\n'
        '8;"R3 R4 R11 R12 R19 R20 R27 R28 ";"10R";"RNCP0603FTD10R0";"RNCP0603FTD10R0CT-ND"\n'
    )
    assert requests(text) == [
        {"quantity": 4, "mpn": "CL21A106KOQNNWE"},
        {"quantity": 8, "mpn": "RNCP0603FTD10R0"},
    ]


def test_tab_columns_with_empty_description() -> None:
    # nomech__1-click-bom.tsv (CC BY-SA 3.0)
    text = (
        "References\tQty\tDescription\tManufacturer\tMPN\tDigikey\tMouser\tRS\tNewark\tFarnell\n"
        "C1,C2\t2\t\tVishay \tVJ0603A220JXACW1BC\t399-7874-1-ND\t77VJ0603A220JXACBC\t\t\t\n"
        "R1,R2\t2\t\tPanasonic \tERJ-3EKF22R0V\tP22.0HCT-ND\t667ERJ3EKF22R0V\t\t\t\n"
    )
    assert requests(text) == [
        {"quantity": 2, "mpn": "VJ0603A220JXACW1BC"},
        {"quantity": 2, "mpn": "ERJ-3EKF22R0V"},
    ]


def test_byte_order_mark_and_crlf_with_jlc_columns() -> None:
    # luluu_2.0__bom.csv (CERN-OHL-P-2.0)
    text = (
        "\ufeffDesignator,Footprint,Quantity,Value,LCSC Part #\r\n"
        '"C1, C10, C11, C13, C14, C15, C16, C17, C18, C19, C23",0402,11,100nf,C1525\r\n'
        "D1,D_SMA_Handsoldering,1,SS34,C8678\r\n"
    )
    assert requests(text) == [
        {"quantity": 11, "category": "capacitor", "value": 1e-07, "package": "0402"},
        {"quantity": 1, "mpn": "SS34", "package": "SMA"},
    ]


def test_preamble_lines_before_the_header_are_skipped() -> None:
    # tillitis_tk1__tk1.csv (CERN-OHL-S-2.0)
    text = (
        '"Source:","C:\\Users\\72417946\\Documents\\GitHub\\tillitis-key1\\hw\\boards\\tk1'
        '\\tk1.kicad_sch"\r\n'
        '"Date:","2023-03-17 11:49:31"\r\n'
        '"Component Count:","47"\r\n'
        '"Ref","Qnty","Value","Cmp name","Footprint","Description","Vendor"\r\n'
        '"C1, C2, C3, C4, C5, C6, C25, ","7","10uF","C","mta1:CAPC1608X09L",'
        '"Unpolarized capacitor",""\r\n'
    )
    assert requests(text) == [
        {"quantity": 7, "category": "capacitor", "value": 1e-05, "package": "0603"}
    ]


def test_description_column_gives_the_specs() -> None:
    # hackrf-one__hackrf-one-bom.csv (CERN-OHL-P-2.0), description and quantity columns
    text = "Qty\tDescription\n33\tCAP CER 33PF 50V 5% NP0 0402\n6\tRES 1K OHM 1/16W 1% 0402\n"
    assert requests(text) == [
        {
            "quantity": 33,
            "category": "capacitor",
            "value": 3.3e-11,
            "package": "0402",
            "tolerance": 0.05,
            "voltage": 50.0,
            "dielectric": "C0G",
        },
        {
            "quantity": 6,
            "category": "resistor",
            "value": 1000.0,
            "package": "0402",
            "tolerance": 0.01,
            "power": 0.0625,
        },
    ]


def test_designators_give_the_category_of_plain_ohms() -> None:
    # bitaxe__bitaxeSupra_BOM.csv style: a resistor value written in plain ohms
    text = "Qty,Reference,Value\n2,R13 R14,49.9\n1,R6,0\n"
    assert requests(text) == [
        {"quantity": 2, "category": "resistor", "value": 49.9},
        {"quantity": 1, "category": "resistor", "value": 0.0},
    ]


def test_headerless_quoted_csv_rows() -> None:
    # voron_klipper_expander__STM32_Klipper_Expander-BOM.csv (GPL-3.0) without its header
    text = (
        '"4.7uF","C4,C2,C5,C6","KlipperExpander:C_0805_2012Metric","C1779"\n'
        '"LED","D1,D2,D4,D3,D5,D7,D6","KlipperExpander:LED_0805_2012Metric","C84256"\n'
        '"Conn_01x04","J2","KlipperExpander:PinHeader_1x04_P2.54mm_Vertical",\n'
    )
    assert requests(text) == [
        {"category": "capacitor", "value": 4.7e-06, "package": "0805"},
        {"category": "led", "package": "0805"},
        {"category": "connector"},
    ]


def test_headerless_tab_rows_with_item_numbers() -> None:
    assert requests("1.\tGRM188R71H104KA93D\t4000\n2.\tRC0603FR-0710KL\t5000") == [
        {"quantity": 4000, "mpn": "GRM188R71H104KA93D"},
        {"quantity": 5000, "mpn": "RC0603FR-0710KL"},
    ]


def test_headerless_comma_rows_as_exported() -> None:
    assert requests("10k,0603,1%,5000\n4k7,0603,1%,3000") == [
        {
            "quantity": 5000,
            "category": "resistor",
            "value": 10000.0,
            "package": "0603",
            "tolerance": 0.01,
        },
        {
            "quantity": 3000,
            "category": "resistor",
            "value": 4700.0,
            "package": "0603",
            "tolerance": 0.01,
        },
    ]


def test_blank_and_empty_rows_are_skipped() -> None:
    assert requests("Value;Footprint;Qty\n100nF;0402;50\n\n;;\n10k;0402;30\n") == [
        {"quantity": 50, "category": "capacitor", "value": 1e-07, "package": "0402"},
        {"quantity": 30, "category": "resistor", "value": 10000.0, "package": "0402"},
    ]


def test_do_not_populate_rows_are_skipped() -> None:
    text = "Reference,Qty,Value,MPN,DNP\nR1,1,10k,RC0603FR-0710KL,\nR2,1,10k,RC0603FR-0710KL,DNP\n"
    assert requests(text) == [{"quantity": 1, "mpn": "RC0603FR-0710KL"}]


def test_part_column_holding_part_numbers() -> None:
    assert requests("Qty, Part, Package\n2, NE555, DIP-8\n4, 2N3904, TO-92") == [
        {"quantity": 2, "mpn": "NE555", "package": "DIP-8"},
        {"quantity": 4, "mpn": "2N3904", "package": "TO-92"},
    ]


def test_chinese_column_names() -> None:
    assert requests(
        "序号\t型号\t封装\t数量\n1\tAMS1117-3.3\tSOT-223\t1000\n2\tCH340G\tSOP-16\t500"
    ) == [
        {"quantity": 1000, "mpn": "AMS1117-3.3", "package": "SOT-223"},
        {"quantity": 500, "mpn": "CH340G", "package": "SOIC-16"},
    ]


def test_values_joined_by_underscores() -> None:
    text = 'Designator,Footprint,Quantity,Value\n"C29, C32",C_0402,2,2.2uF_0402_6.3V\n'
    assert requests(text) == [
        {
            "quantity": 2,
            "category": "capacitor",
            "value": 2.2e-06,
            "package": "0402",
            "voltage": 6.3,
        }
    ]


def test_part_column_holding_a_description_after_a_blank_line() -> None:
    bom = "#\tPart\tQty\n1\tSTM32F103C8T6\t10\n\n3\t100nF 0603\t50\n4\t10k 0603 1%\t40"
    assert requests(bom) == [
        {"quantity": 10, "mpn": "STM32F103C8T6"},
        {"quantity": 50, "category": "capacitor", "value": 1e-07, "package": "0603"},
        {
            "quantity": 40,
            "category": "resistor",
            "value": 10000.0,
            "package": "0603",
            "tolerance": 0.01,
        },
    ]


def test_mpn_column_holding_a_description_is_read_as_one() -> None:
    assert requests("MPN,Qty\n100nF 0402 X7R,10000") == [
        {
            "quantity": 10000,
            "category": "capacitor",
            "value": 1e-07,
            "package": "0402",
            "dielectric": "X7R",
        }
    ]


def test_mpn_column_of_digits_wins_over_a_description_value() -> None:
    bom = (
        "Item,Qty,Reference(s),Value,LibPart,Footprint,Datasheet,Description,Manufacturer,"
        "Part Number\n"
        '26,3,"P2, P4, P16",ANTENNA,hackrf:GSG-RF-CONN,,,CONN SMA JACK 50 OHM EDGE MNT W/JAM '
        "NUT & LOCK WASHER,Molex,73251-2121"
    )
    assert requests(bom) == [{"quantity": 3, "mpn": "73251-2121"}]


def test_two_part_numbers_in_one_cell_give_the_first() -> None:
    bom = (
        '"Reference","Value","Footprint","Qty","PartNumber"\n'
        '"R29,R30,RT1","10k","LibreSolar:R_0603_1608","3","NTCG163JF103FT1S,RC0603FR-0710KL"'
    )
    assert requests(bom) == [{"quantity": 3, "mpn": "NTCG163JF103FT1S", "package": "0603"}]


def test_exposed_pad_footprint_gives_the_package() -> None:
    bom = "Designator,Footprint,Quantity,Value\nU3,QFN-56-1EP_7x7mm_P0.4mm_EP3.2x3.2mm,1,RP2040"
    assert requests(bom) == [{"quantity": 1, "mpn": "RP2040", "package": "QFN-56"}]


def test_second_header_row_of_distributor_names_is_no_part() -> None:
    bom = (
        "Schematic Reference,Manufacturer,MPN,Qty,Description,SKU,SKU,SKU\n"
        ",,,,,Digi-Key,Mouser,Newark\n"
        "X1,CUI,PJ-102A,1,2.1mm DC power jack,CP-102A-ND,PJ-102A,"
    )
    assert requests(bom) == [{"quantity": 1, "mpn": "PJ-102A"}]


def test_row_of_a_valued_part_without_value_or_part_number_is_no_request() -> None:
    assert requests("Reference,Value,Footprint,Qty\nR5,,R_0603_1608Metric,1") == []


def test_numbered_tab_rows_without_header_drop_the_item_number() -> None:
    assert requests("1\t10k 0603 1%\t5000\n2\t100nF 0603 X7R\t8000") == [
        {
            "quantity": 5000,
            "category": "resistor",
            "value": 10000.0,
            "package": "0603",
            "tolerance": 0.01,
        },
        {
            "quantity": 8000,
            "category": "capacitor",
            "value": 1e-07,
            "package": "0603",
            "dielectric": "X7R",
        },
    ]


def test_spec_column_is_a_description() -> None:
    assert requests("No.,Name,Spec,Qty\n1,Resistor,10k 0603,100") == [
        {"quantity": 100, "category": "resistor", "value": 10000.0, "package": "0603"}
    ]

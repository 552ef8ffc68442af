"""BOM files read by their column headers.

Every real BOM in ../shared/data/boms (see SOURCES.md there) is read here, with the exact
number of part rows, some rows checked against the file, and the exact rows the bot
could not read. The small files in tests/data/boms were written for this project, each
for one way BOM files differ: encodings, delimiters, preambles, two-row headers,
duplicated header names, Chinese headers, DNP marks; files that are no BOM at all.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import shared_file
from openpyxl import Workbook

from catalogue.boms import (
    BomError,
    BomProblem,
    BomRead,
    BomRow,
    Skipped,
    UnreadReason,
    UnreadRow,
    read_bom,
)

DATA = Path(__file__).parent / "data" / "boms"
NO_PART = UnreadReason.NO_PART
KIND_ONLY = UnreadReason.KIND_ONLY


def shared_bom(name: str) -> BomRead:
    path = shared_file(f"boms/{name}")
    return read_bom(path.read_bytes(), path.name)


def own_bom(name: str) -> BomRead:
    return read_bom((DATA / name).read_bytes(), name)


def at(read: BomRead, number: int) -> BomRow:
    """The part row read from line `number` of the file."""
    return next(row for row in read.rows if row.number == number)


def part(row: BomRow) -> tuple[int | None, dict[str, Any], dict[str, str], list[str]]:
    return row.quantity, row.request.to_dict(), row.skus, row.alternates


def line(name: str, number: int) -> str:
    """Line `number` of a shared file whose licence is unclear: read, never copied here."""
    text = shared_file(f"boms/{name}").read_bytes().decode("utf-8-sig")
    return text.replace("\r\n", "\n").split("\n")[number - 1]


# --- Real BOMs -------------------------------------------------------------------------

ALL_REAL_BOMS = [
    "glasgow_revC3__bom.csv",
    "hackrf-one__hackrf-one-bom.csv",
    "libresolar_bms-c1__bms-c1_bom.csv",
    "bitaxe__bitaxeSupra_BOM.csv",
    "tillitis_tk1__tk1.csv",
    "ulx3s__ulx3s_bom.csv",
    "ulx3s__1-click-bom.tsv",
    "voron_taco_raven__BOM_Taco_Raven.csv",
    "voron_klipper_expander__STM32_Klipper_Expander-BOM.csv",
    "luluu_2.0__bom.csv",
    "arduino_uno__1-click-bom.tsv",
    "arduino_uno__20150523_untitled_bom.csv",
    "nomech__1-click-bom.tsv",
    "licence_unclear/4ms_mp153-devboard__mp153-devboard-v0.1-bom.csv",
    "licence_unclear/4ms_mp133-devboard-v0.3__bom.csv",
    "licence_unclear/fm_transmitter__Bill_of_Materials.csv",
    "licence_unclear/push-on-hold-off__1-click-bom.csv",
    "licence_unclear/bq25570_harvester__1-click-bom.tsv",
]


@pytest.mark.parametrize("name", ALL_REAL_BOMS)
def test_every_line_of_a_real_bom_is_a_header_a_part_an_unread_row_or_a_counted_skip(
    name: str,
) -> None:
    path = shared_file(f"boms/{name}")
    text = path.read_bytes().decode("utf-8-sig").replace("\r\r\n", "\n").replace("\r\n", "\n")
    lines = len(text.rstrip("\n").split("\n"))
    read = read_bom(path.read_bytes(), path.name)
    headers = 1 + (read.format.subheader_row is not None)
    assert headers + len(read.rows) + len(read.unread) + read.skipped.total == lines


def test_glasgow_kicad_grouped_references_with_dnp_column() -> None:
    # KiCad grouped BOM: space-separated references, values like "4u7", a DNP column.
    read = shared_bom("glasgow_revC3__bom.csv")
    assert len(read.rows) == 53
    assert read.unread == []
    assert read.skipped == Skipped(dnp=4)
    first = at(read, 2)
    assert " ".join(first.designators) == "C1 C14 C19 C26 C27 C28 C31 C53 C76 C80 C82 C83 C86 C92"
    assert first.manufacturer == "Taiyo Yuden"
    assert part(first) == (
        14,
        {"quantity": 14, "mpn": "LMK107BJ475KAHT", "package": "0603"},
        {},
        [],
    )
    # No part number: the value and footprint make the request.
    assert part(at(read, 27)) == (
        2,
        {"quantity": 2, "category": "resistor", "value": 1000.0, "package": "0402"},
        {},
        [],
    )
    # The part number is kept as written, with its Unicode minus sign.
    assert at(read, 48).request.mpn == "CAT24M01YI\u2212GT3"
    assert at(read, 58).request.to_dict() == {
        "quantity": 1,
        "mpn": "JF4024M00009T8188070",
        "package": "3225",
    }


def test_hackrf_part_number_column_and_nxp_comma_suffix() -> None:
    read = shared_bom("hackrf-one__hackrf-one-bom.csv")
    assert len(read.rows) == 65
    assert read.unread == []
    assert read.skipped == Skipped()
    assert part(at(read, 2)) == (33, {"quantity": 33, "mpn": "GRM1555C1H330JA01D"}, {}, [])
    assert part(at(read, 40)) == (7, {"quantity": 7, "mpn": "RMCF0402ZT0R00"}, {}, [])
    # NXP's ",551" is part of the part number, not a second one.
    assert part(at(read, 59)) == (1, {"quantity": 1, "mpn": "LPC4320FBD144,551"}, {}, [])


def test_libresolar_kicad8_export_skips_board_features() -> None:
    # Fiducials, mounting holes, logos, a net tie, a wire pad and test points: 8 rows.
    read = shared_bom("libresolar_bms-c1__bms-c1_bom.csv")
    assert len(read.rows) == 61
    assert read.unread == []
    assert read.skipped == Skipped(board_features=8)
    assert part(at(read, 3)) == (
        2,
        {"quantity": 2, "mpn": "CL31A476MPHNNNE", "package": "1206"},
        {},
        [],
    )
    # Two part numbers in one cell (a thermistor and a resistor share the row).
    shared = at(read, 52)
    assert shared.designators == ["R29", "R30", "R60", "R68", "RT1", "RT2"]
    assert shared.manufacturer == "TDK,Yageo"
    assert part(shared) == (
        6,
        {"quantity": 6, "mpn": "NTCG163JF103FT1S", "package": "0603"},
        {},
        ["RC0603FR-0710KL"],
    )
    assert at(read, 41).request.to_dict() == {
        "quantity": 1,
        "mpn": "BSS123N H6327",
        "package": "SOT-23",
    }


def test_bitaxe_digikey_column_is_a_sku_and_partno_the_part_number() -> None:
    read = shared_bom("bitaxe__bitaxeSupra_BOM.csv")
    assert len(read.rows) == 39
    assert read.unread == [
        UnreadRow(18, "1,J7,Conn_01x04,,", KIND_ONLY),
        UnreadRow(40, "1,U8,BM1368_mode1,,", KIND_ONLY),
    ]
    assert read.skipped == Skipped()
    assert part(at(read, 8)) == (
        24,
        {"quantity": 24, "mpn": "EMK105BJ105MV-F"},
        {"Digi-Key": "587-5514-1-ND"},
        [],
    )
    assert part(at(read, 19)) == (1, {"quantity": 1, "mpn": "SLC1175-301MEC"}, {}, [])


def test_tillitis_preamble_lines_and_trailing_comma_references() -> None:
    # Five "Source:"/"Date:" lines above the header; CR CR LF line ends.
    read = shared_bom("tillitis_tk1__tk1.csv")
    assert read.format.header_row == 6
    assert len(read.rows) == 19
    assert read.unread == [
        UnreadRow(
            13,
            '"P1, ","1","USB_C_Plug","USB_C_Plug","mta1:U261-241N-4BS60",'
            '"USB Type-C Plug connector",""',
            KIND_ONLY,
        )
    ]
    assert read.skipped == Skipped(preamble=5)
    capacitors = at(read, 7)
    assert capacitors.designators == ["C1", "C2", "C3", "C4", "C5", "C6", "C25"]
    assert part(capacitors) == (
        7,
        {"quantity": 7, "category": "capacitor", "value": 1e-05, "package": "0603"},
        {},
        [],
    )
    assert part(at(read, 14)) == (
        9,
        {"quantity": 9, "category": "resistor", "value": 10000.0, "package": "0402"},
        {},
        [],
    )
    # "Cmp name" holds the exact part number when it is shaped like one.
    assert at(read, 19).request.mpn == "MIC5258-1.2YM5-TR"
    assert at(read, 26).request.mpn == "1674954-1"


def test_ulx3s_kibom_with_eighty_columns_and_a_summary_footer() -> None:
    read = shared_bom("ulx3s__ulx3s_bom.csv")
    assert len(read.rows) == 52
    assert read.unread == []
    assert read.skipped == Skipped(blank=5, summary=10)
    assert read.format.columns["quantity"] == "Quantity Per PCB"
    assert part(at(read, 3)) == (
        7,
        {"quantity": 7, "mpn": "PTS645SL50SMTR92 LFS"},
        {"Digi-Key": "CKN9088CT-ND", "Mouser": "611-PTS645SL50SMTR92", "LCSC": "C221877"},
        [],
    )
    # Two part numbers in the MPN cell: the second is an alternate.
    assert part(at(read, 7))[1:] == (
        {"quantity": 17, "mpn": "CC0603JRX7R8BB223", "package": "0603"},
        {"Digi-Key": "587-1238-1-ND", "Mouser": "603-CC603JRX7R8BB223"},
        ["CX0603MRX7R8BB223"],
    )
    # MPN2, MP_N3 and MPN4 columns give alternates, in their numbers' order.
    assert at(read, 48).alternates == ["IS42S16160G-7TL-TR", "W9812G6KH-6", "AS4C32M16SB-7TCN"]


def test_ulx3s_one_click_bom_leave_empty_rows_are_not_fitted() -> None:
    read = shared_bom("ulx3s__1-click-bom.tsv")
    assert len(read.rows) == 53
    assert read.unread == []
    assert read.skipped == Skipped(dnp=10)
    # "Leave empty" beside a part number keeps the part listed for the buyer to decide.
    assert part(at(read, 32)) == (1, {"quantity": 1, "mpn": "DM-OLEDC095-626"}, {}, [])
    assert part(at(read, 41)) == (
        5,
        {"quantity": 5, "mpn": "RC0603FR-0710KL"},
        {"Digi-Key": "311-10KLMCT-ND", "LCSC": "C15401", "Mouser": "603-RC0603FR-0710KL"}
        | {"Newark": "94X1379"},
        [],
    )


def test_voron_taco_semicolons_and_headers_with_leading_spaces() -> None:
    read = shared_bom("voron_taco_raven__BOM_Taco_Raven.csv")
    assert read.format.delimiter == ";"
    assert len(read.rows) == 53
    # Logos drawn as "G" symbols name no part: the buyer is told.
    assert read.unread == [
        UnreadRow(18, '1;"G1 ";"TACo";;', NO_PART),
        UnreadRow(19, '1;"G2 ";"mzbot";;', NO_PART),
    ]
    assert read.skipped == Skipped(board_features=2)
    assert part(at(read, 2)) == (
        86,
        {"quantity": 86, "mpn": "CC0603KRX7R9BB104"},
        {"Digi-Key": "311-1344-1-ND"},
        [],
    )
    assert at(read, 38).request.to_dict() == {"quantity": 16, "mpn": "RL1220S-R11-F"}


def test_voron_klipper_jlc_bom_counts_designators_and_lists_connectors_without_codes() -> None:
    read = shared_bom("voron_klipper_expander__STM32_Klipper_Expander-BOM.csv")
    assert len(read.rows) == 11
    assert read.unread == [
        UnreadRow(5, '"Fuse","F1","KlipperExpander:3544-2_FuseHolder",', KIND_ONLY),
        UnreadRow(
            7, '"USB_B_Micro","J1","KlipperExpander:Molex-105017-0001-USBMicroB",', KIND_ONLY
        ),
        UnreadRow(
            8, '"Conn_01x01","J10","KlipperExpander:PinHeader_1x01_P2.54mm_Vertical",', KIND_ONLY
        ),
        UnreadRow(
            9,
            '"Conn_01x03","J11,J12,J4","KlipperExpander:PinHeader_1x03_P2.54mm_Vertical",',
            KIND_ONLY,
        ),
        UnreadRow(
            10, '"Conn_01x04","J2","KlipperExpander:PinHeader_1x04_P2.54mm_Vertical",', KIND_ONLY
        ),
        UnreadRow(11, '"Vin","J5","KlipperExpander:1x02_ScrewTerminal_Phoenix",', KIND_ONLY),
        UnreadRow(
            12,
            '"Screw_Terminal_01x08","J6","KlipperExpander:1x08_ScrewTerminal_Phoenix",',
            KIND_ONLY,
        ),
        UnreadRow(
            13,
            '"Conn_01x02","J7,J8,J9","KlipperExpander:PinHeader_1x02_P2.54mm_Vertical",',
            KIND_ONLY,
        ),
        UnreadRow(19, '"SW_SPST","SW2","KlipperExpander:2PinTactileButton",', NO_PART),
    ]
    assert read.skipped == Skipped(board_features=1)
    # No quantity column: the quantity is the number of designators.
    assert part(at(read, 2)) == (
        2,
        {"quantity": 2, "category": "capacitor", "value": 1e-07, "package": "0805"},
        {"LCSC": "C49678"},
        [],
    )
    assert part(at(read, 14)) == (
        4,
        {"quantity": 4, "mpn": "IRLML6344TRPBF", "package": "SOT-23"},
        {"LCSC": "C20917"},
        [],
    )


def test_luluu_jlc_bom_keeps_lcsc_codes_beside_the_request() -> None:
    read = shared_bom("luluu_2.0__bom.csv")
    assert read.format.encoding == "utf-8-sig"
    assert len(read.rows) == 26
    assert read.unread == []
    assert read.skipped == Skipped()
    assert part(at(read, 2)) == (
        11,
        {"quantity": 11, "category": "capacitor", "value": 1e-07, "package": "0402"},
        {"LCSC": "C1525"},
        [],
    )
    assert part(at(read, 6)) == (
        1,
        {"quantity": 1, "mpn": "SS34", "package": "SMA"},
        {"LCSC": "C8678"},
        [],
    )
    # "SW_B" names nothing, but the LCSC code names the exact part.
    assert part(at(read, 20)) == (1, {"quantity": 1}, {"LCSC": "C318884"}, [])


def test_arduino_kitspace_bom_repeated_part_number_columns_are_alternates() -> None:
    read = shared_bom("arduino_uno__1-click-bom.tsv")
    assert len(read.rows) == 31
    assert read.unread == []
    assert read.skipped == Skipped()
    first = at(read, 2)
    assert first.manufacturer == "Johanson"
    assert part(first) == (
        2,
        {"quantity": 2, "mpn": "500R14N220JV4T"},
        {
            "Digi-Key": "709-1143-1-ND",
            "Mouser": "VJ0603A220KXQPW1BC",
            "RS": "2644501",
            "Newark": "06R5149",
            "Farnell": "1759057",
        },
        ["MC0603N220J500CT", "VJ0603A220KXQPW1BC", "C0603C220J5GACTU"],
    )


def test_arduino_octopart_export_one_row_per_alternate_makes_one_request() -> None:
    read = shared_bom("arduino_uno__20150523_untitled_bom.csv")
    assert read.format.subheader_row == 2
    assert len(read.rows) == 30
    assert read.unread == [UnreadRow(47, "RESET,,,1,Tactile switch,,,", NO_PART)]
    assert read.skipped == Skipped(alternates=16)
    assert part(at(read, 3)) == (
        2,
        {"quantity": 2, "mpn": "500R14N220JV4T"},
        {"Digi-Key": "709-1143-1-ND"},
        ["MC0603N220J500CT", "VJ0603A220KXQPW1BC"],
    )
    assert part(at(read, 37)) == (
        1,
        {"quantity": 1, "mpn": "LGR971-KN-1-0-20-R18"},
        {},
        ["598-8160-107F"],
    )


def test_nomech_kitspace_bom_with_a_manufacturer_name_leaked_into_the_part_number() -> None:
    read = shared_bom("nomech__1-click-bom.tsv")
    assert len(read.rows) == 19
    assert read.unread == []
    assert read.skipped == Skipped()
    assert at(read, 16).request.mpn == "74LVC1G19GW,125"
    assert part(at(read, 18)) == (
        1,
        {"quantity": 1, "mpn": "TSX-3225 16.0000MF10U-B0"},
        {"Digi-Key": "TSX-3225 16.0000MF10Z-B", "Mouser": "732322516MF10UB0"},
        [],
    )


def test_4ms_mp153_kicad_bom_with_a_dnp_column() -> None:
    read = shared_bom("licence_unclear/4ms_mp153-devboard__mp153-devboard-v0.1-bom.csv")
    assert len(read.rows) == 43
    assert read.unread == []
    assert read.skipped == Skipped(dnp=1)
    assert part(at(read, 11)) == (2, {"quantity": 2, "mpn": "PTS526 SM15 SMTR2 LFS"}, {}, [])
    assert part(at(read, 25)) == (2, {"quantity": 2, "mpn": "DFE252012P-1R0M=P2"}, {}, [])


def test_4ms_mp133_jlc_bom_values_with_package_and_voltage() -> None:
    name = "licence_unclear/4ms_mp133-devboard-v0.3__bom.csv"
    read = shared_bom(name)
    assert len(read.rows) == 42
    assert read.unread == [
        UnreadRow(19, line(name, 19), KIND_ONLY),
        UnreadRow(20, line(name, 20), KIND_ONLY),
    ]
    assert read.skipped == Skipped(board_features=1)
    assert part(at(read, 3)) == (
        30,
        {
            "quantity": 30,
            "category": "capacitor",
            "value": 1e-06,
            "package": "0201",
            "voltage": 4.0,
        },
        {"LCSC": "C272877"},
        [],
    )
    assert part(at(read, 29)) == (
        2,
        {"quantity": 2, "category": "resistor", "value": 240.0, "package": "0402"},
        {"LCSC": "C114755"},
        [],
    )


def test_fm_transmitter_octopart_export_with_distributors_in_a_second_header_row() -> None:
    read = shared_bom("licence_unclear/fm_transmitter__Bill_of_Materials.csv")
    assert read.format.subheader_row == 2
    assert len(read.rows) == 9
    assert read.unread == []
    assert read.skipped == Skipped()
    assert part(at(read, 4)) == (
        2,
        {"quantity": 2, "mpn": "ERJ-6ENF1001V"},
        {"Digi-Key": "P1.00KCCT-ND", "Mouser": "ERJ-6ENF1001V"},
        [],
    )


def test_push_on_hold_off_kitspace_csv_with_five_alternate_pairs() -> None:
    read = shared_bom("licence_unclear/push-on-hold-off__1-click-bom.csv")
    assert len(read.rows) == 11
    assert read.unread == []
    assert read.skipped == Skipped()
    row = at(read, 3)
    assert row.request.to_dict() == {"quantity": 1, "mpn": "C1608X5R1A106M080AC"}
    assert row.alternates == ["06036D106MAT2A", "C1608X5R0J106K080AB", "C1608X5R1A106K080AC"]
    assert row.skus["LCSC"] == "C3877917"


def test_bq25570_kitspace_tsv_with_two_alternate_pairs() -> None:
    read = shared_bom("licence_unclear/bq25570_harvester__1-click-bom.tsv")
    assert len(read.rows) == 15
    assert read.unread == []
    assert read.skipped == Skipped()
    assert part(at(read, 2)) == (
        2,
        {"quantity": 2, "mpn": "C3216X5R1C226M160AB"},
        {"Mouser": "810-C3216X5R1C226M", "Digi-Key": "445-6001-1-ND"},
        ["12066C226KAT2A"],
    )


# --- Files written for the odd cases -------------------------------------------------


def test_utf8_byte_order_mark_and_crlf() -> None:
    raw = (DATA / "kicad_utf8_bom_crlf.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    read = own_bom("kicad_utf8_bom_crlf.csv")
    assert read.format.encoding == "utf-8-sig"
    assert read.format.columns["designators"] == "Reference"
    assert [(row.number, *part(row)) for row in read.rows] == [
        (
            2,
            4,
            {"quantity": 4, "category": "capacitor", "value": 1e-07, "package": "0402"},
            {},
            [],
        ),
        (
            3,
            1,
            {"quantity": 1, "category": "capacitor", "value": 4.7e-06, "package": "0603"},
            {},
            [],
        ),
        (
            4,
            2,
            {"quantity": 2, "category": "resistor", "value": 10000.0, "package": "0603"},
            {},
            [],
        ),
        (6, 1, {"quantity": 1, "mpn": "STM32F103C8T6", "package": "LQFP-48"}, {}, []),
    ]
    assert read.rows[0].text == '"C1,C2,C3,C4","100nF","Capacitor_SMD:C_0402_1005Metric","4","",""'
    assert read.skipped == Skipped(dnp=1, board_features=1)


def test_semicolons_with_excel_sep_hint_preamble_and_windows_1252() -> None:
    read = own_bom("excel_semicolon_preamble_cp1252.csv")
    assert (read.format.encoding, read.format.delimiter, read.format.header_row) == (
        "cp1252",
        ";",
        5,
    )
    assert read.skipped == Skipped(preamble=3, blank=1)
    assert [part(row)[1] for row in read.rows] == [
        {
            "quantity": 2,
            "category": "capacitor",
            "value": 4.7e-06,
            "package": "0805",
            "voltage": 25.0,
            "dielectric": "X5R",
        },
        {
            "quantity": 1,
            "category": "resistor",
            "value": 0.22,
            "package": "1206",
            "tolerance": 0.01,
        },
        {"quantity": 1, "mpn": "DRV8871DDAR", "package": "SOIC-8"},
    ]
    assert read.rows[0].text == "2;C7, C8;4,7µF 25V X5R;0805;"
    assert read.unread == [UnreadRow(9, "1;J1;Screw terminal 2 pin;;", KIND_ONLY)]


def test_tabs_in_utf16_unicode_text_from_excel_with_designator_ranges() -> None:
    read = own_bom("altium_unicode_text.txt")
    assert (read.format.encoding, read.format.delimiter) == ("utf-16", "\t")
    assert [(row.designators, row.request.to_dict()) for row in read.rows] == [
        (
            ["C1", "C2", "C3"],
            {"quantity": 3, "category": "capacitor", "value": 1e-07, "package": "0402"},
        ),
        (
            ["R1", "R2", "R3", "R4"],
            {"quantity": 4, "category": "resistor", "value": 1000.0, "package": "0603"},
        ),
        (["U1"], {"quantity": 1, "mpn": "LM358", "package": "SOIC-8"}),
    ]


def test_second_header_row_names_the_distributor_of_each_sku_column() -> None:
    read = own_bom("octopart_two_row_header.csv")
    assert read.format.subheader_row == 2
    assert read.format.columns["sku:Mouser"] == "SKU"
    assert read.rows[1].skus == {
        "Digi-Key": "296-TPS7A0533PDBVRCT-ND",
        "Mouser": "595-TPS7A0533PDBVR",
    }


def test_rows_repeating_the_designators_above_are_its_alternates() -> None:
    read = own_bom("octopart_two_row_header.csv")
    first = read.rows[0]
    assert (first.number, first.designators) == (3, ["C1", "C2"])
    assert part(first) == (
        2,
        {"quantity": 2, "mpn": "GRM155R71C104KA88D"},
        {"Digi-Key": "490-1318-1-ND", "Mouser": "81-GRM155R71C104KA88D"},
        ["CL05B104KO5NNNC", "CC0402KRX7R7BB104"],
    )
    assert read.skipped == Skipped(alternates=2)
    assert [row.number for row in read.rows] == [3, 6]
    assert read.unread == [UnreadRow(7, "SW1,,,1,Tactile switch,,", NO_PART)]


def test_duplicated_header_names_give_the_first_part_number_and_its_alternates() -> None:
    read = own_bom("kitspace_duplicated_headers.tsv")
    assert [(row.manufacturer, *part(row)) for row in read.rows] == [
        (
            "Samsung",
            2,
            {"quantity": 2, "mpn": "CL21A106KAYNNNE"},
            {"Digi-Key": "1276-2891-1-ND", "LCSC": "C15850"},
            ["GRM21BR61E106KA73L"],
        ),
        (
            "Yageo",
            1,
            {"quantity": 1, "mpn": "RC0603FR-0710KL"},
            {"Digi-Key": "311-10.0KHRCT-ND", "LCSC": "C98220"},
            [],
        ),
        (
            None,
            1,
            {"quantity": 1, "category": "led", "package": "0603"},
            {"LCSC": "C2286"},
            [],
        ),
    ]


def test_chinese_headers_in_gb18030() -> None:
    read = own_bom("chinese_gb18030.csv")
    assert read.format.encoding == "gb18030"
    assert read.format.columns == {
        "description": "名称",
        "value": "规格",
        "mpn": "型号",
        "package": "封装",
        "designators": "位号",
        "quantity": "数量",
        "manufacturer": "品牌",
        "notes": "备注",
    }
    assert [(row.designators, row.manufacturer, row.request.to_dict()) for row in read.rows] == [
        (
            ["R1", "R2", "R5"],
            "风华",
            {
                "quantity": 3,
                "category": "resistor",
                "value": 10000.0,
                "package": "0603",
                "tolerance": 0.01,
            },
        ),
        (
            ["C1", "C2", "C3", "C4", "C5", "C6"],
            "三星",
            {
                "quantity": 6,
                "category": "capacitor",
                "value": 1e-07,
                "package": "0402",
                "voltage": 50.0,
                "dielectric": "X7R",
            },
        ),
        (["U1"], "ST", {"quantity": 1, "mpn": "STM32F030F4P6", "package": "TSSOP-20"}),
    ]
    # 备注 "不贴" (not fitted) is DNP; a heatsink with no specification is listed back.
    assert read.skipped == Skipped(dnp=1)
    assert read.unread == [UnreadRow(6, "5,散热片,,,,,1,,", NO_PART)]


def test_dnp_rows_are_skipped_and_counted_however_they_are_marked() -> None:
    # "(DNF)" in the value, Fitted "No", quantity 0, a note, and "DNP" as the value.
    read = own_bom("dnp_marks.csv")
    assert [row.designators for row in read.rows] == [["C1"]]
    assert read.skipped == Skipped(dnp=5)
    assert read.unread == []


def test_xlsx_workbook_is_read_from_the_sheet_with_a_header() -> None:
    workbook = Workbook()
    notes = workbook.active
    assert notes is not None
    notes.title = "Notes"
    notes["A1"] = "Assembly notes: see drawing"
    sheet = workbook.create_sheet("BOM")
    sheet.append(["Motor driver rev B"])
    sheet.append([])
    sheet.append(["Item", "Qty", "Reference", "Value", "Footprint", "MPN", "LCSC"])
    sheet.append([1, 4.0, "C1, C2, C3, C4", "100nF", "Capacitor_SMD:C_0402_1005Metric", None])
    sheet.append([2, 1, "U1", "ATmega328P", "Package_QFP:TQFP-32_7x7mm_P0.8mm", "ATMEGA328P-AU"])
    sheet.append([3, 2, "R1,R2", 0.1, "R_1206", None, "C25334"])
    sheet.append([4, 1, "J1", "USB_C"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    read = read_bom(buffer.getvalue(), "motor-driver.xlsx")
    assert (read.format.kind, read.format.sheet, read.format.header_row) == ("xlsx", "BOM", 3)
    assert [(row.number, *part(row)) for row in read.rows] == [
        (
            4,
            4,
            {"quantity": 4, "category": "capacitor", "value": 1e-07, "package": "0402"},
            {},
            [],
        ),
        (5, 1, {"quantity": 1, "mpn": "ATMEGA328P-AU", "package": "TQFP-32"}, {}, []),
        (
            6,
            2,
            {"quantity": 2, "category": "resistor", "value": 0.1, "package": "1206"},
            {"LCSC": "C25334"},
            [],
        ),
    ]
    assert read.rows[0].text == "1\t4\tC1, C2, C3, C4\t100nF\tCapacitor_SMD:C_0402_1005Metric"
    assert read.unread == [UnreadRow(7, "4\t1\tJ1\tUSB_C", KIND_ONLY)]
    assert read.skipped == Skipped(preamble=1, blank=1)


def test_a_value_under_a_part_number_header_is_read_as_a_value() -> None:
    read = read_bom(b"Part Number,Qty,Designator\n10k 1% 0603,2,R1 R2\n", "bom.csv")
    assert read.rows[0].request.to_dict() == {
        "quantity": 2,
        "category": "resistor",
        "value": 10000.0,
        "package": "0603",
        "tolerance": 0.01,
    }


def test_a_plain_part_number_beside_the_manufacturers_is_not_taken_for_it() -> None:
    # Digi-Key's cart export: "Part Number" is Digi-Key's own order code.
    read = read_bom(
        b"Index,Quantity,Part Number,Manufacturer Part Number,Description\n"
        b"1,10,311-10.0KHRCT-ND,RC0603FR-0710KL,RES 10K OHM 1% 1/10W 0603\n",
        "DK_PRODUCTS.csv",
    )
    assert part(read.rows[0]) == (10, {"quantity": 10, "mpn": "RC0603FR-0710KL"}, {}, [])


def test_a_quantity_that_is_no_number_is_listed_back_when_nothing_else_counts() -> None:
    read = read_bom(b"Qty,MPN\nTBD,LM358DR\n", "bom.csv")
    assert read.rows == []
    assert read.unread == [UnreadRow(2, "TBD,LM358DR", UnreadReason.BAD_QUANTITY)]


def test_supplier_codes_are_never_taken_for_part_numbers() -> None:
    read = read_bom(b"Designator,Comment,LCSC Part #\nD1,CHRG,C2296\n", "jlc.csv")
    assert read.rows[0].request.to_dict() == {"quantity": 1, "category": "diode"}
    assert read.rows[0].skus == {"LCSC": "C2296"}


# --- Files that are no BOM -----------------------------------------------------------


def problem(data: bytes, filename: str) -> tuple[BomProblem, str]:
    with pytest.raises(BomError) as caught:
        read_bom(data, filename)
    return caught.value.problem, str(caught.value)


def test_an_image_is_refused_with_a_message_for_the_buyer() -> None:
    assert problem((DATA / "photo.png").read_bytes(), "photo.png") == (
        BomProblem.IMAGE,
        "“photo.png” is an image. A photo of a BOM cannot be read: please send the BOM as a "
        "CSV, TSV or Excel (.xlsx) file.",
    )


def test_plain_text_without_a_header_row_is_refused() -> None:
    assert problem((DATA / "note.txt").read_bytes(), "note.txt") == (
        BomProblem.NO_HEADER,
        "“note.txt” has no header row naming its columns. Please add one, for example: "
        "Designator, Qty, Value, Footprint, MPN.",
    )


@pytest.mark.parametrize("data", [b"", b" \r\n\r\n\t\n"])
def test_an_empty_file_is_refused(data: bytes) -> None:
    assert problem(data, "bom.csv") == (BomProblem.EMPTY, "“bom.csv” is empty.")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", BomProblem.PDF),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, BomProblem.OLD_EXCEL),
        (b"PK\x03\x04" + b"\x00" * 64, BomProblem.DAMAGED_WORKBOOK),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 64, BomProblem.BINARY),
    ],
)
def test_other_files_that_are_no_bom_are_refused(data: bytes, expected: BomProblem) -> None:
    assert problem(data, "bom")[0] is expected


def test_a_workbook_with_a_damaged_sheet_is_refused() -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Qty", "Value", "Footprint"])
    sheet.append([2, "10k", "0603"])
    saved = io.BytesIO()
    workbook.save(saved)
    damaged = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(saved.getvalue())) as source,
        zipfile.ZipFile(damaged, "w") as target,
    ):
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content[: len(content) // 2]
            target.writestr(item, content)
    assert problem(damaged.getvalue(), "bom.xlsx")[0] is BomProblem.DAMAGED_WORKBOOK


def test_a_header_with_nothing_under_it_is_refused() -> None:
    assert problem(b"Qty,Value,Footprint\r\n\r\n", "empty-bom.csv") == (
        BomProblem.NO_ROWS,
        "“empty-bom.csv” has a header row but no parts under it.",
    )

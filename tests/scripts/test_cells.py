from __future__ import annotations

from scripts.cells import extract_tables
from scripts.legal import parse
from scripts.tables import short_label
from tests.conftest import CORPUS


def _doc(name: str):  # type: ignore[no-untyped-def]
    return parse((CORPUS / "dev" / f"{name}.txt").read_text(encoding="utf-8"))


def test_a_table_without_a_row_number_column_is_read_from_its_paragraphs() -> None:
    """Header cells, then a wrapped label and its amounts, each cell a blank-separated paragraph."""
    lines = ["1. Số tiền hỗ trợ:", "", "Khu vực", "", "Mức hỗ trợ (đồng)", "", "Các phường: A,", "B, C.", "", "400.000.000"]
    lines += ["", "Các xã: D, E.", "", "200.000.000", "", "2. Sửa đổi điều khác như sau:"]
    out, [table] = extract_tables(lines)
    assert [(r.label, r.values) for r in table.rows] == [
        ("Các phường: A, B, C.", ("400.000.000",)),
        ("Các xã: D, E.", ("200.000.000",)),
    ]
    assert table.unit == "đồng" and table.lead == "Số tiền hỗ trợ:"
    assert out[0] == "1. Số tiền hỗ trợ:" and out[-1] == "2. Sửa đổi điều khác như sau:"


def test_amended_benefit_tables_inside_quotes_reach_their_article() -> None:
    doc = _doc("qd-97-2025-qd-ubnd-quangninh")
    support, monthly = doc.article("1").tables  # type: ignore[union-attr]
    assert support.rows[0].values == ("400.000.000",) and support.rows[-1].values == ("200.000.000",)
    assert monthly.headers[1] == "Hộ độc thân (01 người)"
    assert monthly.rows[0].values == ("3.000.000 đồng", "5.000.000 đồng", "6.000.000 đồng")


def test_an_appendix_after_the_signature_is_its_own_part_with_its_table() -> None:
    """Roman-numeral groups and "1.1" sub-rows are row numbers, wrapped school names one label."""
    doc = _doc("nq-58-2025-nq-hdnd-hanoi")
    appendix = doc.articles[-1]
    assert appendix.number == "Phụ lục" and not doc.article("4").tables  # type: ignore[union-attr]
    [table] = appendix.tables
    assert table.unit == "Đồng/học sinh/tháng"
    labels = {r.label: r.values for r in table.rows}
    assert labels["Trường Trung học phổ thông Phan Huy Chú - Đống Đa – Khối 10"] == ("6.100.000",)
    assert all("." not in v or len(v) > 4 for r in table.rows for v in r.values), "no row number read as an amount"


def test_a_long_list_of_places_is_said_by_its_first_names() -> None:
    assert short_label("Các xã: A, B, C, D, E.") == "Các xã A, B, C và các nơi khác cùng nhóm"
    assert short_label("Các xã: A, B.") == "Các xã A, B"


def test_appendix_amounts_reach_the_script() -> None:
    from scripts.draft import draft

    script = draft(_doc("nq-58-2025-nq-hdnd-hanoi"))
    assert any("6.100.000" in s.text and s.source and s.source.article == "Phụ lục" for s in script.sentences)
    script = draft(_doc("qd-97-2025-qd-ubnd-quangninh"))
    assert "400.000.000" in script.text and "200.000.000" in script.text and "6.000.000" in script.text


def test_each_amount_in_a_row_of_thousands_says_its_money() -> None:
    from scripts.cells import Table, TableRow
    from scripts.tables import row_sentence

    table = Table(
        headers=("Cấp học", "Khu vực nông thôn (xã)", "Khu vực thành thị (phường)"),
        rows=[TableRow("Giáo dục mầm non", ("80", "120"), "Giáo dục mầm non 80 120")],
        unit="Nghìn đồng/người học/tháng",
        clause="1",
    )
    assert row_sentence(table, 0) == (
        "Giáo dục mầm non: khu vực nông thôn (xã) 80 nghìn đồng, khu vực thành thị (phường) 120 nghìn đồng/người học/tháng."
    )


def _blank_separated(cells: list[str]) -> list[str]:
    return [line for cell in cells for line in (cell, "")]


def test_a_unit_in_a_column_heading_goes_with_that_columns_values() -> None:
    cells = ["1. Mức trợ cấp theo vùng như sau:", "Vùng", "Mức tháng (Đơn vị: đồng/tháng)", "Mức giờ (Đơn vị: đồng/giờ)"]
    cells += ["Vùng A", "2.100.000", "10.500", "Vùng B", "1.900.000", "9.200"]
    _, [table] = extract_tables(_blank_separated(cells))
    assert table.headers == ("Vùng", "Mức tháng", "Mức giờ")
    assert table.rows[0].values == ("2.100.000 đồng/tháng", "10.500 đồng/giờ")


def test_the_unit_line_above_a_table_is_the_tables_unit_in_words_not_a_sentence() -> None:
    cells = ["1. Mức học phí", "Đơn vị tính: 1.000 đồng/học sinh/tháng", "Địa bàn", "Tiểu học", "Trung học"]
    cells += ["Phường", "200", "150", "Xã", "120", "90", "2. Điều khác."]
    out, [table] = extract_tables(_blank_separated(cells))
    assert table.unit == "nghìn đồng/học sinh/tháng"
    assert not any(line.startswith("Đơn vị tính") for line in out)


def test_a_numbered_list_of_names_is_not_a_table_of_amounts() -> None:
    """An appendix "STT | Tên xã" read cell by cell: each name followed by the next row's number."""
    cells = ["Địa bàn/tên xã, phường", "I", "Đô thị (3 phường)", "1", "Phường An", "2", "Phường Bình", "3", "Phường Cư"]
    _, tables = extract_tables(_blank_separated(cells))
    assert not tables  # it was read as "Phường An: 2", and said "Mức cao nhất là 3, áp dụng cho phường Cư"

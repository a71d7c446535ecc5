"""A fee table in a DOCX or HTML copy is read where it stands, into rows the drafter says (scripts/pipe_rows.py)."""

from __future__ import annotations

from pathlib import Path

import docx

from scripts.draft import draft
from scripts.extract import html_to_text
from scripts.ingest import LocalFetcher, load_document
from scripts.legal import parse
from scripts.pipe_rows import cells_of, unfold
from tests.scripts.made_up import YEAR

HEAD = f"ỦY BAN NHÂN DÂN TỈNH AN BÌNH\nSố: 21/{YEAR}/QĐ-UBND\nQUYẾT ĐỊNH\nBan hành giá nước sạch sinh hoạt\n"
LEAD = "Điều 1. Giá nước sạch\nGiá nước sạch cho hộ gia đình như sau:"
AFTER = f"Giá trên đã bao gồm thuế giá trị gia tăng.\nĐiều 2. Hiệu lực thi hành\nQuyết định này có hiệu lực từ ngày 01 tháng 3 năm {YEAR}."
ROWS = [("STT", "Mức sử dụng", "Giá (đồng/m3)"), ("1", "Đến 10 m3", "6.500"), ("2", "Trên 10 m3 đến 20 m3", "8.200")]


def _rows_said(text: str) -> list[tuple[str, tuple[str, ...]]]:
    doc = parse(text)
    article = next(a for a in doc.articles if a.number == "1")
    return [(row.label, row.values) for table in article.tables for row in table.rows]


def test_a_docx_table_is_read_under_the_clause_that_leads_it(tmp_path: Path) -> None:
    """python-docx lists tables apart from paragraphs: they were appended after the signature, out of their
    article, and as "a | b" lines no table reader knew. Now each stays where it stands and is read into rows."""
    document = docx.Document()
    for line in (HEAD + LEAD).splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=len(ROWS) + 1, cols=3)
    for r, row in enumerate([ROWS[0], ("I", "Hộ gia đình", ""), *ROWS[1:]]):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    table.cell(1, 1).merge(table.cell(1, 2))  # a group heading merged over the price column
    for line in AFTER.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "gia-nuoc.docx"
    document.save(str(path))
    text = load_document(str(path), LocalFetcher()).text
    assert text.index("Đến 10 m3") < text.index("Điều 2.")
    assert _rows_said(text) == [("Hộ gia đình – Đến 10 m3", ("6.500",)), ("Hộ gia đình – Trên 10 m3 đến 20 m3", ("8.200",))]
    said = " ".join(s.text for s in draft(parse(text)).sentences)
    assert "8.200 đồng/m3" in said or "6.500 đồng/m3" in said, said


def test_an_html_table_without_a_row_number_is_read_into_rows() -> None:
    html = (
        "<html><body>"
        + "".join(f"<p>{line}</p>" for line in (HEAD + LEAD).splitlines())
        + "<table><tr><td>Mức sử dụng</td><td>Giá (đồng/m3)</td></tr>"
        + "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for _, label, value in ROWS[1:])
        + "</table>"
        + "".join(f"<p>{line}</p>" for line in AFTER.splitlines())
        + "</body></html>"
    )
    rows = _rows_said(html_to_text(html))
    assert rows == [("Đến 10 m3", ("6.500",)), ("Trên 10 m3 đến 20 m3", ("8.200",))]


def test_rows_without_amounts_and_text_with_a_bar_are_left_as_they_are() -> None:
    """A list of communes laid out as a table is no fee table; one line with a bar is no table at all."""
    communes = ["STT | Tên xã | Huyện", "1 | Xã An Hòa | Huyện Bình Sơn", "2 | Xã An Lạc | Huyện Bình Sơn"]
    assert unfold(communes) == communes
    lone = ["Mức thu | 20.000 đồng", "Điều 3. Tổ chức thực hiện"]
    assert unfold(lone) == lone
    assert cells_of("| 1 | Mầm non | Mầm non | 300.000 |") == ["1", "Mầm non", "300.000"]


def test_every_row_of_a_table_says_what_it_is() -> None:
    """Only the first row said the table's lead ("Giá nước sạch cho hộ gia đình"); the headline took it, and the
    second row was heard alone as "Trên 10 m3 đến 20 m3: 8.200 đồng/m3." — a price of nothing named."""
    table = "\n".join(" | ".join(row) for row in ROWS)
    said = [s.text for s in draft(parse(f"{HEAD}{LEAD}\n{table}\n{AFTER}")).sentences]
    rows = [s for s in said if "đồng/m3" in s]
    assert len(rows) >= 2 and all("giá nước sạch cho hộ gia đình" in s.lower() for s in rows), said


def test_an_appendix_tables_rows_say_the_appendix_title() -> None:
    """ "Mức thu học phí … quy định tại Phụ lục kèm theo": the table stands under "PHỤ LỤC / MỨC THU HỌC PHÍ" after the
    signature, with no lead line; its rows were "Mầm non: thành thị 300 nghìn đồng, …", a price of nothing named."""
    appendix = (
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\nPHỤ LỤC\nMỨC THU HỌC PHÍ\n"
        f"(Kèm theo Quyết định số 21/{YEAR}/QĐ-UBND)\nĐơn vị tính: nghìn đồng/học sinh/tháng\n"
        "STT\nCấp học\nThành thị\nNông thôn\n1\nMầm non\n300\n150\n2\nTrung học cơ sở\n250\n120\n"
    )
    body = "Điều 1. Mức thu học phí\nMức thu học phí đối với trẻ mầm non, học sinh công lập quy định tại Phụ lục kèm theo Quyết định này.\n"
    text = f"{HEAD}{body}Điều 2. Hiệu lực thi hành\nQuyết định này có hiệu lực từ ngày 01 tháng 3 năm {YEAR}.\n{appendix}"
    said = [s.text for s in draft(parse(text)).sentences]
    row = "mức thu học phí mầm non: thành thị 300 nghìn đồng, nông thôn 150 nghìn đồng/học sinh/tháng."
    assert any(s.lower().endswith(row) for s in said), said
    assert not any(s.startswith(("Mầm non:", "Trung học cơ sở:")) for s in said), said


def test_a_row_that_echoes_its_lead_is_said_with_doi_voi() -> None:
    """ "Mức thu lệ phí đăng ký cư trú" + "Đăng ký thường trú" was heard "… lệ phí đăng ký cư trú đăng ký thường trú: …",
    two registrations run together; a row whose opening words are in its lead is said "… đối với đăng ký thường trú"."""
    rows = "STT | Nội dung | Mức thu (đồng/lần)\n1 | Đăng ký thường trú | 20.000\n2 | Đăng ký tạm trú | 15.000"
    text = f"{HEAD}Điều 1. Lệ phí\nMức thu lệ phí đăng ký cư trú như sau:\n{rows}\n{AFTER}"
    said = [s.text for s in draft(parse(text)).sentences]
    assert any(s.endswith("lệ phí đăng ký cư trú đối với đăng ký tạm trú: 15.000 đồng/lần.") for s in said), said
    assert not any("cư trú đăng ký" in s for s in said), said

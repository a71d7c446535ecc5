from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scripts.errors import DocumentError
from scripts.ingest import LocalFetcher, load_document
from scripts.legal import parse
from tests.conftest import CORPUS, DEV_DOCS, dev_meta


def _expected_date(value: object) -> date | None:
    if not value:
        return None
    return date.fromisoformat(str(value).split(" ")[0])


@pytest.mark.parametrize("path", DEV_DOCS, ids=[p.stem for p in DEV_DOCS])
def test_metadata_of_every_dev_document(path: Path) -> None:
    meta = dev_meta(path)
    doc = parse(path.read_text(encoding="utf-8"))
    assert doc.number == meta["number"]
    assert doc.doc_type == meta["doc_type"]
    assert doc.issuer == meta["issuer"]
    assert doc.issued_on == _expected_date(meta["issue_date"])
    assert doc.effective_on == _expected_date(meta["effective_date"])
    expected_title = str(meta["title"]).split(" (")[0].lower()
    assert " ".join(doc.title.lower().split()).startswith(" ".join(expected_title.split())[:60])
    assert doc.articles, "no structure found"


@pytest.mark.parametrize("path", DEV_DOCS, ids=[p.stem for p in DEV_DOCS])
def test_amending_documents_name_what_they_amend(path: Path) -> None:
    meta = dev_meta(path)
    doc = parse(path.read_text(encoding="utf-8"))
    if meta["amending"]:
        assert doc.amends, f"{doc.number} amends something but no number was found"
    assert doc.number not in doc.amends


def test_amended_numbers_are_the_right_ones() -> None:
    nd16 = parse((CORPUS / "dev" / "nd-16-2025-nd-cp.txt").read_text(encoding="utf-8"))
    assert nd16.amends == ["72/2020/NĐ-CP"]
    tt15 = parse((CORPUS / "dev" / "tt-15-2024-tt-bldtbxh.txt").read_text(encoding="utf-8"))
    assert {r.kind for r in tt15.relations} == {"repeals"}
    assert "08/2013/TT-BLĐTBXH" in tt15.amends and len(tt15.amends) == 14
    nd162 = parse((CORPUS / "dev" / "nd-162-2026-nd-cp.txt").read_text(encoding="utf-8"))
    assert [(r.kind, r.number) for r in nd162.relations] == [("replaces", "75/2024/NĐ-CP")]


def test_structure_articles_clauses_points() -> None:
    doc = parse((CORPUS / "dev" / "nd-162-2026-nd-cp.txt").read_text(encoding="utf-8"))
    assert [a.number for a in doc.articles] == ["1", "2", "3", "4", "5", "6"]
    first = doc.article("1")
    assert first is not None and first.chapter == "I"
    assert [p.label for p in first.clauses[0].points][:3] == ["a", "b", "c"]


def test_gazette_pdf_matches_the_web_text() -> None:
    pdf = load_document(str(CORPUS / "pdf" / "nghi-dinh-so-162-2026-nd-cp-469551.pdf"), LocalFetcher())
    assert "CÔNG BÁO" not in pdf.text and "Ký bởi" not in pdf.text
    from_pdf = parse(pdf.text)
    from_web = parse((CORPUS / "dev" / "nd-162-2026-nd-cp.txt").read_text(encoding="utf-8"))
    assert (from_pdf.number, from_pdf.title, from_pdf.issued_on, from_pdf.effective_on, from_pdf.amends) == (
        from_web.number,
        from_web.title,
        from_web.issued_on,
        from_web.effective_on,
        from_web.amends,
    )
    assert [a.number for a in from_pdf.articles] == [a.number for a in from_web.articles]


def test_repealing_circular_pdf() -> None:
    doc = parse(load_document(str(CORPUS / "pdf" / "thong-tu-so-02-2026-tt-btc-468745.pdf"), LocalFetcher()).text)
    assert doc.number == "02/2026/TT-BTC" and doc.issuer == "Bộ Tài chính"
    assert doc.amends == ["72/2011/TTLT-BTC-BGTVT"]


def test_signed_on_signature_date() -> None:
    doc = parse((CORPUS / "dev" / "nq-113-nq-cp-2026.txt").read_text(encoding="utf-8"))
    assert doc.effective_on == doc.issued_on == date(2026, 4, 25)
    assert doc.effective_note == "kể từ ngày ký"


def test_damaged_web_layout_is_repaired() -> None:
    text = "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc\nSố:\n9/2026/NĐ-CP\n\nHà Nội, ngày 2 tháng 3 năm 2026\n\nNGHỊ ĐỊNH\nVỀ THỬ NGHIỆM\n\nĐiều 1. Phạm vi\nNghị định này có hiệu lực từ ngày 01/4/2026."
    doc = parse(text)
    assert (doc.number, doc.issuer, doc.issued_on, doc.effective_on) == (
        "9/2026/NĐ-CP",
        "Chính phủ",
        date(2026, 3, 2),
        date(2026, 4, 1),
    )


def test_document_without_number_is_refused() -> None:
    with pytest.raises(DocumentError, match="no document number"):
        parse("Thông báo lịch cắt điện\nNgày mai cắt điện từ 7h đến 11h.")


def test_an_amended_text_left_open_by_a_table_does_not_swallow_the_next_articles() -> None:
    """ "“1. Số tiền hỗ trợ:" opens a quote that a table ends without closing it; "Điều 2." is still ours."""
    doc = parse((CORPUS / "dev" / "qd-97-2025-qd-ubnd-quangninh.txt").read_text(encoding="utf-8"))
    assert [a.number for a in doc.articles] == ["1", "2", "3", "4"]
    assert "chịu trách nhiệm thi hành" not in " ".join(text for _, _, text in doc.articles[0].passages())


def test_title_that_names_its_issuer_is_kept_whole() -> None:
    head = "THỦ TƯỚNG CHÍNH PHỦ\nSố: 7/2026/QĐ-TTg\nHà Nội, ngày 01 tháng 02 năm 2026\nQUYẾT ĐỊNH\n"
    whole = parse(head + "BÃI BỎ MỘT SỐ QUYẾT ĐỊNH CỦA THỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Luật.\nĐiều 1. Bãi bỏ\nNội dung.")
    assert whole.title.lower() == "bãi bỏ một số quyết định của thủ tướng chính phủ"
    run_on = parse(head + "VỀ THỬ NGHIỆM THỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Luật.\nĐiều 1. Phạm vi\nNội dung.")
    assert run_on.title.lower() == "về thử nghiệm"


def test_a_parts_later_date_is_not_the_documents() -> None:
    """ "1. Khoản 2 Điều 2 Quyết định này có hiệu lực từ ngày 01 tháng 01 năm …" before the decision's own article on
    entry into force was read as the whole decision's date: the script's lead gave it to the rule of khoản 1 too."""
    from datetime import date

    from tests.scripts.made_up import YEAR, decision, script

    body = (
        "Điều 2. Mức thu\n1. Hộ gia đình ở phường nộp phí vệ sinh 25.000 đồng/hộ/tháng.\n"
        "2. Hộ gia đình ở xã nộp phí vệ sinh 15.000 đồng/hộ/tháng.\n"
        "Điều 8. Điều khoản thi hành\n"
        f"Khoản 2 Điều 2 Quyết định này có hiệu lực từ ngày 01 tháng 01 năm {YEAR + 1}.\n"
    )
    assert decision("Quy định mức thu phí vệ sinh", body).effective_on == date(YEAR, 3, 1)
    said = script("Quy định mức thu phí vệ sinh", body)
    assert not any(f"năm {YEAR + 1}" in s and "phường" in s for s in said), said
    assert any(s.startswith(f"Từ ngày 01 tháng 01 năm {YEAR + 1}, hộ gia đình ở xã") for s in said), said

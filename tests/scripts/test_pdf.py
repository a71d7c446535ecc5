"""Gazette PDFs read with whole syllables, without furniture, numbered from their "Số:" line."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from scripts.errors import DocumentError
from scripts.furniture import (
    SIGNING_TITLE,
    broken_syllables,
    is_broken,
    join_row_labels,
    strip_furniture,
)
from scripts.ingest import LocalFetcher, load_document
from scripts.legal import parse
from tests.conftest import CORPUS, DEV_DOCS

PDFS = sorted((CORPUS / "pdf").glob("*.pdf"))
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pdf_texts() -> dict[str, str]:
    return {p.name: load_document(str(p), LocalFetcher()).text for p in PDFS}


def test_every_gazette_pdf_is_read(pdf_texts: dict[str, str]) -> None:
    assert PDFS, "the corpus holds gazette PDFs"
    assert sorted(pdf_texts) == [p.name for p in PDFS]
    for name, text in pdf_texts.items():
        assert "Điều 1" in text or "I." in text, name
        assert len(text) > 1000, name


@pytest.mark.parametrize("name", [p.name for p in PDFS])
def test_pdf_text_keeps_syllables_whole_and_drops_furniture(pdf_texts: dict[str, str], name: str) -> None:
    text = pdf_texts[name]
    assert broken_syllables(text) == [] and not is_broken(text)
    for furniture in ("CÔNG BÁO", "Nơi nhận", "KT. ", "TM. ", "THỨ TRƯỞNG", "VĂN BẢN QUY PHẠM"):
        assert furniture not in text, furniture
    # "THỦ TƯỚNG" stays only as the issuer's name (its letterhead, "THỦ TƯỚNG CHÍNH PHỦ" before
    # "Căn cứ", an attached plan's letterhead), never as a signing title or a running header.
    for line in text.splitlines():
        if "THỦ TƯỚNG" in line:
            assert line.strip().startswith("THỦ TƯỚNG CHÍNH PHỦ"), line
        assert not SIGNING_TITLE.match(line.strip()), line
    assert not any(line.strip() in ("[", "]", "[]") for line in text.splitlines()), "a stamp remnant is left"
    assert not any(line.strip().isdigit() for line in text.splitlines()), "a page number is left"
    assert parse(text).warnings == []


def test_60_page_decree_metadata(pdf_texts: dict[str, str]) -> None:
    doc = parse(pdf_texts["nghi-dinh-so-158-2025-nd-cp-45240.pdf"])
    assert (doc.number, doc.doc_type, doc.issuer) == ("158/2025/NĐ-CP", "Nghị định", "Chính phủ")
    assert (doc.issued_on, doc.effective_on) == (date(2025, 6, 25), date(2025, 7, 1))
    assert doc.title.startswith("Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm xã hội")
    assert "Người đang hưởng" in pdf_texts["nghi-dinh-so-158-2025-nd-cp-45240.pdf"]
    assert "Hồ Đức Phớc" not in doc.text, "the signer's name is furniture"
    assert "Phụ lục I" in doc.text, "appendices after the signature are kept"


def test_circular_pdf_metadata(pdf_texts: dict[str, str]) -> None:
    doc = parse(pdf_texts["thong-tu-so-02-2026-tt-btc-468745.pdf"])
    assert (doc.number, doc.doc_type, doc.issuer) == ("02/2026/TT-BTC", "Thông tư", "Bộ Tài chính")
    assert (doc.issued_on, doc.effective_on) == (date(2026, 1, 1), date(2026, 2, 20))


def test_pdf_with_a_web_sidecar_matches_it(pdf_texts: dict[str, str]) -> None:
    meta = json.loads((CORPUS / "dev" / "nd-162-2026-nd-cp.json").read_text(encoding="utf-8"))
    doc = parse(pdf_texts["nghi-dinh-so-162-2026-nd-cp-469551.pdf"])
    assert (doc.number, doc.doc_type, doc.issuer, doc.title) == (
        meta["number"],
        meta["doc_type"],
        meta["issuer"],
        meta["title"],
    )
    assert (str(doc.issued_on), str(doc.effective_on)) == (meta["issue_date"], meta["effective_date"])


BROKEN = (
    "Người đang hưởng lương hưu. Ngư ời đang hư ởng lương hưu. Căn c ứ Ngh ị định số 5 "
    "của Chính ph ủ, m ột số điều, đi ều ki ện hưởng, ng ày 25 tháng 6 n ăm 2025, C ỘNG H ÒA."
)


def test_broken_syllables_are_found_generally() -> None:
    found = broken_syllables(BROKEN, limit=None)
    for pair in ("Ngư ời", "hư ởng", "c ứ", "Ngh ị", "m ột", "ng ày", "C ỘNG", "H ÒA", "ki ện"):
        assert pair in found
    assert is_broken(BROKEN * 3)


@pytest.mark.parametrize("path", DEV_DOCS, ids=[p.stem for p in DEV_DOCS])
def test_clean_texts_are_not_called_broken(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not is_broken(text)
    assert "broken_syllables" not in [w.code for w in parse(text).warnings]


def test_real_word_pairs_are_not_suspects() -> None:
    assert broken_syllables("b) Ủy ban nhân dân; nhà ở xã hội; để áp dụng; điểm h, i khoản 1; theo ý kiến") == []
    assert broken_syllables("bảo vệ an ninh, trật tự ở cơ sở; xin cảm tạ, tự ổn định; cư ông") == []
    assert broken_syllables("Ngư ời đang hư ởng, trật tự ở đây") == ["Ngư ời", "hư ởng"]


def test_table_row_labels_join_their_row() -> None:
    lines = ["Số TT Nội dung Mức thu", "1", "Lệ phí cấp hộ chiếu", "a Cấp mới 200.000", "g", "Thị thực 25 USD/chiếc", "3", "12"]
    assert join_row_labels(lines) == [
        "Số TT Nội dung Mức thu",
        "1 Lệ phí cấp hộ chiếu",
        "a Cấp mới 200.000",
        "g Thị thực 25 USD/chiếc",
        "3",
        "12",
    ]


HEADER = "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def test_number_comes_only_from_the_so_line() -> None:
    text = (
        HEADER + "Hà Nội, ngày 2 tháng 3 năm 2026\nNGHỊ ĐỊNH\nVỀ THỬ NGHIỆM\n"
        "Căn cứ Nghị quyết số 142/2024/QH15 ngày 29 tháng 6 năm 2024 của Quốc hội;\nĐiều 1. Phạm vi\nNội dung."
    )
    with pytest.raises(DocumentError, match="no document number"):
        parse(text)
    assert parse(text.replace("Hà Nội,", "Số: 9/2026/NĐ-CP\nHà Nội,")).number == "9/2026/NĐ-CP"


def test_gazette_header_on_one_line() -> None:
    text = (
        "BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 7/2026/TT-BTC Hà Nội, ngày 01 tháng 02 năm 2026\nTHÔNG TƯ\nVề thử nghiệm\nĐiều 1. Phạm vi\nNội dung."
    )
    doc = parse(text)
    assert (doc.number, doc.issuer, doc.issued_on) == ("7/2026/TT-BTC", "Bộ Tài chính", date(2026, 2, 1))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (HEADER + "Số: 9/2026/NĐ-CP\nNGHỊ ĐỊNH\nVỀ THỬ NGHIỆM\nĐiều 1. Phạm vi\nNội dung.", "no_issue_date"),
        (
            HEADER + "Nghị định này mang số 9/2026/NĐ-CP\nHà Nội, ngày 2 tháng 3 năm 2026\nNGHỊ ĐỊNH\nĐiều 1. A\nB.",
            "number_not_on_own_line",
        ),
        (
            "CÔNG TY XYZ\nSố: 9/2026/QĐ-XYZ\nHà Nội, ngày 2 tháng 3 năm 2026\nQUYẾT ĐỊNH\nĐiều 1. A\nB.",
            "unknown_issuer",
        ),
        (HEADER + "Số: 9/2026/NĐ-CP\nHà Nội, ngày 2 tháng 3 năm 2026\nĐiều 1. A\n" + BROKEN * 3, "broken_syllables"),
    ],
)
def test_warnings(text: str, code: str) -> None:
    doc = parse(text)
    assert code in [w.code for w in doc.warnings]
    assert all(w.message for w in doc.warnings)


def test_signature_and_recipients_are_cut_appendix_kept() -> None:
    lines = [
        "Điều 3. Các ông chịu trách nhiệm thi hành Quyết định này./.",
        "Nơi nhận:",
        "- Như Điều 3;",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "(Đã ký)",
        "[",
        "Nguyễn Văn An",
        "PHỤ LỤC",
        "Mức hỗ trợ 500.000 đồng.",
    ]
    assert strip_furniture(lines) == [lines[0], "PHỤ LỤC", "Mức hỗ trợ 500.000 đồng."]


def test_cli_draft_json_carries_warnings(tmp_path: Path) -> None:
    doc = tmp_path / "nd.txt"
    doc.write_text(HEADER + "Số: 9/2026/NĐ-CP\nNGHỊ ĐỊNH\nVỀ THỬ NGHIỆM\nĐiều 1. Phạm vi\nNgười dân được hỗ trợ.", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "broadcaster.cli", "draft", "--json", str(doc)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert {"code": "no_issue_date", "message": payload["warnings"][0]["message"]} in payload["warnings"]
    assert "no_issue_date" in result.stderr

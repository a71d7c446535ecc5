"""Triage: a full script for what pays, charges, bans or obliges residents; a notice, said plainly, for the rest."""

from __future__ import annotations

from scripts.draft import draft
from scripts.legal import parse


def _head(issuer: str, number: str, doc_type: str, title: str) -> str:
    return (
        f"{issuer}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: {number}\n"
        f"Hà Nội, ngày 3 tháng 2 năm 2026\n{doc_type.upper()}\n{title}\n"
    )


def _repeal_decision(count: int) -> str:
    items = "\n".join(
        f"{i}. Quyết định số {100 + i}/20{10 + i % 9:02d}/QĐ-TTg ngày 1 tháng 3 năm 20{10 + i % 9:02d} "
        f"của Thủ tướng Chính phủ về việc phê duyệt đề án thử nghiệm số {i}."
        for i in range(1, count + 1)
    )
    return (
        _head("THỦ TƯỚNG CHÍNH PHỦ", "7/2026/QĐ-TTg", "Quyết định", "BÃI BỎ MỘT SỐ VĂN BẢN QUY PHẠM PHÁP LUẬT VỀ THỬ NGHIỆM")
        + "Căn cứ Luật Tổ chức Chính phủ;\nThủ tướng Chính phủ ban hành Quyết định bãi bỏ một số văn bản quy phạm "
        "pháp luật về thử nghiệm.\nĐiều 1. Bãi bỏ toàn bộ các văn bản sau\n"
        + items
        + "\nĐiều 2. Hiệu lực thi hành\nQuyết định này có hiệu lực thi hành từ ngày 20 tháng 3 năm 2026.\n"
    )


def test_a_repeal_of_many_documents_is_a_notice_that_says_how_many_and_what_once() -> None:
    script = draft(parse(_repeal_decision(12)))
    assert script.kind == "notice"
    repeals = [s.text for s in script.sentences if "bãi bỏ" in s.text]
    assert repeals == ["Quyết định này bãi bỏ 12 văn bản quy phạm pháp luật về thử nghiệm."], repeals


REPEAL_CIRCULAR = (
    _head(
        "BỘ Y TẾ",
        "9/2026/TT-BYT",
        "Thông tư",
        "BÃI BỎ THÔNG TƯ SỐ 12/2016/TT-BYT NGÀY 3 THÁNG 4 NĂM 2016 CỦA BỘ TRƯỞNG BỘ Y TẾ QUY ĐỊNH CHẾ ĐỘ TRỰC CỦA TRẠM Y TẾ",
    )
    + "Căn cứ Luật Ban hành văn bản quy phạm pháp luật;\nBộ trưởng Bộ Y tế ban hành Thông tư bãi bỏ Thông tư số "
    "12/2016/TT- BYT ngày 3 tháng 4 năm 2016 của Bộ trưởng Bộ Y tế quy định chế độ trực của trạm y tế.\n"
    "Điều 1. Bãi bỏ toàn bộ Thông tư số 12/2016/TT-BYT ngày 3 tháng 4 năm 2016 của Bộ trưởng Bộ Y tế quy định "
    "chế độ trực của trạm y tế\nĐiều 2. Điều khoản thi hành\nThông tư này có hiệu lực thi hành kể từ ngày 15 tháng "
    "3 năm 2026.\n"
)


def test_a_repealed_circular_is_named_once_with_its_subject_and_its_symbol_as_written() -> None:
    doc = parse(REPEAL_CIRCULAR)
    assert "12/2016/TT-BYT" in doc.title
    script = draft(doc)
    repeals = [s.text for s in script.sentences if "bãi bỏ" in s.text]
    assert repeals == ["Thông tư này bãi bỏ Thông tư số 12/2016/TT-BYT quy định chế độ trực của trạm y tế."], repeals

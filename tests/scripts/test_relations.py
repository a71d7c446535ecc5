"""Every document a text acts on: lists, whole repeals and amendments in the final provisions."""

from __future__ import annotations

import pytest

from scripts.ingest import LocalFetcher, load_document
from scripts.legal import parse
from tests.conftest import CORPUS

HEAD = (
    "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 9/2026/NĐ-CP\n"
    "Hà Nội, ngày 2 tháng 3 năm 2026\nNGHỊ ĐỊNH\nQuy định về thử nghiệm\n"
    "Căn cứ Nghị định số 1/2020/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 2/2021/NĐ-CP;\n"
)


def relations(body: str) -> list[tuple[str, str, bool]]:
    return [(r.kind, r.number, r.part) for r in parse(HEAD + body).relations]


def test_enumerated_list_of_expired_decrees() -> None:
    body = (
        "Điều 1. Phạm vi\nNội dung.\nĐiều 2. Hiệu lực thi hành\n"
        "1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.\n"
        "2. Kể từ ngày Nghị định này có hiệu lực thi hành, các Nghị định sau hết hiệu lực thi hành:\n"
        "a) Nghị định số 11/2015/NĐ-CP ngày 1 tháng 1 năm 2015 của Chính phủ quy định A;\n"
        "b) Nghị định số 12/2018/NĐ-CP ngày 1 tháng 1 năm 2018 của Chính phủ quy định B;\n"
        "c) Khoản 2 Điều 3 của Nghị định số 13/2020/NĐ-CP ngày 1 tháng 1 năm 2020.\n"
        "3. Bộ trưởng chịu trách nhiệm thi hành."
    )
    assert relations(body) == [
        ("replaces", "11/2015/NĐ-CP", False),
        ("replaces", "12/2018/NĐ-CP", False),
        ("replaces", "13/2020/NĐ-CP", True),
    ]


def test_whole_repeal_and_amendment_in_final_provisions() -> None:
    body = (
        "Điều 1. Phạm vi\nNội dung.\nĐiều 2. Sửa đổi, bổ sung một số văn bản có liên quan\n"
        "1. Sửa đổi, bổ sung điểm a khoản 5 Điều 14 Nghị định số 21/2019/NĐ-CP ngày 1 tháng 1 năm 2019 "
        "đã được sửa đổi, bổ sung bởi Nghị định số 22/2022/NĐ-CP như sau:\n"
        "“a) Mức hỗ trợ theo Nghị định số 99/2099/NĐ-CP là 500.000 đồng.”\n"
        "2. Bãi bỏ toàn bộ Thông tư số 31/2011/TT-BTC ngày 1 tháng 1 năm 2011.\n"
        "3. Bãi bỏ cụm từ “cấp huyện” tại điểm b khoản 1 Điều 3 Nghị quyết số 41/2024/NQ-HĐND.\n"
        "Điều 3. Hiệu lực\nNghị định này có hiệu lực từ ngày 01 tháng 7 năm 2026 và thay thế Nghị định số 51/2016/NĐ-CP."
    )
    assert relations(body) == [
        ("amends", "21/2019/NĐ-CP", True),
        ("repeals", "31/2011/TT-BTC", False),
        ("repeals", "41/2024/NQ-HĐND", True),
        ("replaces", "51/2016/NĐ-CP", False),
    ]


def test_mentions_are_not_relations() -> None:
    body = (
        "Điều 1. Đối tượng\n1. Người hưởng theo Nghị định số 61/2011/NĐ-CP sửa đổi, bổ sung Nghị định số 62/2010/NĐ-CP.\n"
        "2. Trường hợp văn bản dẫn chiếu tại Nghị định này được sửa đổi, bổ sung hoặc thay thế thì áp dụng văn bản mới.\n"
        "3. Người bỏ phiếu theo Nghị quyết số 63/2020/NQ-HĐND."
    )
    assert relations(body) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("nq-80-2025-nq-hdnd-hanoi", [("repeals", "38/2024/NQ-HĐND", True), ("replaces", "13/2024/NQ-HĐND", False)]),
        ("nq-51-2025-nq-hdnd-hanoi", [("replaces", "10/2021/NQ-HĐND", False)]),
        ("luat-51-2024-qh15", [("amends", "25/2008/QH12", True), ("amends", "30/2023/QH15", True)]),
        ("qd-96-2025-qd-ubnd-quangninh", [("replaces", "29/2020/QĐ-UBND", False)]),
        ("nq-113-nq-cp-2026", []),
    ],
)
def test_dev_documents(name: str, expected: list[tuple[str, str, bool]]) -> None:
    doc = parse((CORPUS / "dev" / f"{name}.txt").read_text(encoding="utf-8"))
    assert [(r.kind, r.number, r.part) for r in doc.relations] == expected


def test_decree_158_lists_everything_it_amends_and_ends() -> None:
    text = load_document(str(CORPUS / "pdf" / "nghi-dinh-so-158-2025-nd-cp-45240.pdf"), LocalFetcher()).text
    doc = parse(text)
    assert [(r.kind, r.number, r.article, r.part) for r in doc.relations] == [
        ("amends", "88/2020/NĐ-CP", "43", True),
        ("amends", "58/2020/NĐ-CP", "43", True),
        ("replaces", "115/2015/NĐ-CP", "44", False),
        ("replaces", "143/2018/NĐ-CP", "44", False),
        ("replaces", "135/2020/NĐ-CP", "44", True),
        ("replaces", "33/2023/NĐ-CP", "44", True),
    ]


def test_a_replaced_document_is_named_by_what_it_is_never_as_a_bare_text() -> None:
    from scripts.docfacts import related_name, relation_sentences

    # a law cited with its name is said by it; one the text names only by number is said by its symbol's kind
    text = "Luật Giao thông đường bộ số 23/2008/QH12 hết hiệu lực; thay thế 61/2021/NQ-HĐND và 5/2019/QĐ-UBND."
    assert related_name(text, "23/2008/QH12") == "Luật Giao thông đường bộ"
    assert related_name(text, "61/2021/NQ-HĐND") == "Nghị quyết số 61/2021/NQ-HĐND"
    assert related_name(text, "5/2019/QĐ-UBND") == "Quyết định số 5/2019/QĐ-UBND"
    body = (
        "Điều 1. Phạm vi\nNội dung.\nĐiều 2. Hiệu lực thi hành\n"
        "1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.\n"
        "2. Luật Đường sắt số 06/2017/QH14 hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.\n"
    )
    said = [s.text for s in relation_sentences(parse(HEAD + body))]
    assert said == ["Nghị định này thay thế Luật Đường sắt."], said

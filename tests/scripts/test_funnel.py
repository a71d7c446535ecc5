"""bench/funnel.py: each key fact placed at the first stage that still held all its unsaid atoms (made-up decision)."""

from typing import Any

from bench.funnel import stage_of
from scripts.draft import draft
from scripts.legal import parse

TEXT = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
Số: 14/2031/QĐ-UBND
QUYẾT ĐỊNH
Về hỗ trợ hộ nghèo mua thẻ bảo hiểm y tế
Điều 1. Mức hỗ trợ
1. Hộ nghèo được hỗ trợ 500.000 đồng/người/năm để mua thẻ bảo hiểm y tế.
2. Trường hợp hộ nghèo thuộc danh sách do Ủy ban nhân dân cấp xã lập và niêm yết công khai tại trụ sở, nhà văn hóa thôn, bản, tổ dân phố, đã được rà soát, phê duyệt theo quy định tại Điều 5 Quyết định số 11/2030/QĐ-UBND, nếu có thành viên là người khuyết tật nặng, thì được hỗ trợ thêm 7% mức đóng.
Điều 2. Hiệu lực thi hành
Quyết định này có hiệu lực từ ngày 01 tháng 3 năm 2031.
"""


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def holds(fact: dict[str, Any], text: str) -> bool:
    """A fact's atoms as the shared tool counts them, in small: a phrase, a percentage or a date."""
    said = _norm(text)
    for atom in fact["all"]:
        if "any" in atom and not any(_norm(p) in said for p in atom["any"]):
            return False
        if "pct" in atom and f"{atom['pct']}%" not in said.replace(" %", "%"):
            return False
        if "date" in atom and atom["date"] != "2031-03-01" or "date" in atom and "01 tháng 3 năm 2031" not in said:
            return False
    return True


def test_a_fact_is_heard_or_placed_where_it_was_lost() -> None:
    doc = parse(TEXT)
    facts = [
        {"all": [{"any": ["hỗ trợ 500.000 đồng"]}]},  # said
        {"all": [{"pct": "7"}, {"any": ["người khuyết tật nặng"]}]},  # too long to say; its nested "nếu": not cut either
        {"all": [{"date": "2031-03-01"}, {"any": ["hộ nghèo"]}]},  # the date and the holder, in different sentences
        {"all": [{"any": ["thẻ bảo hiểm y tế điện tử"]}]},  # not in the text at all
    ]
    stages = stage_of(facts, doc, draft(doc).text, holds)
    assert stages["heard"] == 2, stages  # the third: the script says its date and its holder, in two sentences
    assert stages["sentence → unit: too long, shortened away"] == 1, stages
    assert stages["not in text"] == 1, stages

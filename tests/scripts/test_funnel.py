"""bench/funnel.py: each key fact placed at the first stage that still held all its unsaid atoms (made-up decision)."""

from typing import Any

from bench.funnel import stage_of
from scripts.choice import build_pool
from scripts.draft import draft
from scripts.legal import parse
from tests.scripts.made_up import decision

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


def test_a_fact_in_the_pool_but_not_said_names_why_selection_left_it() -> None:
    """A candidate scored below 0 is said only when nothing else is: the funnel names the weights against it."""
    doc = decision(
        "Về hỗ trợ hộ nghèo mua thẻ bảo hiểm y tế",
        """Điều 1. Mức hỗ trợ
1. Hộ nghèo được hỗ trợ 500.000 đồng/người/năm để mua thẻ bảo hiểm y tế.
Điều 2. Tổ chức thực hiện
1. Ủy ban nhân dân cấp xã tổ chức thực hiện, theo dõi, tổng hợp báo cáo kết quả hỗ trợ hộ nghèo trên địa bàn.
2. Trưởng thôn thông báo danh sách hộ nghèo được hỗ trợ tại nhà văn hóa thôn.
""",
    )
    script = draft(doc)
    pool = {c.text: c.score for c in build_pool(doc)}
    office = "Ủy ban nhân dân cấp xã tổ chức thực hiện, theo dõi, tổng hợp báo cáo kết quả hỗ trợ hộ nghèo trên địa bàn."
    assert pool[office] < 0 and office not in script.text
    (stage,) = stage_of([{"all": [{"any": ["tổng hợp báo cáo kết quả"]}]}], doc, script.text, _has)
    assert stage.startswith("pool, not chosen (full script): score below 0 ("), stage
    assert "title penalty 3" in stage and "tổ chức thực hiện" in stage, stage  # the article's title and the office's task


def _has(fact: dict[str, Any], text: str) -> bool:
    return all(any(p in text for p in atom["any"]) for atom in fact["all"])

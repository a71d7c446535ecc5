"""A point said without the condition its clause sets, or a list's member named as such, never leads the bulletin."""

from __future__ import annotations

from scripts.choice import build_pool
from scripts.draft import draft
from scripts.legal import parse
from scripts.list_points import said_with_its_list
from scripts.selection import Candidate, Source

DEATH = """ỦY BAN NHÂN DÂN

TỈNH HÒA BÌNH AN

Số: 52/2027/QĐ-UBND

Hòa Bình An, ngày 02 tháng 10 năm 2027

QUYẾT ĐỊNH

Quy định chế độ đối với người trực đê trên địa bàn tỉnh Hòa Bình An

Điều 1. Chế độ đối với người trực đê

1. Người đang hưởng trợ cấp trực đê hằng tháng, trợ cấp thương tật do trực đê hằng tháng hoặc trợ cấp nuôi con do trực đê hằng tháng mà chết từ ngày 01 tháng 11 năm 2027 trở đi thì:
a) Thân nhân được hưởng trợ cấp một lần bằng 5.000.000 đồng;
b) Người lo mai táng được nhận trợ cấp mai táng bằng 10.000.000 đồng.

2. Người tham gia trực đê được hỗ trợ 200.000 đồng mỗi ngày trực.

Điều 2. Hiệu lực thi hành

Quyết định này có hiệu lực từ ngày 01 tháng 11 năm 2027.
"""


def test_a_point_under_a_condition_said_without_it_never_leads() -> None:
    doc = parse(DEATH)
    pool = build_pool(doc)
    kin = next(c for c in pool if c.text.startswith("Thân nhân được hưởng trợ cấp một lần bằng 5.000.000 đồng"))
    assert said_with_its_list(doc, kin), "it holds only when the allowance holder dies"
    paid = next(c for c in pool if c.text.startswith("Người tham gia trực đê được hỗ trợ 200.000 đồng"))
    assert not said_with_its_list(doc, paid)
    texts = [s.text for s in draft(doc).sentences]
    assert texts[1].endswith("người tham gia trực đê được hỗ trợ 200.000 đồng mỗi ngày trực."), texts
    assert [t for t in texts if t.startswith("Xin nhắc lại")] == ["Xin nhắc lại: " + texts[1].split(", ", 1)[1]], texts


def test_a_point_said_with_its_condition_may_lead() -> None:
    doc = parse(DEATH.replace(", trợ cấp thương tật do trực đê hằng tháng hoặc trợ cấp nuôi con do trực đê hằng tháng", ""))
    kin = next(c for c in build_pool(doc) if "thì thân nhân được hưởng trợ cấp một lần" in c.text)
    assert not said_with_its_list(doc, kin)


def test_a_group_named_only_as_a_member_of_a_list_never_leads() -> None:
    doc = parse(DEATH)
    named = Candidate("Người đang hưởng trợ cấp trực đê hằng tháng thuộc diện được điều chỉnh.", Source("1", "1", None, "x"), 9.0)
    assert said_with_its_list(doc, named)

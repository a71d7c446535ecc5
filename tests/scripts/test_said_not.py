"""Sentences a loudspeaker editor cuts whole, found by red-teaming the drafter on made-up decisions (each test fails
without its fix): boilerplate, agency work, table and form labels, fragments and garbles."""

from __future__ import annotations

import pytest

from scripts.choice import build_pool
from scripts.listener import check
from tests.scripts.made_up import decision

SUBJECT = "Quy định mức thu phí tham quan khu di tích trên địa bàn tỉnh An Bình"
FEES = "Điều 1. Mức thu phí\n1. Người lớn: 40.000 đồng/người/lượt.\n2. Trẻ em dưới 6 tuổi được miễn phí.\n"


def pool(body: str) -> list[str]:
    return [c.text for c in build_pool(decision(SUBJECT, FEES + body))]


CARRYING_OUT = [
    "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, ban, ngành chịu trách nhiệm thi hành Quyết định này.",
    "Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.",
    "Nghị quyết này đã được Hội đồng nhân dân tỉnh An Bình khóa XI, kỳ họp thứ 8 thông qua ngày 10 tháng 12 năm 2030.",
    "Chủ tịch Ủy ban nhân dân các xã, phường; các tổ chức, cá nhân có liên quan căn cứ Quyết định thi hành.",
    "Giám đốc các sở, Chủ tịch Ủy ban nhân dân các xã, phường nghiêm túc thực hiện Chỉ thị này.",
]


@pytest.mark.parametrize("sentence", CARRYING_OUT)
def test_who_carries_the_text_out_or_adopted_it_is_not_said(sentence: str) -> None:
    assert "agency_work" in {f.code for f in check(sentence)}


def test_the_closing_articles_leave_nothing_in_the_pool() -> None:
    said = pool(
        "Điều 2. Tổ chức thực hiện\n1. Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh giám sát việc"
        " thực hiện Quyết định này.\n2. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các sở; Chủ tịch Ủy ban nhân dân các"
        " xã, phường; các tổ chức, cá nhân có liên quan căn cứ Quyết định thi hành.\n"
    )
    assert not any("thi hành" in s or "giám sát việc thực hiện" in s for s in said), said
    assert "Trẻ em dưới 6 tuổi được miễn phí." in said


def test_a_resident_carrying_out_a_rule_is_still_said() -> None:
    for sentence in ("Người dân có trách nhiệm thực hiện đúng các quy định về phòng cháy.", "Trẻ em dưới 6 tuổi được miễn phí."):
        assert not check(sentence), sentence

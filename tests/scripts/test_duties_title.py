"""An article titled with offices' duties does not sink what one of its sentences tells residents."""

from __future__ import annotations

import pytest

from scripts.selection import score

DUTIES = "Trách nhiệm của Ủy ban nhân dân cấp xã"
PLAIN = "Thu gom rác thải sinh hoạt"


def test_a_residents_duty_with_its_deadline_scores_as_in_any_article() -> None:
    duty = "Hộ gia đình phải đăng ký thu gom rác thải với tổ dân phố trước ngày 30 tháng 6 năm 2027."
    assert score(duty, DUTIES, 2, 5) == score(duty, PLAIN, 2, 5)
    assert score(duty, DUTIES, 2, 5) > 0


def test_an_offices_act_for_residents_with_its_term_is_not_sunk() -> None:
    act = "Ủy ban nhân dân cấp xã chi trả tiền hỗ trợ cho hộ gia đình chậm nhất ngày 15 hằng tháng."
    assert score(act, DUTIES, 2, 5) == score(act, PLAIN, 2, 5)


def test_offices_work_and_vague_duties_keep_the_penalty() -> None:
    for text in (
        "Ủy ban nhân dân cấp xã tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 hằng năm.",
        "Chủ rừng phải thực hiện các quy định về phòng cháy, chữa cháy rừng.",  # no figure, date or ban: says little
    ):
        assert score(text, DUTIES, 2, 5) == pytest.approx(score(text, PLAIN, 2, 5) - 3.0)


def test_a_scope_article_keeps_its_penalty() -> None:
    text = "Người lao động thuộc đối tượng tham gia bảo hiểm xã hội từ ngày 01 tháng 7 năm 2027."
    assert score(text, "Phạm vi điều chỉnh và trách nhiệm thi hành", 0, 5) < score(text, PLAIN, 0, 5)

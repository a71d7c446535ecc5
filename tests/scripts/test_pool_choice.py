"""What the pool keeps of a sentence that gives residents an amount, a date or a service (made-up text)."""

from __future__ import annotations

import pytest

from scripts.choice import label_first
from scripts.resident_voice import in_residents_voice
from scripts.selection import score
from tests.scripts.made_up import YEAR, script

DUTIES = f"""Điều 2. Tổ chức thực hiện
1. Ủy ban nhân dân cấp xã chủ trì, phối hợp với Trạm Y tế xã tổ chức tiêm vắc xin miễn phí cho trẻ em từ 1 đến 5 tuổi từ ngày 01 tháng 3 năm {YEAR}.
2. Ủy ban nhân dân cấp xã chủ trì, phối hợp với các đơn vị liên quan kiểm tra, báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 năm {YEAR}.
3. Ủy ban nhân dân cấp xã chủ trì tổ chức tập huấn cho cán bộ y tế thôn trước ngày 01 tháng 3 năm {YEAR}.
"""


def test_an_amount_said_before_its_label_is_said_label_first() -> None:
    body = "Điều 1. Hỗ trợ hộ nghèo\n2.000.000 đồng là mức hỗ trợ cho mỗi hộ nghèo có nhà bị sập do bão.\n"
    said = script("Về hỗ trợ hộ nghèo bị thiệt hại do bão", body)
    assert any("mức hỗ trợ cho mỗi hộ nghèo có nhà bị sập do bão là 2.000.000 đồng" in s for s in said)
    assert not any(s.startswith("2.000.000") or ", 2.000.000 đồng là" in s for s in said)


def test_only_an_amount_followed_by_what_it_is_is_turned() -> None:
    assert label_first("300.000 đồng/người/tháng là mức trợ cấp của người cao tuổi.") == (
        "Mức trợ cấp của người cao tuổi là 300.000 đồng/người/tháng."
    )
    for text in ("2.000.000 đồng/hộ.", "50% đối với hộ nghèo.", "2.000.000 đồng là đủ.", "Mức hỗ trợ là 2.000.000 đồng."):
        assert label_first(text) == text


def test_a_service_an_office_leads_is_said_for_residents_and_its_own_work_is_not() -> None:
    said = script("Về tiêm chủng mở rộng", DUTIES)
    assert any("Trẻ em từ 1 đến 5 tuổi được tiêm vắc xin miễn phí từ ngày 01 tháng 3" in s for s in said)
    assert not any("chủ trì" in s or "báo cáo" in s or "tập huấn" in s for s in said)


@pytest.mark.parametrize(
    "text",
    [
        "Phụ nữ có thai được khám thai miễn phí 03 lần tại Trạm Y tế xã.",
        "Bà mẹ sinh con thứ nhất được hỗ trợ 1.000.000 đồng khi đăng ký khai sinh cho con.",
        "Trẻ dưới 6 tuổi được cấp thẻ bảo hiểm y tế miễn phí.",
    ],
)
def test_a_womans_or_a_childs_own_right_is_not_sunk_by_a_duties_title(text: str) -> None:
    assert score(text, "Trách nhiệm của Ủy ban nhân dân cấp xã", 2, 5) == score(text, "Tiêm chủng mở rộng", 2, 5)
    assert score(text, "Trách nhiệm của Ủy ban nhân dân cấp xã", 2, 5) > 4.0


def test_an_amount_an_office_is_told_to_see_given_is_said_as_the_residents_with_its_deadline() -> None:
    body = f"""Điều 2. Tổ chức thực hiện
1. Ủy ban nhân dân cấp xã chủ trì, chỉ đạo việc hỗ trợ 500.000 đồng/người cho người cao tuổi từ đủ 80 tuổi trở lên trước ngày 30 tháng 6 năm {YEAR}.
2. Sở Y tế chỉ đạo việc kiểm tra, báo cáo kết quả tiêm chủng cho trẻ em trước ngày 15 tháng 12 năm {YEAR}.
"""
    said = script("Về hỗ trợ người cao tuổi", body)
    heard = f"Người cao tuổi từ đủ 80 tuổi trở lên được hỗ trợ 500.000 đồng/người trước ngày 30 tháng 6 năm {YEAR}."
    assert heard in said
    assert not any("chỉ đạo" in s or "báo cáo" in s for s in said)


def test_a_deadline_after_the_group_given_an_amount_is_not_part_of_the_group() -> None:
    assert in_residents_voice("Hỗ trợ 2.000.000 đồng cho mỗi hộ có nhà bị sập trước ngày 15 tháng 10.") == (
        "Mỗi hộ có nhà bị sập được hỗ trợ 2.000.000 đồng trước ngày 15 tháng 10."
    )
    for kept in (
        "Ủy ban nhân dân cấp xã chỉ đạo việc chi trả kinh phí cho các thôn trước ngày 30 tháng 6.",
        "Bộ trưởng Bộ Y tế quy định về tiêu chuẩn sức khỏe, việc khám sức khỏe đối với người lái xe.",
    ):
        assert in_residents_voice(kept) == kept


def test_a_label_read_with_its_colon_is_said_as_a_sentence() -> None:
    assert label_first("Mức hỗ trợ: 500.000 đồng/người/tháng.") == "Mức hỗ trợ là 500.000 đồng/người/tháng."
    said = label_first("Đối tượng áp dụng: hộ gia đình, cá nhân sản xuất nông nghiệp bị thiệt hại do thiên tai.")
    assert said == "Đối tượng áp dụng là hộ gia đình, cá nhân sản xuất nông nghiệp bị thiệt hại do thiên tai."
    for left in (  # areas with their own amounts, a rule of its own, a fine: not one value a "là" can carry
        "Học phí mầm non công lập: khu vực nông thôn 80 nghìn đồng, khu vực thành thị 120 nghìn đồng.",
        "Đối tượng: người được hỗ trợ theo quy định.",
        "Mức phạt: phạt tiền từ 1.000.000 đồng đến 2.000.000 đồng.",
    ):
        assert label_first(left) == left

"""What an office does for residents with a term they act on is news; what offices do among themselves is not."""

from __future__ import annotations

import pytest

from scripts.for_residents import serves_residents
from scripts.listener import check


def _agency(sentence: str) -> bool:
    return any(f.code == "agency_work" for f in check(sentence))


FOR_RESIDENTS = [
    # where to go and by when; what an office must do for residents within a deadline; a budget's share of their money
    "Ủy ban nhân dân cấp xã tiếp nhận, kiểm tra hồ sơ và trả kết quả trong thời hạn 03 ngày làm việc kể từ ngày nhận đủ hồ sơ.",
    "Cơ quan bảo hiểm xã hội căn cứ hồ sơ giải quyết hưởng chế độ trong thời hạn 10 ngày kể từ ngày nhận đủ hồ sơ.",
    "Ngân sách nhà nước hỗ trợ 100% mức đóng bảo hiểm y tế cho người cao tuổi từ đủ 75 tuổi trở lên.",
    "Mức hỗ trợ 500.000 đồng/người/tháng áp dụng từ năm tài chính 2027.",
    "Ủy ban nhân dân cấp xã kiểm tra, xác nhận tờ khai của người đề nghị hưởng trợ cấp trong thời hạn 05 ngày làm việc.",
    "Cơ quan, tổ chức, cá nhân có trách nhiệm bồi thường khi xảy ra thiệt hại đối với công trình thủy lợi của thôn.",
]
AMONG_OFFICES = [
    "Ủy ban nhân dân cấp xã tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 hằng năm.",
    "Ủy ban nhân dân cấp xã gửi danh sách hộ nghèo về Sở Y tế trước ngày 10 hằng tháng để tổng hợp.",
    "Các sở, ngành báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 hằng năm.",
    "Kho bạc Nhà nước chuyển kinh phí cho Ủy ban nhân dân cấp xã trong thời hạn 05 ngày làm việc.",
    "Ủy ban nhân dân tỉnh quyết định phân bổ kinh phí cho các xã trước ngày 31 tháng 3.",
    "Sở Tài chính thẩm định dự toán trong thời hạn 10 ngày.",
    "Nguồn kinh phí từ nguồn thu tiền lãi người sử dụng lao động phải nộp và số tiền 0,03%/ngày thu được.",
    "Ngoài công tác phí, các đoàn công tác được chi 300.000 đồng/người/lần.",
    "Ủy ban nhân dân cấp xã có trách nhiệm thẩm định hồ sơ, trình Chủ tịch Ủy ban nhân dân cấp xã quyết định trong 05 ngày.",
    "Thực hiện chi trả trợ cấp cho đối tượng trước ngày 10 hằng tháng.",  # whose act? a subject is still needed
    "Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết.",
]


@pytest.mark.parametrize("sentence", FOR_RESIDENTS)
def test_an_offices_act_for_residents_with_its_term_is_kept(sentence: str) -> None:
    assert not _agency(sentence)


@pytest.mark.parametrize("sentence", AMONG_OFFICES)
def test_what_offices_do_among_themselves_is_still_caught(sentence: str) -> None:
    assert _agency(sentence)


def test_a_resident_named_without_a_term_is_not_enough() -> None:
    assert not serves_residents("Ủy ban nhân dân cấp xã tăng cường kiểm tra việc khai thác nước của hộ gia đình.")
    assert serves_residents("Ủy ban nhân dân cấp xã chi trả tiền hỗ trợ cho hộ gia đình chậm nhất ngày 15 hằng tháng.")
    assert not serves_residents("Ủy ban nhân dân cấp xã chi trả phụ cấp cho cán bộ không chuyên trách trước ngày 10 hằng tháng.")

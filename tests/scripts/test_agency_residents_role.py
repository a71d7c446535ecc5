"""agency_work tells the administration's own work by the role residents have in the sentence, not by the words.

Who gets, pays or must is a resident: the budget pays their contribution or costs, they are the holder of the
rule, an order without a subject says an act only they do, a funding sentence also says what each household gets.
The same words with an office or a programme in that role are still caught. All sentences are made up.
"""

from __future__ import annotations

import pytest

from scripts.listener import check


def _agency(sentence: str) -> bool:
    return any(f.code == "agency_work" for f in check(sentence))


RESIDENTS_FEEL = [
    # the budget (the State, a fund) pays what residents would pay
    "Ngân sách nhà nước đóng 100% mức đóng bảo hiểm y tế cho người có công với cách mạng.",
    "Ngân sách nhà nước đóng đối với thân nhân của người có công với cách mạng.",
    "Ngân sách tỉnh bảo đảm 100% chi phí khám sức khỏe định kỳ cho người cao tuổi.",
    "Ngân sách nhà nước bảo đảm kinh phí đóng bảo hiểm y tế cho trẻ em dưới 6 tuổi.",
    "Nhà nước bảo đảm ngân sách để đóng bảo hiểm y tế cho cựu chiến binh.",
    "Mức đóng hằng tháng bằng 4,5% mức tham chiếu; ngân sách nhà nước hỗ trợ 30%.",
    # residents are the holder, whatever budget the sentence names
    "Cựu chiến binh được ngân sách nhà nước đóng bảo hiểm y tế.",
    "Sinh viên được ngân sách nhà nước hỗ trợ 30% mức đóng bảo hiểm y tế.",
    "Người bị thiệt hại do lũ được nhận hỗ trợ từ ngân sách địa phương.",
    "Các chủ rừng không thụ hưởng ngân sách nhà nước tự bảo đảm kinh phí cho hoạt động phòng cháy rừng.",
    # a funding sentence that says what each household or person gets, or the share of their contribution
    "Kinh phí hỗ trợ 3.000.000 đồng/hộ từ ngân sách tỉnh.",
    "Kinh phí hỗ trợ người dân sửa nhà là 20 triệu đồng/hộ, do ngân sách tỉnh bảo đảm.",
    "Kinh phí đóng bảo hiểm y tế cho người cao tuổi từ đủ 80 tuổi do ngân sách tỉnh bảo đảm 100%.",
    "Mức phụ cấp hằng tháng của Tổ trưởng tổ dân phố là 1.200.000 đồng/tháng, do ngân sách cấp xã bảo đảm.",
    # an order without a subject whose act only residents do
    "Thực hiện kê khai, đăng ký khai thác nước giếng khoan theo đúng quy định.",
    "Thực hiện đăng ký tạm trú trong thời hạn 30 ngày kể từ ngày đến ở.",
    "Khẩn trương thu hoạch lúa vụ mùa trước ngày 15 tháng 10.",
    "Chủ động di chuyển tàu thuyền vào nơi neo đậu an toàn trước 17 giờ ngày 20 tháng 9.",
    "Tổ chức khám sức khỏe miễn phí cho người cao tuổi vào ngày 20 hằng tháng.",
    "Ưu tiên hỗ trợ hộ nghèo vay vốn tối đa 100 triệu đồng với lãi suất 0%.",
    # an office's duty owed to the applicant, with its term
    "Cơ quan bảo hiểm xã hội căn cứ hồ sơ giải quyết và chi trả trong 05 ngày làm việc.",
    "Tổ chức bảo hiểm xã hội đóng bảo hiểm y tế cho người hưởng trợ cấp thất nghiệp.",
    # the wage residents' contributions are computed on, defined; a basis whose figure is said
    "Mức lương cơ sở 2.500.000 đồng/tháng là căn cứ để tính mức lương, phụ cấp và mức đóng bảo hiểm xã hội.",
    "Mức thu nhập bình quân từ 2.200.000 đồng/người/tháng trở xuống là căn cứ để xác định hộ nghèo ở nông thôn.",
    "Tiền lương làm căn cứ đóng bảo hiểm xã hội bắt buộc của người làm việc theo hợp đồng là tiền lương tháng.",
]
OFFICES_OWN = [
    "Ngân sách tỉnh hỗ trợ 50% kinh phí cho các địa phương.",
    "Nhà nước hỗ trợ kinh phí đào tạo cho cán bộ, công chức cấp xã.",
    "Ngân sách nhà nước bảo đảm đối với người nghỉ hưu trước năm 1995.",
    "Ngân sách cấp xã bảo đảm kinh phí mua báo cho Ban chỉ huy quân sự cấp xã.",
    "Ngân sách tỉnh bảo đảm 70% kinh phí thực hiện chính sách đối với người có công.",
    "Kinh phí thực hiện chính sách hỗ trợ tiền điện cho hộ nghèo do ngân sách tỉnh bảo đảm.",
    "Kinh phí hỗ trợ do ngân sách tỉnh bảo đảm.",
    "Mức hỗ trợ kinh phí cho các xã là 500 triệu đồng/xã, do ngân sách tỉnh bảo đảm.",
    "Ngoài công tác phí, các đoàn kiểm tra được chi 250.000 đồng/người/lần.",
    "Thực hiện rà soát, thống kê các giếng khoan trên địa bàn và báo cáo về Sở Nông nghiệp và Môi trường.",
    "Tổng số ngày công làm căn cứ tính bồi dưỡng cho dân quân là số ngày thực tế làm nhiệm vụ.",
    "Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan hướng dẫn thực hiện.",
    "Chỉ đạo các xã khẩn trương thu hoạch lúa và báo cáo kết quả về Sở Nông nghiệp.",
    "Giải quyết hưởng trợ cấp thất nghiệp trong 20 ngày kể từ ngày nhận đủ hồ sơ.",  # whose duty? a subject is needed
    "Tăng cường hỗ trợ người dân khắc phục hậu quả thiên tai.",  # an office's resolve, no figure residents act on
]


@pytest.mark.parametrize("sentence", RESIDENTS_FEEL)
def test_what_residents_get_pay_or_must_is_not_agency_work(sentence: str) -> None:
    assert not _agency(sentence)


@pytest.mark.parametrize("sentence", OFFICES_OWN)
def test_an_office_or_a_programme_in_that_role_is_still_caught(sentence: str) -> None:
    assert _agency(sentence)


def test_a_wish_without_what_follows_is_no_main_clause() -> None:
    codes = {f.code for f in check("Thân nhân thuộc diện hưởng trợ cấp hằng tháng mà có nguyện vọng nhận một lần.")}
    assert "no_main_clause" in codes
    assert not check("Người lao động mà có nguyện vọng nghỉ hưu sớm thì được giải quyết.")


# The same words with offices, their staff or members as the receivers or owners (made up): still agency work
FOR_OFFICES = [
    "Tổ chức khám sức khỏe miễn phí cho cán bộ, công chức của các sở, ngành.",
    "Ưu tiên hỗ trợ các xã vay vốn với lãi suất 0%.",
    "Tổ chức tập huấn miễn phí cho cán bộ thú y các xã.",
    "Mức phụ cấp hằng tháng của thành viên Ban chỉ đạo tỉnh là 1.200.000 đồng/tháng, do ngân sách tỉnh bảo đảm.",
    "Tổ chức kê khai tài sản, thu nhập của cán bộ, công chức theo quy định.",
    "Thực hiện đăng ký xe công của các cơ quan, đơn vị theo quy định.",
]


@pytest.mark.parametrize("sentence", FOR_OFFICES)
def test_a_free_service_a_rate_or_a_residents_act_for_offices_is_still_caught(sentence: str) -> None:
    assert _agency(sentence)


def test_a_residents_act_at_an_office_is_not_agency_work() -> None:
    assert not _agency("Thực hiện đăng ký tạm trú tại trụ sở Công an xã trong thời hạn 30 ngày kể từ ngày đến ở.")
    assert not _agency("Tổ chức khám sức khỏe miễn phí cho người cao tuổi của các xã vùng sâu vào ngày 20 hằng tháng.")

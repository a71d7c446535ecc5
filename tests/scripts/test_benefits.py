"""A benefit said as what people receive (scripts/benefits.py), by each stage that says one: an agency's task
(relief.as_received), a point without its giver (point_leads.received) and an office's task
(resident_voice.in_residents_voice). Made-up texts; each case says what a listener would hear."""

import pytest

from scripts.point_leads import received
from scripts.relief import as_received
from scripts.resident_voice import in_residents_voice

GIVEN_BY_AN_AGENCY = [
    (
        "Cục Thuế gia hạn nộp thuế cho hộ kinh doanh tại chợ Tân An trong tháng 6.",
        "Hộ kinh doanh tại chợ Tân An được gia hạn nộp thuế trong tháng 6.",
    ),
    (
        "Ủy ban nhân dân tỉnh tặng quà cho người có công trong dịp Tết.",
        "Người có công được tặng quà trong dịp Tết.",
    ),
    (
        "Ngân hàng Chính sách xã hội khoanh nợ cho hộ nghèo bị thiệt hại do bão số 3.",
        "Hộ nghèo bị thiệt hại do bão số 3 được khoanh nợ.",
    ),
    (
        "Ủy ban nhân dân huyện phát gạo cho hộ gia đình ở thôn Đông.",
        "Hộ gia đình ở thôn Đông được phát gạo.",
    ),
]
NOT_GIVEN_BY_AN_AGENCY = [
    "Ủy ban nhân dân xã phát hiện, xử lý nghiêm đối với người đốt rơm rạ.",
    "Cục Thuế tạm hoãn xuất cảnh đối với người nộp thuế chưa hoàn thành nghĩa vụ thuế.",
    "Ủy ban nhân dân xã khoanh vùng dịch cho hộ chăn nuôi ở thôn Đông.",
    "Ủy ban nhân dân huyện cấp quyết định cưỡng chế cho hộ gia đình lấn chiếm đất công.",
]


@pytest.mark.parametrize(("task", "said"), GIVEN_BY_AN_AGENCY)
def test_an_agency_task_is_said_as_received(task: str, said: str) -> None:
    assert as_received(task) == said


@pytest.mark.parametrize("task", NOT_GIVEN_BY_AN_AGENCY)
def test_an_agency_that_pursues_or_contains_gives_nothing(task: str) -> None:
    assert as_received(task) == task  # "Người đốt rơm rạ được phát hiện, xử lý nghiêm." says a sanction as a gift


GIVEN_IN_A_POINT = [
    ("Hỗ trợ 500.000 đồng cho người cao tuổi ở xã Tân An.", "Người cao tuổi ở xã Tân An được hỗ trợ 500.000 đồng."),
    ("Gia hạn nộp học phí cho sinh viên thuộc hộ nghèo.", "Sinh viên thuộc hộ nghèo được gia hạn nộp học phí."),
    ("Khám sức khỏe định kỳ cho người cao tuổi ở thôn Bắc.", "Người cao tuổi ở thôn Bắc được khám sức khỏe định kỳ."),
    ("Giãn nợ gốc cho hộ nuôi trồng thủy sản ở xã Tân An.", "Hộ nuôi trồng thủy sản ở xã Tân An được giãn nợ gốc."),
    ("Tạm hoãn thu học phí cho học sinh ở thôn Đông.", "Học sinh ở thôn Đông được tạm hoãn thu học phí."),
    ("Phát khẩu trang cho học sinh ở thôn Đông.", "Học sinh ở thôn Đông được phát khẩu trang."),
]
NOT_GIVEN_IN_A_POINT = [
    "Phát hiện, xử lý nghiêm đối với hộ kinh doanh buôn bán hàng giả tại chợ Tân An.",
    "Tạm hoãn xuất cảnh đối với người nộp thuế chưa hoàn thành nghĩa vụ thuế.",
    "Phát động phong trào thi đua cho học sinh toàn xã.",
    "Phát hành tờ rơi cho người dân ở thôn Đông.",
    "Khám xét chỗ ở đối với người tàng trữ pháo nổ ở thôn Bắc.",
    "Khám nghiệm hiện trường cho người dân ở thôn Bắc.",
    "Khoanh vùng ổ dịch cho hộ chăn nuôi ở thôn Đông.",
    "Giãn cách xã hội đối với người dân ở thôn Đông.",
    "Cấp quyết định xử phạt cho hộ kinh doanh tại chợ Tân An.",
    "Miễn nhiệm chức vụ đối với thành viên hợp tác xã Tân An.",
]


@pytest.mark.parametrize(("point", "said"), GIVEN_IN_A_POINT)
def test_a_point_without_its_giver_is_said_as_received(point: str, said: str) -> None:
    assert received(point) == said


@pytest.mark.parametrize("point", NOT_GIVEN_IN_A_POINT)
def test_a_point_that_pursues_or_contains_gives_nothing(point: str) -> None:
    assert received(point) == point


GIVEN_BY_AN_OFFICE = [
    (
        "Hỗ trợ 2.000.000 đồng cho mỗi hộ có nhà bị sập ở thôn Đông.",
        "Mỗi hộ có nhà bị sập ở thôn Đông được hỗ trợ 2.000.000 đồng.",
    ),
    (
        "Tổ chức khám sức khỏe cho người cao tuổi ở thôn Bắc.",
        "Người cao tuổi ở thôn Bắc được khám sức khỏe.",
    ),
    (
        "Ủy ban nhân dân xã tặng quà cho hộ nghèo ở thôn Đông.",
        "Hộ nghèo ở thôn Đông được tặng quà.",
    ),
]
NOT_GIVEN_BY_AN_OFFICE = [
    "Ủy ban nhân dân xã tặng giấy khen cho thành viên Ban chỉ đạo phòng chống dịch.",
    "Hỗ trợ 500.000 đồng cho thành viên tổ công tác trực chốt ở thôn Đông.",
    "Hỗ trợ 500.000 đồng cho doanh nghiệp bị thiệt hại do bão.",
    "Hỗ trợ 300.000 đồng cho cán bộ trực chốt kiểm dịch ở thôn Đông.",
    "Phát hành 2.000 tờ rơi cho người dân ở thôn Đông.",
    "Tạm hoãn xuất cảnh đối với người nộp thuế nợ 500.000.000 đồng tiền thuế.",
    "Tổ chức khám xét đối với hộ kinh doanh tại chợ Tân An.",
    "Cấp quyết định xử phạt 2.000.000 đồng cho hộ kinh doanh tại chợ Tân An.",
]


@pytest.mark.parametrize(("task", "said"), GIVEN_BY_AN_OFFICE)
def test_an_office_task_is_said_as_received(task: str, said: str) -> None:
    assert in_residents_voice(task) == said


@pytest.mark.parametrize("task", NOT_GIVEN_BY_AN_OFFICE)
def test_an_office_that_pursues_or_rewards_itself_gives_residents_nothing(task: str) -> None:
    assert in_residents_voice(task) == task  # office members and businesses are not residents; a sanction is no gift


def test_how_a_thing_is_given_is_never_said_as_part_of_who_gets_it() -> None:
    from scripts.relief import as_received
    from scripts.resident_voice import in_residents_voice

    task = "Ủy ban nhân dân xã cấp giấy xác nhận hộ chăn nuôi cho người đăng ký bằng hình thức trực tuyến."
    said = "Người đăng ký được cấp giấy xác nhận hộ chăn nuôi bằng hình thức trực tuyến."
    assert as_received(task) == said  # not "Người đăng ký bằng hình thức trực tuyến được cấp …"
    assert in_residents_voice(task) == said

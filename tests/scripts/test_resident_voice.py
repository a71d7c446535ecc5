"""An office's task whose object is what residents do or get, said in the residents' voice (issue 19: "Resident
first"). The Công điện here is made up (tests/scripts/data/cd-flood-residents.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.choice import build_pool
from scripts.draft import draft
from scripts.legal import LegalDocument, parse
from scripts.listener import passes
from scripts.resident_voice import in_residents_voice

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def storm() -> LegalDocument:
    return parse((DATA / "cd-flood-residents.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pool(storm: LegalDocument) -> list[str]:
    return [c.text for c in build_pool(storm)]


def test_what_a_commune_asks_of_its_residents_is_said_to_them_with_its_place(pool: list[str]) -> None:
    assert (
        "Người dân ở các xã ven biển được vận động không ra khơi, không ở lại trên lồng bè, chòi canh "
        "từ 12 giờ ngày 04 tháng 10 năm 2027." in pool
    ), pool
    assert any(t.startswith("Người dân ở các xã ven biển được hướng dẫn gia cố nhà cửa, chằng chống mái nhà") for t in pool)
    assert any(t.startswith("Bà con ở các xã miền núi được vận động di dời khỏi khu vực nguy cơ sạt lở") for t in pool)


def test_a_task_given_to_a_commune_that_asks_households_to_act_reaches_the_pool(pool: list[str]) -> None:
    # "Giao Ủy ban nhân dân … yêu cầu hộ gia đình …" had no main clause a listener could follow and was lost
    said = [t for t in pool if "di chuyển tài sản lên cao" in t]
    assert said == ["Hộ gia đình ở ven sông được yêu cầu di chuyển tài sản lên cao trước ngày 05 tháng 10 năm 2027."]


def test_a_notice_to_boat_owners_is_said_as_what_they_must_do(pool: list[str]) -> None:
    said = [t for t in pool if "nơi tránh trú" in t]
    assert said == ["Chủ tàu cá ở các xã ven biển cần đưa tàu vào nơi tránh trú an toàn trước 12 giờ ngày 04 tháng 10 năm 2027."]


def test_relief_handed_out_by_a_commune_is_said_as_what_households_get(pool: list[str]) -> None:
    assert "Ở các xã ven biển, mỗi hộ có nhà bị sập, trôi do bão được hỗ trợ 2.000.000 đồng." in pool, pool


def test_a_task_not_to_let_residents_stay_is_said_as_a_ban(pool: list[str]) -> None:
    assert "Người dân ở các xã ven biển không được ở lại trên tàu, lồng bè khi bão đổ bộ." in pool, pool


def test_an_office_that_advises_is_named(pool: list[str]) -> None:
    assert "Người dân được Sở Y tế khuyến cáo đun sôi nước trước khi uống, không dùng nước giếng bị ngập để nấu ăn." in pool, pool


def test_money_and_studies_between_offices_stay_the_offices(storm: LegalDocument, pool: list[str]) -> None:
    text = draft(storm).text
    assert "kinh phí" not in text and "Tổng hợp" not in text and "rà soát" not in text, text
    assert not any("học sinh" in t and "được hỗ trợ" in t for t in pool), "a support only proposed is not received"


@pytest.mark.parametrize(
    "line",
    [
        "Sở Tài chính bố trí kinh phí từ nguồn dự phòng ngân sách tỉnh để hỗ trợ 2.000.000 đồng cho mỗi hộ có nhà bị sập.",
        "Sở Giáo dục và Đào tạo nghiên cứu, đề xuất hỗ trợ 500.000 đồng cho học sinh thuộc hộ có nhà bị sập.",
        "Không được yêu cầu người dân nộp thêm giấy tờ ngoài quy định.",
        "Cọc tiêu, tường bảo vệ để hướng dẫn cho người tham gia giao thông biết phạm vi an toàn của nền đường.",
        "Yêu cầu các cơ quan, đơn vị và người dân thực hiện nghiêm các quy định về phòng cháy rừng.",
        "Ủy ban nhân dân tỉnh hướng dẫn các xã thực hiện hỗ trợ cho người dân.",
        "Thông báo cho người dân về lịch cắt điện trong tuần.",
        "Thông báo cho người dân biết để chủ động phòng tránh.",
    ],
)
def test_what_is_not_a_resident_s_action_or_benefit_is_left_as_written(line: str) -> None:
    assert in_residents_voice(line) == line


def test_the_residents_part_of_a_line_is_said_and_the_office_s_other_task_is_not() -> None:
    said = in_residents_voice(
        "Hướng dẫn người dân thực hiện các biện pháp phòng cháy rừng; huy động các lực lượng tham gia chữa cháy rừng."
    )
    assert said == "Người dân được hướng dẫn thực hiện các biện pháp phòng cháy rừng."
    assert passes(said)


def test_the_occasion_a_task_names_stays_with_it() -> None:
    said = in_residents_voice("Khi có lệnh sơ tán, kịp thời vận động bà con di dời đến nơi an toàn.")
    assert said == "Khi có lệnh sơ tán, bà con được vận động di dời đến nơi an toàn."


def test_a_lead_line_keeps_its_list() -> None:
    line = "Ủy ban nhân dân các xã hướng dẫn người dân thực hiện các biện pháp sau:"
    assert in_residents_voice(line) == line


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            "Chủ tịch Ủy ban nhân dân các xã ven biển chỉ đạo cấm tàu thuyền ra khơi từ 12 giờ ngày 06 tháng 9 năm 2027.",
            "Ở các xã ven biển, cấm tàu thuyền ra khơi từ 12 giờ ngày 06 tháng 9 năm 2027.",
        ),
        ("Kiên quyết không để tàu thuyền ra khơi khi bão đổ bộ.", "Tàu thuyền không được ra khơi khi bão đổ bộ."),
        (
            "Chỉ đạo các trường học cho học sinh nghỉ học từ ngày 06 tháng 9 năm 2027 khi có mưa lũ.",
            "Học sinh được nghỉ học từ ngày 06 tháng 9 năm 2027 khi có mưa lũ.",
        ),
        (
            "Tăng cường tuyên truyền, vận động Nhân dân không đốt rơm rạ sau thu hoạch.",
            "Nhân dân được vận động không đốt rơm rạ sau thu hoạch.",
        ),
    ],
)
def test_a_ban_or_a_leave_ordered_in_a_task_is_said_as_such(line: str, said: str) -> None:
    assert in_residents_voice(line) == said


@pytest.mark.parametrize(
    "line",
    [
        "Ủy ban nhân dân tỉnh không cấm người dân đánh bắt ven bờ.",
        "Tăng cường kiểm tra, xử lý các hành vi vi phạm lệnh cấm khai thác thủy sản.",
        "Sở Giáo dục và Đào tạo nghiên cứu, đề xuất cho học sinh nghỉ học vào thứ Bảy.",
    ],
)
def test_a_ban_that_is_not_ordered_here_is_left_as_written(line: str) -> None:
    assert in_residents_voice(line) == line


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            "Tổ chức tiêm vắc xin sởi cho trẻ em từ 1 đến 5 tuổi tại trạm y tế xã.",
            "Trẻ em từ 1 đến 5 tuổi được tiêm vắc xin sởi tại trạm y tế xã.",
        ),
        (
            "Thực hiện miễn học phí cho học sinh thuộc hộ nghèo trong năm học 2027 - 2028.",
            "Học sinh thuộc hộ nghèo được miễn học phí trong năm học 2027 - 2028.",
        ),
        ("Cấp phát gạo cho người dân bị cô lập do lũ.", "Người dân bị cô lập do lũ được cấp phát gạo."),
        (
            "Giảm lãi suất cho vay đối với khách hàng bị thiệt hại do bão.",
            "Khách hàng bị thiệt hại do bão được giảm lãi suất cho vay.",
        ),
    ],
)
def test_a_service_or_a_waiver_for_residents_is_said_as_what_they_get(line: str, said: str) -> None:
    assert in_residents_voice(line) == said


@pytest.mark.parametrize(
    "line",
    [
        "Hỗ trợ các địa phương khắc phục hậu quả bão.",
        "Sở Tài chính hỗ trợ kinh phí cho các địa phương.",
        "Miễn nhiệm vụ trực cho cán bộ được cử đi học.",
        "Bộ trưởng Bộ Y tế quy định về tiêu chuẩn sức khỏe, việc khám sức khỏe đối với người lái xe.",
    ],
)
def test_help_to_offices_and_rules_about_a_service_are_left_as_written(line: str) -> None:
    assert in_residents_voice(line) == line


def test_relief_keeps_how_much_after_what_and_a_place_that_is_every_province_is_not_said() -> None:
    said = in_residents_voice(
        "Ủy ban nhân dân các tỉnh, thành phố cấp miễn phí gạo cho hộ gia đình bị thiếu đói, mỗi người 15 kg mỗi tháng "
        "trong thời gian 3 tháng."
    )
    assert said == "Hộ gia đình bị thiếu đói được cấp miễn phí gạo, mỗi người 15 kg mỗi tháng trong thời gian 3 tháng."


def test_a_ban_split_off_its_office_s_order_is_said_with_the_office_s_place() -> None:
    line = (
        "Chủ tịch Ủy ban nhân dân các tỉnh ven biển chỉ đạo kiểm đếm tàu thuyền. "
        "Cấm tàu thuyền ra khơi từ 12 giờ ngày 06 tháng 9 năm 2027."
    )
    assert in_residents_voice(line).endswith(" Ở các tỉnh ven biển, cấm tàu thuyền ra khơi từ 12 giờ ngày 06 tháng 9 năm 2027.")
    referred = line.replace("các tỉnh ven biển", "các tỉnh nêu trên")
    assert in_residents_voice(referred) == referred, "'the provinces named above' is a reference, not a place"


def test_the_duties_of_residents_an_article_or_a_heading_names_are_said_as_theirs() -> None:
    pool = [c.text for c in build_pool(parse((DATA / "qd-pet-duties.txt").read_text(encoding="utf-8")))]
    assert "Hộ gia đình, cá nhân nuôi chó, mèo phải đưa chó, mèo đi tiêm phòng bệnh dại mỗi năm một lần." in pool, pool
    assert "Chủ trang trại phải chịu trách nhiệm nếu để dịch bệnh lây lan ra ngoài trang trại." in pool, pool
    assert not any(t.startswith("Hộ gia đình, cá nhân phải") for t in pool), "a holder's qualifier is never dropped"
    assert not any("báo cáo" in t for t in pool), "an office's heading gives its report no resident voice"


def test_a_line_that_says_more_than_who_is_not_a_heading() -> None:
    from scripts.resident_voice import holders_heading, holders_of

    lines = ["Người lao động có thời gian đóng bảo hiểm xã hội", "Được hưởng lương hưu khi đủ tuổi."]
    assert holders_heading(lines) == ("", lines)
    assert holders_heading(["Chủ rừng", "Thực hiện các quy định."]) == ("Chủ rừng", ["Thực hiện các quy định."])
    assert holders_of("Trách nhiệm của Ủy ban nhân dân cấp xã") == ""
    assert holders_of("Trách nhiệm của chủ rừng") == "Chủ rừng"


def test_what_a_rule_bans_punishes_or_names_is_not_said_as_a_duty_or_a_benefit() -> None:
    pool = [c.text for c in build_pool(parse((DATA / "qd-faithful-voice.txt").read_text(encoding="utf-8")))]
    assert not any("phải trách nhiệm" in t or t.startswith("Trách nhiệm của") for t in pool), pool
    assert not any(t.startswith("Hộ gia đình, cá nhân phải") for t in pool), "a holder is said whole or not at all"
    assert "Cán bộ phụ trách không được cấp thẻ bảo hiểm y tế cho người không có tên trong danh sách." in pool, pool
    assert not any("không được người" in t for t in pool), pool
    assert not any("được miễn nhiệm" in t or "được cấp giấy xác nhận" in t for t in pool), pool


@pytest.mark.parametrize(
    "line",
    [
        "Sở Giáo dục và Đào tạo dự kiến hỗ trợ 500.000 đồng cho học sinh thuộc hộ có nhà bị sập.",
        "UBND các xã ven biển có trách nhiệm đề nghị cấp có thẩm quyền cấp gạo cho hộ gia đình bị thiếu đói.",
        "Sở LĐTBXH chủ trì, báo cáo UBND tỉnh quyết định hỗ trợ 1.000.000 đồng cho mỗi hộ nghèo bị ngập nhà.",
        "Kiên quyết không để người dân không có chỗ ở an toàn khi bão đổ bộ.",
        "UBND các xã ven biển hỗ trợ 3.000.000 đồng cho mỗi hộ có nhà bị sập; trường hợp hộ đã được hỗ trợ từ nguồn "
        "khác thì không hỗ trợ.",
    ],
)
def test_relief_only_planned_a_double_negation_or_a_rule_with_its_exception_is_left_as_written(line: str) -> None:
    assert in_residents_voice(line) == line


def test_an_office_deciding_is_not_a_place() -> None:
    from scripts.resident_voice import _place

    assert _place("Sở Lao động chủ trì, UBND tỉnh quyết định") == ""
    assert _place("Ủy ban nhân dân các xã ven biển") == "các xã ven biển"


def test_an_evacuation_ordered_of_an_office_is_said_as_who_is_moved_and_by_when() -> None:
    said = in_residents_voice(
        "Tổ chức sơ tán người dân ở khu vực ven biển, vùng trũng thấp đến nơi an toàn, hoàn thành trước 17 giờ ngày 21 tháng 9."
    )
    assert said == "Người dân ở khu vực ven biển, vùng trũng thấp được sơ tán đến nơi an toàn trước 17 giờ ngày 21 tháng 9."
    said = in_residents_voice("Ủy ban nhân dân các xã ven biển di dời hộ dân ra khỏi khu vực nguy hiểm trước ngày 5 tháng 10.")
    assert said.startswith("Hộ dân") and "được di dời ra khỏi khu vực nguy hiểm" in said
    said = in_residents_voice("Sơ tán người dân ở nhà không an toàn, vùng trũng thấp đến nơi an toàn trước 17 giờ.")
    assert said.startswith("Người dân ở nhà không an toàn, vùng trũng thấp được sơ tán đến nơi an toàn")
    # an office moved is no news for residents
    assert "được sơ tán" not in in_residents_voice("Sơ tán trụ sở cơ quan đến nơi an toàn.")

"""A plan's "Label: value" lines said as whole sentences with what their section organises (made-up text)."""

from __future__ import annotations

from scripts.draft import draft
from scripts.legal import parse
from scripts.listener import check
from scripts.plan_labels import case_given, inline_cases, plan_label, topic, without_budget
from scripts.units import passage_units
from tests.scripts.made_up import YEAR, units


def plan(body: str) -> list[str]:
    """Every sentence the drafter could say from a made-up commune plan with sections `body`."""
    head = f"ỦY BAN NHÂN DÂN XÃ HÒA BÌNH\nSố: 12/KH-UBND\nKẾ HOẠCH\nTổ chức các lớp học bơi cho thiếu nhi năm {YEAR}\n"
    doc = parse(head + body + "Nơi nhận:\n- Lưu: VT.\n")
    return [u[3] for a in doc.articles for u in passage_units(a, str, "", doc.title)]


BODY = (
    "I. ĐĂNG KÝ HỌC BƠI ĐỢT 1\n1. Đối tượng: thiếu nhi từ 8 đến 12 tuổi, biết đi xe đạp.\n2. Chỉ tiêu: 60 em, 3 lớp.\n"
    f"3. Thời gian nhận đơn: từ ngày 02/5/{YEAR} đến hết ngày 10/5/{YEAR}.\n"
    "4. Hồ sơ gồm: đơn đăng ký có chữ ký của cha mẹ; một ảnh 3x4.\n"
    f"II. ĐĂNG KÝ HỌC BƠI ĐỢT 2\n1. Đối tượng: thiếu nhi từ 13 đến 15 tuổi.\n2. Thời gian nhận đơn: từ ngày 01/6/{YEAR} đến hết ngày 05/6/{YEAR}.\n"
)


def test_each_label_line_says_what_its_section_organises() -> None:
    said = plan(BODY)
    assert "Đối tượng đăng ký học bơi đợt 1 là thiếu nhi từ 8 đến 12 tuổi, biết đi xe đạp." in said, said
    assert "Chỉ tiêu đăng ký học bơi đợt 1 là 60 em, 3 lớp." in said, said
    assert f"Thời gian nhận đơn đăng ký học bơi đợt 1 từ ngày 02/5/{YEAR} đến hết ngày 10/5/{YEAR}." in said, said
    assert "Hồ sơ đăng ký học bơi đợt 1 gồm đơn đăng ký có chữ ký của cha mẹ và một ảnh 3x4." in said, said
    assert "Đối tượng đăng ký học bơi đợt 2 là thiếu nhi từ 13 đến 15 tuổi." in said, said  # told apart by its section
    assert not any(s.startswith(("Đối tượng:", "Chỉ tiêu:", "Hồ sơ gồm:")) for s in said), said
    assert not any(check(s) for s in said if s.startswith(("Đối tượng", "Chỉ tiêu", "Thời gian", "Hồ sơ"))), said


def test_a_section_that_names_no_activity_says_no_label_line() -> None:
    """ "NỘI DUNG", "MỤC ĐÍCH, YÊU CẦU", a scope article: of what the line is, nobody can tell."""
    for title in ("NỘI DUNG", "MỤC ĐÍCH, YÊU CẦU", "Phạm vi điều chỉnh và đối tượng áp dụng", "TỔ CHỨC THỰC HIỆN"):
        assert topic(title) == "", title
        assert plan_label(title, "1. Đối tượng: thiếu nhi từ 8 đến 12 tuổi.") is None, title
    assert topic("TIÊM VẮC XIN TẠI XÃ HÒA BÌNH") == ""  # its place name would lose its capitals


def test_a_value_that_is_no_date_or_place_is_not_said_as_one() -> None:
    assert plan_label("Tiêm vắc xin sởi", "Thời gian: theo lịch của Trạm Y tế.") is None
    assert plan_label("Tiêm vắc xin sởi", "Địa điểm: Trạm Y tế xã.") is None
    assert plan_label("Tiêm vắc xin sởi", "Đối tượng: theo quy định tại Điều 3.") is None
    assert (
        plan_label("Tiêm vắc xin sởi", "Địa điểm tiêm: tại nhà văn hóa thôn.")
        == "Địa điểm tiêm vắc xin sởi tại nhà văn hóa thôn."
    )


RELIEF = (
    "Điều 1. Mức hỗ trợ\n1. Hỗ trợ cây trồng:\na) Diện tích ngô bị thiệt hại trên 70%: hỗ trợ 3.000.000 đồng/ha;\n"
    "b) Diện tích ngô bị thiệt hại từ 30% đến 70%: hỗ trợ 1.500.000 đồng/ha.\n"
    "2. Hỗ trợ thủy sản: ao nuôi cá bị mất trắng hỗ trợ 8.000.000 đồng/ha; lồng bè bị cuốn trôi hỗ trợ 5.000.000 đồng/lồng.\n"
)


def test_a_case_under_what_is_given_is_said_as_given() -> None:
    """ "Hỗ trợ cây trồng:" + "a) Diện tích ngô …: hỗ trợ 3.000.000 đồng/ha": the case is given the amount ("được")."""
    said = units("Về hỗ trợ khôi phục sản xuất sau thiên tai", RELIEF)
    assert "Diện tích ngô bị thiệt hại trên 70% được hỗ trợ 3.000.000 đồng/ha." in said, said
    assert "Diện tích ngô bị thiệt hại từ 30% đến 70% được hỗ trợ 1.500.000 đồng/ha." in said, said
    assert "Ao nuôi cá bị mất trắng được hỗ trợ 8.000.000 đồng/ha." in said, said  # the first case, not the heading
    assert "Lồng bè bị cuốn trôi được hỗ trợ 5.000.000 đồng/lồng." in said, said
    assert not any(s.startswith("Hỗ trợ") for s in said), said


def test_a_case_with_its_own_rule_or_an_office_spending_is_not_said_so() -> None:
    assert case_given("Hỗ trợ cây trồng", "Diện tích được xác nhận thì hỗ trợ 3.000.000 đồng/ha") is None
    assert case_given("Hỗ trợ kinh phí tổ chức", "Xã loại I: hỗ trợ 30.000.000 đồng/xã") is None
    assert case_given("Hỗ trợ cây trồng", "Diện tích ngô: giảm 3.000.000 đồng/ha") is None  # not what the heading gives
    assert inline_cases("Hỗ trợ thủy sản: ao nuôi cá bị mất trắng hỗ trợ 8.000.000 đồng/ha; lồng bè theo thực tế") is None


def test_a_plans_aims_never_lead_its_script() -> None:
    """ "I. MỤC ĐÍCH, YÊU CẦU" + "Đảm bảo trên 92% trẻ em … được tiêm đủ liều": the office's target, not the news."""
    text = (
        "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Số: 30/KH-UBND\n"
        f"Hòa Bình, ngày 10 tháng 3 năm {YEAR}\n"
        "KẾ HOẠCH\n"
        f"Tổ chức chiến dịch tiêm vắc xin phòng bệnh bạch hầu cho trẻ em từ 1 đến 5 tuổi trên địa bàn xã năm {YEAR}\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "1. Mục đích\n"
        "Nâng cao tỷ lệ miễn dịch phòng bệnh bạch hầu trong cộng đồng, chủ động phòng chống dịch bạch hầu, giảm tỷ lệ mắc và tử vong do bệnh bạch hầu.\n"
        "2. Yêu cầu\n"
        "Đảm bảo trên 92% trẻ em trong độ tuổi được tiêm đủ liều vắc xin bạch hầu; an toàn tiêm chủng theo quy định.\n"
        "II. NỘI DUNG\n"
        "1. Đối tượng\n"
        "Trẻ em từ 1 tuổi đến 5 tuổi đang sinh sống trên địa bàn xã, chưa tiêm hoặc chưa tiêm đủ 2 mũi vắc xin bạch hầu.\n"
        "2. Thời gian, địa điểm\n"
        f"- Thời gian: từ ngày 20/3/{YEAR} đến ngày 31/3/{YEAR}.\n"
        "- Địa điểm: tại Trạm Y tế xã và các điểm tiêm tại nhà văn hóa các thôn.\n"
        "3. Kinh phí\n"
        "Vắc xin được cấp miễn phí; kinh phí tổ chức từ nguồn ngân sách xã.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Trạm Y tế xã\n"
        f"Chủ trì lập danh sách trẻ em trong diện tiêm; tổ chức tiêm và theo dõi sau tiêm 30 phút; báo cáo kết quả về Ủy ban nhân dân xã trước ngày 05/4/{YEAR}.\n"
        "2. Các thôn\n"
        "Trưởng thôn thông báo đến từng hộ gia đình có trẻ em trong diện tiêm; vận động cha mẹ đưa trẻ đi tiêm đúng lịch.\n"
        "3. Đài truyền thanh xã\n"
        "Tăng thời lượng phát tin về chiến dịch để nhân dân biết, thực hiện.\n"
        "Cha mẹ, người chăm sóc trẻ mang theo sổ tiêm chủng hoặc phiếu tiêm chủng khi đưa trẻ đi tiêm.\n"
        "Nơi nhận:\n"
        "- Như trên;\n"
        "- Lưu: VT.\n"
        "TM. ỦY BAN NHÂN DÂN\n"
        "CHỦ TỊCH\n"
        "Nguyễn Văn An\n"
    )
    said = [s.text for s in draft(parse(text)).sentences]
    assert not [s for s in said if s.startswith("Đảm bảo trên 92%")], said  # nor is it said at all (scripts.draft._aim)
    assert said.index(next(s for s in said if "đã ban hành" in s)) <= 2, said
    assert [s for s in said if "từ ngày 20/3" in s], said  # said with the campaign's title, it is no restated title
    assert "Vắc xin được cấp miễn phí." in said, said  # five words, a free service: chosen all the same
    # where parents go, its own fact beside the dates; the campaign by its name, not again for whom and where
    assert (
        "Chiến dịch tiêm vắc xin phòng bệnh bạch hầu được tổ chức tại Trạm Y tế xã và các điểm tiêm tại nhà văn hóa các thôn."
        in said
    ), said


def test_what_residents_get_is_said_without_the_offices_budget() -> None:
    said = plan("II. NỘI DUNG\n1. Kinh phí\nMũ bơi được phát miễn phí; kinh phí tổ chức từ nguồn ngân sách xã.\n")
    assert "Mũ bơi được phát miễn phí." in said, said
    assert not any("ngân sách" in s for s in said), said
    assert without_budget("Kinh phí tổ chức từ nguồn ngân sách xã.") is None  # nothing for residents: said as before
    assert without_budget("Mũ bơi được phát miễn phí; nước uống được phát miễn phí.") is None  # no budget in it

"""A list point, or a line under a heading, said with the lead it continues (scripts/point_leads.py); made-up texts."""

from scripts.choice import build_pool
from scripts.legal import parse
from scripts.point_leads import excepted, labelled, with_list_lead
from scripts.selection import _shared_subject
from scripts.units import passage_units

RESOLUTION = """HỘI ĐỒNG NHÂN DÂN TỈNH AN BÌNH
Số: 15/2031/NQ-HĐND
NGHỊ QUYẾT
Quy định mức hỗ trợ người tham gia lớp tập huấn nghề trên địa bàn tỉnh An Bình
Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định mức hỗ trợ người tham gia lớp tập huấn nghề trên địa bàn tỉnh An Bình.
Điều 2. Mức hỗ trợ
1. Người tham gia lớp tập huấn nghề được hỗ trợ các khoản sau:
a) Tiền ăn 30.000 đồng/người/ngày;
b) Tiền đi lại 200.000 đồng/người/khóa học.
2. Mức hỗ trợ tiền thuê chỗ ở
50.000 đồng/người/ngày.
3. Thời gian thực hiện
Từ ngày 01 tháng 01 năm 2032 đến hết ngày 31 tháng 12 năm 2033.
4. Mức hỗ trợ tiền mua tài liệu:
100.000 đồng/người/khóa học.
Điều 3. Đối tượng được miễn học phí
1. Đối tượng được miễn học phí gồm:
a) Trẻ em mầm non thuộc hộ nghèo, hộ cận nghèo;
b) Người học thuộc diện được hưởng trợ cấp xã hội hằng tháng.
2. Không áp dụng mức miễn học phí đối với:
a) Người học đã được hỗ trợ học phí từ nguồn khác;
b) Học sinh học lại.
Điều 4. Trách nhiệm của người tham gia
Người tham gia lớp tập huấn phải thực hiện các nội dung sau:
a) Đăng ký với Ủy ban nhân dân cấp xã trước ngày khai giảng;
b) Tham dự đủ số buổi học.
Điều 5. Nguồn kinh phí
Nguồn kinh phí thực hiện gồm:
a) Ngân sách tỉnh;
b) Nguồn xã hội hóa.
"""


def units() -> dict[tuple[str, str | None, str | None], list[str]]:
    out: dict[tuple[str, str | None, str | None], list[str]] = {}
    for article in parse(RESOLUTION).articles:
        for clause, point, _, said in passage_units(article):
            out.setdefault((article.number, clause, point), []).append(said)
    return out


def test_a_point_that_names_what_is_paid_is_said_with_who_gets_it() -> None:
    said = units()
    assert said[("2", "1", "a")] == ["Người tham gia lớp tập huấn nghề được hỗ trợ tiền ăn 30.000 đồng/người/ngày."]
    assert said[("2", "1", "b")] == ["Người tham gia lớp tập huấn nghề được hỗ trợ tiền đi lại 200.000 đồng/người/khóa học."]


def test_an_amount_or_date_under_its_heading_is_said_with_the_heading_as_its_label() -> None:
    said = units()
    assert said[("2", "2", None)] == ["Mức hỗ trợ tiền thuê chỗ ở là 50.000 đồng/người/ngày."]
    assert said[("2", "3", None)] == ["Thời gian thực hiện từ ngày 01 tháng 01 năm 2032 đến hết ngày 31 tháng 12 năm 2033."]
    assert said[("2", "4", None)] == ["Mức hỗ trợ tiền mua tài liệu là 100.000 đồng/người/khóa học."]


def test_each_member_of_a_benefit_list_is_said_with_the_benefit() -> None:
    said = units()
    assert said[("3", "1", "a")] == ["Trẻ em mầm non thuộc hộ nghèo, hộ cận nghèo được miễn học phí."]
    assert said[("3", "1", "b")] == ["Người học thuộc diện được hưởng trợ cấp xã hội hằng tháng được miễn học phí."]


def test_a_point_of_an_exception_is_never_said_as_the_rule() -> None:
    said = units()
    assert said[("3", "2", "a")] == ["Không áp dụng mức miễn học phí đối với người học đã được hỗ trợ học phí từ nguồn khác."]
    pool = [c.text for c in build_pool(parse(RESOLUTION))]
    assert "Người học đã được hỗ trợ học phí từ nguồn khác." not in pool
    assert not any(t.startswith("Học sinh học lại được") for t in pool)  # not a beneficiary of the benefit it skips


def test_points_under_the_articles_own_lead_are_said_with_its_holder() -> None:
    said = units()
    assert said[("4", "", "a")] == ["Người tham gia lớp tập huấn phải đăng ký với Ủy ban nhân dân cấp xã trước ngày khai giảng."]
    assert said[("4", "", "b")] == ["Người tham gia lớp tập huấn phải tham dự đủ số buổi học."]


def test_a_lead_of_budget_sources_is_not_joined_to_its_points() -> None:
    assert with_list_lead("Nguồn kinh phí thực hiện gồm:", "a) Ngân sách tỉnh;") is None
    assert not any("ngân sách tỉnh" in t.lower() for t in (c.text for c in build_pool(parse(RESOLUTION))))


def test_a_condition_or_place_of_a_rule_is_said_after_the_rule() -> None:
    lead = "Người lái xe phải tắt đèn chiếu xa, bật đèn chiếu gần trong các trường hợp sau đây:"
    assert with_list_lead(lead, "a) Khi gặp người đi bộ qua đường;") == [
        "Người lái xe phải tắt đèn chiếu xa, bật đèn chiếu gần khi gặp người đi bộ qua đường."
    ]
    lead = "Người lái xe không được dừng xe, đỗ xe tại các vị trí sau đây:"
    assert with_list_lead(lead, "b) Nơi đường giao nhau;") == ["Người lái xe không được dừng xe, đỗ xe tại nơi đường giao nhau."]


def test_a_point_that_is_a_sentence_of_its_own_stands_alone() -> None:
    lead = "Người tham gia được hỗ trợ các khoản sau:"
    assert with_list_lead(lead, "a) Trường hợp ở xa thì người tham gia phải tự lo chỗ ở.") is None


def test_rights_and_duties_keep_the_lead_word() -> None:
    assert with_list_lead("Người trúng đấu giá có quyền sau đây:", "a) Được đăng ký biển số xe tại nơi cư trú;") == [
        "Người trúng đấu giá có quyền được đăng ký biển số xe tại nơi cư trú."
    ]
    assert with_list_lead("Nghiêm cấm các hành vi sau đây:", "a) Kê khai gian dối để hưởng hỗ trợ;") == [
        "Nghiêm cấm kê khai gian dối để hưởng hỗ trợ."
    ]
    lead = "Xe chở học sinh phải đáp ứng các yêu cầu sau:"
    assert with_list_lead(lead, "a) Có niên hạn sử dụng không quá 20 năm;") == [
        "Xe chở học sinh phải có niên hạn sử dụng không quá 20 năm."
    ]


def test_an_exception_lead_with_cases_says_each_case_with_the_rule() -> None:
    lead = "Học sinh không được hỗ trợ trong các trường hợp sau:"
    assert excepted(lead, "b) Bỏ học từ 30 ngày trở lên.") == ["Học sinh không được hỗ trợ khi bỏ học từ 30 ngày trở lên."]
    assert excepted("Người tham gia được hỗ trợ các khoản sau:", "a) Tiền ăn;") is None


def test_a_label_already_with_its_verb_is_left_as_it_is() -> None:
    assert labelled("Mức hỗ trợ tiền ăn là 30.000 đồng/người/ngày.") == "Mức hỗ trợ tiền ăn là 30.000 đồng/người/ngày."
    assert labelled("Mức học phí quy định tại khoản 1 là căn cứ cấp bù.") == "Mức học phí quy định tại khoản 1 là căn cứ cấp bù."


def test_points_said_together_keep_the_negation_of_a_ban_with_each() -> None:
    """ "… không được mang vác …; được sử dụng ô" would say a ban as a right."""
    texts = ["Người được chở không được mang, vác vật cồng kềnh.", "Người được chở không được sử dụng ô."]
    shared = _shared_subject(texts)
    assert texts[1].split()[shared:][0] == "không"


def test_a_value_under_an_article_title_is_said_with_the_title_as_its_label() -> None:
    text = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
Số: 17/2031/QĐ-UBND
QUYẾT ĐỊNH
Quy định mức hỗ trợ tiền ăn cho học sinh bán trú trên địa bàn tỉnh An Bình
Điều 1. Mức hỗ trợ tiền ăn
30.000 đồng/học sinh/ngày.
Điều 2. Thời gian hỗ trợ
Từ ngày 01 tháng 9 năm 2032 đến hết ngày 31 tháng 5 năm 2033.
"""
    said = [s for article in parse(text).articles for *_, s in passage_units(article)]
    assert said == [
        "Mức hỗ trợ tiền ăn là 30.000 đồng/học sinh/ngày.",
        "Thời gian hỗ trợ từ ngày 01 tháng 9 năm 2032 đến hết ngày 31 tháng 5 năm 2033.",
    ]


def test_a_right_or_duty_of_residents_is_said_with_its_holder_not_an_offices() -> None:
    assert with_list_lead("Quyền của người tham gia bảo hiểm:", "a) Được cấp sổ bảo hiểm xã hội;") == [
        "Người tham gia bảo hiểm được cấp sổ bảo hiểm xã hội."
    ]
    assert with_list_lead("Trách nhiệm của chủ hộ chăn nuôi như sau:", "a) Tiêm phòng đủ cho đàn vật nuôi;") == [
        "Chủ hộ chăn nuôi có trách nhiệm tiêm phòng đủ cho đàn vật nuôi."
    ]
    assert with_list_lead("Trách nhiệm của Ủy ban nhân dân cấp xã:", "a) Tổng hợp danh sách hộ nghèo;") is None


def test_conditions_of_a_benefit_are_said_as_what_it_takes_to_get_it() -> None:
    assert with_list_lead("Điều kiện hỗ trợ:", "a) Có hộ khẩu thường trú tại xã;") == [
        "Để được hỗ trợ, phải có hộ khẩu thường trú tại xã."
    ]
    lead = "Hộ gia đình được hỗ trợ phải đáp ứng các điều kiện sau:"
    assert with_list_lead(lead, "b) Không vi phạm pháp luật về lâm nghiệp.") == [
        "Hộ gia đình được hỗ trợ không được vi phạm pháp luật về lâm nghiệp."
    ]


def test_amounts_listed_by_holder_under_a_level_are_said_with_the_level() -> None:
    assert with_list_lead("Mức hỗ trợ cụ thể như sau:", "a) Hộ nghèo 1.500.000 đồng/ha;") == [
        "Mức hỗ trợ đối với hộ nghèo là 1.500.000 đồng/ha."
    ]
    assert with_list_lead("Mức hỗ trợ như sau:", "a) Hộ nghèo: 1.500.000 đồng/ha;") is None  # a sentence already


def test_a_benefit_without_its_giver_is_said_as_what_its_beneficiary_gets() -> None:
    from scripts.point_leads import received

    assert received("Hỗ trợ 100% học phí cho học sinh khuyết tật.") == "Học sinh khuyết tật được hỗ trợ 100% học phí."
    assert received("Giảm 50% học phí đối với học sinh thuộc hộ cận nghèo.") == (
        "Học sinh thuộc hộ cận nghèo được giảm 50% học phí."
    )
    assert received("Hỗ trợ kinh phí cho Ủy ban nhân dân xã.") == "Hỗ trợ kinh phí cho Ủy ban nhân dân xã."  # an office
    assert with_list_lead("Chính sách hỗ trợ gồm:", "a) Miễn học phí cho trẻ em mồ côi;") == ["Trẻ em mồ côi được miễn học phí."]
    text = "HỘI ĐỒNG NHÂN DÂN TỈNH AN BÌNH\nSố: 20/2031/NQ-HĐND\nNGHỊ QUYẾT\nQuy định chính sách hỗ trợ học phí\n"
    text += "Điều 1. Chính sách hỗ trợ\n1. Hỗ trợ 100% học phí cho học sinh khuyết tật.\n"
    said = [s for article in parse(text).articles for *_, s in passage_units(article)]
    assert said == ["Học sinh khuyết tật được hỗ trợ 100% học phí."]


def test_a_point_that_repeats_the_leads_verb_says_it_once() -> None:
    assert with_list_lead("Hộ nghèo có nhà bị sập được hỗ trợ như sau:", "a) Hỗ trợ 40.000.000 đồng/hộ;") == [
        "Hộ nghèo có nhà bị sập được hỗ trợ 40.000.000 đồng/hộ."
    ]
    assert with_list_lead("Hộ gia đình được miễn các khoản sau:", "a) Miễn tiền sử dụng đất;") == [
        "Hộ gia đình được miễn tiền sử dụng đất."
    ]


def test_an_exception_that_names_no_rule_is_not_said() -> None:
    assert excepted("Trừ các trường hợp sau đây:", "a) Người đã được hỗ trợ từ nguồn khác;") == []
    assert excepted("Không áp dụng đối với các trường hợp sau:", "a) Người đã được hỗ trợ từ nguồn khác;") == []


def test_a_banned_act_is_said_with_its_ban_never_as_a_benefit() -> None:
    act = "a) Cấp giấy chứng nhận cho người không đủ điều kiện;"
    assert with_list_lead("Nghiêm cấm các hành vi sau đây:", act) == [
        "Nghiêm cấm cấp giấy chứng nhận cho người không đủ điều kiện."
    ]
    assert with_list_lead("Cán bộ không được thực hiện các hành vi sau:", act) == [
        "Cán bộ không được cấp giấy chứng nhận cho người không đủ điều kiện."
    ]


def test_those_a_rule_spares_are_each_said_with_the_negated_rule() -> None:
    assert excepted("Đối tượng không phải nộp phí gồm:", "a) Hộ nghèo;") == ["Hộ nghèo không phải nộp phí."]
    assert excepted("Người không được hưởng trợ cấp gồm:", "a) Người đang chấp hành án phạt tù;") == [
        "Người đang chấp hành án phạt tù không được hưởng trợ cấp."
    ]
    assert excepted("Các trường hợp xe máy không áp dụng niên hạn sử dụng gồm:", "a) Xe của quân đội;") == [
        "Xe của quân đội không áp dụng niên hạn sử dụng."
    ]


def test_an_act_a_rule_punishes_or_a_sanction_is_never_said_as_a_benefit() -> None:
    from scripts.point_leads import received

    for line in (
        "Cấp giấy xác nhận khuyết tật cho người không đủ điều kiện thì bị thu hồi giấy xác nhận và xử lý kỷ luật.",
        "Miễn nhiệm chức vụ đối với người đứng đầu cơ sở để xảy ra sai phạm.",
        "Cấp thẻ bảo hiểm y tế cho người vi phạm quy định về cư trú.",
    ):
        assert received(line) == line

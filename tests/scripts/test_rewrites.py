"""Sentences an editor keeps but must rewrite: a rate without what it is of, a rule without its condition or its
holder, a benefit without what is given (made-up decisions, scripts/ patterns)."""

from scripts.docfacts import TITLE_WORDS, title_phrase
from scripts.legal import parse
from scripts.units import passage_units
from tests.scripts.made_up import YEAR, decision, script, units

SUBJECT = "Quy định chính sách hỗ trợ người lao động trên địa bàn tỉnh An Bình"


def test_rows_of_rates_are_said_as_a_share_of_what_the_lead_supports() -> None:
    said = units(
        SUBJECT,
        """Điều 2. Mức hỗ trợ
1. Hỗ trợ chi phí học nghề theo tỷ lệ sau:
a) Người lao động thuộc hộ nghèo: 70%;
b) Người lao động thuộc hộ cận nghèo: 50%.
2. Giảm học phí học lái xe với các mức sau đây:
a) Học sinh thuộc hộ nghèo: 30%;
b) 20%.
""",
    )
    assert "Người lao động thuộc hộ nghèo được hỗ trợ 70% chi phí học nghề." in said
    assert "Người lao động thuộc hộ cận nghèo được hỗ trợ 50% chi phí học nghề." in said
    assert "Học sinh thuộc hộ nghèo được giảm 30% học phí học lái xe." in said
    assert not any("tỷ lệ sau" in s or "mức sau" in s for s in said)
    assert not any(s.rstrip(".").endswith(("70%", "20%")) for s in said)  # never a bare rate


def test_a_row_whose_group_is_unknown_is_said_as_the_level_of_the_giving() -> None:
    said = units(
        SUBJECT,
        """Điều 2. Mức hỗ trợ
1. Giảm học phí học lái xe với các mức sau đây:
a) Thanh niên hoàn thành nghĩa vụ quân sự: 30%;
b) Khu vực miền núi: 20%.
""",
    )
    assert "Đối với thanh niên hoàn thành nghĩa vụ quân sự, mức giảm học phí học lái xe là 30%." in said
    assert "Đối với khu vực miền núi, mức giảm học phí học lái xe là 20%." in said
    assert not any("các mức thanh niên" in s for s in said)


def test_a_point_that_is_only_a_figure_among_rows_is_not_given_to_everyone() -> None:
    said = units(
        SUBJECT,
        """Điều 2. Mức hỗ trợ
1. Mức hỗ trợ như sau:
a) Người lao động thuộc hộ nghèo: 1.000.000 đồng/người;
b) 500.000 đồng/người.
2. Hỗ trợ mua thẻ bảo hiểm y tế theo tỷ lệ như sau:
a) 100% đối với người lao động thuộc hộ nghèo;
b) 70%.
3. Mức hỗ trợ tiền ăn:
a) 30.000 đồng/người/ngày.
""",
    )
    assert not any("500.000" in s for s in said)  # whose 500.000? heard as everyone's
    assert not any("70%" in s for s in said)
    assert "Mức hỗ trợ tiền ăn là 30.000 đồng/người/ngày." in said  # a lone point is its lead's value


RULES = """Điều 2. Nuôi chó trong khu dân cư
1. Người nuôi chó phải đăng ký với Ủy ban nhân dân cấp xã nơi cư trú. Thời hạn đăng ký chậm nhất 10 ngày kể từ ngày bắt đầu nuôi.
2. Không được nuôi chó dữ trong khu dân cư. Trừ trường hợp được Ủy ban nhân dân cấp xã cho phép bằng văn bản.
"""


def test_an_exception_written_as_its_own_sentence_stays_with_its_rule() -> None:
    said = units("Ban hành Quy định về quản lý vật nuôi trên địa bàn tỉnh An Bình", RULES)
    assert "Không được nuôi chó dữ trong khu dân cư, trừ trường hợp được Ủy ban nhân dân cấp xã cho phép bằng văn bản." in said
    assert not any(s.startswith(("Trừ", "Không được nuôi chó dữ trong khu dân cư.")) for s in said)


def test_a_deadline_written_as_its_own_sentence_is_said_with_the_duty() -> None:
    said = units("Ban hành Quy định về quản lý vật nuôi trên địa bàn tỉnh An Bình", RULES)
    assert "Người nuôi chó phải đăng ký với Ủy ban nhân dân cấp xã nơi cư trú chậm nhất 10 ngày kể từ ngày bắt đầu nuôi." in said


def test_a_rate_is_said_with_what_its_lead_gives_a_share_of() -> None:
    body = """Điều 2. Mức hỗ trợ
1. Ngân sách tỉnh hỗ trợ mức đóng bảo hiểm y tế như sau:
a) Hỗ trợ 30% mức đóng đối với người thuộc hộ gia đình làm nông nghiệp có mức sống trung bình;
b) Hỗ trợ 20% đối với học sinh, sinh viên.
2. Người thuộc hộ cận nghèo được hỗ trợ thêm 30%.
"""
    assert "Học sinh, sinh viên được hỗ trợ 20% mức đóng bảo hiểm y tế." in units(SUBJECT, body)
    assert not any(s.endswith("thêm 30%.") for s in script(SUBJECT, body))  # 30% of what? not said, nor recapped


def test_a_policy_lead_gives_its_labelled_points_who_gets_it_and_how_much() -> None:
    said = units(
        SUBJECT,
        """Điều 3. Chính sách hỗ trợ học tập
1. Chính sách hỗ trợ chi phí học tập:
a) Đối tượng: học sinh mồ côi cả cha lẫn mẹ;
b) Mức hỗ trợ: 150.000 đồng/học sinh/tháng.
""",
    )
    assert "Học sinh mồ côi cả cha lẫn mẹ được hỗ trợ chi phí học tập." in said
    assert "Mức hỗ trợ chi phí học tập là 150.000 đồng/học sinh/tháng." in said


def test_a_beneficiary_hears_what_the_documents_benefit_is() -> None:
    said = script(
        "Ban hành Quy định chính sách hỗ trợ tiền điện, nước sinh hoạt đối với hộ nghèo trên địa bàn tỉnh An Bình",
        """Điều 1. Đối tượng áp dụng
Hộ nghèo có hộ khẩu thường trú tại các xã vùng đồng bào dân tộc thiểu số.
""",
    )
    assert "Hộ nghèo có hộ khẩu thường trú tại xã vùng đồng bào dân tộc thiểu số được hỗ trợ tiền điện, nước sinh hoạt." in said
    assert not any(s.endswith("được hỗ trợ.") for s in said)  # supported with what?


def test_a_duty_without_its_subject_is_said_with_the_holder_the_articles_title_names() -> None:
    said = units(
        "Ban hành Quy định về quản lý vật nuôi trên địa bàn tỉnh An Bình",
        """Điều 3. Trách nhiệm của người nuôi chó
1. Phải tiêm phòng dại cho chó mỗi năm một lần.
2. Đeo rọ mõm cho chó khi dắt ra nơi công cộng.
""",
    )
    assert "Người nuôi chó phải tiêm phòng dại cho chó mỗi năm một lần." in said
    assert "Người nuôi chó phải đeo rọ mõm cho chó khi dắt ra nơi công cộng." in said


def test_a_title_is_never_cut_before_what_it_is_about() -> None:
    fee = decision(
        "Quy định mức thu, miễn, giảm, chế độ thu, nộp, quản lý và sử dụng phí tham quan bảo tàng, di tích lịch sử,"
        " danh lam thắng cảnh trên địa bàn tỉnh An Bình",
        "Điều 1. Mức thu\nMức thu 50.000 đồng/người/lượt.\n",
    )
    assert title_phrase(fee, TITLE_WORDS).startswith("quy định về phí tham quan bảo tàng")
    policy = decision(
        "Quy định chính sách hỗ trợ cho người lao động bị chấm dứt hợp đồng lao động do doanh nghiệp gặp khó khăn"
        " bởi thiên tai, dịch bệnh năm 2029",
        "Điều 1. Mức hỗ trợ\nNgười lao động được hỗ trợ 3.000.000 đồng/người.\n",
    )
    for limit in (TITLE_WORDS, 24):
        assert title_phrase(policy, limit).startswith("quy định chính sách hỗ trợ cho người lao động")


def test_a_list_of_groups_is_said_with_what_each_gets_or_is_spared() -> None:
    said = units(
        SUBJECT,
        """Điều 2. Chính sách hỗ trợ
1. Miễn học phí đối với:
a) Con của người có công với cách mạng;
b) Học sinh khuyết tật.
2. Hỗ trợ một lần 5.000.000 đồng/hộ cho:
a) Hộ gia đình người có công có nhà ở bị hư hỏng nặng;
b) Hộ nghèo có người khuyết tật đặc biệt nặng.
3. Đối tượng không phải nộp phí vệ sinh:
a) Hộ nghèo;
b) Người cao tuổi sống một mình.
4. Không thu phí trông giữ xe đạp đối với các trường hợp sau:
a) Học sinh tiểu học;
b) Người khuyết tật.
""",
    )
    assert "Con của người có công với cách mạng được miễn học phí." in said
    assert "Học sinh khuyết tật được miễn học phí." in said
    assert "Hộ gia đình người có công có nhà ở bị hư hỏng nặng được hỗ trợ một lần 5.000.000 đồng/hộ." in said
    assert "Hộ nghèo không phải nộp phí vệ sinh." in said
    assert "Không thu phí trông giữ xe đạp đối với học sinh tiểu học." in said
    assert len([s for s in said if not s.startswith("Quyết định")]) == 8  # every group, none said bare


def test_a_rate_after_a_rule_on_a_charge_is_said_as_a_share_of_that_charge() -> None:
    said = units(
        SUBJECT,
        """Điều 2. Miễn, giảm
1. Học sinh thuộc hộ nghèo được miễn học phí. Học sinh thuộc hộ cận nghèo được giảm 50%.
2. Hộ nghèo được giảm 50% tiền điện sinh hoạt hằng tháng; hộ cận nghèo được giảm 30%.
""",
    )
    assert "Học sinh thuộc hộ cận nghèo được giảm 50% học phí." in said
    assert "Hộ cận nghèo được giảm 30% tiền điện sinh hoạt hằng tháng." in said


def _directive(items: str) -> list[str]:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH AN BÌNH\nSố: 07/CT-UBND\nCHỈ THỊ\nVề tăng cường phòng, chống bệnh dại\n"
        "Để chủ động phòng, chống dịch bệnh, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:\n"
        f"{items}Chỉ thị này có hiệu lực từ ngày 01 tháng 3 năm {YEAR}.\n"
    )
    return [u[3] for a in parse(text).articles for u in passage_units(a)]


def test_a_directives_tasks_for_residents_are_said_with_them_and_their_modal() -> None:
    said = _directive(
        """1. Đề nghị Nhân dân:
- Đưa chó, mèo đi tiêm phòng dại đầy đủ theo lịch của thú y xã;
- Khi bị chó cắn phải đến ngay cơ sở y tế gần nhất để được tư vấn.
2. Các hộ gia đình nuôi chó:
- Đăng ký nuôi chó với Ủy ban nhân dân cấp xã trước ngày 30 tháng 4 năm 2029;
- Phải rọ mõm khi đưa chó ra nơi công cộng.
"""
    )
    assert "Nhân dân cần đưa chó, mèo đi tiêm phòng dại đầy đủ theo lịch của thú y xã." in said  # asked, not ordered
    assert "Khi bị chó cắn, nhân dân phải đến ngay cơ sở y tế gần nhất để được tư vấn." in said
    assert "Các hộ gia đình nuôi chó phải đăng ký nuôi chó với Ủy ban nhân dân cấp xã trước ngày 30 tháng 4 năm 2029." in said


def test_a_date_written_alone_after_a_duty_is_said_as_its_deadline() -> None:
    said = units(
        "Ban hành Quy định về quản lý vật nuôi trên địa bàn tỉnh An Bình",
        "Điều 2. Giết mổ\nCác chủ cơ sở giết mổ chó, mèo phải có giấy phép. Chậm nhất ngày 30 tháng 6 năm 2029.\n",
    )
    assert "Các chủ cơ sở giết mổ chó, mèo phải có giấy phép, chậm nhất ngày 30 tháng 6 năm 2029." in said


def test_a_fine_over_acts_listed_under_a_bare_hanh_vi_says_each_act() -> None:
    said = script(
        "Quy định mức phạt đối với hành vi vi phạm quy định về phòng cháy trên địa bàn tỉnh An Bình",
        """Điều 1. Mức phạt
1. Phạt tiền từ 300.000 đồng đến 500.000 đồng đối với hành vi:
a) Đốt lửa trong rừng phòng hộ;
b) Hút thuốc trong kho chứa chất dễ cháy.
""",
    )
    fined = "hành vi đốt lửa trong rừng phòng hộ bị phạt tiền từ 300.000 đồng đến 500.000 đồng."
    assert any(s.lower().endswith(fined) for s in said)


def test_a_right_without_its_subject_is_said_with_the_holder_the_rights_title_names() -> None:
    said = units(
        "Ban hành Quy định về phòng cháy trên địa bàn tỉnh An Bình",
        """Điều 2. Quyền của người dân
1. Được khen thưởng khi phát hiện, báo tin cháy kịp thời.
2. Khiếu nại quyết định xử phạt theo quy định của pháp luật.
Điều 3. Quyền và nghĩa vụ của hộ gia đình sống gần rừng
1. Phải dọn sạch thực bì quanh nhà trước mùa khô.
""",
    )
    assert "Người dân được khen thưởng khi phát hiện, báo tin cháy kịp thời." in said
    assert "Hộ gia đình sống gần rừng phải dọn sạch thực bì quanh nhà trước mùa khô." in said
    assert not any("phải khiếu nại" in s for s in said)  # a bare act under rights is no duty


def test_a_condition_under_a_title_of_two_topics_names_the_benefit_alone() -> None:
    said = units(
        "Quy định chính sách hỗ trợ sửa chữa nhà ở cho hộ nghèo trên địa bàn tỉnh An Bình",
        """Điều 1. Mức hỗ trợ và điều kiện
1. Hộ nghèo được hỗ trợ 20.000.000 đồng/hộ để sửa chữa nhà ở.
2. Điều kiện hỗ trợ: nhà ở bị hư hỏng nặng, có nguy cơ sập đổ.
Điều 2. Hồ sơ
Hộ gia đình nộp đơn đề nghị tại Ủy ban nhân dân cấp xã. Thời hạn nộp trước ngày 30 tháng 9 năm 2029.
""",
    )
    assert "Điều kiện để được hỗ trợ là nhà ở bị hư hỏng nặng, có nguy cơ sập đổ." in said
    assert "Hộ gia đình nộp đơn đề nghị tại Ủy ban nhân dân cấp xã trước ngày 30 tháng 9 năm 2029." in said


def test_a_ban_keeps_the_case_written_after_it_as_its_own_sentence() -> None:
    said = units(
        "Quy định về hoạt động kinh doanh karaoke trên địa bàn tỉnh An Bình",
        "Điều 2. Cấm\nCấm người dưới 18 tuổi vào phòng karaoke. Trường hợp có cha mẹ đi cùng thì được vào trước 22 giờ.\n",
    )
    assert "Cấm người dưới 18 tuổi vào phòng karaoke, nhưng trường hợp có cha mẹ đi cùng thì được vào trước 22 giờ." in said
    assert not any(s.startswith("Trường hợp có cha mẹ") for s in said)


def test_a_clause_without_subject_takes_the_one_of_the_clause_before() -> None:
    said = units(
        "Quy định về hoạt động kinh doanh karaoke trên địa bàn tỉnh An Bình",
        """Điều 1. Thời gian hoạt động
1. Cơ sở kinh doanh karaoke không được hoạt động sau 24 giờ.
2. Được hoạt động đến 2 giờ sáng trong các ngày lễ, Tết.
""",
    )
    assert "Cơ sở kinh doanh karaoke được hoạt động đến 2 giờ sáng trong các ngày lễ, Tết." in said


def test_rows_that_narrow_the_leads_holder_are_each_said_with_their_coefficient() -> None:
    said = units(
        "Quy định mức trợ cấp xã hội hằng tháng đối với đối tượng bảo trợ xã hội trên địa bàn tỉnh An Bình",
        """Điều 2. Mức trợ cấp
1. Người khuyết tật đặc biệt nặng được trợ cấp theo hệ số:
a) Người khuyết tật đặc biệt nặng là trẻ em: hệ số 2,5;
b) Người khuyết tật đặc biệt nặng khác: hệ số 2,0.
""",
    )
    assert "Người khuyết tật đặc biệt nặng là trẻ em được trợ cấp theo hệ số 2,5." in said
    assert "Người khuyết tật đặc biệt nặng khác được trợ cấp theo hệ số 2,0." in said


def test_a_multiple_without_what_it_multiplies_is_not_aired() -> None:
    said = script(
        "Quy định xử phạt vi phạm hành chính về vệ sinh môi trường trên địa bàn tỉnh An Bình",
        """Điều 1. Hành vi vi phạm
1. Phạt tiền từ 2.000.000 đồng đến 3.000.000 đồng đối với hành vi xả nước thải chưa qua xử lý ra kênh, mương.
2. Tổ chức vi phạm bị phạt gấp 2 lần.
""",
    )
    assert not any(s.endswith("gấp 2 lần.") for s in said)  # twice what?

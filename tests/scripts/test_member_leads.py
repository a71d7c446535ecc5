"""List members said with what their lead gives them, or not at all (scripts/lead_items.py, scripts/point_leads.py);
made-up texts in the style of a health insurance law and a provincial resolution."""

from tests.scripts.made_up import units

SUBJECT = "Quy định về bảo hiểm y tế cho người dân trên địa bàn tỉnh An Bình"

GROUPS = """Điều 2. Đối tượng tham gia bảo hiểm y tế
1. Nhóm do ngân sách nhà nước đóng, bao gồm:
a) Trẻ em dưới 6 tuổi;
b) Người từ đủ 75 tuổi trở lên đang hưởng trợ cấp tuất hằng tháng;
c) Nghệ nhân nhân dân, Nghệ nhân ưu tú theo quy định của Luật Di sản văn hóa.
2. Nhóm được ngân sách nhà nước hỗ trợ mức đóng, bao gồm:
a) Người thuộc hộ gia đình cận nghèo;
b) Học sinh, sinh viên đang theo học tại các cơ sở giáo dục trên địa bàn.
3. Nhóm do người sử dụng lao động chi trả, bao gồm:
a) Chủ hộ kinh doanh có đăng ký kinh doanh thuộc diện tham gia bảo hiểm xã hội bắt buộc.
"""


def test_a_groups_members_are_said_with_who_pays_what_the_title_names() -> None:
    said = units(SUBJECT, GROUPS)
    assert "Trẻ em dưới 6 tuổi được ngân sách nhà nước đóng bảo hiểm y tế." in said
    assert "Người từ đủ 75 tuổi trở lên đang hưởng trợ cấp tuất hằng tháng được ngân sách nhà nước đóng bảo hiểm y tế." in said
    assert "Người thuộc hộ gia đình cận nghèo được ngân sách nhà nước hỗ trợ mức đóng bảo hiểm y tế." in said
    assert not any(s.startswith("Nhóm ") for s in said), said  # never the lead glued to a member
    assert not any(s.startswith("Chủ hộ kinh doanh") for s in said), said  # a relative clause, never a rule of its own


def test_the_members_of_a_list_whose_subject_is_the_list_or_a_giver_get_its_predicate() -> None:
    said = units(
        SUBJECT,
        """Điều 3. Hỗ trợ mức đóng
1. Các đối tượng sau đây được hỗ trợ 50% mức đóng:
a) Người thuộc hộ gia đình làm nông nghiệp có mức sống trung bình;
b) Người dân tộc thiểu số đang sinh sống tại xã đặc biệt khó khăn.
2. Ngân sách tỉnh hỗ trợ 70% mức đóng bảo hiểm y tế cho:
a) Người thuộc hộ gia đình cận nghèo;
b) Người từ đủ 65 tuổi đến dưới 75 tuổi không có lương hưu.
""",
    )
    assert "Người thuộc hộ gia đình làm nông nghiệp có mức sống trung bình được hỗ trợ 50% mức đóng." in said
    assert "Người dân tộc thiểu số đang sinh sống tại xã đặc biệt khó khăn được hỗ trợ 50% mức đóng." in said
    assert "Người thuộc hộ gia đình cận nghèo được ngân sách tỉnh hỗ trợ 70% mức đóng bảo hiểm y tế." in said
    assert (
        "Người từ đủ 65 tuổi đến dưới 75 tuổi không có lương hưu được ngân sách tỉnh hỗ trợ 70% mức đóng bảo hiểm y tế." in said
    )
    assert "Người từ đủ 65 tuổi đến dưới 75 tuổi không có lương hưu." not in said  # a noun phrase, never said alone


def test_a_person_listed_as_a_case_is_the_holder_never_a_time() -> None:
    said = units(
        SUBJECT,
        """Điều 4. Mức hưởng
Người tham gia bảo hiểm y tế được quỹ bảo hiểm y tế thanh toán 100% chi phí khám bệnh, chữa bệnh trong các trường hợp sau đây:
a) Trẻ em dưới 6 tuổi;
b) Khám bệnh, chữa bệnh tại trạm y tế xã.
""",
    )
    assert (
        "Người tham gia bảo hiểm y tế là trẻ em dưới 6 tuổi được quỹ bảo hiểm y tế thanh toán 100% chi phí khám bệnh,"
        " chữa bệnh." in said
    )
    assert not any("khi trẻ em" in s for s in said), said


def test_an_articles_who_and_how_much_clauses_are_said_as_one_sentence() -> None:
    said = units(
        SUBJECT,
        """Điều 5. Chính sách hỗ trợ
1. Đối tượng
Người cao tuổi từ đủ 70 tuổi đến dưới 75 tuổi thuộc hộ nghèo không có người phụng dưỡng.
2. Mức hỗ trợ
500.000 đồng/người/tháng.
Điều 6. Trợ cấp hằng tháng
1. Đối tượng: người khuyết tật đặc biệt nặng đang sống tại hộ nghèo.
2. Mức trợ cấp: 360.000 đồng/người/tháng.
""",
    )
    assert (
        "Người cao tuổi từ đủ 70 tuổi đến dưới 75 tuổi thuộc hộ nghèo không có người phụng dưỡng được hỗ trợ 500.000"
        " đồng/người/tháng." in said
    )
    assert "Người khuyết tật đặc biệt nặng đang sống tại hộ nghèo được trợ cấp 360.000 đồng/người/tháng." in said
    assert not any(s.endswith("không có người phụng dưỡng.") or s.startswith("Mức ") for s in said), said


def test_cases_of_a_holder_and_members_described_by_a_past_benefit_get_the_leads_predicate() -> None:
    said = units(
        SUBJECT,
        """Điều 7. Hộ được xét hỗ trợ
1. Hộ gia đình thuộc một trong các trường hợp sau được xét hỗ trợ:
a) Có người bị bệnh hiểm nghèo;
b) Có nhà ở bị sập đổ do thiên tai.
2. Những người sau đây không được xét hỗ trợ:
a) Người đang chấp hành án phạt tù;
b) Người đã được hỗ trợ từ nguồn khác trong cùng năm.
3. Các trường hợp sau đây được hoàn trả tiền đã nộp:
a) Người nộp tiền nhưng không được cấp thẻ.
""",
    )
    assert "Hộ gia đình có người bị bệnh hiểm nghèo được xét hỗ trợ." in said
    assert "Hộ gia đình có nhà ở bị sập đổ do thiên tai được xét hỗ trợ." in said
    assert "Người đã được hỗ trợ từ nguồn khác trong cùng năm không được xét hỗ trợ." in said
    assert "Người nộp tiền nhưng không được cấp thẻ được hoàn trả tiền đã nộp." in said
    # said alone, each would be an order to no one or a right the lead denies
    assert not {"Có người bị bệnh hiểm nghèo.", "Người đã được hỗ trợ từ nguồn khác trong cùng năm."} & set(said), said

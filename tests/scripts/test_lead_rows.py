"""A list item that gives a resident group an amount, said with what its lead gives (scripts/lead_rows.py); made-up texts."""

from scripts.draft import draft
from scripts.lead_rows import glued_lead, inline_rows_said, lead_rows, read_lead
from tests.scripts.made_up import decision, units

SUBJECT = "Về chính sách trợ giúp người dân trên địa bàn tỉnh An Bình"


def test_a_lead_that_names_the_benefit_gives_each_group_its_amount() -> None:
    said = units(
        SUBJECT,
        """Điều 1. Mức hỗ trợ
1. Mức hỗ trợ cụ thể như sau:
a) Hộ nghèo: 1.500.000 đồng/hộ;
b) Hộ mới thoát nghèo – 700.000 đồng/hộ;
c) Đối với hộ cận nghèo: 1.000.000 đồng/hộ.
2. Mức trợ cấp xã hội hằng tháng như sau:
- Người cao tuổi từ đủ 80 tuổi trở lên: 540.000 đồng/tháng;
- Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng: 720.000 đồng/người/tháng.
""",
    )
    assert "Hộ nghèo được hỗ trợ 1.500.000 đồng/hộ." in said
    assert "Hộ mới thoát nghèo được hỗ trợ 700.000 đồng/hộ." in said
    assert "Hộ cận nghèo được hỗ trợ 1.000.000 đồng/hộ." in said
    assert "Người cao tuổi từ đủ 80 tuổi trở lên được trợ cấp xã hội hằng tháng 540.000 đồng/tháng." in said
    assert "Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng được trợ cấp xã hội hằng tháng 720.000 đồng/người/tháng." in said


def test_a_lead_with_the_amount_gives_it_to_each_group_listed() -> None:
    said = units(
        SUBJECT,
        """Điều 1. Hỗ trợ một lần
1. Hỗ trợ 500.000 đồng/người cho các đối tượng sau:
a) Người cao tuổi từ đủ 80 tuổi trở lên;
b) Trẻ em mồ côi cả cha và mẹ.
2. Các đối tượng sau được hỗ trợ 300.000 đồng/người/tháng:
a) Người khuyết tật nặng;
b) Hộ nghèo có nhà bị hư hỏng nặng.
3. Các trường hợp được miễn phí tham quan gồm:
a) Người là thương binh, bệnh binh.
""",
    )
    assert "Người cao tuổi từ đủ 80 tuổi trở lên được hỗ trợ 500.000 đồng/người." in said
    assert "Trẻ em mồ côi cả cha và mẹ được hỗ trợ 500.000 đồng/người." in said
    assert "Người khuyết tật nặng được hỗ trợ 300.000 đồng/người/tháng." in said
    assert "Hộ nghèo có nhà bị hư hỏng nặng được hỗ trợ 300.000 đồng/người/tháng." in said
    assert "Người là thương binh, bệnh binh được miễn phí tham quan." in said


def test_a_holder_lead_takes_each_kind_and_amount_or_each_case() -> None:
    said = units(
        SUBJECT,
        """Điều 1. Hỗ trợ hộ nghèo
1. Hộ nghèo được hỗ trợ các khoản sau:
a) Tiền điện: 50.000 đồng/hộ/tháng;
b) Tiền nước sạch: 20.000 đồng/người/tháng.
2. Hộ gia đình có nhà bị thiệt hại do thiên tai được hỗ trợ như sau:
a) Nhà bị sập đổ hoàn toàn: 40.000.000 đồng/hộ;
b) Trường hợp nhà bị hư hỏng nặng: 20.000.000 đồng/hộ.
3. Mức hỗ trợ đối với hộ có người chết do thiên tai:
a) Người chết: 10.000.000 đồng/người.
""",
    )
    assert "Hộ nghèo được hỗ trợ tiền điện 50.000 đồng/hộ/tháng." in said
    assert "Hộ nghèo được hỗ trợ tiền nước sạch 20.000 đồng/người/tháng." in said
    assert (
        "Trường hợp nhà bị sập đổ hoàn toàn, hộ gia đình có nhà bị thiệt hại do thiên tai được hỗ trợ 40.000.000 đồng/hộ." in said
    )
    assert "Trường hợp nhà bị hư hỏng nặng, hộ gia đình có nhà bị thiệt hại do thiên tai được hỗ trợ 20.000.000 đồng/hộ." in said
    assert not any("người chết được" in s for s in said)  # the dead are what the relief counts, never its receivers


def test_rows_under_a_numbered_sub_clause_or_a_title_take_it_as_their_lead() -> None:
    said = units(
        SUBJECT,
        """Điều 1. Chính sách trợ giúp xã hội
1. Các chế độ đối với đối tượng bảo trợ xã hội:
1.1. Mức trợ cấp xã hội hằng tháng như sau:
a) Hộ nghèo: 500.000 đồng/hộ/tháng;
b) Người đơn thân nghèo: 360.000 đồng/tháng.
1.2. Hỗ trợ 2.000.000 đồng/người cho các đối tượng sau:
a) Trẻ em mồ côi cả cha và mẹ;
b) Người khuyết tật đặc biệt nặng.
2. Hỗ trợ mua giống cây trồng
a) Hộ nghèo: 2.000.000 đồng/hộ;
b) Hộ cận nghèo: 1.000.000 đồng/hộ.
Điều 2. Mức trợ cấp hằng tháng
1. Hộ nghèo: 300.000 đồng/hộ.
2. Trẻ em dưới 4 tuổi: hệ số 2,5.
""",
    )
    assert "Hộ nghèo được trợ cấp xã hội hằng tháng 500.000 đồng/hộ/tháng." in said
    assert "Người đơn thân nghèo được trợ cấp xã hội hằng tháng 360.000 đồng/tháng." in said
    assert "Trẻ em mồ côi cả cha và mẹ được hỗ trợ 2.000.000 đồng/người." in said
    assert "Hộ nghèo được hỗ trợ mua giống cây trồng 2.000.000 đồng/hộ." in said
    assert "Hộ cận nghèo được hỗ trợ mua giống cây trồng 1.000.000 đồng/hộ." in said
    assert "Hộ nghèo được trợ cấp hằng tháng 300.000 đồng/hộ." in said
    assert "Trẻ em dưới 4 tuổi được trợ cấp hằng tháng theo hệ số 2,5." in said


def test_an_item_with_its_own_verb_is_said_after_its_group_never_as_its_duty() -> None:
    said = units(
        SUBJECT,
        """Điều 1. Chính sách hỗ trợ
1. Hộ nghèo: Hỗ trợ 1.500.000 đồng/hộ để sửa chữa nhà ở.
2. Hỗ trợ mua thẻ bảo hiểm y tế:
a) Hộ cận nghèo: hỗ trợ 70%;
b) Trẻ em dưới 6 tuổi: miễn phí.
""",
    )
    assert "Hộ nghèo được hỗ trợ 1.500.000 đồng/hộ để sửa chữa nhà ở." in said
    assert not any("phải hỗ trợ" in s for s in said)  # the household gets the support, it does not give it
    assert "Hộ cận nghèo được hỗ trợ 70% mua thẻ bảo hiểm y tế." in said
    assert "Trẻ em dưới 6 tuổi được miễn phí." in said
    # a duty worded with the same verb is no benefit: never "được hỗ trợ lực lượng …", "được giảm thiểu …"
    assert inline_rows_said("Người dân: hỗ trợ lực lượng chữa cháy khi có cháy rừng.") is None
    assert inline_rows_said("Hộ chăn nuôi: giảm thiểu chất thải ra môi trường.") is None


def test_inline_and_glued_lists() -> None:
    assert inline_rows_said("Mức hỗ trợ: hộ nghèo 1.500.000 đồng/hộ; hộ cận nghèo 1.000.000 đồng/hộ.") == [
        "Hộ nghèo được hỗ trợ 1.500.000 đồng/hộ.",
        "Hộ cận nghèo được hỗ trợ 1.000.000 đồng/hộ.",
    ]
    assert inline_rows_said(
        "Mức trợ cấp xã hội hằng tháng như sau: a) Hộ nghèo: 500.000 đồng/hộ; b) Trẻ em dưới 16 tuổi: 720.000 đồng/tháng."
    ) == [
        "Hộ nghèo được trợ cấp xã hội hằng tháng 500.000 đồng/hộ.",
        "Trẻ em dưới 16 tuổi được trợ cấp xã hội hằng tháng 720.000 đồng/tháng.",
    ]
    assert inline_rows_said("Mức hỗ trợ: hộ nghèo 1.500.000 đồng/hộ, hộ cận nghèo 1.000.000 đồng/hộ.") == [
        "Hộ nghèo được hỗ trợ 1.500.000 đồng/hộ.",
        "Hộ cận nghèo được hỗ trợ 1.000.000 đồng/hộ.",
    ]
    assert inline_rows_said("Mức trợ cấp: Người cao tuổi từ đủ 80 tuổi trở lên 540.000 đồng/tháng.") == [
        "Người cao tuổi từ đủ 80 tuổi trở lên được trợ cấp 540.000 đồng/tháng."
    ]
    assert inline_rows_said("Mức hỗ trợ: Người có thu nhập dưới 2.000.000 đồng/tháng.") is None  # a bound, no amount given
    assert glued_lead("Mức hỗ trợ học phí Học sinh: 100.000 đồng/tháng.") == (
        "Mức hỗ trợ học phí:",
        "Học sinh: 100.000 đồng/tháng.",
    )
    assert lead_rows("Hỗ trợ về nhà ở Mức hỗ trợ như sau:", "- Hộ nghèo: 40.000.000 đồng/hộ;") == [
        "Hộ nghèo được hỗ trợ về nhà ở 40.000.000 đồng/hộ."
    ]


def test_dash_rows_after_an_inline_row_or_a_lead_without_its_colon() -> None:
    said = units(
        SUBJECT,
        """Điều 1. Chính sách hỗ trợ
1. Mức hỗ trợ: - Hộ nghèo: 1.500.000 đồng/hộ;
- Hộ cận nghèo: 1.000.000 đồng/hộ.
2. Mức trợ cấp xã hội hằng tháng như sau
- Người cao tuổi từ đủ 80 tuổi trở lên: 540.000 đồng/tháng;
- Hộ nghèo: 500.000 đồng/hộ/tháng.
""",
    )
    assert "Hộ nghèo được hỗ trợ 1.500.000 đồng/hộ." in said
    assert "Hộ cận nghèo được hỗ trợ 1.000.000 đồng/hộ." in said
    assert "Hộ nghèo được trợ cấp xã hội hằng tháng 500.000 đồng/hộ/tháng." in said


def test_a_lead_s_start_date_is_said_first() -> None:
    lead = "Từ ngày 01 tháng 01 năm 2032, mức trợ cấp xã hội hằng tháng như sau:"
    assert lead_rows(lead, "a) Người cao tuổi từ đủ 80 tuổi trở lên: 540.000 đồng/tháng;") == [
        "Từ ngày 01 tháng 01 năm 2032, người cao tuổi từ đủ 80 tuổi trở lên được trợ cấp xã hội hằng tháng 540.000 đồng/tháng."
    ]
    assert lead_rows("Năm học 2031-2032, mức hỗ trợ như sau:", "a) Học sinh khuyết tật: 300.000 đồng/tháng;") == [
        "Năm học 2031-2032, học sinh khuyết tật được hỗ trợ 300.000 đồng/tháng."
    ]


def test_a_fee_lead_says_its_rows_with_la_and_no_verb() -> None:
    assert lead_rows("Mức thu học phí như sau:", "a) Trẻ em mầm non: 100.000 đồng/tháng;") == [
        "Mức thu học phí đối với trẻ em mầm non là 100.000 đồng/tháng."
    ]


def test_refusals_a_lead_that_gives_nothing_staff_things_and_agency_spending() -> None:
    assert read_lead("Mức cụ thể như sau:") is None  # what is given? not said: no verb is made up
    assert read_lead("Giảm nghèo bền vững:") is None  # an aim, not a charge waived
    assert lead_rows("Mức cụ thể như sau:", "a) Hộ nghèo: 1.500.000 đồng/hộ;") is None
    assert lead_rows("Mức chi hỗ trợ như sau:", "a) Người tham gia tập huấn: 100.000 đồng/người/ngày;") is None
    assert lead_rows("Mức phụ cấp hằng tháng như sau:", "a) Trưởng thôn: 1.500.000 đồng/tháng;") is None
    assert lead_rows("Mức hỗ trợ như sau:", "a) Cán bộ, công chức cấp xã: 500.000 đồng/người/tháng;") is None
    assert lead_rows("Mức hỗ trợ như sau:", "a) Nhà bị sập đổ hoàn toàn: 40.000.000 đồng/nhà;") is None
    assert lead_rows("Hộ nghèo được hỗ trợ như sau:", "a) Nhà bị sập đổ hoàn toàn: 40.000.000 đồng/hộ;") == [
        "Trường hợp nhà bị sập đổ hoàn toàn, hộ nghèo được hỗ trợ 40.000.000 đồng/hộ."
    ]  # a case, never the kind of the support ("được hỗ trợ nhà bị sập …")
    assert lead_rows("Kinh phí hỗ trợ như sau:", "a) Hộ nghèo: 1.500.000 đồng/hộ;") is None
    # a holder lead over a title, not a kind of the benefit
    lead = "Dân quân tự vệ được chi trả theo tháng, mức hưởng như sau:"
    assert lead_rows(lead, "a) Tiểu đội trưởng, Thuyền trưởng: 234.000 đồng;") is None
    # two amounts, one in the lead and one in the item: which one is meant is not guessed
    assert lead_rows("Hỗ trợ 500.000 đồng/người cho các đối tượng sau:", "a) Hộ nghèo: 1.000.000 đồng/hộ;") is None


def test_the_drafted_script_says_the_groups_and_amounts() -> None:
    doc = decision(
        SUBJECT,
        """Điều 1. Mức trợ cấp
1. Mức trợ cấp xã hội hằng tháng như sau:
a) Người cao tuổi từ đủ 80 tuổi trở lên: 540.000 đồng/tháng;
b) Hộ nghèo: 500.000 đồng/hộ/tháng.
""",
    )
    text = draft(doc).text.lower()
    assert "người cao tuổi từ đủ 80 tuổi trở lên được trợ cấp xã hội hằng tháng 540.000 đồng/tháng" in text
    assert "trợ cấp xã hội hằng tháng người cao tuổi" not in text  # not the lead glued to the item


def test_an_item_with_its_own_verb_is_no_group_with_an_amount() -> None:
    """ "Người thứ nhất đóng bằng 4,5% …" under "Mức đóng … như sau:" was read as the group "Người thứ nhất đóng" and
    said "Mức đóng … đối với người thứ nhất đóng là bằng 4,5% …"."""
    lead = "Mức đóng bảo hiểm y tế theo hộ gia đình như sau:"
    assert lead_rows(lead, "a) Người thứ nhất đóng bằng 4,5% mức lương cơ sở;") is None
    assert lead_rows("Mức hỗ trợ như sau:", "a) Hộ nghèo 1.500.000 đồng/hộ;") == ["Hộ nghèo được hỗ trợ 1.500.000 đồng/hộ."]


def test_a_fee_charged_by_area_is_said_for_each_area() -> None:
    """ "Mức thu học phí …: khu vực thành thị 300.000 đồng/…; khu vực nông thôn …" was dropped (no main clause): the
    fees a resolution sets, the first thing a parent must hear."""
    line = (
        "Mức thu học phí đối với cơ sở giáo dục mầm non: khu vực thành thị 300.000 đồng/học sinh/tháng; khu vực nông thôn"
        " 150.000 đồng/học sinh/tháng; khu vực miền núi 50.000 đồng/học sinh/tháng."
    )
    assert inline_rows_said(line) == [
        "Đối với cơ sở giáo dục mầm non, mức thu học phí ở khu vực thành thị là 300.000 đồng/học sinh/tháng.",
        "Đối với cơ sở giáo dục mầm non, mức thu học phí ở khu vực nông thôn là 150.000 đồng/học sinh/tháng.",
        "Đối với cơ sở giáo dục mầm non, mức thu học phí ở khu vực miền núi là 50.000 đồng/học sinh/tháng.",
    ]
    said = units(SUBJECT, "Điều 2. Mức thu học phí\n1. " + line + "\n")
    assert "Đối với cơ sở giáo dục mầm non, mức thu học phí ở khu vực miền núi là 50.000 đồng/học sinh/tháng." in said


def test_a_lead_whose_group_has_a_comma_is_not_said_after_the_row() -> None:
    """ "Mức hỗ trợ đối với người khuyết tật nặng không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng như sau:" +
    "Người dưới 16 tuổi: 400.000 …" was said "Người dưới 16 tuổi được hỗ trợ đối với người khuyết tật nặng …, trợ cấp
    … 400.000 đồng/người/tháng."; alone, the row would give the amount to everyone under 16: neither is said."""
    from scripts.units import with_lead

    lead = "Mức hỗ trợ đối với người khuyết tật nặng không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng như sau:"
    assert lead_rows(lead, "a) Người dưới 16 tuổi: 400.000 đồng/người/tháng;") is None
    said = with_lead(lead, "a) Người dưới 16 tuổi: 400.000 đồng/người/tháng;")
    assert not any(s.startswith("Người dưới 16 tuổi") for s in said), said  # for everyone under 16, or garbled
    assert all("người khuyết tật nặng" in s for s in said)
    short = "Mức trợ cấp hằng tháng đối với người cao tuổi không có lương hưu như sau:"
    assert with_lead(short, "a) Người từ đủ 80 tuổi: 400.000 đồng/người/tháng;") == [
        "Đối với người cao tuổi không có lương hưu, người từ đủ 80 tuổi được trợ cấp hằng tháng 400.000 đồng/người/tháng."
    ]


def test_a_labelled_point_is_said_with_the_benefit_its_clause_title_names() -> None:
    """ "2. Hỗ trợ mua giống cây trồng" then "a) Đối tượng: hộ nghèo …", "c) Mức hỗ trợ: 100% chi phí …": the points
    were said "Đối tượng: hộ nghèo, …" and, as the headline, "Từ ngày …, mức hỗ trợ: 100% chi phí mua giống, …"."""
    from tests.scripts.made_up import script

    body = """Điều 2. Nội dung chính sách
1. Hỗ trợ mua giống cây trồng
a) Đối tượng: hộ nghèo, hộ cận nghèo có đất sản xuất nông nghiệp.
b) Điều kiện: có đơn đăng ký và cam kết sử dụng giống đúng mục đích.
c) Mức hỗ trợ: 100% chi phí mua giống, tối đa 5.000.000 đồng/hộ/năm.
d) Thời gian hỗ trợ: từ ngày 01 tháng 6 năm 2032 đến hết ngày 31 tháng 12 năm 2033.
"""
    said = units("Về việc quy định chính sách hỗ trợ phát triển sản xuất", body)
    assert "Hộ nghèo, hộ cận nghèo có đất sản xuất nông nghiệp được hỗ trợ mua giống cây trồng." in said, said
    assert "Mức hỗ trợ mua giống cây trồng là 100% chi phí mua giống, tối đa 5.000.000 đồng/hộ/năm." in said
    assert "Điều kiện để được hỗ trợ mua giống cây trồng là có đơn đăng ký và cam kết sử dụng giống đúng mục đích." in said
    assert not any(s.lower().startswith(("đối tượng:", "mức hỗ trợ:", "điều kiện:")) for s in said)
    assert not any("mức hỗ trợ:" in s for s in script("Về việc quy định chính sách hỗ trợ phát triển sản xuất", body))


def test_a_row_with_its_own_holder_and_verb_is_not_glued_to_a_level_label() -> None:
    """ "Mức miễn, giảm học phí như sau:" + "a) Học sinh thuộc hộ nghèo được miễn 100% học phí;" was said "Mức miễn, giảm
    học phí học sinh thuộc hộ nghèo được miễn 100% học phí.": the label glued before the rule's own subject."""
    body = """Điều 1. Miễn, giảm học phí
1. Mức miễn, giảm học phí như sau:
a) Học sinh thuộc hộ nghèo được miễn 100% học phí;
b) Học sinh thuộc hộ cận nghèo được giảm 70% học phí.
"""
    said = units("Về việc quy định mức miễn, giảm học phí", body)
    assert "Học sinh thuộc hộ nghèo được miễn 100% học phí." in said, said
    assert not any(s.startswith("Mức miễn, giảm học phí học sinh") for s in said)

"""A list row that only names a group is said with its lead's predicate or not at all (scripts/bare_rows.py); made-up
texts."""

from scripts.bare_rows import noun_row, uncoloned_lead
from scripts.legal import parse
from scripts.selection import Candidate, Source, parallel_points
from tests.scripts.made_up import script, units

SUBJECT = "Về chính sách học phí trên địa bàn tỉnh An Bình"


def test_a_staff_word_about_a_parent_does_not_refuse_the_row() -> None:
    said = units(
        SUBJECT,
        """Điều 1. Giảm học phí
1. Các đối tượng sau được giảm 50% học phí:
a) Học sinh có cha mẹ thuộc hộ cận nghèo;
b) Học sinh là con của cán bộ bị tai nạn lao động.
""",
    )
    assert "Học sinh là con của cán bộ bị tai nạn lao động được giảm 50% học phí." in said
    assert "Học sinh có cha mẹ thuộc hộ cận nghèo được giảm 50% học phí." in said


def test_a_refused_row_is_never_said_bare() -> None:
    body = """Điều 1. Hỗ trợ
1. Các đối tượng sau được hỗ trợ 500.000 đồng/người:
a) Cán bộ, công chức cấp xã;
b) Người cao tuổi từ đủ 80 tuổi trở lên.
2. Các đối tượng sau được miễn học phí:
a) Học sinh là con của người có công; khuyết tật;
b) Học sinh mồ côi cả cha và mẹ.
"""
    said = units(SUBJECT, body)
    assert "Người cao tuổi từ đủ 80 tuổi trở lên được hỗ trợ 500.000 đồng/người." in said
    assert "Học sinh mồ côi cả cha và mẹ được miễn học phí." in said
    assert not any(noun_row(s) for s in said), said
    drafted = script(SUBJECT, body)
    assert not any("công chức cấp xã" in s or "khuyết tật" in s for s in drafted), drafted


def test_a_lead_without_its_colon_leads_its_points_and_is_not_said_alone() -> None:
    body = """Điều 1. Miễn học phí
1. Các đối tượng sau được miễn học phí
a) Học sinh là con của người có công với cách mạng;
b) Học sinh khuyết tật.
"""
    said = units(SUBJECT, body)
    assert "Học sinh là con của người có công với cách mạng được miễn học phí." in said
    assert "Học sinh khuyết tật được miễn học phí." in said
    assert not any(s.startswith("Các đối tượng sau") for s in said), said
    assert not any(s.rstrip(".").endswith("cách mạng") for s in script(SUBJECT, body))


def test_a_lead_whose_subject_is_its_list_gives_each_group_its_predicate() -> None:
    said = units(
        SUBJECT,
        """Điều 1. Miễn học phí
1. Những học sinh sau đây được miễn học phí:
a) Học sinh là con của người có công;
b) Học sinh khuyết tật.
2. Các đối tượng sau được miễn học phí:
a) Học sinh khuyết tật nặng được miễn 100% học phí;
b) Học sinh có cha là công chức.
""",
    )
    assert "Học sinh là con của người có công được miễn học phí." in said
    assert "Học sinh khuyết tật được miễn học phí." in said
    assert "Học sinh khuyết tật nặng được miễn 100% học phí." in said
    assert not any("sau đây được miễn học phí học sinh" in s or "sau được miễn học phí học sinh" in s for s in said), said


def test_a_bare_group_is_never_glued_to_a_siblings_right() -> None:
    whole = "a) Học sinh có cha mẹ thuộc hộ cận nghèo; b) Học sinh là con của cán bộ bị tai nạn lao động."

    def cand(point: str, text: str, quote: str) -> Candidate:
        return Candidate(text, Source("1", "1", point, quote), 1.0)

    pool = [
        cand("a", "Học sinh có cha mẹ thuộc hộ cận nghèo được giảm 50% học phí.", "Học sinh có cha mẹ thuộc hộ cận nghèo;"),
        cand("b", "Học sinh là con của cán bộ bị tai nạn lao động.", "Học sinh là con của cán bộ bị tai nạn lao động."),
    ]
    assert parallel_points(pool, whole) == []
    assert parallel_points(pool[::-1], whole) == []


def test_what_is_a_bare_row_and_a_lead_missing_its_colon() -> None:
    assert noun_row("Học sinh là con của cán bộ bị tai nạn lao động;")
    assert noun_row("Trẻ em có cha mẹ thuộc hộ nghèo")
    assert not noun_row("Học sinh khuyết tật được miễn học phí.")
    assert not noun_row("Đốt rừng trái phép;")
    assert uncoloned_lead("Các đối tượng sau được miễn học phí")
    assert uncoloned_lead("Mức hỗ trợ như sau.")
    assert not uncoloned_lead("Các đối tượng sau được miễn học phí: học sinh khuyết tật.")
    assert not uncoloned_lead("Sau khi được hỗ trợ, các hộ phải báo cáo.")


def test_a_group_under_a_lead_that_gives_nothing_is_not_said() -> None:
    said = units(
        SUBJECT,
        """Điều 1. Đối tượng
1. Các đối tượng sau đây:
a) Học sinh là con của người có công;
b) Trẻ em mồ côi.
""",
    )
    assert not any("con của người có công" in s or "mồ côi" in s for s in said), said


FEE_WITH_A_HOLDER = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH

Số: 15/2027/QĐ-UBND

QUYẾT ĐỊNH
Quy định mức thu phí vệ sinh trên địa bàn tỉnh

Điều 1. Mức thu
1. Hộ gia đình nộp phí vệ sinh 20.000 đồng/tháng.
2. Người dân chưa đăng ký thường trú tại xã thực hiện như sau:
a) Nộp phí vệ sinh theo số ngày thực tế cư trú;
b) Không phải nộp phí vệ sinh nếu ở dưới 30 ngày.
Điều 2. Hiệu lực thi hành
Quyết định này có hiệu lực từ ngày 01 tháng 5 năm 2027.
"""


def test_an_item_opening_on_its_modal_is_never_said_without_the_holder_its_lead_names() -> None:
    from scripts.choice import build_pool

    texts = [c.text for c in build_pool(parse(FEE_WITH_A_HOLDER))]
    assert not any(t.startswith("Không phải nộp phí") for t in texts), "alone, an exemption for everyone"
    assert any(t.startswith("Người dân chưa đăng ký thường trú") and "số ngày thực tế cư trú" in t for t in texts), texts


def test_a_row_under_a_lead_narrowed_by_its_reference_is_not_said_for_everyone() -> None:
    """Under "Mức hỗ trợ đối với đối tượng quy định tại khoản 2 Điều 1 Quyết định này như sau:", the row "Người từ đủ 16
    tuổi trở lên: 350.000 đồng/người/tháng." was the headline: every adult heard they get 350.000 đồng a month."""
    body = """Điều 1. Đối tượng áp dụng
1. Người cao tuổi từ đủ 75 tuổi trở lên thuộc hộ cận nghèo.
2. Người khuyết tật nặng không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng.
Điều 2. Mức hỗ trợ
1. Mức hỗ trợ đối với đối tượng quy định tại khoản 2 Điều 1 Quyết định này như sau:
a) Người dưới 16 tuổi: 400.000 đồng/người/tháng;
b) Người từ đủ 16 tuổi trở lên: 350.000 đồng/người/tháng.
"""
    said = script("Về việc hỗ trợ người khuyết tật", body)
    assert not any(s.lower().startswith(("người dưới 16 tuổi", "người từ đủ 16")) for s in said), said
    assert not any("người từ đủ 16 tuổi trở lên: 350.000" in s for s in said), said


def test_a_row_under_a_lead_aimed_at_its_own_group_is_still_said() -> None:
    """ "Mức giá dịch vụ thu gom rác thải sinh hoạt đối với hộ gia đình như sau:" + "a) Hộ gia đình tại phường: 30.000
    đồng/hộ/tháng;": the row says its group; refusing the bare row must not refuse the row said with its lead."""
    body = """Điều 1. Mức giá
1. Mức giá dịch vụ thu gom rác thải sinh hoạt đối với hộ gia đình như sau:
a) Hộ gia đình tại phường: 30.000 đồng/hộ/tháng;
b) Hộ gia đình tại xã: 20.000 đồng/hộ/tháng.
"""
    said = units("Về việc quy định giá dịch vụ thu gom rác thải sinh hoạt", body)
    assert any("hộ gia đình tại phường" in s and "30.000 đồng/hộ/tháng" in s for s in said), said

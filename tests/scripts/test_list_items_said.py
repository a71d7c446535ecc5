"""List items said whole and true: the benefit their own lead names, the papers a file holds, a law named only as a
source dropped, siblings with a fronted case never glued at half a noun phrase; made-up texts."""

from scripts.bare_rows import fronted
from scripts.choice import build_pool
from scripts.sentences import strip_noise
from tests.scripts.made_up import decision, script, units

FEES = "Quy định hỗ trợ học phí và tiền ăn trưa cho học sinh trên địa bàn tỉnh An Bình"


def test_a_member_gets_the_benefit_its_own_article_names_not_the_documents() -> None:
    body = """Điều 1. Đối tượng được miễn học phí
Đối tượng được miễn học phí gồm:
a) Học sinh mầm non là con của hộ nghèo;
b) Học sinh trung học cơ sở có cha mẹ thường trú tại xã vùng ba.
"""
    pool = [c.text for c in build_pool(decision(FEES, body))]
    assert "Học sinh mầm non là con của hộ nghèo được miễn học phí." in pool
    assert not any("được hỗ trợ học phí" in t for t in pool), pool  # the title's "hỗ trợ" is not this article's waiver


def test_a_files_papers_are_said_with_the_file_and_a_law_named_as_source_goes() -> None:
    said = units(
        FEES,
        """Điều 3. Hồ sơ
Hồ sơ đề nghị hỗ trợ tiền ăn trưa gồm:
a) Đơn đề nghị của cha mẹ học sinh;
b) Bản sao giấy khai sinh của học sinh.
""",
    )
    # each paper is needed: "gồm" one of them, said alone, would be heard as the whole file
    assert "Hồ sơ đề nghị hỗ trợ tiền ăn trưa cần có đơn đề nghị của cha mẹ học sinh." in said
    assert "Hồ sơ đề nghị hỗ trợ tiền ăn trưa cần có bản sao giấy khai sinh của học sinh." in said
    assert strip_noise("Nghệ nhân ưu tú theo quy định của Luật Di sản văn hóa.") == "Nghệ nhân ưu tú."
    assert strip_noise("Học sinh là người dân tộc rất ít người theo quy định của Chính phủ.") == (
        "Học sinh là người dân tộc rất ít người."
    )
    kept = "Mức lương cơ sở thực hiện theo quy định của Chính phủ."  # the verb it completes keeps it
    assert strip_noise(kept) == kept
    kept = "Người khuyết tật theo quy định của Luật Người khuyết tật được hỗ trợ."
    assert strip_noise(kept) == kept  # the rule's own verb is never taken for a law's name


def test_siblings_opening_with_a_case_or_an_exception_are_never_glued_at_half_a_noun_phrase() -> None:
    drafted = " ".join(
        script(
            FEES,
            """Điều 2. Tiền ăn trưa
1. Trẻ em mẫu giáo được hỗ trợ tiền ăn trưa với mức như sau:
a) Trẻ em thuộc hộ nghèo: 160.000 đồng/trẻ/tháng;
b) Trẻ em thuộc hộ cận nghèo: 120.000 đồng/trẻ/tháng.
2. Không áp dụng mức hỗ trợ quy định tại khoản 1 Điều này đối với:
a) Trẻ em đang hưởng chế độ nội trú;
b) Trẻ em đang được nuôi dưỡng tại cơ sở trợ giúp xã hội.
""",
        )
    )
    assert "; cận nghèo" not in drafted and "; được nuôi dưỡng" not in drafted, drafted
    assert fronted("Trường hợp trẻ em thuộc hộ nghèo, trẻ em …".split(), 5)
    assert not fronted("Trường hợp trẻ em thuộc hộ nghèo, trẻ em …".split(), 7)  # the whole case shared
    assert not fronted("Người đủ 16 tuổi trở lên được …".split(), 1)


def test_the_conditions_of_a_right_are_said_as_what_its_holder_must_have() -> None:
    said = units(
        FEES,
        """Điều 7. Điều kiện vay vốn
Hộ gia đình được vay vốn ưu đãi khi có đủ các điều kiện sau:
a) Có hộ khẩu thường trú tại xã;
b) Có phương án sản xuất kinh doanh khả thi.
""",
    )
    assert "Để được vay vốn ưu đãi, hộ gia đình phải có hộ khẩu thường trú tại xã." in said
    assert "Hộ gia đình có hộ khẩu thường trú tại xã." not in said  # a condition, never a fact about every household


def test_siblings_sharing_a_groups_first_word_are_never_glued_at_its_modifier() -> None:
    drafted = " ".join(
        script(
            FEES,
            """Điều 9. Hỗ trợ sửa chữa nhà ở
Mức hỗ trợ đối với hộ có nhà ở bị hư hỏng nặng do thiên tai như sau:
a) Hộ nghèo: 30.000.000 đồng/hộ;
b) Hộ khác: 20.000.000 đồng/hộ.
""",
        )
    )
    assert "; khác được" not in drafted, drafted
    assert "hộ khác được hỗ trợ 20.000.000 đồng/hộ" in drafted, drafted


def test_a_rate_for_a_narrower_group_is_said_with_the_group_narrowed() -> None:
    said = units(
        FEES,
        """Điều 2. Tiền ăn trưa
Trẻ em mẫu giáo được hỗ trợ tiền ăn trưa với mức như sau:
a) Trẻ em thuộc hộ nghèo: 160.000 đồng/trẻ/tháng;
b) Người khuyết tật: 100.000 đồng/người/tháng.
""",
    )
    assert "Trẻ em mẫu giáo thuộc hộ nghèo được hỗ trợ tiền ăn trưa 160.000 đồng/trẻ/tháng." in said
    assert not any(s.startswith("Người khuyết tật") for s in said), said  # another group, never the holder's

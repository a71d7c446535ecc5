"""A support resolution's groups: named in an "Đối tượng áp dụng" list, given their amounts by reference (made-up text)."""

from __future__ import annotations

from tests.scripts.made_up import script

SUBJECT = "Quy định mức hỗ trợ đóng bảo hiểm y tế cho một số đối tượng trên địa bàn tỉnh An Bình"
GROUPS = """Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng
1. Phạm vi điều chỉnh: Quyết định này quy định mức hỗ trợ đóng bảo hiểm y tế cho một số đối tượng trên địa bàn tỉnh.
2. Đối tượng áp dụng:
a) Người thuộc hộ cận nghèo;
b) Học sinh, sinh viên;
c) Người từ đủ 70 tuổi đến dưới 80 tuổi.
"""


def test_a_reference_to_two_points_says_both_groups() -> None:
    """ "… cho đối tượng quy định tại điểm b và điểm c khoản 2 Điều 1" was read for one point only, or not at all:
    the 20% went unsaid, or to no one."""
    body = GROUPS + (
        "Điều 2. Mức hỗ trợ\n"
        "1. Hỗ trợ 20% mức đóng bảo hiểm y tế cho đối tượng quy định tại điểm b và điểm c khoản 2 Điều 1 Quyết định này.\n"
    )
    said = script(SUBJECT, body)
    assert any("Học sinh, sinh viên và người từ đủ 70 tuổi đến dưới 80 tuổi được hỗ trợ 20%" in s for s in said), said


def test_the_points_of_a_scope_label_are_not_said_after_it() -> None:
    """ "2. Đối tượng áp dụng:" + "c) Người từ đủ 70 tuổi …" was said "Đối tượng áp dụng người từ đủ 70 tuổi …":
    a label run into a group, no sentence."""
    said = script(SUBJECT, GROUPS)
    assert not any(s.startswith(("Đối tượng áp dụng", "Phạm vi điều chỉnh")) for s in said), said


def test_an_aside_on_the_giving_is_said_after_what_is_given() -> None:
    """ "Hỗ trợ 30% … cho [người thuộc hộ cận nghèo], ngoài mức hỗ trợ của ngân sách trung ương" was turned into
    "Người thuộc hộ cận nghèo, ngoài mức hỗ trợ …, được hỗ trợ 30% …": the aside cut the group from its verb."""
    body = GROUPS + (
        "Điều 2. Mức hỗ trợ\n1. Hỗ trợ 30% mức đóng bảo hiểm y tế cho đối tượng quy định tại điểm a khoản 2 Điều 1 "
        "Quyết định này, ngoài mức hỗ trợ của ngân sách trung ương.\n"
    )
    said = script(SUBJECT, body)
    expected = "người thuộc hộ cận nghèo được hỗ trợ 30% mức đóng bảo hiểm y tế, ngoài mức hỗ trợ của ngân sách trung ương."
    assert any(s.lower().endswith(expected) for s in said), said


def test_a_listed_group_is_said_with_what_the_title_gives_it() -> None:
    """An "Đối tượng áp dụng" item was said "Học sinh, sinh viên được hỗ trợ.": supported with what? The title says."""
    said = script(
        SUBJECT, GROUPS.replace("b) Học sinh, sinh viên;", "b) Học sinh, sinh viên đang học tại các trường trên địa bàn tỉnh;")
    )
    assert not any(s.endswith("được hỗ trợ.") for s in said), said
    assert any("được hỗ trợ đóng bảo hiểm y tế." in s for s in said), said

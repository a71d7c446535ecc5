"""A rule under a long double condition ("Trường hợp S A mà B thì được R"): the rule with its holder, said only with
its conditions, then each condition word for word (made-up provisions)."""

from __future__ import annotations

from scripts.draft import Sentence, Source
from scripts.follow_ons import whole
from scripts.listener import check
from scripts.long_conditions import conditions
from scripts.sentences import listenable, split_units

FERRY = (
    "Trường hợp chủ đò ngang, chủ thuyền chở khách tự kê khai số chuyến chở khách trong năm từ 300 chuyến trở xuống "
    "mà đã nộp lệ phí đăng ký phương tiện thủy nội địa cho Ủy ban nhân dân xã theo Nghị quyết số 15/2026/NQ-HĐND "
    "thì được hoàn lại số lệ phí đã nộp."
)


def _heard(text: str) -> bool:
    return True


def test_the_rule_is_said_with_its_holder_and_only_with_its_conditions() -> None:
    said = split_units(FERRY)
    assert said == [
        "Chủ đò ngang, chủ thuyền chở khách được hoàn lại số lệ phí đã nộp khi có đủ hai điều kiện.",
        "Điều kiện thứ nhất là tự kê khai số chuyến chở khách trong năm từ 300 chuyến trở xuống.",
        "Điều kiện thứ hai là đã nộp lệ phí đăng ký phương tiện thủy nội địa cho Ủy ban nhân dân xã "
        "theo Nghị quyết số 15/2026/NQ-HĐND.",
    ]
    assert all(listenable(s) and not check(s) for s in said)


def test_a_nested_condition_or_an_exception_keeps_the_provision_whole() -> None:
    nested = FERRY.replace("mà đã nộp", "mà nếu đã nộp")
    assert conditions(nested.rstrip("."), 38, _heard) == []
    excepted = FERRY.replace("số lệ phí đã nộp.", "số lệ phí đã nộp, trừ phí thẩm định.")
    assert conditions(excepted.rstrip("."), 38, _heard) == []


def test_a_time_is_no_holder_and_a_rule_with_its_own_subject_is_not_cut() -> None:
    timed = FERRY.replace("chủ đò ngang, chủ thuyền chở khách tự kê khai", "trong thời gian chủ đò tự kê khai")
    assert conditions(timed.rstrip("."), 38, _heard) == []  # "Trong thời gian chủ đò được hoàn lại …" has no holder
    own = FERRY.replace("thì được hoàn lại", "thì Ủy ban nhân dân xã hoàn lại")
    assert conditions(own.rstrip("."), 38, _heard) == []


def test_the_conditions_follow_their_rule_and_the_rule_never_goes_without_them() -> None:
    ferry, other = Source("3", "2", None, FERRY), Source("4", "1", None, "Chủ đò phải có áo phao cho khách.")
    rule, first, second = (Sentence(s, ferry) for s in split_units(FERRY))
    vests = Sentence("Chủ đò phải có áo phao cho khách.", other)
    assert whole([rule, first, second, vests]) == [rule, first, second, vests]
    assert whole([rule, vests, first, second]) == [vests]  # apart, neither is said
    assert whole([rule, first, vests]) == [vests]  # "… khi có đủ hai điều kiện." with one condition: not said
    assert whole([rule, vests]) == [vests]  # "… khi có đủ hai điều kiện." with none said: not said


def test_a_holder_said_first_and_a_condition_after_nếu_are_conditions_too() -> None:
    bare = (
        "Người lái đò ngang có giấy chứng nhận khả năng chuyên môn do Sở Xây dựng cấp trước ngày 01 tháng 7 năm 2026 "
        "mà chưa đủ 12 tháng hành nghề, nếu không vi phạm quy định về an toàn đường thủy nội địa, "
        "thì được tiếp tục chở khách đến hết ngày 31 tháng 12 năm 2026."
    )
    assert conditions(bare.rstrip("."), 38, _heard) == [
        "Người lái đò ngang được tiếp tục chở khách đến hết ngày 31 tháng 12 năm 2026 khi có đủ ba điều kiện",
        "Điều kiện thứ nhất là có giấy chứng nhận khả năng chuyên môn do Sở Xây dựng cấp trước ngày 01 tháng 7 năm 2026",
        "Điều kiện thứ hai là chưa đủ 12 tháng hành nghề",
        "Điều kiện thứ ba là không vi phạm quy định về an toàn đường thủy nội địa",
    ]
    lower = bare[:1].lower() + bare[1:]
    assert conditions(lower.rstrip("."), 38, _heard) == []  # a continuation of a lead line: its holder is elsewhere


def test_the_holder_is_never_cut_inside_người_có_công() -> None:
    pupils = (
        "Trường hợp con của người có công với cách mạng đang học tại cơ sở giáo dục nghề nghiệp mà chưa được hưởng chế độ "
        "ưu đãi giáo dục theo Nghị định số 131/2026/NĐ-CP thì được hỗ trợ 500.000 đồng mỗi tháng."
    )
    said = conditions(pupils.rstrip("."), 38, _heard)
    assert said[:2] == [  # before: "Con của người được hỗ trợ …" + "Điều kiện thứ nhất là có công với cách mạng đang học …"
        "Con của người có công với cách mạng được hỗ trợ 500.000 đồng mỗi tháng khi có đủ hai điều kiện",
        "Điều kiện thứ nhất là đang học tại cơ sở giáo dục nghề nghiệp",
    ]
    no_other_cut = pupils.replace(" đang học tại cơ sở giáo dục nghề nghiệp", "")
    assert conditions(no_other_cut.rstrip("."), 38, _heard) == []  # "con của người" alone is nobody: refused

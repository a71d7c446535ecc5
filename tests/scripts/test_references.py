"""Who a reference means, and when a sentence already said makes another redundant (made-up text)."""

from __future__ import annotations

from scripts.legal import parse
from scripts.references import who_is_meant
from scripts.selection import overlap

RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
TỈNH BÌNH AN
Số: 07/2026/NQ-HĐND
NGHỊ QUYẾT
Quy định mức hỗ trợ cho nhân viên y tế thôn bản
Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng
1. Phạm vi điều chỉnh
Nghị quyết này quy định mức hỗ trợ hằng tháng cho nhân viên y tế thôn bản.
2. Đối tượng áp dụng
a) Nhân viên y tế thôn bản đang làm việc tại thôn, bản thuộc xã khu vực III, xã biên giới, xã đảo đã được Ủy ban nhân dân xã công nhận theo quy định.
b) Cô đỡ thôn bản đã qua đào tạo.
Điều 2. Mức hỗ trợ
1. Đối tượng nhân viên y tế quy tại điểm a khoản 2 Điều 1 Nghị quyết này được hỗ trợ 1.200.000 đồng/người/tháng.
"""


def test_a_group_named_by_reference_is_said_whole_even_when_the_reference_is_misspelt() -> None:
    doc = parse(RESOLUTION)
    line = "Đối tượng nhân viên y tế quy tại điểm a khoản 2 Điều 1 Nghị quyết này được hỗ trợ 1.200.000 đồng/người/tháng."
    said = who_is_meant(line, doc)
    assert said.startswith("Nhân viên y tế thôn bản đang làm việc tại thôn, bản thuộc xã khu vực III, xã biên giới"), said
    assert "xã đảo được hỗ trợ 1.200.000 đồng" in said  # 22 words: the whole group, with its last member


def test_a_group_is_never_narrowed_by_cutting_the_last_member_of_its_list() -> None:
    long_list = RESOLUTION.replace(
        "thuộc xã khu vực III, xã biên giới, xã đảo",
        "thuộc xã khu vực III của vùng đồng bào dân tộc thiểu số và miền núi của tỉnh Bình An theo danh sách năm 2026, xã đảo",
    )
    line = "Đối tượng nhân viên y tế quy định tại điểm a khoản 2 Điều 1 Nghị quyết này được hỗ trợ 1.200.000 đồng/người/tháng."
    assert who_is_meant(line, parse(long_list)) == line  # too long to say whole: left for the drafter to drop, not cut


def test_a_sentence_with_its_own_figure_is_never_redundant_to_a_shorter_one_without() -> None:
    condition = "Nhân viên y tế được hỗ trợ phải đang làm việc tại thôn, bản thuộc xã khu vực III."
    amount = "Nhân viên y tế đang làm việc tại thôn, bản thuộc xã khu vực III được hỗ trợ 1.200.000 đồng mỗi tháng."
    assert overlap(amount, condition) == 0.0  # the amount is a fact of its own
    assert overlap(condition, amount) > 0.7  # the condition adds nothing the amount sentence does not say
    by_number = "Nhân viên y tế thôn bản theo Nghị quyết số 07/2026/NQ-HĐND được hỗ trợ hằng tháng."
    assert overlap(by_number, "Nhân viên y tế thôn bản được hỗ trợ hằng tháng.") > 0.7  # a document's number is no fact


def test_a_group_is_never_said_from_a_negation_nor_cut_at_a_comma() -> None:
    not_yet = RESOLUTION.replace(
        "a) Nhân viên y tế thôn bản đang làm việc tại thôn, bản thuộc xã khu vực III, xã biên giới, xã đảo đã được",
        "a) Nhân viên y tế thôn bản chưa được hưởng phụ cấp hằng tháng và đã được",
    )
    line = "Đối tượng nhân viên y tế quy định tại điểm a khoản 2 Điều 1 Nghị quyết này được hỗ trợ 1.200.000 đồng/người/tháng."
    assert who_is_meant(line, parse(not_yet)) == line  # never "Nhân viên y tế thôn bản chưa được hỗ trợ 1.200.000 đồng"
    island = RESOLUTION.replace(
        "xã biên giới, xã đảo đã được", "xã biên giới, xã đảo thuộc huyện đảo Cô Tô của tỉnh Bình An đã được"
    )
    assert who_is_meant(line, parse(island)) == line  # never "… tại thôn được hỗ trợ …": every village health worker


def test_a_negated_sentence_is_never_redundant_to_the_rule_it_excepts() -> None:
    exception = "Hộ nghèo không được hỗ trợ tiền điện nếu đã nhận hỗ trợ nhà ở."
    assert overlap(exception, "Hộ nghèo được hỗ trợ tiền điện.") == 0.0
    assert overlap("Hộ nghèo được hỗ trợ tiền điện.", exception) > 0.7  # the rule itself is said by the exception's words

"""Shares ranked by order within a group ("người thứ nhất …; người thứ hai …; từ người thứ năm trở đi …") are each said
with the group their order counts in, or not split (made-up provisions)."""

from __future__ import annotations

from scripts.listener import check
from scripts.ranked import ranked
from scripts.sentences import listenable, split_units

HOUSEHOLD = (
    "Người tham gia bảo hiểm y tế theo hình thức hộ gia đình đóng theo phương thức giảm dần như sau: người thứ nhất đóng "
    "tối đa bằng 6% mức tham chiếu; người thứ hai, thứ ba, thứ tư đóng lần lượt bằng 70%, 60%, 50% mức đóng của người "
    "thứ nhất; từ người thứ năm trở đi đóng bằng 40% mức đóng của người thứ nhất."
)
GROUP = "Đối với người tham gia bảo hiểm y tế theo hình thức hộ gia đình, "


def test_each_ranked_share_is_said_with_its_group_and_its_base() -> None:
    said = split_units(HOUSEHOLD)
    assert said == [
        GROUP + "người thứ nhất đóng tối đa bằng 6% mức tham chiếu.",
        GROUP + "người thứ hai, thứ ba, thứ tư đóng lần lượt bằng 70%, 60%, 50% mức đóng của người thứ nhất.",
        GROUP + "từ người thứ năm trở đi đóng bằng 40% mức đóng của người thứ nhất.",
    ]  # never "Người thứ hai, thứ ba, thứ tư đóng …": whose second person?
    assert all(listenable(s) and not check(s) for s in said)


def test_a_part_that_is_no_ranked_share_keeps_the_provision_as_it_was() -> None:
    pieces = HOUSEHOLD.rstrip(".").split("; ")
    exempt = [*pieces[:2], "hộ nghèo được miễn đóng"]  # a group of its own, not an order in the household
    assert ranked(exempt) == exempt
    conditioned = ["Trường hợp cả hộ cùng tham gia thì đóng như sau: người thứ nhất đóng 6% mức tham chiếu", *pieces[1:]]
    assert ranked(conditioned) == conditioned  # the group would be a condition, not who pays
    other_verb = [pieces[0], "người thứ hai được giảm 30% mức đóng của người thứ nhất"]
    assert ranked(other_verb) == other_verb

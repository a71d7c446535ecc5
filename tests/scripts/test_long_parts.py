"""A long provision of semicolon-joined parts whose first part is a whole rule with a figure: that rule said alone,
never when a dropped part qualifies it (made-up provisions)."""

from __future__ import annotations

from scripts.long_parts import first_standing
from scripts.sentences import CLAUSE_BOUNDARY, listenable, split_units

BOATS = (
    "Giấy phép loại B cấp cho người lái thuyền máy chở khách có sức chở trên 12 người đến 30 người trên sông, hồ của xã; "
    "các loại thuyền máy chở hàng quy định cho giấy phép loại A có trọng tải toàn phần đến 5 tấn; "
    "các loại thuyền quy định cho giấy phép loại A."
)


def _pieces(text: str) -> list[str]:
    return CLAUSE_BOUNDARY.split(text.rstrip("."))


def test_the_first_part_is_said_alone_with_its_figures() -> None:
    assert split_units(BOATS) == [
        "Giấy phép loại B cấp cho người lái thuyền máy chở khách có sức chở trên 12 người đến 30 người trên sông, hồ của xã."
    ]
    assert listenable(split_units(BOATS)[0])  # before: "… trên sông.", cut inside "sông, hồ của xã"


def test_an_exception_in_a_dropped_part_keeps_the_rule_unsaid() -> None:
    excepted = BOATS.replace("các loại thuyền quy định", "trừ các loại thuyền quy định")
    assert first_standing(_pieces(excepted), 38) == []
    with_case = BOATS.replace("các loại thuyền quy định", "trường hợp chở khách ban đêm thì phải có các loại thuyền quy định")
    assert first_standing(_pieces(with_case), 38) == []


def test_a_banned_act_of_a_list_is_no_rule_of_its_own() -> None:
    banned = (
        "Không chở quá 12 người trên mỗi thuyền máy chở khách qua sông trong mùa mưa lũ; "
        "không neo đậu thuyền tại các bến chưa được Ủy ban nhân dân xã cho phép; không chở hàng cồng kềnh."
    )
    assert first_standing(_pieces(banned), 38) == []  # the negation governs every part: no holder said


def test_a_part_without_a_figure_is_not_worth_saying_alone() -> None:
    plain = BOATS.replace("trên 12 người đến 30 người", "đông người").replace("đến 5 tấn", "lớn")
    assert first_standing(_pieces(plain), 38) == []

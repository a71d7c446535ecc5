"""A long provision of semicolon-joined parts whose first part is a whole rule with a figure: that rule said alone,
never when a dropped part qualifies it (made-up provisions)."""

from __future__ import annotations

from scripts.long_parts import first_standing
from scripts.sentences import CLAUSE_BOUNDARY, listenable, shorten, split_units

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


FERRY_FEE = (
    "Chủ phương tiện thủy nội địa chở khách qua sông phải nộp phí sử dụng bến đò ngang của xã 200.000 đồng/phương tiện/năm; "
    "phương tiện của người khuyết tật, hộ nghèo, hộ cận nghèo, hộ gia đình có công với cách mạng được miễn; "
    "phương tiện chở học sinh đi học thu 100.000 đồng/phương tiện/năm."
)


def test_a_later_part_with_a_rule_of_its_own_keeps_the_first_unsaid() -> None:
    # before: "Chủ phương tiện … phải nộp phí … 200.000 đồng/phương tiện/năm." — the poor told they must pay
    assert first_standing(_pieces(FERRY_FEE), 38) == []
    assert not any("phải nộp" in s for s in split_units(FERRY_FEE))
    own_fee = FERRY_FEE.replace("được miễn", "đã đăng ký tại xã")
    assert first_standing(_pieces(own_fee), 38) == []  # "… thu 100.000 đồng": a fee of their own, not the first part's


def test_shorten_never_cuts_a_provision_joined_by_semicolons() -> None:
    excepted = BOATS.replace("các loại thuyền quy định", "trừ các loại thuyền quy định")
    # before: "Giấy phép loại B cấp cho … trên sông." — the exception dropped, "sông, hồ của xã" cut in half
    assert split_units(excepted) == []
    assert shorten(excepted.rstrip(".")) is None


def test_shorten_never_cuts_a_list_of_places_in_a_semicolon_provision() -> None:
    plain = BOATS.replace("trên 12 người đến 30 người", "đông người").replace("đến 5 tấn", "lớn")
    assert first_standing(_pieces(plain), 38) == []  # no figure: the first part is not said alone
    assert shorten(plain.rstrip(".")) is None  # before: "Giấy phép loại B cấp cho … đông người trên sông"

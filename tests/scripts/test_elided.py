"""A part after a semicolon that gives only another figure ("…; 07 ngày làm việc khi …") is said with the rule's words
before the figure, or the provision is not split there (made-up provisions)."""

from __future__ import annotations

from scripts.elided import restored
from scripts.sentences import shorten, split_units

FATHERS = (
    "Lao động nam đang đóng bảo hiểm xã hội khi vợ sinh con được nghỉ việc 05 ngày làm việc; 07 ngày làm việc khi vợ "
    "sinh con phải phẫu thuật; 10 ngày làm việc khi vợ sinh đôi."
)
SICK_CHILD = (
    "Người lao động nghỉ việc để chăm sóc con dưới 07 tuổi bị ốm đau được hưởng chế độ ốm đau tối đa 20 ngày làm việc "
    "trong một năm nếu con dưới 03 tuổi; tối đa 15 ngày làm việc trong một năm nếu con từ đủ 03 tuổi đến dưới 07 tuổi."
)
FUND = (
    "Số tiền đóng góp vào Quỹ được chia như sau: 60% để hỗ trợ thành viên khi bị thiệt hại do thiên tai, dịch bệnh; 30% "
    "để hỗ trợ vay vốn không lãi suất cho thành viên; 10% để chi cho hoạt động quản lý của Quỹ."
)
CAPPED = (
    "Thành viên bị thiệt hại do thiên tai được Quỹ hỗ trợ 70% giá trị thiệt hại đối với thiệt hại trên 70%; 50% giá trị "
    "thiệt hại đối với thiệt hại từ 30% đến 70%, nhưng mức hỗ trợ không quá 50.000.000 đồng cho mỗi hộ trong một năm."
)


def test_each_figure_after_a_semicolon_is_said_with_its_holder_and_case() -> None:
    assert split_units(FATHERS) == [
        "Lao động nam đang đóng bảo hiểm xã hội khi vợ sinh con được nghỉ việc 05 ngày làm việc.",
        "Lao động nam đang đóng bảo hiểm xã hội khi vợ sinh con được nghỉ việc 07 ngày làm việc khi vợ sinh con phải phẫu thuật.",
        "Lao động nam đang đóng bảo hiểm xã hội khi vợ sinh con được nghỉ việc 10 ngày làm việc khi vợ sinh đôi.",
    ]  # never "07 ngày làm việc khi vợ sinh con phải phẫu thuật.": whose days, of what?


def test_the_words_a_part_repeats_before_its_figure_are_not_said_twice() -> None:
    said = restored(SICK_CHILD.rstrip(".").split("; "))
    assert said[1] == (
        "Người lao động nghỉ việc để chăm sóc con dưới 07 tuổi bị ốm đau được hưởng chế độ ốm đau tối đa 15 ngày làm việc "
        "trong một năm nếu con từ đủ 03 tuổi đến dưới 07 tuổi"
    )  # the figure of the same kind ("ngày", not the child's "07 tuổi") ends the words said again


def test_shares_announced_by_a_lead_are_each_said_with_what_is_shared() -> None:
    assert split_units(FUND) == [
        "Số tiền đóng góp vào Quỹ được chia 60% để hỗ trợ thành viên khi bị thiệt hại do thiên tai, dịch bệnh.",
        "Số tiền đóng góp vào Quỹ được chia 30% để hỗ trợ vay vốn không lãi suất cho thành viên.",
        "Số tiền đóng góp vào Quỹ được chia 10% để chi cho hoạt động quản lý của Quỹ.",
    ]
    # shortened, a share never loses what it is for: not "Quỹ được chia như sau: 60%, dịch bệnh; 30% …"
    assert shorten(FUND.replace("Số tiền đóng góp vào ", "").rstrip(".")) is None


def test_a_cap_that_governs_every_share_keeps_the_provision_whole() -> None:
    pieces = CAPPED.rstrip(".").split("; ")
    assert restored(pieces) == ["; ".join(pieces)]
    assert not any(s.startswith("50%") for s in split_units(CAPPED))


def test_a_count_is_never_taken_for_the_holder_of_a_main_clause() -> None:
    """ "… khi vợ sinh đôi, từ sinh ba trở lên thì cứ thêm mỗi con được nghỉ thêm 03 ngày" was said "Tùy trường hợp, cứ
    thêm mỗi con được nghỉ thêm 03 ngày làm việc.": a child does not take leave, the father does."""
    from scripts.sentences import _main_clause

    long = (
        "Lao động nam đang đóng bảo hiểm xã hội được nghỉ việc hưởng chế độ thai sản 10 ngày làm việc khi vợ sinh đôi, "
        "từ sinh ba trở lên thì cứ thêm mỗi con được nghỉ thêm 03 ngày làm việc"
    )
    assert _main_clause(long, 30) is None


def test_words_a_lead_ends_on_are_never_said_twice() -> None:
    """ "… thanh toán trong phạm vi được hưởng như sau: được hưởng 100% …; được hưởng 95% …" would be heard "… trong
    phạm vi được hưởng được hưởng 95% …": the parts are predicates of the lead's subject, not figures left out."""
    pieces = [
        "Người có thẻ bảo hiểm y tế được quỹ thanh toán trong phạm vi được hưởng như sau: được hưởng 100% chi phí đối "
        "với trẻ em dưới 6 tuổi",
        "được hưởng 80% chi phí đối với các đối tượng khác",
    ]
    assert not any("được hưởng được hưởng" in s for s in restored(pieces))


def test_a_part_that_opens_with_a_figure_of_another_kind_is_left_as_it_was() -> None:
    """Joined back to the first part, a clause of its own made the provision too long to say, and both were lost."""
    pieces = [
        "Người nuôi ong được hỗ trợ 2.000.000 đồng cho mỗi đàn ong mới",
        "02 ngày trước khi nhận tiền, người nuôi ong phải nộp giấy xác nhận của thôn",
    ]
    assert restored(pieces) == pieces


def test_a_figure_that_opens_a_clause_of_its_own_takes_no_head() -> None:
    """ "…; 50% số tiền còn lại được chi trả cho hộ nghèo" is what the rest of the money is for, not what households pay:
    never "Hộ gia đình đóng góp vào Quỹ 50% số tiền còn lại được chi trả cho hộ nghèo"."""
    pieces = ["Hộ gia đình đóng góp vào Quỹ 1% tổng thu nhập của hộ", "50% số tiền còn lại được chi trả cho hộ nghèo"]
    assert restored(pieces) == pieces
    assert restored(FATHERS.rstrip(".").split("; "))[1].startswith("Lao động nam")  # a verb after "khi" is the case's

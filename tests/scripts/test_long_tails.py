"""A long rule with a tail that qualifies it ("…, trừ trường hợp …", "…; trong đó, …", "… nếu …"): the rule, then the
tail as its follow-on, word for word, chosen whole or not at all (made-up provisions)."""

from __future__ import annotations

from bench.figures import measure
from scripts.follow_ons import complete
from scripts.listener import check
from scripts.long_kinds import FOLLOW_ON
from scripts.long_tails import holder_apart, tails
from scripts.selection import candidates
from scripts.sentences import listenable, split_units
from tests.scripts.test_follow_ons import _doc

FERRY = (
    "Người lái đò ngang trên sông của xã phải mặc áo phao và có giấy chứng nhận khả năng chuyên môn do Sở Xây dựng "
    "cấp, trừ trường hợp chở khách trên đoạn sông có chiều rộng dưới 50 mét vào ban ngày."
)
BEES = (
    "Người nuôi ong lấy mật tại các xã miền núi được hỗ trợ một lần 2.000.000 đồng cho mỗi đàn ong mới nếu đã đăng ký "
    "nuôi với Ủy ban nhân dân xã trước ngày 30 tháng 6 năm 2027 và có cam kết duy trì đàn ong ít nhất ba năm liên tục."
)
WARDS = (
    "Mỗi tổ bảo vệ rừng của thôn, bản được hỗ trợ tối đa 50.000.000 đồng mỗi năm từ ngân sách tỉnh để tuần tra rừng; "
    "trong đó, người đi tuần được hỗ trợ 200.000 đồng mỗi ngày tuần tra và tổ trưởng được hỗ trợ thêm 300.000 đồng mỗi tháng."
)


def _heard(text: str) -> bool:
    return True


def test_an_exception_is_said_right_after_its_rule_never_dropped() -> None:
    said = split_units(FERRY)
    assert said == [
        "Người lái đò ngang trên sông của xã phải mặc áo phao và có giấy chứng nhận khả năng chuyên môn do Sở Xây dựng cấp.",
        "Trừ trường hợp chở khách trên đoạn sông có chiều rộng dưới 50 mét vào ban ngày.",
    ]
    assert all(listenable(s) and not check(s) for s in said)
    assert FOLLOW_ON.match(said[1]) and not FOLLOW_ON.match(said[0])


def test_a_condition_is_announced_by_the_rule_and_said_after_it() -> None:
    said = split_units(BEES)
    assert said == [
        "Người nuôi ong lấy mật tại các xã miền núi được hỗ trợ một lần 2.000.000 đồng cho mỗi đàn ong mới nếu đáp ứng "
        "một điều kiện.",
        "Điều kiện đó là đã đăng ký nuôi với Ủy ban nhân dân xã trước ngày 30 tháng 6 năm 2027 và có cam kết duy trì đàn "
        "ong ít nhất ba năm liên tục.",
    ]
    assert complete(said[0], said[1:]) and not complete(said[0], [])  # the rule never said without its condition


def test_a_breakdown_follows_the_total() -> None:
    said = split_units(WARDS)
    assert said == [
        "Mỗi tổ bảo vệ rừng của thôn, bản được hỗ trợ tối đa 50.000.000 đồng mỗi năm từ ngân sách tỉnh để tuần tra rừng.",
        "Trong đó, người đi tuần được hỗ trợ 200.000 đồng mỗi ngày tuần tra và tổ trưởng được hỗ trợ thêm 300.000 đồng "
        "mỗi tháng.",
    ]
    assert FOLLOW_ON.match(said[1])


def test_a_tail_that_is_a_rule_of_its_own_or_nested_keeps_the_provision_whole() -> None:
    assert tails(BEES.replace(" liên tục.", " liên tục thì được hỗ trợ thêm 500.000 đồng."), 38, _heard) == []
    assert tails("Trường hợp hộ nuôi ong ở xã miền núi thì " + BEES[0].lower() + BEES[1:], 60, _heard) == []
    two = FERRY.replace("vào ban ngày.", "vào ban ngày nếu trời không mưa.")
    assert tails(two, 38, _heard) == []  # an exception and a condition: which governs which, unsaid
    paper = (
        "Người lao động phải có xác nhận bằng văn bản của thủ trưởng cơ quan cử đi làm việc, trong đó ghi rõ thời gian "
        "được cử đi làm việc ở nước ngoài."
    )
    assert tails(paper, 38, _heard) == []  # "trong đó ghi rõ": what the paper says, no sentence of its own
    aside = FERRY.replace(" cấp, trừ", " cấp (nếu có), trừ")
    assert tails(aside, 38, _heard)  # "(nếu có)": an aside, no second tail


def test_the_rule_and_its_tail_are_one_candidate() -> None:
    doc = _doc(FERRY, BEES, WARDS)
    cands = {c.text: c for c in candidates(doc)}
    ferry = next(c for t, c in cands.items() if t.startswith("Người lái đò ngang trên sông"))
    assert ferry.follow == ("Trừ trường hợp chở khách trên đoạn sông có chiều rộng dưới 50 mét vào ban ngày.",)
    bees = next(c for t, c in cands.items() if t.startswith("Người nuôi ong"))
    assert len(bees.follow) == 1 and bees.follow[0].startswith("Điều kiện đó là")
    wards = next(c for t, c in cands.items() if t.startswith("Mỗi tổ bảo vệ rừng"))
    assert len(wards.follow) == 1 and wards.follow[0].startswith("Trong đó, người đi tuần")
    assert not any(FOLLOW_ON.match(t) for t in cands)  # never a candidate of its own


def test_the_figures_bench_hears_a_figure_said_in_a_follow_on() -> None:
    lost = [figure for _, figure, _, sentence, _ in measure(_doc(FERRY, BEES))[1] if sentence in (FERRY, BEES)]
    assert lost == []  # "50 mét", "30 tháng 6 năm 2027": said after their rule, not lost


CO_OP = (
    "Người lao động làm việc theo hợp đồng lao động từ đủ 12 tháng trở lên tại các hợp tác xã trên địa bàn các xã miền "
    "núi, biên giới của tỉnh được hỗ trợ 50% mức đóng bảo hiểm xã hội tự nguyện trong 24 tháng đầu tiên."
)


def test_a_long_holder_is_said_apart_then_what_they_get() -> None:
    said = split_units(CO_OP)
    assert said == [
        "Quy định này áp dụng cho người lao động làm việc theo hợp đồng lao động từ đủ 12 tháng trở lên tại các hợp tác xã "
        "trên địa bàn các xã miền núi, biên giới của tỉnh.",
        "Những người này được hỗ trợ 50% mức đóng bảo hiểm xã hội tự nguyện trong 24 tháng đầu tiên.",
    ]  # not "Người lao động làm việc, biên giới của tỉnh được hỗ trợ …": who qualifies, cut
    assert all(listenable(s) and not check(s) for s in said)
    assert complete(said[0], said[1:]) and not complete(said[0], [])
    doc = _doc(CO_OP, BEES)
    holder = next(c for c in candidates(doc) if c.text.startswith("Quy định này áp dụng cho người lao động"))
    assert holder.follow == (said[1],)


def test_a_holder_is_not_said_apart_where_the_cut_may_be_wrong() -> None:
    sent = CO_OP.replace("Người lao động làm việc", "Người lao động được cử đi làm việc")  # two "được": which ends it?
    assert holder_apart(sent, 38, _heard) == []
    case = CO_OP.replace("trong 24 tháng đầu tiên", "khi đóng đủ 24 tháng")  # a condition: whose, unsaid
    assert holder_apart(case, 38, _heard) == []
    office = CO_OP.replace("Người lao động làm việc", "Sở Nội vụ quản lý hồ sơ người lao động làm việc")
    assert holder_apart(office, 60, _heard) == []  # an office, not people the rule is for
    assert holder_apart(CO_OP, 60, _heard) == []  # within the limit: said whole


def test_a_rule_with_a_condition_of_its_own_is_not_said_to_hold_on_one_condition() -> None:
    loan = (
        "Hộ gia đình ở các thôn vùng lũ được vay vốn không quá 50.000.000 đồng chỉ khi có phương án sản xuất nếu được "
        "Ủy ban nhân dân xã xác nhận."
    )
    assert tails(loan, 38, _heard) == []  # "chỉ khi …" and "nếu …": "nếu đáp ứng một điều kiện" would drop one
    leave = (
        "Người lao động của hợp tác xã được nghỉ việc riêng, hưởng nguyên lương trong các trường hợp kết hôn nếu đã "
        "báo trước cho ban quản trị."
    )
    assert tails(leave, 38, _heard) == []


def test_a_condition_that_opens_with_la_is_said_without_la_twice() -> None:
    fee = "Hộ gia đình trên địa bàn xã được miễn phí thu gom rác thải trong năm đầu nếu là hộ nghèo, hộ cận nghèo."
    said = tails(fee, 38, _heard)
    assert said[1] == "Điều kiện đó là hộ nghèo, hộ cận nghèo"
    assert not any(" là là " in s for s in said)


def test_a_holder_said_apart_is_named_again_as_what_it_is() -> None:
    """Households are "những hộ này", not "những người này"; an owner or a business that may be an organisation is
    not said apart at all (holder_apart used to look only at the first word)."""
    households = CO_OP.replace("Người lao động làm việc theo hợp đồng lao động", "Hộ gia đình có người làm việc theo hợp đồng")
    assert holder_apart(households, 38, _heard)[1] == (
        "Những hộ này được hỗ trợ 50% mức đóng bảo hiểm xã hội tự nguyện trong 24 tháng đầu tiên"
    )
    assert holder_apart(CO_OP, 38, _heard)[1].startswith("Những người này được hỗ trợ")
    for owner in ("Chủ rừng là tổ chức có hợp đồng", "Chủ đầu tư dự án có hợp đồng", "Hộ kinh doanh có hợp đồng"):
        assert holder_apart(CO_OP.replace("Người lao động làm việc theo hợp đồng", owner), 38, _heard) == [], owner


SHARES = (
    "Mức đóng hằng tháng của người lao động làm việc theo hợp đồng lao động từ đủ 01 tháng trở lên bằng 4,5% tiền lương "
    "tháng, trong đó người sử dụng lao động đóng 2/3, người lao động đóng 1/3."
)
EXEMPT_SHARE = (
    "Hộ gia đình thành viên đóng góp vào Quỹ hằng năm bằng 1% tổng thu nhập của hộ, trong đó hộ gia đình thuộc hộ nghèo, "
    "hộ cận nghèo không phải đóng góp, hộ gia đình có mức sống trung bình đóng góp bằng 50% mức đóng góp của hộ gia đình "
    "khác; thời hạn đóng góp chậm nhất là ngày 31 tháng 12 hằng năm."
)


def test_who_pays_which_share_follows_the_total_never_dropped() -> None:
    """ ", trong đó người sử dụng lao động đóng 2/3, …" (no comma after "trong đó"): the shares were shortened away."""
    said = split_units(SHARES)
    assert said == [
        "Mức đóng hằng tháng của người lao động làm việc theo hợp đồng lao động từ đủ 01 tháng trở lên bằng 4,5% tiền "
        "lương tháng.",
        "Trong đó, người sử dụng lao động đóng 2/3, người lao động đóng 1/3.",
    ]
    assert FOLLOW_ON.match(said[1]) and complete(said[0], said[1:])


def test_an_exempted_share_is_never_cut_into_a_holder_and_a_waiver_for_all() -> None:
    """The households that pay 1% were said apart, then "Những hộ này không phải đóng góp": every household exempted."""
    said = split_units(EXEMPT_SHARE)
    assert said == [
        "Hộ gia đình thành viên đóng góp vào Quỹ hằng năm bằng 1% tổng thu nhập của hộ.",
        "Trong đó, hộ gia đình thuộc hộ nghèo, hộ cận nghèo không phải đóng góp, hộ gia đình có mức sống trung bình đóng "
        "góp bằng 50% mức đóng góp của hộ gia đình khác.",
        "Thời hạn đóng góp chậm nhất là ngày 31 tháng 12 hằng năm.",
    ]
    assert holder_apart(EXEMPT_SHARE.split(";")[0], 30, _heard) == []
    assert tails("Kế hoạch được lập hằng năm bởi Ủy ban nhân dân xã, trong đó ghi rõ mức đóng góp của từng hộ", 38, _heard) == []

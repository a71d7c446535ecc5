"""A shortened sentence never says half a coordinated pair, half a list, a list without its period, or stops on a
function word: made-up provisions cut the ways the drafter once cut real ones."""

from __future__ import annotations

from datetime import date

import pytest

from scripts.editing import condense
from scripts.listener import check
from scripts.sentences import _with_period, shorten, split_units, words
from scripts.whole_lists import comma_parts, loses_period, open_end, splits_list

YEAR = date.today().year + 3
PERIOD = f"trong thời gian từ ngày 01 tháng 3 năm {YEAR} đến ngày 31 tháng 12 năm {YEAR}"

PAIR = (
    "Mức chi hoạt động của hợp tác xã nông nghiệp bình quân mỗi năm tối đa 2,5% dự toán thu, chi dịch vụ của hợp tác "
    "xã trong năm được trích từ phần lãi còn lại sau khi đã trả đủ tiền vay cho các thành viên của thôn"
)
LIST = (
    "Hội viên đóng hội phí theo mức do ban chấp hành chi hội quyết định, hưởng tiền thưởng cuối năm, quà tặng ngày "
    f"lễ của hội, hỗ trợ khám sức khỏe định kỳ hoặc được thăm hỏi khi ốm đau {PERIOD}"
)
UNTAXED = (
    "Các hộ kinh doanh trên địa bàn xã phải nộp giá dịch vụ thu gom, vận chuyển rác thải sinh hoạt theo mức "
    "30.000 đồng/tháng chưa bao gồm thuế giá trị gia tăng cho tổ thu gom của thôn"
)


def test_words_coordinated_by_a_comma_are_one_part() -> None:
    assert comma_parts("Người dân được cấp, đổi, cấp lại giấy tờ, nộp lệ phí") == [
        "Người dân được cấp, đổi, cấp lại giấy tờ",
        "nộp lệ phí",
    ]
    assert comma_parts("tối đa 2,5% dự toán thu, chi dịch vụ, trích từ lãi") == [
        "tối đa 2,5% dự toán thu, chi dịch vụ",
        "trích từ lãi",
    ]
    assert comma_parts("Hộ dân quản lý, sử dụng đất đúng mục đích") == ["Hộ dân quản lý, sử dụng đất đúng mục đích"]


def test_a_cap_on_revenue_and_spending_is_never_said_as_a_cap_on_revenue() -> None:
    short = shorten(PAIR, 30)
    assert short is None or "thu, chi" in short, short
    for said in split_units(PAIR + "."):
        assert not said.endswith("dự toán thu."), said


def test_a_list_of_what_someone_gets_is_said_whole_or_not_at_all() -> None:
    parts = comma_parts(LIST)
    assert all(splits_list(parts, n) for n in (1, 2, 3))
    assert shorten(LIST, 30) is None
    for said in split_units(LIST + "."):
        assert "hỗ trợ khám sức khỏe" in said and str(YEAR) in said, said


def test_a_list_is_not_split_but_a_rule_of_its_own_may_be_dropped() -> None:
    parts = ["Chủ hộ phải dọn vệ sinh trước nhà mỗi tuần", "tổ trưởng có trách nhiệm nhắc nhở các hộ chưa thực hiện"]
    assert not splits_list(parts, 1)


def test_a_shortened_rule_without_its_period_is_not_said() -> None:
    text = f"Người cao tuổi trên tám mươi tuổi đang cư trú tại thôn được tặng quà và thăm hỏi của Ủy ban nhân dân xã {PERIOD}"
    short = "Người cao tuổi trên tám mươi tuổi đang cư trú tại thôn được tặng quà và thăm hỏi của Ủy ban nhân dân xã"
    assert loses_period(text, short) and not loses_period(text, text)
    assert _with_period(text, short) == text  # too long with its period: the whole, which is then too long to say
    assert words(_with_period(text, "Người cao tuổi được tặng quà")) < words(text)


def test_condensing_never_stops_on_chua() -> None:
    short = condense(UNTAXED, 30)
    assert not open_end(short) and "chưa bao gồm thuế" in short, short
    for said in split_units(UNTAXED + "."):
        assert not said.endswith(" chưa."), said


@pytest.mark.parametrize(
    "sentence",
    [
        "Người dân nộp tiền điện tại điểm thu của thôn và.",
        "Người chăn nuôi gia súc trên địa bàn xã phải tiêm phòng cho đàn vật nuôi chưa được.",
        "Các hộ kinh doanh ăn uống ven đường phải giữ vệ sinh và bị.",
        "Trẻ em dưới sáu tuổi được cấp thẻ bảo hiểm y tế miễn phí là.",
        "Người dân phải nộp hồ sơ đến Ủy ban nhân dân xã có.",
    ],
)
def test_a_sentence_stopping_on_a_word_that_needs_more_is_a_cut(sentence: str) -> None:
    assert open_end(sentence)
    assert "cut" in [f.code for f in check(sentence)], sentence


def test_a_negation_at_the_end_is_open_where_an_edit_would_leave_it() -> None:
    assert open_end("Giá dịch vụ thu gom rác là 30.000 đồng mỗi tháng chưa.")
    assert open_end("Hộ gia đình có con nhỏ dưới sáu tuổi được hỗ trợ tiền sữa không.")
    assert not open_end("Giá dịch vụ thu gom rác là 30.000 đồng mỗi tháng chưa.", negations=False)


def test_a_service_named_by_two_verbs_is_not_cut_between_them() -> None:
    assert shorten(UNTAXED, 30) is None  # "… nộp giá dịch vụ thu gom." would lose the amount and "vận chuyển"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ủy ban nhân dân xã hỗ trợ chi phí mua sắm thiết bị.",
        "Hộ dân được miễn lệ phí khi chuyển nhượng, tặng cho.",
        "Trưởng thôn báo cáo số hộ nghèo phát sinh (nếu có).",
        "Cơ quan thuế xác minh hộ kinh doanh đã nộp thuế hay không.",
        "Giấy chứng nhận bị rách nát không còn sử dụng được.",
        "Hồ sơ gồm tờ khai và bản sao giấy tờ kèm theo.",
        "Thuế suất đối với hàng hóa xuất khẩu bằng không.",
    ],
)
def test_a_sentence_ending_on_a_whole_word_is_not_a_cut(sentence: str) -> None:
    assert not open_end(sentence), sentence

"""A rule is said with its condition: fewer words, never the benefit alone nor the condition alone (issue 19)."""

from __future__ import annotations

from scripts.conditions import under_condition, with_condition
from scripts.sentences import HARD_MAX_WORDS, MAX_WORDS, split_units, words
from scripts.units import with_lead

QUALIFIED_BEFORE = (
    "Người lao động đã đủ điều kiện hưởng trợ cấp thai sản trước ngày 01 tháng 3 năm 2027 thì được giải quyết "
    "hưởng trợ cấp thai sản kể từ ngày đủ điều kiện hưởng trợ cấp thai sản theo quy định"
)


def test_the_object_of_a_verb_is_said_once_and_the_rule_keeps_its_condition() -> None:
    said = with_condition(QUALIFIED_BEFORE, MAX_WORDS, HARD_MAX_WORDS)
    assert said == (
        "Người lao động đã đủ điều kiện hưởng trợ cấp thai sản trước ngày 01 tháng 3 năm 2027 thì được giải quyết "
        "hưởng kể từ ngày đủ điều kiện hưởng"
    ), said


def test_split_units_says_the_condition_with_its_right_not_the_right_alone() -> None:
    said = split_units(QUALIFIED_BEFORE + ".")
    assert len(said) == 1 and "trước ngày 01 tháng 3 năm 2027" in said[0] and "kể từ ngày đủ điều kiện" in said[0], said


def test_the_head_of_a_longer_phrase_is_not_taken_for_a_repeated_object() -> None:
    text = (
        "Trường hợp hộ gia đình đang đóng bảo hiểm y tế theo hộ gia đình mà có thành viên mới sinh thì phải đóng "
        "bảo hiểm y tế hộ gia đình cho thành viên đó trong thời hạn 30 ngày kể từ ngày sinh tại Ủy ban nhân dân xã"
    )
    said = with_condition(text, MAX_WORDS, 60)
    assert said and "đóng bảo hiểm y tế hộ gia đình" in said, said


def test_an_office_refunding_a_resident_is_said_as_the_residents_right_and_a_refusal_stays_one() -> None:
    refund = (
        "Trường hợp người nộp phí thẩm định đã nộp phí thẩm định nhưng hồ sơ không đủ điều kiện cấp giấy phép "
        "khai thác nước dưới đất, cơ quan thu phí hoàn trả toàn bộ số tiền phí thẩm định đã thu cho người nộp phí"
    )
    said = with_condition(refund, MAX_WORDS, HARD_MAX_WORDS)
    assert said == (
        "Người đã nộp phí thẩm định nhưng hồ sơ không đủ điều kiện cấp giấy phép khai thác nước dưới đất được hoàn trả "
        "toàn bộ số tiền phí thẩm định đã thu"
    ), said
    refused = (
        "Trường hợp người đề nghị cấp giấy phép tự rút hồ sơ sau khi cơ quan đã tiến hành thẩm định thực tế tại hiện trường, "
        "cơ quan thu phí không hoàn trả số tiền phí thẩm định đã thu"
    )
    said = with_condition(refused, MAX_WORDS, HARD_MAX_WORDS)
    assert said and said.startswith("Người đề nghị") and "không được hoàn trả" in said, said


def test_a_back_reference_and_a_repeated_head_go_but_every_figure_stays() -> None:
    text = (
        "Hộ sản xuất có diện tích lúa bị thiệt hại từ 70% trở lên theo các đối tượng này thì được hỗ trợ giống lúa "
        "thuần chịu hạn, giống lúa thuần chịu mặn với mức 2.000.000 đồng/ha trong vụ Đông Xuân năm 2027"
    )
    said = with_condition(text, MAX_WORDS, HARD_MAX_WORDS)
    assert said and "theo các đối tượng này" not in said and "chịu hạn, chịu mặn" in said, said
    assert "70%" in said and "2.000.000 đồng/ha" in said and "năm 2027" in said
    assert with_condition("Mức hỗ trợ giống lúa là 2.000.000 đồng/ha, cấp cho hộ sản xuất có diện tích bị hại.", 5, 8) is None


def test_a_main_clause_whose_subject_points_back_to_its_condition_is_not_said_alone() -> None:
    text = (
        "Người lao động đi làm việc ở nước ngoài theo hợp đồng, khi tạm thời bị mất việc làm trong thời gian thực hiện "
        "hợp đồng mà được doanh nghiệp đưa người lao động đi làm việc ở nước ngoài xác nhận thì thời gian này được tạm "
        "dừng đóng bảo hiểm xã hội."
    )
    assert not any(s.startswith("Thời gian này") for s in split_units(text)), split_units(text)
    assert all(words(s) <= HARD_MAX_WORDS for s in split_units(text))


def test_a_main_clause_without_its_own_subject_is_not_said_without_the_condition_that_names_its_holder() -> None:
    text = (
        "Trường hợp hộ gia đình, cá nhân có nhiều thửa đất nông nghiệp ở các xã, phường khác nhau trong cùng một tỉnh "
        "thì sử dụng một sổ theo dõi chung của hộ gia đình, cá nhân cho tất cả các thửa đất và phải ghi rõ vị trí từng "
        "thửa đất trên sổ."
    )
    said = split_units(text)
    assert not any(s.startswith(("Sử dụng", "Phải")) for s in said), said


def test_a_point_under_a_lead_that_is_its_condition_is_said_with_it() -> None:
    lead = "Người đang hưởng trợ cấp hằng tháng mà chết từ ngày 01 tháng 3 năm 2027 trở đi thì:"
    said = with_lead(lead, "b) Thân nhân được hưởng trợ cấp tuất một lần bằng 3 tháng trợ cấp đang hưởng;")
    assert said == [
        "Người đang hưởng trợ cấp hằng tháng mà chết từ ngày 01 tháng 3 năm 2027 trở đi thì thân nhân được hưởng "
        "trợ cấp tuất một lần bằng 3 tháng trợ cấp đang hưởng."
    ], said
    assert under_condition("Trường hợp bị mất thẻ:", "người tham gia được cấp lại thẻ miễn phí", MAX_WORDS, HARD_MAX_WORDS) == (
        "Trường hợp bị mất thẻ, người tham gia được cấp lại thẻ miễn phí"
    )


def test_a_lead_that_announces_a_list_after_its_own_main_clause_is_no_condition_to_repeat() -> None:
    lead = "Khi đi đò qua sông, người lái đò phải mang theo các giấy tờ sau đây:"
    assert under_condition(lead, "giấy chứng nhận đăng ký phương tiện", MAX_WORDS, HARD_MAX_WORDS) is None


def test_a_raise_on_a_condition_is_said_with_the_level_it_raises() -> None:
    text = (
        "Mức phụ cấp trách nhiệm của tổ trưởng tổ bảo vệ rừng không thấp hơn 500.000 đồng/tháng; trường hợp kiêm nhiệm "
        "tổ trưởng tổ phòng cháy, mức phụ cấp tăng thêm không thấp hơn 30% mức phụ cấp hiện hưởng."
    )
    assert split_units(text) == [
        "Mức phụ cấp trách nhiệm của tổ trưởng tổ bảo vệ rừng không thấp hơn 500.000 đồng/tháng; trường hợp kiêm nhiệm "
        "tổ trưởng tổ phòng cháy, mức phụ cấp tăng thêm không thấp hơn 30%."
    ], split_units(text)
    alone = "Trường hợp kiêm nhiệm tổ trưởng tổ phòng cháy, mức phụ cấp tăng thêm không thấp hơn 30% mức phụ cấp hiện hưởng."
    assert split_units(alone) == [alone], "without the level before it, the raise keeps what it is a share of"


def test_both_halves_of_vua_vua_keep_their_words() -> None:
    text = (
        "Trường hợp người lao động vừa đủ điều kiện hưởng trợ cấp thất nghiệp một lần, vừa đủ điều kiện hưởng trợ cấp "
        "học nghề tại trung tâm dịch vụ việc làm của tỉnh thì được chọn một chế độ theo văn bản đề nghị của người lao động"
    )
    said = with_condition(text, MAX_WORDS, 60)
    assert said and "vừa đủ điều kiện hưởng trợ cấp học nghề" in said, said


def test_the_same_time_or_place_said_again_goes_but_a_longer_one_stays() -> None:
    text = (
        "Trường hợp hợp tác xã mới thành lập trong năm tài chính và dự kiến doanh thu trong năm tài chính không quá "
        "500 triệu đồng thì hợp tác xã không phải tạm nộp thuế thu nhập doanh nghiệp"
    )
    said = with_condition(text, MAX_WORDS, HARD_MAX_WORDS)
    assert said and said.count("trong năm tài chính") == 1 and "500 triệu đồng" in said, said
    kept = (
        "Trường hợp hợp tác xã có lãi trong năm tài chính và dự kiến doanh thu trong năm tài chính tiếp theo không quá "
        "500 triệu đồng thì hợp tác xã được tạm nộp thuế thu nhập doanh nghiệp theo quý của năm tài chính tiếp theo"
    )
    said = with_condition(kept, MAX_WORDS, 60)
    assert said and "doanh thu trong năm tài chính tiếp theo" in said, said

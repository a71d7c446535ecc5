"""A long obligation is shortened the way an editor would: the same rule in fewer words, never cut mid-phrase."""

from __future__ import annotations

from scripts.editing import condense
from scripts.sentences import HARD_MAX_WORDS, split_units, words

LONG = (
    "Trước khi thực hiện việc chở khách, chở hàng hóa qua sông, chủ đò hoặc người lái đò phải lập phương án an toàn "
    "chở khách, chở hàng hóa qua sông gửi Ủy ban nhân dân xã trước ngày 15 tháng 4 năm 2027"
)


def test_a_long_obligation_keeps_subject_modal_verb_object_and_its_deadline() -> None:
    short = condense(LONG, 30)
    assert short == (
        "Trước khi chở khách, chở hàng hóa qua sông, chủ đò hoặc người lái đò phải lập phương án an toàn "
        "gửi Ủy ban nhân dân xã trước ngày 15 tháng 4 năm 2027"
    ), short
    assert words(short) <= HARD_MAX_WORDS < words(LONG)


def test_split_units_says_the_obligation_only_once_condensed() -> None:
    said = split_units(LONG + ".")
    assert said and "phải lập phương án an toàn gửi" in said[0] and "ngày 15 tháng 4 năm 2027" in said[0], said
    assert words(said[0]) <= HARD_MAX_WORDS


def test_the_list_after_gom_is_left_for_the_document_but_its_figures_are_not() -> None:
    listed = "Chủ hộ có trách nhiệm lập hồ sơ đăng ký tạm trú cho người đến ở nhờ tại nhà mình gửi Công an xã, gồm tờ khai, bản sao giấy tờ tùy thân"
    assert (
        condense(listed, 20) == "Chủ hộ có trách nhiệm lập hồ sơ đăng ký tạm trú cho người đến ở nhờ tại nhà mình gửi Công an xã"
    )
    paid = (
        "Chủ hộ có trách nhiệm lập hồ sơ đăng ký tạm trú cho người đến ở nhờ tại nhà mình gửi Công an xã, gồm lệ phí 20.000 đồng"
    )
    assert condense(paid, 20) == paid, "an amount in the list is not dropped"


def test_a_name_or_a_phrase_that_runs_on_is_never_cut() -> None:
    named = (
        "Khi nghỉ việc để chăm con dưới 06 tháng tuổi, thời gian nghỉ được tính là thời gian đóng vào Quỹ bảo hiểm tai nạn "
        "lao động, bệnh nghề nghiệp, nhưng người sử dụng lao động phải đóng bảo hiểm vào Quỹ bảo hiểm tai nạn lao động, bệnh nghề nghiệp"
    )
    assert condense(named, 20).endswith("vào Quỹ bảo hiểm tai nạn lao động, bệnh nghề nghiệp")
    negated = "Thu nhập làm căn cứ đóng bảo hiểm xã hội bắt buộc của người lao động không bao gồm tiền thưởng, tiền ăn giữa ca và các khoản hỗ trợ khác"
    assert condense(negated, 10) == negated, "'không bao gồm' is the rule, and 'bắt buộc' here is no modal"


def test_a_list_lead_glued_to_its_first_item_keeps_gom_as_the_verb() -> None:
    from scripts.editing import inline_list

    glued = "Kế hoạch trực đê gồm các nội dung chủ yếu sau số người trực mỗi ca và vị trí trực."
    assert inline_list(glued) == "Kế hoạch trực đê gồm số người trực mỗi ca và vị trí trực."
    assert inline_list("Hồ sơ bao gồm những giấy tờ sau: đơn và sổ hộ khẩu.") == "Hồ sơ bao gồm đơn và sổ hộ khẩu."
    kept = "Chi phí gồm các khoản phát sinh sau khi nhập viện."
    assert inline_list(kept) == kept

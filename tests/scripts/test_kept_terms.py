"""A shortened rule keeps its condition, or is not said (scripts.kept_terms); parts joined by
semicolons that share a subject are said with it (scripts.shared_subject). All text here is made up."""

from __future__ import annotations

from scripts.kept_terms import cut_loses
from scripts.sentences import finish, listenable, split_units


def test_a_condition_in_the_middle_is_not_dropped_as_a_qualifier() -> None:
    # had been "Hộ gia đình có nhà ở bị sập đổ, cuốn trôi hoàn toàn được hỗ trợ 40.000.000 đồng/hộ." (for every house)
    text = (
        "Hộ gia đình có nhà ở bị sập đổ, cuốn trôi hoàn toàn được hỗ trợ 40.000.000 đồng/hộ, khi nhà ở đó là nơi ở duy nhất "
        "của hộ tại địa phương, để xây dựng lại nhà ở bảo đảm an toàn trước mùa mưa bão năm sau."
    )
    assert not [s for s in split_units(text) if "40.000.000" in s and "nơi ở duy nhất" not in s]


def test_a_condition_at_the_end_is_not_cut_off() -> None:
    # had been "Người lao động bị mất việc làm … được hỗ trợ học nghề với thời gian tối đa ba tháng tại cơ sở đào tạo."
    text = (
        "Người lao động bị mất việc làm do doanh nghiệp giải thể được hỗ trợ học nghề với thời gian tối đa ba tháng tại "
        "cơ sở đào tạo, khi có xác nhận của Ủy ban nhân dân cấp xã nơi cư trú về hoàn cảnh khó khăn."
    )
    assert not [s for s in split_units(text) if "xác nhận" not in s]
    # a part that is a rule of its own ("…, khi vượt xe phải có tín hiệu …") may still be left for another sentence
    assert not cut_loses("Xe xin vượt phải có báo hiệu bằng đèn hoặc còi", ["khi vượt xe phải có tín hiệu báo hướng chuyển"])


def test_parts_that_share_a_subject_are_said_with_it() -> None:
    # "…; không chiếm quá một nửa bề rộng vỉa hè; …" had been said alone: "Không chiếm quá một nửa bề rộng vỉa hè."
    text = (
        "Vật liệu xây dựng tập kết trên vỉa hè phải được che chắn kín, gọn gàng và có biển cảnh báo ban đêm; không chiếm "
        "quá một nửa bề rộng vỉa hè; không được để qua đêm khi thi công xong trong ngày."
    )
    said = split_units(text)
    assert "Vật liệu xây dựng tập kết trên vỉa hè không chiếm quá một nửa bề rộng vỉa hè." in said
    assert not [s for s in said if s.startswith("Không")], said


def test_a_deadline_is_not_cut_off() -> None:
    # "…, vùng trũng thấp có nguy cơ ngập lụt, sạt lở đến nơi an toàn trước 17 giờ ngày 15 tháng 10" had been cut to
    # "… có nguy cơ ngập lụt." (half a list, and no time to leave by); a made-up Công điện's task
    text = (
        "Chủ tịch Ủy ban nhân dân các xã ven biển tổ chức sơ tán người dân ở khu vực nhà không an toàn, vùng trũng thấp "
        "có nguy cơ ngập lụt, sạt lở đến nơi an toàn trước 17 giờ ngày 15 tháng 10."
    )
    assert not [s for s in split_units(text) if "17 giờ" not in s]


def test_an_exception_is_said_with_its_rule_when_the_whole_fits() -> None:
    # a made-up Thông tư's amended clause (35 words) had been cut to "Miễn lệ phí đối với …; hộ nghèo; người có công với
    # cách mạng." — an exemption heard without "trừ trường hợp cấp lại do làm mất giấy chứng nhận"
    from pathlib import Path

    from scripts.draft import draft
    from scripts.legal import parse

    doc = parse((Path(__file__).parent / "data" / "tt-land-fee-amend-made-up.txt").read_text(encoding="utf-8"))
    exempt = [s.text for s in draft(doc).sentences if s.text.startswith("Miễn lệ phí")]
    assert exempt and exempt[0].endswith("trừ trường hợp cấp lại do làm mất giấy chứng nhận."), exempt


def test_half_an_exception_is_not_said_nor_dropped() -> None:
    # "…, trừ trường hợp quy định tại điểm c khoản 1 Điều này" had become "Người trúng thầu không được chuyển nhượng
    # hợp đồng cho tổ chức, cá nhân khác." (sentences.finish took "trừ trường hợp" off): a ban heard without exception
    text = "Người trúng thầu không được chuyển nhượng hợp đồng cho tổ chức, cá nhân khác, trừ trường hợp quy định tại điểm c khoản 1 Điều này."
    assert split_units(text) == []
    assert not listenable(finish("Xe được cấp biển số nền màu trắng, trừ đối tượng"))

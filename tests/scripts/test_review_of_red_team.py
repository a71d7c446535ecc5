"""What a review of the day's red-team fixes found they had made wrong, on made-up text (each fails without its fix)."""

from scripts.lead_items import AREA
from scripts.lead_rows import lead_rows
from scripts.sentences import split_units
from scripts.units import with_lead
from tests.scripts.made_up import script, units


def test_a_duty_after_a_semicolons_condition_is_not_given_the_first_parts_holder() -> None:
    """The reply in writing is the office's duty, not the applicant's; a right after the condition is still the holder's."""
    said = split_units(
        "Hộ gia đình đề nghị hỗ trợ phải nộp hồ sơ tại Ủy ban nhân dân cấp xã; trường hợp không đủ điều kiện thì phải trả"
        " lời bằng văn bản và nêu rõ lý do."
    )
    assert not any("hộ gia đình đề nghị hỗ trợ phải trả lời" in s for s in said), said
    ban = split_units(
        "Người đề nghị cấp giấy phép phải nộp đủ hồ sơ; trường hợp hồ sơ hợp lệ thì không được yêu cầu bổ sung giấy tờ khác."
    )
    assert not any("người đề nghị cấp giấy phép không được" in s for s in ban), ban
    right = split_units("Người nộp phí được nhận biên lai thu phí; nếu không được cấp biên lai thì có quyền từ chối nộp phí.")
    assert "Nếu không được cấp biên lai thì người nộp phí có quyền từ chối nộp phí." in right


def test_only_a_bare_place_is_cut_from_a_long_holder() -> None:
    assert AREA.sub("", "Người nuôi chó, mèo trên địa bàn xã, phường") == "Người nuôi chó, mèo"
    outbreak = "Hộ chăn nuôi lợn trên địa bàn các xã có dịch tả lợn châu Phi chưa qua 21 ngày"
    assert AREA.sub("", outbreak) == outbreak  # the condition narrows who must act
    said = with_lead(f"{outbreak}:", "a) Thông báo ngay cho thú y xã khi có lợn chết;")
    assert not any(s.startswith("Hộ chăn nuôi lợn thông báo") for s in said), said


def test_a_labelled_point_is_not_said_with_a_title_that_loses_its_narrowing() -> None:
    subject = "Về chính sách hỗ trợ"
    referenced = units(
        subject,
        "Điều 2. Chính sách hỗ trợ\n1. Hỗ trợ sửa chữa nhà ở\na) Đối tượng: các hộ gia đình quy định tại khoản 3 Điều 1"
        " Quyết định này;\n",
    )
    assert not any("Các hộ gia đình được hỗ trợ" in s for s in referenced), referenced
    storm = units(
        subject, "Điều 2. Chính sách hỗ trợ\n1. Hỗ trợ mua giống cây trồng cho hộ bị thiệt hại do bão\na) Đối tượng: hộ nghèo;\n"
    )
    assert "Hộ nghèo được hỗ trợ mua giống cây trồng." not in storm  # all poor households, not the storm-hit ones
    plain = units(subject, "Điều 2. Chính sách hỗ trợ\n1. Hỗ trợ mua giống cây trồng\na) Đối tượng: hộ nghèo;\n")
    assert "Hộ nghèo được hỗ trợ mua giống cây trồng." in plain
    spared = units(subject, "Điều 2. Chính sách hỗ trợ\n1. Hỗ trợ làm nhà mới\nb) Điều kiện: trừ trường hợp đã được hỗ trợ;\n")
    assert not any(s.startswith("Điều kiện để được hỗ trợ làm nhà mới là trừ") for s in spared), spared


def test_a_fine_on_a_holder_who_has_or_commits_the_acts_is_said_with_each_act() -> None:
    for lead in (
        "đối với người có một trong các hành vi sau đây:",
        "đối với chủ phương tiện vi phạm một trong các hành vi sau đây:",
    ):
        body = (
            f"Điều 3. Vi phạm về vệ sinh môi trường\n1. Phạt tiền từ 1.000.000 đồng đến 3.000.000 đồng {lead}\n"
            "a) Vứt xác lợn chết ra sông, suối;\nb) Đổ chất thải chăn nuôi ra đường giao thông.\n"
        )
        said = script("Quy định xử phạt vi phạm về vệ sinh môi trường", body)
        assert any("vứt xác lợn chết ra sông, suối bị phạt tiền từ 1.000.000 đồng đến 3.000.000 đồng" in s for s in said), said


def test_a_group_whose_name_holds_chi_or_ban_is_still_a_group() -> None:
    """ "chi trả", "bán trú" are no verb of the row's own ("đóng bằng 4,5%", "nộp phí 15.000 đồng" are)."""
    assert lead_rows("Mức hỗ trợ tiền nhà ở như sau:", "a) Hộ nghèo chi trả tiền thuê nhà 300.000 đồng/hộ/tháng;") == [
        "Hộ nghèo chi trả tiền thuê nhà được hỗ trợ tiền nhà ở 300.000 đồng/hộ/tháng."
    ]
    assert lead_rows("Mức đóng bảo hiểm y tế như sau:", "a) Người thứ nhất đóng bằng 4,5% mức lương cơ sở;") is None


def test_points_deducted_from_a_licence_are_no_exception() -> None:
    said = split_units("Người điều khiển xe vi phạm bị phạt 2.000.000 đồng; trừ 4 điểm giấy phép lái xe.")
    assert not any(", trừ 4 điểm" in s for s in said), said


def test_an_item_with_its_own_ban_or_its_own_holder_and_rule_is_said_as_written() -> None:
    """Under a short lead ("Người dân:", "Ủy ban nhân dân cấp xã:") the item was glued after it: "Người dân nghiêm cấm
    vứt xác lợn …" (a ban turned into what residents do), "Ủy ban nhân dân cấp xã người bị chó cắn được tiêm …"."""
    assert with_lead("Người dân:", "a) Nghiêm cấm vứt xác lợn chết ra sông, suối, kênh, mương;") == [
        "Nghiêm cấm vứt xác lợn chết ra sông, suối, kênh, mương."
    ]
    assert with_lead("Ủy ban nhân dân cấp xã:", "a) Người bị chó cắn được tiêm vắc xin phòng dại miễn phí tại trạm y tế xã;") == [
        "Người bị chó cắn được tiêm vắc xin phòng dại miễn phí tại trạm y tế xã."
    ]

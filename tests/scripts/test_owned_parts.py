"""Parts of a provision said with who holds them (made-up text): a house is not who is paid, nor a proper name."""

from __future__ import annotations

from scripts.sentences import lowerfirst, split_units


def test_a_second_part_about_the_same_thing_keeps_its_owner():
    said = split_units(
        "Hộ gia đình có nhà ở bị sập, đổ, trôi hoàn toàn được hỗ trợ 40.000.000 đồng/hộ; "
        "nhà ở bị hư hỏng nặng (trên 50%) được hỗ trợ 20.000.000 đồng/hộ."
    )
    assert said[0].startswith("Hộ gia đình có nhà ở bị sập")
    assert said[1] == "Hộ gia đình có nhà ở bị hư hỏng nặng (trên 50%) được hỗ trợ 20.000.000 đồng/hộ."
    # a second part about something else is left as it is
    said = split_units("Người có thẻ bảo hiểm y tế được khám miễn phí; trẻ em dưới 6 tuổi được cấp thẻ miễn phí.")
    assert said[-1].startswith("Trẻ em dưới 6 tuổi")


def test_only_a_proper_name_keeps_its_capital_after_a_date():
    # "Từ ngày …, Nhà ở bị hư hỏng …": the lead's date goes before a sentence lowered unless it opens with a name
    assert lowerfirst("Nhà ở bị hư hỏng được hỗ trợ.") == "nhà ở bị hư hỏng được hỗ trợ."
    assert lowerfirst("Nhà nước hỗ trợ lãi suất.") == "Nhà nước hỗ trợ lãi suất."


def test_a_resident_s_duties_after_semicolons_keep_their_subject():
    said = split_units(
        "Người dân nuôi chó, mèo phải đăng ký với Ủy ban nhân dân cấp xã; không thả rông chó; "
        "khi đưa chó ra nơi công cộng phải rọ mõm, xích giữ."
    )
    assert said[1] == "Người dân nuôi chó, mèo không thả rông chó."
    assert said[2] == "Khi đưa chó ra nơi công cộng, người dân nuôi chó, mèo phải rọ mõm, xích giữ."
    # an office's duty on an occasion is not given a subject: it is its own work, not news for residents
    assert split_units("Sở Y tế phải bảo đảm đủ vắc xin; khi có dịch phải báo cáo ngay.") == ["Sở Y tế phải bảo đảm đủ vắc xin."]


def test_a_part_that_adds_more_stays_with_the_case_it_adds_to():
    # said alone, "Hộ nghèo được hỗ trợ thêm …" is heard as every poor household's
    said = split_units(
        "Hộ gia đình có nhà ở bị hư hỏng nặng trên 50% được hỗ trợ 20.000.000 đồng/hộ; "
        "hộ nghèo được hỗ trợ thêm 10.000.000 đồng/hộ."
    )
    assert said == [
        "Hộ gia đình có nhà ở bị hư hỏng nặng trên 50% được hỗ trợ 20.000.000 đồng/hộ; "
        "hộ nghèo được hỗ trợ thêm 10.000.000 đồng/hộ."
    ]
    # a part with its own benefit, not more of the first, is still said alone
    said = split_units("Người cao tuổi được hỗ trợ 500.000 đồng/tháng; hộ nghèo được hỗ trợ tiền điện 50.000 đồng/tháng.")
    assert said[-1] == "Hộ nghèo được hỗ trợ tiền điện 50.000 đồng/tháng."

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


def test_another_case_of_the_first_part_s_holder_is_not_said_as_everyone_s():
    # "người bị thương" is one of those who helped the authorities, not anyone hurt on the road
    said = split_units(
        "Cá nhân tham gia hỗ trợ cơ quan nhà nước bảo đảm an toàn giao thông, có thành tích thì được khen thưởng; "
        "người bị thương, bị tổn hại về sức khỏe thì bản thân, gia đình được hưởng chế độ, chính sách."
    )
    assert not any(s.startswith("Người bị thương") for s in said), said
    # nor said with "Tùy trường hợp" and a holder only the condition named
    said = split_units(
        "Người tham gia chữa cháy rừng theo lệnh huy động của người có thẩm quyền mà bị thương, bị tổn hại về sức "
        "khỏe, tính mạng trong khi làm nhiệm vụ thì bản thân, gia đình được hưởng chế độ, chính sách theo quy định."
    )
    assert not any("bản thân, gia đình được" in s and not s.startswith("Người") for s in said), said


def test_the_other_side_of_a_signal_is_not_said_without_it():
    said = split_units(
        "Hai tay dang ngang để báo hiệu cho người đi đường ở phía trước và phía sau người điều khiển giao thông phải "
        "dừng lại; người đi đường ở phía bên phải và bên trái người điều khiển giao thông được đi."
    )
    assert not any(s.startswith("Người đi đường ở phía bên phải") for s in said), said
    # a scale's next step, named inside the first part, is still said
    said = split_units(
        "Nếu tai nạn làm suy giảm khả năng lao động 5% thì được hưởng trợ cấp một lần bằng 11.700.000 đồng; "
        "suy giảm khả năng lao động từ 81% trở lên thì được hưởng 140.400.000 đồng."
    )
    assert said[-1] == "Suy giảm khả năng lao động từ 81% trở lên thì được hưởng 140.400.000 đồng."


def test_a_case_that_opens_a_provision_holds_for_its_later_parts():
    said = split_units(
        "Trường hợp dân quân bị tai nạn dẫn đến chết thì thân nhân được hưởng trợ cấp một lần bằng 84.240.000 đồng; "
        "người lo mai táng được nhận tiền mai táng phí bằng 23.400.000 đồng."
    )
    assert said[-1] == (
        "Trường hợp dân quân bị tai nạn dẫn đến chết thì người lo mai táng được nhận tiền mai táng phí bằng 23.400.000 đồng."
    )
    # a later part with its own case or its own step is said as it is
    said = split_units(
        "Nếu tai nạn làm suy giảm khả năng lao động 5% thì được hưởng 11.700.000 đồng; sau đó, cứ suy giảm thêm 1% thì "
        "được hưởng 1.170.000 đồng."
    )
    assert said[-1] == "Sau đó, cứ suy giảm thêm 1% thì được hưởng 1.170.000 đồng."

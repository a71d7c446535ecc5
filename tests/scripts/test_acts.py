"""A series of acts after a ban or duty lead ("… không được thực hiện các hành vi sau đây:", "… phải …"), each said
with its verb and holder (scripts/units.py each_act); made-up decision."""

from scripts.choice import build_pool
from scripts.legal import parse

TEXT = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
Số: 12/2031/QĐ-UBND
QUYẾT ĐỊNH
Ban hành Quy định về giữ gìn vệ sinh môi trường nông thôn
Điều 1. Trách nhiệm của chủ đò
1. Chủ đò chở khách ngang sông phải thực hiện các việc sau đây:
a) Trang bị đủ áo phao cho hành khách; phát áo phao cho mỗi hành khách trước khi rời bến;
b) Không chở quá số người ghi trên giấy chứng nhận.
Điều 2. Trách nhiệm của hộ chăn nuôi
1. Hộ gia đình chăn nuôi lợn, gà, vịt trong khu dân cư khi chăn nuôi nhỏ lẻ không được thực hiện các hành vi sau đây:
a) Để chất thải chăn nuôi tràn ra đường làng, ngõ xóm;
b) Vứt xác gia súc, gia cầm chết ra sông, suối, ao hồ, kênh mương; chôn xác gia súc, gia cầm chết gần giếng nước sinh hoạt;
c) Hành vi khác gây ô nhiễm môi trường.
"""


def pool_texts() -> list[str]:
    return [c.text for c in build_pool(parse(TEXT))]


def test_a_point_of_several_duties_says_each_duty_with_its_holder() -> None:
    said = pool_texts()
    assert "Chủ đò chở khách ngang sông phải trang bị đủ áo phao cho hành khách." in said
    assert "Chủ đò chở khách ngang sông phải phát áo phao cho mỗi hành khách trước khi rời bến." in said


def test_acts_of_a_point_are_said_with_their_holder_not_with_the_whole_lead() -> None:
    said = pool_texts()
    holder = "Hộ gia đình chăn nuôi lợn, gà, vịt trong khu dân cư không được"
    assert f"{holder} chôn xác gia súc, gia cầm chết gần giếng nước sinh hoạt." in said
    assert f"{holder} vứt xác gia súc, gia cầm chết ra sông, suối, ao hồ, kênh mương." in said
    assert not any("hành vi khác" in s.lower() for s in said)  # "Hành vi khác …" names no act


def test_an_offence_of_not_following_the_rules_keeps_its_words() -> None:
    """ "… theo đúng quy định của pháp luật" is boilerplate; "không đúng quy định của pháp luật" is the offence."""
    from scripts.sentences import strip_noise

    said = strip_noise("Nghiêm cấm xếp hàng hóa trên xe thô sơ không đúng quy định của pháp luật.")
    assert said.startswith("Nghiêm cấm xếp hàng hóa trên xe thô sơ không đúng quy định"), said
    assert "pháp luật" not in strip_noise("Hộ gia đình đăng ký tạm trú theo đúng quy định của pháp luật.")

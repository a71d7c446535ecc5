"""A long rule whose object is a list of kinds of one thing: the rule with the thing named once, then its kinds
(made-up provisions)."""

from __future__ import annotations

from scripts.listener import check
from scripts.long_kinds import kinds
from scripts.sentences import listenable, split_units

PUMPS = (
    "Cửa hàng kinh doanh xăng dầu có doanh thu năm trên 500 triệu đồng thì phải lắp đặt thiết bị đo lường có kết nối "
    "dữ liệu với cơ quan quản lý thị trường, thiết bị đo lường có chức năng in phiếu bán hàng cho người mua."
)


def _heard(text: str) -> bool:
    return True


def test_the_rule_names_the_thing_then_its_kinds_word_for_word() -> None:
    rule, said_kinds = split_units(PUMPS)
    assert rule == ("Cửa hàng kinh doanh xăng dầu có doanh thu năm trên 500 triệu đồng thì phải lắp đặt thiết bị đo lường.")
    assert said_kinds == (
        "Đó là thiết bị đo lường có kết nối dữ liệu với cơ quan quản lý thị trường, "
        "thiết bị đo lường có chức năng in phiếu bán hàng cho người mua."
    )  # the list's own comma: no "hoặc" or "và" the law does not write
    assert all(listenable(s) and not check(s) for s in (rule, said_kinds))


def test_a_negation_before_the_thing_is_never_lifted_off_its_kinds() -> None:
    banned = PUMPS.replace("thì phải lắp đặt", "thì không được lắp đặt")
    assert kinds(banned.rstrip("."), 38, _heard) == []  # "không được lắp đặt thiết bị đo lường." bans every kind
    assert not any(s.endswith("lắp đặt thiết bị đo lường.") for s in split_units(banned))


def test_an_exception_after_the_list_keeps_the_provision_whole() -> None:
    excepted = PUMPS.rstrip(".") + ", trừ cửa hàng ở xã đảo."
    assert kinds(excepted.rstrip("."), 38, _heard) == []


def test_a_list_that_is_not_only_kinds_of_the_thing_is_not_cut() -> None:
    mixed = PUMPS.replace(", thiết bị đo lường có chức năng", ", camera giám sát có chức năng")
    assert kinds(mixed.rstrip("."), 38, _heard) == []


def test_the_kinds_are_said_right_after_their_rule_or_not_at_all() -> None:
    from scripts.draft import Sentence, Source
    from scripts.follow_ons import whole

    pumps = Source("5", "1", None, PUMPS)
    other = Source("6", "1", None, "Cửa hàng phải niêm yết giá bán lẻ xăng dầu.")
    rule, said_kinds = (Sentence(s, pumps) for s in split_units(PUMPS))
    price = Sentence("Cửa hàng phải niêm yết giá bán lẻ xăng dầu.", other)
    assert whole([rule, said_kinds, price]) == [rule, said_kinds, price]
    assert whole([rule, price, said_kinds]) == [rule, price]  # apart, the kinds name nothing
    assert whole([price, said_kinds]) == [price]  # its rule not said: the kinds alone say nothing


INSPECTION = (
    "Chủ xe đã sử dụng trên 20 năm thì phải đưa xe ô tô chở người trên 16 chỗ, xe ô tô tải trên 3.500 kg đến trạm "
    "đăng kiểm của tỉnh trong thời hạn 30 ngày kể từ ngày 01 tháng 7 năm 2027."
)


def test_the_rules_complement_after_the_last_kind_keeps_the_provision_whole() -> None:
    # before: "… thì phải đưa xe ô tô." + "Đó là …, xe ô tô tải … đến trạm đăng kiểm … trong thời hạn 30 ngày …"
    assert kinds(INSPECTION.rstrip("."), 38, _heard) == []
    assert not any(s.startswith("Đó là") for s in split_units(INSPECTION))
    kept = (
        "Hộ gia đình có nhà ở nằm trong hành lang bảo vệ đê điều đã được cấp phép thì được giữ lại nhà ở kiên cố có "
        "tường gạch, nhà ở bán kiên cố có mái tôn đến hết ngày 31 tháng 12 năm 2030"
    )
    assert kinds(kept, 38, _heard) == []  # the right's end date is no kind of house


def test_a_last_kind_much_longer_than_the_others_keeps_the_provision_whole() -> None:
    longer = PUMPS.replace(
        "thiết bị đo lường có chức năng in phiếu bán hàng cho người mua",
        "thiết bị đo lường có chức năng in phiếu bán hàng và lưu trữ dữ liệu bán hàng ít nhất năm năm và gửi báo cáo hằng tháng",
    ).replace("có kết nối dữ liệu với cơ quan quản lý thị trường", "có kết nối")
    assert kinds(longer.rstrip("."), 60, _heard) == []
    assert kinds(PUMPS.rstrip("."), 38, _heard)  # the kinds of comparable length are still said

"""A provision too long for one sentence is said as short sentences, each with its holder, never losing a figure
or a negation (made-up provisions)."""

from __future__ import annotations

from scripts.editing import plain
from scripts.listener import check
from scripts.long_kinds import listed_after
from scripts.long_labels import labelled
from scripts.long_rules import coordinated
from scripts.sentences import finish, listenable, split_units
from tests.scripts.made_up import YEAR, script

PATROL = (
    "Đội dân phòng phối hợp với tổ bảo vệ dân phố, công an xã, đoàn thanh niên và các hộ gia đình ven sông "
    "tăng cường tuần tra trên các tuyến đê xung yếu, bảo đảm trực 24/24 giờ trong những ngày mưa lũ, "
    "tăng cường kiểm tra người và phương tiện qua lại bến đò."
)
FERRY = (
    "Các chủ bến đò phải bố trí đủ áo phao cho hành khách trên mỗi chuyến đò ngang qua sông trong mùa mưa lũ hằng năm, "
    "bảo đảm mỗi chuyến chở không quá 12 người kể cả người lái đò, thông báo ngay cho Ủy ban nhân dân xã khi nước "
    "sông dâng cao."
)


def test_coordinated_predicates_become_sentences_each_with_the_holder() -> None:
    first, second = split_units(PATROL)
    assert first.startswith("Đội dân phòng phối hợp với tổ bảo vệ dân phố")
    assert first.endswith("tăng cường tuần tra trên các tuyến đê xung yếu.")
    assert second == (
        "Đội dân phòng bảo đảm trực 24/24 giờ trong những ngày mưa lũ, tăng cường kiểm tra người và phương tiện qua lại bến đò."
    )
    assert all(listenable(s) for s in (first, second))


def test_a_shortening_that_would_cut_the_figure_gives_way_to_the_split() -> None:
    sentences = split_units(FERRY)
    assert any("không quá 12 người" in s for s in sentences)
    assert sentences[1].startswith("Các chủ bến đò phải bảo đảm mỗi chuyến chở không quá 12 người")  # the duty said again


def test_a_negated_holder_is_no_holder_to_say_again() -> None:
    negated = PATROL.replace("Đội dân phòng phối hợp", "Đội dân phòng không được phối hợp")
    assert coordinated(negated.rstrip("."), 38, listenable) == []  # "Đội dân phòng không" is refused as a holder
    assert all("không" in s for s in split_units(negated))


def test_a_condition_said_once_in_the_first_predicate_is_never_cut_away() -> None:
    conditioned = PATROL.replace(
        "trên các tuyến đê xung yếu", "trên các tuyến đê xung yếu khi có lệnh của Ban chỉ huy phòng chống thiên tai xã"
    )  # not "Đội dân phòng bảo đảm trực 24/24 giờ …" alone: the order may govern every predicate
    assert coordinated(conditioned.rstrip("."), 38, listenable) == []
    # Too long to say whole and no faithful cut: nothing is said rather than a duty without its condition
    assert split_units(conditioned) == []


def test_an_exception_at_the_end_may_govern_every_predicate_so_the_provision_is_not_cut() -> None:
    excepted = PATROL.rstrip(".") + ", trừ những ngày nước sông xuống thấp"
    assert coordinated(excepted, 38, listenable) == []
    # Too long to say whole and no faithful cut: nothing is said rather than a duty without its exception
    assert split_units(excepted) == []


def test_a_sentence_opening_with_a_condition_is_not_cut() -> None:
    conditioned = "Khi có mưa lũ, " + PATROL[0].lower() + PATROL[1:]
    assert coordinated(conditioned.rstrip("."), 38, listenable) == []


def _heard(text: str) -> bool:
    return listenable(finish(text))


def test_an_organisation_in_the_object_list_is_not_taken_for_a_second_act() -> None:
    text = (
        "Ủy ban nhân dân xã phối hợp với cơ quan, tổ chức quản lý công trình thủy lợi, trạm bơm, kênh mương nội đồng "
        "trên địa bàn xã"
    )  # "Ủy ban nhân dân xã tổ chức quản lý công trình thủy lợi …" would give the commune a task the law does not
    assert coordinated(text, 38, _heard) == []


def test_an_act_named_in_a_list_is_not_a_second_act() -> None:
    text = (
        "Hợp tác xã phối hợp với các hộ dân trong việc thu gom, phân loại, vận chuyển, xử lý rác thải sinh hoạt "
        "tại các điểm tập kết của thôn trước ngày 15 hằng tháng"
    )
    assert coordinated(text, 38, _heard) == []


def test_a_provision_opening_with_an_act_has_no_holder_to_repeat() -> None:
    text = (
        "Hỗ trợ, hợp tác với lực lượng bảo đảm an ninh trật tự ở cơ sở trong việc phát hiện và xử lý các hành vi "
        "gây rối tại khu dân cư, tăng cường tuần tra vào ban đêm ở các tuyến ngõ vắng người qua lại"
    )  # not "Hỗ trợ, hợp tác với lực lượng tăng cường tuần tra …"
    assert coordinated(text, 38, _heard) == []


SUPPORT = (
    "Người dân được hỗ trợ 2.000.000 đồng một lần để sửa chữa nhà ở bị hư hỏng do bão lũ theo danh sách đã được "
    "phê duyệt, chịu trách nhiệm hoàn trả toàn bộ số tiền đã nhận trong vòng 30 ngày khi bị phát hiện kê khai sai."
)


def test_a_duty_after_a_right_is_never_said_as_a_right() -> None:
    assert coordinated(SUPPORT.rstrip("."), 38, _heard) == []  # not "Người dân được chịu trách nhiệm hoàn trả …"
    # too long to say whole, and the right is never said without the duty its holder owes (sentences.shorten)
    assert split_units(SUPPORT) == []


# A plan's task and its labelled details ("…, thời gian …, mức thu …"): the task, then "Cụ thể, …" with its date
# and amount, word for word (made-up)
RABIES = (
    "Ủy ban nhân dân xã tổ chức tiêm vắc xin phòng bệnh dại cho chó, mèo của các hộ gia đình trên địa bàn các thôn "
    "Đông, thôn Tây, thôn Nam, thôn Bắc và khu dân cư mới, thời gian từ ngày 05 tháng 4 năm {year} đến ngày 15 tháng 4 "
    "năm {year}, mức thu 30.000 đồng/con."
)


def test_a_task_is_said_then_its_labelled_details_with_date_and_amount() -> None:
    task, details = split_units(RABIES.format(year=YEAR))
    assert task.startswith("Ủy ban nhân dân xã tổ chức tiêm vắc xin phòng bệnh dại") and task.endswith("khu dân cư mới.")
    assert details == (
        f"Cụ thể, thời gian từ ngày 05 tháng 4 năm {YEAR} đến ngày 15 tháng 4 năm {YEAR}, mức thu là 30.000 đồng/con."
    )
    assert all(listenable(s) and not check(s) for s in (task, details))


def test_details_are_said_word_for_word_when_heard_whole() -> None:
    text = (
        "Hỗ trợ một lần cho người cao tuổi từ đủ 80 tuổi trở lên chưa hưởng lương hưu, trợ cấp bảo hiểm xã hội hằng tháng, "
        f"người khuyết tật nặng, trẻ em mồ côi cả cha và mẹ, mức 500.000 đồng/người, thời gian chi trả trước ngày 20 "
        f"tháng 12 năm {YEAR}."
    )
    grant, details = split_units(text)
    assert grant.endswith("người khuyết tật nặng, trẻ em mồ côi cả cha và mẹ.")  # every group, none cut
    assert details == f"Cụ thể, mức 500.000 đồng/người, thời gian chi trả trước ngày 20 tháng 12 năm {YEAR}."


def test_details_after_a_colon_drop_a_last_one_without_figures_rather_than_the_amount_and_date() -> None:
    text = (
        "Hộ nghèo, hộ cận nghèo có người từ đủ 75 tuổi trở lên được hỗ trợ tiền điện sinh hoạt: mức hỗ trợ 50.000 "
        f"đồng/hộ/tháng, thời gian hỗ trợ từ tháng 01 đến hết tháng 12 năm {YEAR}, hình thức chi trả bằng tiền mặt tại "
        "nhà văn hóa thôn hoặc chuyển khoản qua tài khoản của hộ."
    )
    grant, details = labelled(text.rstrip("."), 38, _heard)
    assert grant == "Hộ nghèo, hộ cận nghèo có người từ đủ 75 tuổi trở lên được hỗ trợ tiền điện sinh hoạt"
    assert details == f"Cụ thể, mức hỗ trợ 50.000 đồng/hộ/tháng, thời gian hỗ trợ từ tháng 01 đến hết tháng 12 năm {YEAR}"


def test_a_shortened_rule_keeps_its_period_written_short() -> None:
    text = (
        "Hộ gia đình có chó, mèo nuôi được tiêm phòng bệnh dại miễn phí tại điểm tiêm của thôn, trong thời gian từ ngày "
        f"05 đến ngày 15 tháng 4 năm {YEAR}, tại nhà văn hóa thôn Đông, nhà văn hóa thôn Tây, trạm y tế xã và điểm tiêm "
        "lưu động."
    )
    said = split_units(text)
    assert said and all(f"từ ngày 05 đến ngày 15 tháng 4 năm {YEAR}" in s for s in said)  # never free for all time


def test_the_details_ride_on_their_task_in_the_script() -> None:
    body = f"Điều 1. Tiêm phòng\n{RABIES.format(year=YEAR)}\n"
    said = script(f"Về việc tiêm phòng bệnh dại cho chó, mèo năm {YEAR}", body)
    at = next(i for i, s in enumerate(said) if s.startswith("Cụ thể, "))
    assert said[at - 1].startswith("Ủy ban nhân dân xã tổ chức tiêm vắc xin")  # never heard apart from its task


def test_details_that_may_govern_the_task_are_not_cut_off() -> None:
    excepted = RABIES.format(year=YEAR).rstrip(".") + ", trừ chó nghiệp vụ của lực lượng công an."
    assert labelled(excepted.rstrip("."), 38, _heard) == []
    assert not any(s.startswith("Cụ thể, ") for s in split_units(excepted))


def test_a_part_that_is_no_label_is_not_taken_for_a_detail() -> None:
    text = (
        "Hội Nông dân xã phối hợp với các chi hội thôn vận động hội viên tham gia bảo hiểm y tế hộ gia đình, "
        "thời vụ gieo cấy lúa đông xuân trên các cánh đồng mẫu lớn của xã"
    )  # "thời vụ" is no "thời gian": nothing is cut there
    assert labelled(text, 38, _heard) == []


# A rule whose object closes on a list of kinds, some said short ("cơ sở y tế xã A, y tế thôn B"): the rule with the
# thing named once, then the kinds word for word (made-up)
CLINICS = (
    "Mức giá quy định tại khoản 1 Điều này là mức thu tối đa của dịch vụ tiêm phòng cho vật nuôi đối với cơ sở thú y "
    "xã Đông, thú y xã Tây, cơ sở thú y thôn Nam và cơ sở thú y do hợp tác xã nông nghiệp quản lý công lập, đồng thời là "
    "mức hỗ trợ cho hộ chăn nuôi tại cơ sở thú y xã Đông, thú y xã Tây, cơ sở thú y thôn Nam và cơ sở thú y tư nhân."
)


def test_a_closing_list_of_kinds_is_said_after_the_rule_with_the_thing_named_once() -> None:
    rule, kinds_said, also_said = split_units(CLINICS)
    assert rule == "Mức giá là mức thu tối đa của dịch vụ tiêm phòng cho vật nuôi đối với cơ sở thú y."
    assert kinds_said == (
        "Đó là cơ sở thú y xã Đông, thú y xã Tây, cơ sở thú y thôn Nam và cơ sở thú y do hợp tác xã nông nghiệp quản lý công lập."
    )  # "công lập", said of every kind, stays with them word for word
    assert also_said.startswith("Mức giá đồng thời là mức hỗ trợ cho hộ chăn nuôi")


def test_a_negated_rule_keeps_its_list() -> None:
    text = (
        "Hộ gia đình không được chăn thả gia súc tại khu vực đê sông Đông, khu vực đê sông Tây, đê bao thôn Nam "
        "và khu vực đê bao thôn Bắc trong mùa mưa lũ hằng năm của xã"
    )
    assert listed_after(text, 38, _heard) == []


def test_an_aside_goes_from_a_long_provision_but_never_one_that_qualifies_or_counts() -> None:
    aside = "(Trưởng ban phòng cháy, chữa cháy rừng của xã)"
    text = (
        f"Khi đám cháy có nguy cơ lan sang khu dân cư, Chủ tịch Ủy ban nhân dân xã {aside} phải huy động ngay dân quân, "
        "công an xã và người dân tham gia chữa cháy trong vòng 30 phút."
    )
    assert split_units(text) == [
        "Khi đám cháy có nguy cơ lan sang khu dân cư, Chủ tịch Ủy ban nhân dân xã phải huy động ngay dân quân, công an xã "
        "và người dân tham gia chữa cháy trong vòng 30 phút."
    ]
    for kept in ("(không kể người lái đò)", "(trừ ngày lễ, Tết)", "(đồng/người)", "(nếu có)"):
        assert kept in plain(text.replace(aside, kept))

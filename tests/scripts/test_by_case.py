"""A benefit whose rate depends on the case ("… như sau: a) 100% chi phí … đối với trẻ em …; b) 95% …") is said as one
sentence per case, with its holder, rate, base, scope and condition, or not split (made-up provisions)."""

from __future__ import annotations

from scripts.by_case import by_case
from scripts.listener import check
from scripts.sentences import listenable, split_units
from tests.scripts.made_up import script

CARE = (
    "Người tham gia bảo hiểm y tế khi đi khám bệnh, chữa bệnh đúng quy định được quỹ bảo hiểm y tế thanh toán chi phí "
    "khám bệnh, chữa bệnh trong phạm vi được hưởng như sau: a) 100% chi phí khám bệnh, chữa bệnh đối với trẻ em dưới 6 "
    "tuổi; b) 95% chi phí khám bệnh, chữa bệnh đối với người hưởng lương hưu; c) 80% chi phí khám bệnh, chữa bệnh đối "
    "với các đối tượng khác."
)
PAID = " khi đi khám bệnh, chữa bệnh đúng quy định được quỹ bảo hiểm y tế thanh toán {} chi phí khám bệnh, chữa bệnh trong phạm vi được hưởng."


def test_each_case_is_said_with_its_group_rate_base_scope_and_condition() -> None:
    said = split_units(CARE)
    assert said == [
        "Trẻ em dưới 6 tuổi" + PAID.format("100%"),
        "Người hưởng lương hưu" + PAID.format("95%"),
        "Người thuộc các đối tượng khác" + PAID.format("80%"),
    ]  # never dropped as too long, never "95% chi phí … đối với người hưởng lương hưu." alone
    assert all(listenable(s) and not check(s) for s in said)


def test_a_holder_not_named_by_the_payer_keeps_its_own_words() -> None:
    lead = "Người đang hưởng trợ cấp thất nghiệp khi học nghề đúng quy định được ngân sách tỉnh hỗ trợ chi phí học nghề như sau: "
    said = by_case(
        [lead + "a) 100% chi phí học nghề đối với người khuyết tật", "b) 70% chi phí học nghề đối với các đối tượng khác"]
    )
    assert said == [
        "Người khuyết tật đang hưởng trợ cấp thất nghiệp khi học nghề đúng quy định được ngân sách tỉnh hỗ trợ 100% chi phí học nghề",
        "Người đang hưởng trợ cấp thất nghiệp thuộc các đối tượng khác khi học nghề đúng quy định được ngân sách tỉnh hỗ trợ 70% chi phí học nghề",
    ]


def test_households_take_the_household_holder_place() -> None:
    lead = "Hộ gia đình tham gia bảo hiểm y tế được ngân sách tỉnh hỗ trợ mức đóng như sau: "
    said = by_case([lead + "bằng 50% mức đóng đối với hộ nghèo", "bằng 30% mức đóng đối với hộ cận nghèo"])
    assert said == [
        "Hộ nghèo tham gia bảo hiểm y tế được ngân sách tỉnh hỗ trợ bằng 50% mức đóng",
        "Hộ cận nghèo tham gia bảo hiểm y tế được ngân sách tỉnh hỗ trợ bằng 30% mức đóng",
    ]


def test_an_exception_a_cap_or_another_base_keeps_the_provision_as_it_was() -> None:
    lead = "Hộ gia đình tham gia bảo hiểm y tế được ngân sách tỉnh hỗ trợ mức đóng như sau: bằng 50% mức đóng đối với hộ nghèo"
    excepted = [lead, "bằng 30% mức đóng đối với hộ cận nghèo, trừ hộ đã được hỗ trợ"]
    other_base = [lead, "bằng 30% chi phí đi lại đối với hộ cận nghèo"]  # not what the lead gives
    no_holder = [
        "Quỹ thanh toán chi phí khám bệnh như sau: 100% chi phí khám bệnh đối với trẻ em",
        "80% chi phí khám bệnh đối với người khác",
    ]
    for pieces in (excepted, other_base, no_holder):
        assert by_case(pieces) == pieces


def test_the_cases_are_said_in_a_drafted_script() -> None:
    body = f"Điều 1. Mức hưởng khám bệnh, chữa bệnh\n{CARE}\n"
    said = script("Quy định mức hưởng khám bệnh, chữa bệnh bảo hiểm y tế trên địa bàn tỉnh", body)
    assert "Trẻ em dưới 6 tuổi" + PAID.format("100%") in said
    assert "Người hưởng lương hưu" + PAID.format("95%") in said


def test_a_scope_that_ends_on_what_is_due_is_no_cut() -> None:
    assert not check("Trẻ em được quỹ bảo hiểm y tế thanh toán chi phí khám bệnh trong phạm vi được hưởng.")
    assert check("Người tham gia bảo hiểm y tế khi khám bệnh được thanh toán.")  # cut: how much?


def test_cases_written_as_points_keep_the_lead_condition_and_scope() -> None:
    lead, cases = CARE.split(" a) ")
    points = "\n".join(f"{m}) {c.strip()}" for m, c in zip("abc", cases.replace(" b) ", " ").replace(" c) ", " ").split(";")))
    body = f"Điều 1. Mức hưởng khám bệnh, chữa bệnh\n1. {lead}\n{points}\n"
    said = script("Quy định mức hưởng khám bệnh, chữa bệnh bảo hiểm y tế trên địa bàn tỉnh", body)
    assert "Người hưởng lương hưu" + PAID.format("95%") in said
    assert not any(s.startswith("Người tham gia bảo hiểm y tế khi đi khám bệnh được thanh toán") for s in said)


def test_a_case_that_is_a_situation_is_said_first_with_the_whole_holder() -> None:
    said = split_units(
        "Người tham gia bảo hiểm y tế được quỹ bảo hiểm y tế thanh toán chi phí điều trị nội trú như sau: a) 100% chi phí "
        "điều trị nội trú đối với trường hợp tự đi khám tại bệnh viện tuyến tỉnh; b) 40% chi phí điều trị nội trú đối với "
        "trường hợp tự đi khám tại bệnh viện tuyến trung ương."
    )
    assert said[0] == (
        "Trường hợp tự đi khám tại bệnh viện tuyến tỉnh, người tham gia bảo hiểm y tế được quỹ bảo hiểm y tế thanh toán "
        "100% chi phí điều trị nội trú."
    )  # never "Người thuộc trường hợp tự đi khám …"


def test_residents_of_a_scheme_keep_it_when_the_state_pays() -> None:
    said = split_units(
        "Người dân tham gia bảo hiểm xã hội tự nguyện được ngân sách nhà nước hỗ trợ tiền đóng như sau: a) 30% tiền đóng "
        "đối với người thuộc hộ nghèo; b) 10% tiền đóng đối với các đối tượng khác."
    )
    assert said == [
        "Người thuộc hộ nghèo tham gia bảo hiểm xã hội tự nguyện được ngân sách nhà nước hỗ trợ 30% tiền đóng.",
        "Người dân tham gia bảo hiểm xã hội tự nguyện thuộc các đối tượng khác được ngân sách nhà nước hỗ trợ 10% tiền đóng.",
    ]

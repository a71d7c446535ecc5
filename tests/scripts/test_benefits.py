"""One list of who receives a benefit (scripts/benefits.py), heard by each stage that says a benefit as received;
made-up texts."""

import pytest

from scripts.benefits import BENEFICIARY_WORDS
from scripts.point_leads import received
from scripts.relief import as_received
from scripts.resident_voice import in_residents_voice
from scripts.sentences import capfirst


@pytest.mark.parametrize("who", BENEFICIARY_WORDS)
def test_an_agency_task_is_said_as_received_for_every_beneficiary(who: str) -> None:
    said = as_received(f"Cục Thuế gia hạn nộp thuế cho {who} kinh doanh tại chợ Tân An trong tháng 6.")
    assert said == f"{capfirst(who)} kinh doanh tại chợ Tân An được gia hạn nộp thuế trong tháng 6."


@pytest.mark.parametrize("who", BENEFICIARY_WORDS)
def test_a_point_without_its_giver_is_said_as_received_for_every_beneficiary(who: str) -> None:
    said = received(f"Hỗ trợ 500.000 đồng cho {who} ở xã Tân An.")
    assert said == f"{capfirst(who)} ở xã Tân An được hỗ trợ 500.000 đồng."


@pytest.mark.parametrize("who", BENEFICIARY_WORDS)
def test_an_office_task_is_said_as_received_for_every_beneficiary(who: str) -> None:
    said = in_residents_voice(f"Hỗ trợ 500.000 đồng cho {who} ở xã Tân An.")
    assert said == f"{capfirst(who)} ở xã Tân An được hỗ trợ 500.000 đồng."


def test_each_stage_hears_the_verbs_of_the_others() -> None:
    assert as_received("Ủy ban nhân dân tỉnh tặng quà cho người có công trong dịp Tết.") == (
        "Người có công được tặng quà trong dịp Tết."
    )  # "tặng" was only the directive's and the point's verb
    assert received("Gia hạn nộp học phí cho sinh viên thuộc hộ nghèo.") == (
        "Sinh viên thuộc hộ nghèo được gia hạn nộp học phí."
    )  # "gia hạn" was only the agency's and the directive's verb

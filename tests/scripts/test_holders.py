"""The resident nouns the stages share (scripts/holders.py) are heard by each stage that reads them; made-up texts."""

import re

from scripts.benefits import beneficiary
from scripts.choice import PEOPLE, RESIDENT_LEAD
from scripts.holders import PERSON_HEADS, RESIDENT_HEADS
from scripts.long_parts import NOT_A_HOLDER as PART_NOT_A_HOLDER
from scripts.long_rules import NOT_A_HOLDER as RULE_NOT_A_HOLDER
from scripts.resident_lead import HOLDER_RULE
from scripts.resident_voice import RESIDENTS


def test_a_resident_head_is_addressed_by_a_task_and_receives_a_benefit() -> None:
    for head in RESIDENT_HEADS:
        assert re.fullmatch(RESIDENTS, head), head
        assert re.match(beneficiary(), f"{head} ở xã An Phú"), head
    assert re.fullmatch(RESIDENTS, "bà con nhân dân") and re.fullmatch(RESIDENTS, "chủ tàu cá")  # the longer first


def test_a_person_head_holds_a_right_in_each_stage_that_looks_for_one() -> None:
    for head in PERSON_HEADS:
        said = f"{head.capitalize()} ở xã An Phú được hỗ trợ 200.000 đồng."
        assert HOLDER_RULE.match(said) and RESIDENT_LEAD.search(said) and PEOPLE.search(said), head


def test_a_case_opening_is_no_holder_of_a_long_rule() -> None:
    for opening in ("Khi có bão", "Trường hợp mất giấy", "Việc đăng ký", "Căn cứ kế hoạch"):
        assert PART_NOT_A_HOLDER.search(opening) and RULE_NOT_A_HOLDER.search(opening), opening

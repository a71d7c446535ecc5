"""Issue 19, resident first: when the headline rules find nothing, the lead is a resident's right, duty, payment or a
ban taken from what the script says, whole and short, never an office's task, a scope, an exemption or a fragment."""

from __future__ import annotations

from pathlib import Path

from scripts.draft import draft
from scripts.legal import parse
from scripts.listener import check
from scripts.resident_lead import lead_worthy, resident_lead
from scripts.selection import Candidate, Source

DATA = Path(__file__).parent / "data"


def cand(text: str, score: float = 5.0, table: bool = False) -> Candidate:
    return Candidate(text, Source("2", "1", None, text), score, 0, int(score * 10), table)


BAN = "Khi công bố khô hạn cấp III, cấm đốt cỏ khô trên đồng cỏ chăn thả."


def test_a_residents_right_duty_or_a_ban_is_lead_worthy() -> None:
    assert lead_worthy(BAN)
    assert lead_worthy("Chủ hộ chăn nuôi phải tiêm phòng lở mồm long móng cho đàn bò.")
    assert lead_worthy("Người chăn thả bò trên đồng cỏ xã được hỗ trợ 150.000 đồng mỗi con.")


def test_what_must_never_lead_is_not_lead_worthy() -> None:
    never = [
        "Ủy ban nhân dân cấp xã phải kiểm tra các đồng cỏ chăn thả trên địa bàn.",  # an office's task
        "Người đứng đầu trạm thú y xã phải báo cáo số bò bị bệnh hằng tháng.",  # an office's people
        "Người chăn nuôi bò thịt trong vùng đồi, hưởng giá thu mua của hợp tác xã.",  # a group named, no rule
        "Người khuyết tật được miễn lệ phí kiểm dịch bò.",  # an item of a list of exemptions
        "Hộ gia đình, cá nhân thuộc phạm vi áp dụng của quy định này phải tuân thủ quy định này.",  # a scope
        "Người chăn thả bò dưới 04 giờ thì được tính bằng 1/2 ngày chăn thả.",  # a counting rule
        "Chủ hộ chăn nuôi có trách nhiệm sau đây:",  # a lead without its list
        "Người chăn thả bò trên đồng cỏ của xã, của thôn hoặc của hợp tác xã phải đăng ký số bò, "
        "nơi chăn thả và thời gian chăn thả với trưởng thôn.",  # too long once its date is said
    ]
    assert [t for t in never if lead_worthy(t)] == []


def test_an_amount_or_a_ban_leads_before_a_duty_and_a_table_row_never() -> None:
    duty = cand("Chủ hộ chăn nuôi phải tiêm phòng lở mồm long móng cho đàn bò.", 9.0)
    paid = cand("Người chăn thả bò trên đồng cỏ xã được hỗ trợ 150.000 đồng mỗi con.", 6.0)
    row = cand("Người chăn thả bò được hỗ trợ 150.000 đồng/con.", 12.0, table=True)
    assert resident_lead([duty, paid, row]) is paid
    assert resident_lead([duty, row]) is duty
    assert resident_lead([row]) is None


def test_a_document_whose_headline_rules_find_nothing_leads_with_its_ban_and_recaps_it() -> None:
    script = draft(parse((DATA / "qd-pasture-lead.txt").read_text(encoding="utf-8")))
    texts = [s.text for s in script.sentences]
    said = BAN[0].lower() + BAN[1:]
    assert texts[1].endswith(", " + said) and texts[1].startswith("Từ ngày"), texts
    assert [t for t in texts if t.startswith("Xin nhắc lại")] == ["Xin nhắc lại: " + said], texts
    assert sum(said in t for t in texts) == 2, "said as the lead and its recap, not again in the body"
    assert all(check(t) == [] for t in texts)


def test_what_a_holder_must_be_to_get_a_benefit_never_leads_the_benefit_does() -> None:
    from scripts.choice import pick_headline

    eligibility = "Người chăn thả bò được hỗ trợ phải có tên trong danh sách hộ chăn nuôi của thôn."
    assert not lead_worthy(eligibility)
    condition, paid = cand(eligibility, 9.0), cand("Người chăn thả bò trên đồng cỏ xã được hỗ trợ 150.000 đồng mỗi con.", 6.0)
    assert pick_headline([condition, paid]) is paid
    assert pick_headline([condition]) is None
    assert lead_worthy("Người chăn thả bò phải tiêm phòng cho đàn bò trước mùa mưa.")  # a duty of its own still leads


def test_the_holders_and_openings_laws_use_for_residents_are_lead_worthy() -> None:
    assert lead_worthy("Tổ chức, cá nhân chăn thả bò trên đồng cỏ của xã phải đăng ký với trưởng thôn.")
    assert lead_worthy("Ở các xã vùng đồi, cấm đốt cỏ khô trong mùa khô hạn.")
    assert lead_worthy("Đối với bò lai, chủ hộ chăn nuôi phải tiêm phòng hai lần mỗi năm.")
    assert lead_worthy("Nhân dân không được chăn thả bò trong rừng phòng hộ.")
    assert lead_worthy("Phụ huynh học sinh được miễn tiền sữa học đường cho con dưới 6 tuổi.") is False  # an exemption item
    assert not lead_worthy("Tổ chức thực hiện việc tiêm phòng cho đàn bò trên địa bàn xã.")  # "tổ chức" the verb: an order


def test_a_duty_of_a_benefits_holder_still_leads() -> None:
    assert lead_worthy("Người được hưởng trợ cấp chăn nuôi phải thông báo cho trưởng thôn khi bán bò.")
    assert lead_worthy("Hộ được hỗ trợ làm chuồng bò phải hoàn thành trước ngày 31 tháng 12 năm 2027.")
    assert not lead_worthy("Hộ được hỗ trợ làm chuồng bò phải có tên trong danh sách hộ nghèo của xã.")


def test_being_urged_or_told_is_never_the_main_point() -> None:
    assert not lead_worthy("Nhân dân được vận động tham gia giữ gìn vệ sinh đồng cỏ chăn thả của thôn.")
    assert not lead_worthy("Người chăn nuôi được hướng dẫn cách ủ thức ăn cho bò trong mùa khô.")
    assert lead_worthy("Người chăn nuôi được hỗ trợ 200.000 đồng để mua thức ăn cho bò trong mùa khô.")

"""Issue 19, resident first: the lead and its "Xin nhắc lại" are the provision that changes residents' lives most —
never an office's time limit, a rule for counting a rate, or a fragment; a fee document leads with its fee."""

from __future__ import annotations

from pathlib import Path

from scripts.choice import build_pool, pick_headline, procedure_or_counting
from scripts.draft import Sentence, draft
from scripts.legal import parse
from scripts.listener import check
from scripts.selection import Candidate, Source

DATA = Path(__file__).parent / "data"


def cand(text: str, score: float, table: bool = False) -> Candidate:
    return Candidate(text, Source("2", "1", None, text), score, 0, int(score * 10), table)


OFFICE_DEADLINE = "Trong thời hạn 05 ngày, kể từ ngày nhận danh sách, Ủy ban nhân dân xã phải trả 250.000 đồng cho người trực đê."
HALF_DAY = "Người trực đê dưới 04 giờ thì được tính bằng 1/2 ngày trực."
PAID = "Người tham gia trực đê được hỗ trợ 250.000 đồng mỗi ngày trực."


def test_an_offices_time_limit_or_a_counting_rule_never_leads() -> None:
    assert check(OFFICE_DEADLINE) == [] and check(HALF_DAY) == [], "both are fair sentences for the body"
    assert pick_headline([cand(OFFICE_DEADLINE, 12.0), cand(HALF_DAY, 11.0), cand(PAID, 6.0)]).text == PAID
    assert pick_headline([cand(OFFICE_DEADLINE, 12.0), cand(HALF_DAY, 11.0)]) is None
    duty = "Người trực đê phải mang theo áo phao và đèn pin."
    assert pick_headline([cand(HALF_DAY, 11.0), cand(duty, 6.0)]).text == duty


def test_a_residents_own_deadline_may_lead() -> None:
    duty = "Trong thời hạn 30 ngày, kể từ ngày chuyển đến, chủ hộ phải đăng ký tạm trú tại công an xã."
    assert not procedure_or_counting(duty)
    assert pick_headline([cand(duty, 9.0)]).text == duty


def test_a_fee_document_leads_with_its_first_labelled_fee_row() -> None:
    fee = cand("Lệ phí cấp giấy phép nuôi ong là 150.000 đồng/lần cấp.", 6.0, table=True)
    bare = cand("Mức thấp nhất là 90.000 đồng/lần cấp.", 7.0, table=True)
    group = cand("Nhóm 2: 120.000 đồng/lần cấp.", 8.0, table=True)
    assert pick_headline([group, bare, fee]) is fee
    assert pick_headline([group, bare]) is None, "a row without its label never leads"


def test_the_drafted_lead_and_recap_are_what_residents_are_paid() -> None:
    script = draft(parse((DATA / "qd-relief-lead.txt").read_text(encoding="utf-8")))
    texts = [s.text for s in script.sentences]
    assert texts[1].endswith(PAID[0].lower() + PAID[1:]), texts
    recaps = [t for t in texts if t.startswith("Xin nhắc lại")]
    assert recaps == ["Xin nhắc lại: " + PAID[0].lower() + PAID[1:]], texts
    assert all(check(t) == [] for t in texts)


def test_a_list_lead_that_lost_its_colon_is_said_with_its_items_not_glued_to_the_first() -> None:
    """ "… gồm các nội dung chủ yếu sau" then "số người được hỗ trợ, …" on the next line (no colon, no letter)."""
    doc = parse((DATA / "qd-relief-plan.txt").read_text(encoding="utf-8"))
    pool = [c.text for c in build_pool(doc)]
    said = "Phương án hỗ trợ người trực đê gồm số người được hỗ trợ, mức hỗ trợ và thời gian hỗ trợ."
    assert said in pool, pool
    assert not [t for t in pool if " sau số người" in t or t.startswith("Số người")], pool
    assert check(said) == []


def test_without_a_residents_right_duty_or_ban_the_bulletin_opens_with_the_document() -> None:
    group = cand("Người nuôi ong tham gia tổ hợp tác theo hợp đồng do chủ nhiệm hợp tác xã ký, hưởng lợi nhuận.", 9.0)
    assert check(group.text) == [], "a fair sentence for the body"
    assert pick_headline([group]) is None, "a group named is not a rule: it never leads"
    duty = cand("Người nuôi ong phải khai báo số đàn ong với trưởng thôn.", 5.0)
    assert pick_headline([group, duty]) is duty


def test_gom_is_a_verb_for_the_drafter_as_for_the_listener_check() -> None:
    from scripts.sentences import listenable

    said = "Hồ sơ đề nghị hỗ trợ trực đê gồm đơn của người trực và giấy xác nhận của trưởng thôn."
    assert listenable(said) and check(said) == []
    lead = "Hồ sơ đề nghị hỗ trợ trực đê gồm các giấy tờ chủ yếu sau."
    assert not listenable(lead) and [f.code for f in check(lead)] == ["cut"], "a lead without its list is neither"


def test_a_recap_of_a_lead_that_was_not_said_is_not_said_either() -> None:
    from scripts.draft import _audible

    doc = parse((DATA / "qd-relief-lead.txt").read_text(encoding="utf-8"))
    rule = (
        "người tham gia trực đê, canh đê, tuần tra đê hoặc hộ đê trong mùa mưa bão được hỗ trợ 250.000 đồng "
        "mỗi ngày trực và được cấp áo phao, đèn pin, ủng cao su"
    )
    lead, recap = f"Từ ngày 20 tháng 7 năm 2027, {rule}.", f"Xin nhắc lại: {rule}."
    assert [f.code for f in check(lead)] == ["too_long"] and check(recap) == [], "the date made the lead too long"
    closing = "Xin cảm ơn bà con đã lắng nghe."
    kept, _ = _audible(doc, [Sentence(lead, None), Sentence(closing, None), Sentence(recap, None)])
    assert [s.text for s in kept] == [closing]
    kept, _ = _audible(doc, [Sentence(rule.capitalize() + ".", None), Sentence(recap, None)])
    assert len(kept) == 2, "a recap of a lead that was said stays"


def test_a_change_for_everyone_who_draws_a_benefit_leads_before_one_for_some_of_them() -> None:
    some = cand("Tăng thêm 200.000 đồng/người/tháng đối với những người có mức hưởng thấp hơn 3.000.000 đồng/tháng.", 15.0)
    everyone = cand("Từ ngày 01 tháng 3 năm 2027, điều chỉnh tăng thêm 6% trên mức trợ cấp hằng tháng.", 12.0)
    assert pick_headline([some, everyone]) is everyone
    assert pick_headline([some]) is some

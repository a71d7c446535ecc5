"""Issue: the lead and its "Xin nhắc lại" are the provision residents feel most, said as a whole sentence with what
or whom it is about — a decree's subjectless rise ("điều chỉnh tăng thêm 6% trên mức …") with what it raises, a
tuition table's row with the word "Học phí" — and a long lead is never stretched by its date."""

from __future__ import annotations

from pathlib import Path

from scripts.adjusted import adjusted
from scripts.choice import pick_headline
from scripts.draft import draft
from scripts.legal import parse
from scripts.listener import check
from scripts.resident_lead import recap
from scripts.selection import Candidate, Source

DATA = Path(__file__).parent / "data"
RISE = (
    "Từ ngày 01 tháng 7 năm 2027, điều chỉnh tăng thêm 6% trên mức phụ cấp đê điều, trợ cấp thương tật hằng tháng "
    "của tháng 6 năm 2027 đối với các đối tượng quy định tại Điều 1 của Nghị định này."
)
SAID = "Từ ngày 01 tháng 7 năm 2027, phụ cấp đê điều, trợ cấp thương tật hằng tháng được tăng thêm 6%."


def cand(text: str, score: float, table: bool = False) -> Candidate:
    return Candidate(text, Source("2", "1", None, text), score, 0, int(score * 10), table)


def test_a_subjectless_rise_is_said_with_everything_it_raises_as_its_subject() -> None:
    assert adjusted(RISE, frozenset({"Điều 1"})) == SAID
    assert adjusted(RISE) is None, "Điều 1 said for all only when it is the document's scope"
    assert check(SAID) == []
    assert adjusted("Điều chỉnh giảm 5% so với mức phí vệ sinh của năm 2026.") == "Phí vệ sinh được giảm 5%."


def test_a_rise_for_some_people_only_is_never_said_as_a_rise_for_all() -> None:
    some = RISE.replace("các đối tượng quy định tại Điều 1 của Nghị định này", "những người có mức hưởng dưới 2.000.000 đồng")
    assert adjusted(some, frozenset({"Điều 1"})) is None
    assert adjusted("Điều chỉnh mức phụ cấp đê điều theo mức lương cơ sở.") is None, "no rate: not such a rise"


def test_a_rise_with_its_subject_leads_before_a_rise_for_some() -> None:
    some = "Tăng thêm 100.000 đồng/người/tháng đối với những người có mức hưởng thấp hơn 1.500.000 đồng/người/tháng."
    assert pick_headline([cand(SAID, 9.0)]) is not None, "a rise of what everyone draws is news for all"
    assert pick_headline([cand(some, 12.0), cand(SAID, 9.0)]).text == SAID


def test_the_drafted_decree_leads_and_recaps_with_the_rise() -> None:
    texts = [s.text for s in draft(parse((DATA / "nd-allowance-rise.txt").read_text(encoding="utf-8"))).sentences]
    assert texts[1] == SAID, texts
    assert "Xin nhắc lại: t" + SAID[1:] in texts
    assert not [t for t in texts if "trên mức phụ cấp đê điều." in t], "never cut to the first of what is raised"
    assert all(check(t) == [] for t in texts)


def test_the_recap_of_a_long_dated_lead_drops_its_date_and_keeps_its_rule() -> None:
    long = "Từ ngày 01 tháng 7 năm 2027, phụ cấp đê điều, trợ cấp thương tật và trợ cấp nuôi con hằng tháng được tăng thêm 6%."
    assert recap(long) == "Phụ cấp đê điều, trợ cấp thương tật và trợ cấp nuôi con hằng tháng được tăng thêm 6%."
    short = "Từ ngày 01 tháng 7 năm 2027, cấm thả trâu bò trên mặt đê."
    assert recap(short) == short
    row = "Phí vệ sinh hộ gia đình: khu vực xã 20 nghìn đồng, khu vực phường 30 nghìn đồng, khu vực thị trấn 25 nghìn đồng/hộ/tháng."
    assert recap(row) == "Phí vệ sinh hộ gia đình ở khu vực xã là 20 nghìn đồng/hộ/tháng."
    assert recap("Người " + "trực đê " * 15 + "được hỗ trợ 250.000 đồng.") == "", "too long to repeat even undated"


def test_a_tuition_row_says_it_is_tuition_and_of_which_schools_and_leads() -> None:
    text = (DATA / "nq-tuition-lead.txt").read_text(encoding="utf-8").replace(" chưa tự bảo đảm chi thường xuyên", "")
    texts = [s.text for s in draft(parse(text)).sentences]
    lead = (
        "Học phí giáo dục mầm non công lập: khu vực nông thôn (xã) 60 nghìn đồng, khu vực thành thị (phường) "
        "95 nghìn đồng/người học/tháng."
    )
    assert texts[1] == lead, texts
    assert "Nghị quyết này có hiệu lực từ ngày 25 tháng 8 năm 2027." in texts, "a long lead's date is said apart"
    recap = "Xin nhắc lại: học phí giáo dục mầm non công lập ở khu vực nông thôn (xã) là 60 nghìn đồng/người học/tháng."
    assert recap in texts, "a fee row too long to repeat is repeated by its first column, with its label"
    assert any(t.startswith("Học phí trung học phổ thông công lập: khu vực nông thôn (xã) 110 nghìn đồng") for t in texts)
    assert all(check(t) == [] for t in texts)


def test_a_tuition_row_keeps_the_whole_kind_of_school_it_is_for() -> None:
    texts = [s.text for s in draft(parse((DATA / "nq-tuition-lead.txt").read_text(encoding="utf-8"))).sentences]
    whole = "Học phí giáo dục mầm non công lập chưa tự bảo đảm chi thường xuyên: khu vực nông thôn (xã) 60 nghìn đồng"
    assert any(t.startswith(whole) for t in texts), texts
    assert not [t for t in texts if "công lập:" in t], "not every public school: self-funded ones pay more"
    assert all(check(t) == [] for t in texts)


def test_a_fee_row_with_its_columns_may_lead() -> None:
    row = cand(
        "Học phí giáo dục mầm non công lập: khu vực xã 50 nghìn đồng, khu vực phường 90 nghìn đồng/người học/tháng.", 6.0, True
    )
    assert pick_headline([row]) is row


def test_a_lead_too_long_for_its_date_leads_undated_and_the_date_is_said_apart() -> None:
    texts = [s.text for s in draft(parse((DATA / "nq-militia-day.txt").read_text(encoding="utf-8"))).sentences]
    paid = (
        "Dân quân khi được huy động, điều động làm nhiệm vụ phòng chống lụt bão, được hưởng trợ cấp ngày công lao động"
        " là 310.000 đồng/người/ngày."
    )
    assert texts[1] == paid, texts
    assert "Nghị quyết này có hiệu lực từ ngày 01 tháng 10 năm 2027." in texts
    assert all(check(t) == [] for t in texts)

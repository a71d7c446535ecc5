"""Amending laws and decrees ("Luật sửa đổi, bổ sung một số điều của Luật …"), read as a radio editor would.

Made-up documents of our own: a law amending a named law that an earlier law already amended, a decree amending a
decree, a law amending two laws. Each quoted provision is said as the rule now in force, cited in the law it amends.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.amended import amendments
from scripts.legal import LegalDocument, parse
from scripts.selection import Candidate, candidates

DATA = Path(__file__).parent / "data"


def _doc(name: str) -> LegalDocument:
    return parse((DATA / f"{name}.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def social_aid() -> list[Candidate]:
    return candidates(_doc("luat-amending-social-aid"))


def _said(pool: list[Candidate], start: str) -> Candidate:
    return next(c for c in pool if c.text.startswith(start))


def test_a_change_is_cited_in_the_named_law_it_amends_not_in_an_earlier_amending_law(social_aid: list[Candidate]) -> None:
    """ "Luật Trợ giúp xã hội số 25/2008/QH12 đã được sửa đổi … theo Luật số 30/2023/QH15": the provision is of the
    first, the law by its name."""
    allowance = _said(social_aid, "Người cao tuổi từ đủ 75 tuổi")
    assert allowance.source.label.endswith("sửa đổi, bổ sung khoản 2 Điều 12 của Luật Trợ giúp xã hội số 25/2008/QH12")
    assert not any("30/2023" in c.source.label for c in social_aid)


def test_an_added_clause_is_cited_in_the_article_it_is_added_to() -> None:
    """ "Bổ sung khoản 5 vào sau khoản 4 Điều 6": khoản 5 of Điều 6, not a "khoản 5" of no article."""
    changes, _ = amendments(_doc("luat-amending-veterinary").articles[0])
    assert [c.cite for c in changes][1] == "khoản 5 Điều 6 của Luật Thú y số 79/2015/QH13"


def test_the_heading_of_an_amending_article_is_never_a_sentence(social_aid: list[Candidate]) -> None:
    """ "Điều 1. Sửa đổi, bổ sung một số điều của Luật … đã được sửa đổi …" is long, but announces; it rules nothing."""
    assert not any(c.text.startswith("Sửa đổi, bổ sung một số điều") for c in social_aid)


def test_this_law_in_quoted_wording_is_the_amended_law_said_by_its_name(social_aid: list[Candidate]) -> None:
    card = _said(social_aid, "Người cao tuổi đủ 80 tuổi")
    assert "trước ngày Luật Trợ giúp xã hội có hiệu lực" in card.text
    assert "25/2008" not in card.text


def _script(name: str) -> list[str]:
    from scripts.draft import draft

    return [s.text for s in draft(_doc(name)).sentences]


def test_a_law_is_never_read_as_a_document_number() -> None:
    """ "Luật này sửa đổi, bổ sung văn bản số 25/2008/QH12": a number is no name; the title already names the law."""
    said = " ".join(_script("luat-amending-social-aid"))
    assert "văn bản số" not in said
    assert "25/2008/QH12" not in said and "30/2023/QH15" not in said


def test_a_law_amending_two_laws_names_both_by_name() -> None:
    said = _script("luat-amending-veterinary")
    assert "Luật này sửa đổi, bổ sung Luật Thú y và Luật Chăn nuôi." in said


AMENDING = """LUẬT
SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT TRỢ GIÚP XÃ HỘI
Luật số: 41/2030/QH15
Điều 1. Sửa đổi, bổ sung một số điều của Luật Trợ giúp xã hội số 25/2008/QH12
1. Sửa đổi, bổ sung khoản 1 Điều 9 như sau:
“1. {}”
Điều 2. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2031.
"""


@pytest.mark.parametrize(
    "wording",
    [
        # cut, the reference would give every household member a free card, or take it from all of them
        "Thẻ bảo hiểm y tế được cấp miễn phí cho thành viên hộ gia đình quy định tại khoản 1 Điều 8 của Luật này.",
        "Người thuộc hộ nghèo được cấp thẻ bảo hiểm y tế miễn phí, trừ thành viên hộ gia đình quy định tại khoản 1 Điều 8.",
        "Thành viên hộ gia đình theo quy định tại khoản 1 Điều 8 của Luật này được cấp thẻ bảo hiểm y tế miễn phí.",
        "Người thuộc hộ nghèo và thành viên hộ gia đình quy định tại điểm a, điểm b khoản 1 Điều 8 của Luật Trợ giúp xã hội "
        "số 25/2008/QH12 được cấp thẻ bảo hiểm y tế miễn phí.",
        # what "nêu trên" points back to is in the amended law: the listener never heard it
        "Người cao tuổi nêu trên được cấp thẻ bảo hiểm y tế miễn phí.",
    ],
)
def test_a_group_named_only_by_a_reference_into_the_amended_law_is_not_said_wider(wording: str) -> None:
    said = [c.text for c in candidates(parse(AMENDING.format(wording))) if c.source.article == "1"]
    assert said == []


def test_what_a_reference_gives_is_cut_and_the_rule_kept() -> None:
    """ "được hưởng chế độ quy định tại …": the reference says what they get, not who they are."""
    wording = "Người lao động được hưởng chế độ quy định tại khoản 1 Điều 8 của Luật này khi nghỉ việc."
    said = [c.text for c in candidates(parse(AMENDING.format(wording))) if c.source.article == "1"]
    assert said == ["Người lao động được hưởng chế độ khi nghỉ việc."]


def test_the_governments_power_to_add_groups_is_not_read_to_residents() -> None:
    """ "Chính phủ quy định bổ sung các nhóm đối tượng khác …": rules to be made later, the agencies' work."""
    assert not any(s.startswith("Chính phủ quy định") for s in _script("luat-amending-social-aid"))


def test_the_lead_is_what_residents_get_not_how_they_file_for_it() -> None:
    """ "người nuôi được hưởng hỗ trợ phải nộp hồ sơ …" is how to claim; the support itself leads."""
    lead = _script("luat-amending-veterinary")[1]
    assert "50.000 đồng/kg" in lead and "nộp hồ sơ" not in lead


def test_a_transitional_rule_keeps_the_old_rules_without_reading_their_number() -> None:
    said = _script("nd-amending-disaster-aid")
    kept = next(s for s in said if "tiếp tục được xem xét" in s)
    assert kept.endswith("theo quy định cũ.")
    assert "45/2019" not in kept


def test_an_old_rule_kept_is_never_the_lead_nor_new_from_the_start_date() -> None:
    from scripts.choice import pick_headline
    from scripts.selection import Source

    kept = "Người đang hưởng trợ cấp xã hội tiếp tục được hưởng mức 500.000 đồng/tháng đến hết năm 2031."
    pool = [Candidate(kept, Source("2", "2", None, kept), 14.0)]
    assert pick_headline(pool) is None


DECREE = """NGHỊ ĐỊNH
Sửa đổi, bổ sung một số điều của Nghị định số 45/2029/NĐ-CP
Số: 58/2030/NĐ-CP
Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 45/2029/NĐ-CP
1. Sửa đổi, bổ sung khoản 2 Điều 6 như sau:
“2. Hộ gia đình có nhà ở bị sập đổ do thiên tai được hỗ trợ 60.000.000 đồng/hộ.”
2. Sửa đổi, bổ sung điểm a khoản 1 Điều 8 như sau:
“a) Hộ gia đình quy định tại khoản 2 Điều {article} Nghị định này nộp đơn đề nghị hỗ trợ trong thời hạn 15 ngày.”
Điều 2. Hiệu lực thi hành
1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 10 năm 2031.
2. Hộ gia đình đã nộp hồ sơ trước ngày 01 tháng 10 năm 2031 được xét theo mức cũ.
"""


def _filing(article: str) -> list[str]:
    return [c.text for c in candidates(parse(DECREE.format(article=article))) if "15 ngày" in c.text]


def test_a_reference_in_new_wording_is_resolved_against_the_wording_it_quotes() -> None:
    """ "Hộ gia đình quy định tại khoản 2 Điều 6 Nghị định này": Điều 6 of the amended decree, whose new khoản 2
    this decree quotes, said by its own words."""
    assert _filing("6") == ["Hộ gia đình có nhà ở bị sập đổ do thiên tai nộp đơn đề nghị hỗ trợ trong thời hạn 15 ngày."]


def test_a_reference_in_new_wording_never_means_the_amending_documents_own_article() -> None:
    """ "khoản 2 Điều 2 Nghị định này" in the quotes is the old decree's, which this decree does not quote; its own
    khoản 2 Điều 2 names other households: not said rather than said of the wrong group."""
    assert _filing("2") == []


def test_a_partial_repeal_of_another_law_is_said_as_partial_and_by_the_laws_name() -> None:
    """ "Điều 3. Bãi bỏ một số quy định của Luật Trồng trọt" + "Bãi bỏ khoản 3 Điều 5 … của Luật Trồng trọt số …": one
    law named once, a part of it repealed; the name never runs on into the line after the heading."""
    from scripts.draft import draft

    text = (DATA / "luat-amending-veterinary.txt").read_text(encoding="utf-8")
    text = text.replace(
        "Điều 3. Hiệu lực thi hành",
        "Điều 3. Bãi bỏ một số quy định của Luật Trồng trọt\n"
        "Bãi bỏ khoản 3 Điều 5 và Điều 17 của Luật Trồng trọt số 31/2018/QH14.\n\nĐiều 4. Hiệu lực thi hành",
    )
    said = [s.text for s in draft(parse(text)).sentences]
    assert "Luật này bãi bỏ một số quy định của Luật Trồng trọt." in said

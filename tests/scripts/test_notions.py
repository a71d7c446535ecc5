"""Definitions, scales, beneficiaries, filing routes and places (issue 19): news for residents, said whole.

Every document here is made up; each test fails without the pattern it names.
"""

from __future__ import annotations

import pytest

from scripts.choice import MIN_SCORE
from scripts.legal import parse
from scripts.listener import check
from scripts.notions import beneficiary, bonus, places, scale
from scripts.selection import Candidate, candidates
from scripts.units import passage_units

HEADER = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 07/2030/QĐ-UBND

An Bình, ngày 02 tháng 3 năm 2030

QUYẾT ĐỊNH
{title}

ỦY BAN NHÂN DÂN TỈNH AN BÌNH

QUYẾT ĐỊNH:

"""

TRANSPORT = (
    HEADER.format(title="Quy định về xe chở nông sản quá khổ trên đường xã")
    + """Điều 1. Giải thích từ ngữ
1. Xe quá khổ là xe chở nông sản có chiều rộng > 2,5 m hoặc chiều cao > 4,2 m.
2. Xe quá tải là xe chở nông sản có khối lượng toàn bộ > 30 tấn.
Điều 2. Cấp phép lưu hành xe quá khổ
1. Thẩm quyền cấp giấy phép lưu hành a) Sở Xây dựng tổ chức cấp giấy phép lưu hành trong trường hợp xe có hành trình qua đường tỉnh.
b) Ủy ban nhân dân cấp xã tổ chức cấp giấy phép lưu hành trong trường hợp xe chỉ có hành trình trên đường xã.
2. Trình tự cấp giấy phép a) Chủ xe nộp 01 bộ hồ sơ trực tiếp hoặc qua hệ thống bưu chính hoặc qua hệ thống dịch vụ công trực tuyến đến cơ quan cấp giấy phép.
Điều 3. Trách nhiệm thi hành
Sở Xây dựng chủ trì, phối hợp với các sở, ngành tổng hợp, báo cáo kết quả thực hiện.
"""
)


def _by_text(doc_text: str) -> dict[str, Candidate]:
    return {c.text: c for c in candidates(parse(doc_text))}


def test_a_definition_with_a_measurable_threshold_is_news_said_with_its_units() -> None:
    pool = _by_text(TRANSPORT)
    wide = pool["Xe quá khổ là xe chở nông sản có chiều rộng trên 2,5 m hoặc chiều cao trên 4,2 m."]
    heavy = pool["Xe quá tải là xe chở nông sản có khối lượng toàn bộ trên 30 tấn."]
    agency = next(c for t, c in pool.items() if t.startswith("Sở Xây dựng chủ trì"))
    # without the rule a "Giải thích từ ngữ" article scores below zero, under the agency's reporting
    assert min(wide.score, heavy.score) >= MIN_SCORE > agency.score
    assert check(wide.text) == []  # "4,2 m." is a unit after its number, not a list letter


def test_where_and_how_to_file_and_which_office_decides_are_news() -> None:
    pool = _by_text(TRANSPORT)
    filing = pool[
        "Chủ xe nộp 01 bộ hồ sơ trực tiếp hoặc qua bưu chính hoặc qua dịch vụ công trực tuyến đến cơ quan cấp giấy phép."
    ]
    office = pool["Ủy ban nhân dân cấp xã tổ chức cấp giấy phép lưu hành trong trường hợp xe chỉ có hành trình trên đường xã."]
    assert filing.score >= MIN_SCORE and office.score >= MIN_SCORE
    assert filing.source.label == "điểm a khoản 2 Điều 2"  # the heading run into point a is not said, a) is cited


def test_a_clause_heading_run_into_its_first_point_leaves_the_point_its_own() -> None:
    article = parse(TRANSPORT).articles[1]
    units = {(clause, point): said for clause, point, _, said in passage_units(article)}
    assert units[("1", "a")] == "Sở Xây dựng tổ chức cấp giấy phép lưu hành trong trường hợp xe có hành trình qua đường tỉnh."


FIRE = (
    HEADER.format(title="Quy định cấp cảnh báo ngập lụt và vùng ngập trọng điểm")
    + """Điều 1. Cấp cảnh báo ngập lụt
1. Cấp cảnh báo ngập lụt trên địa bàn tỉnh An Bình gồm 4 cấp, từ cấp I đến cấp IV. Biển cảnh báo là hình vuông cạnh 1,2 m.
2. Điểm an toàn của hộ dân vùng ngập được dùng để theo dõi việc chuẩn bị phòng chống lụt bão của từng hộ trên hệ thống dữ liệu của xã, bao gồm 10 điểm.
Điều 2. Vùng ngập trọng điểm
Vùng ngập trọng điểm trên địa bàn tỉnh An Bình gồm thị trấn Bến Cát và các xã, phường: An Phú,
Bình Minh, Cát Tường, Đông Hòa, Gia Lộc, Hòa Bình, Kim Sơn, Long Hưng, Minh Đức, Nam Sơn, Phú Lâm, Quang Trung,
Sơn Hà, Tân Lập, Thanh Bình, Vĩnh Phúc.
"""
)


def test_a_scale_is_said_with_its_subject_and_its_range() -> None:
    texts = set(_by_text(FIRE))
    assert "Cấp cảnh báo ngập lụt gồm 4 cấp, từ cấp I đến cấp IV." in texts
    assert "Điểm an toàn của hộ dân vùng ngập gồm 10 điểm." in texts  # the purpose is left to the document
    assert scale("Rừng phòng hộ gồm ba loại.") == "Rừng phòng hộ gồm ba loại."


def test_a_list_of_places_is_said_whole_or_counted() -> None:
    assert "Vùng ngập trọng điểm gồm thị trấn Bến Cát và 16 xã, phường." in set(_by_text(FIRE))
    assert places("Vùng cấm thả diều gồm các xã, phường: An Phú, Bình Minh, Cát Tường") == (
        "Vùng cấm thả diều gồm các xã, phường: An Phú, Bình Minh, Cát Tường."
    )


@pytest.mark.parametrize(
    ("point", "said"),
    [
        (
            "Người cao tuổi từ đủ 75 tuổi trở lên đang cư trú tại các xã đặc biệt khó khăn.",
            ["Người cao tuổi từ đủ 75 tuổi trở lên đang cư trú tại xã đặc biệt khó khăn được hỗ trợ học phí."],
        ),
        (
            "Học sinh đang học tại các trường trung học cơ sở thuộc loại hình công lập, tư thục đã được cơ quan có thẩm quyền cho phép "
            "hoạt động theo đúng quy định có cha hoặc mẹ hoặc người giám hộ học sinh là ngư dân đang hành nghề khai thác "
            "hải sản xa bờ tại các vùng biển của tỉnh.",
            [
                "Học sinh được hỗ trợ học phí phải đang học tại trường trung học cơ sở công lập, tư thục.",
                "Học sinh được hỗ trợ học phí phải có cha hoặc mẹ hoặc người giám hộ là ngư dân đang hành nghề khai thác "
                "hải sản xa bờ tại các vùng biển của tỉnh.",
            ],
        ),
        ("Cơ quan, đơn vị thực hiện chi trả hỗ trợ.", []),  # an office, not a resident
    ],
)
def test_a_beneficiary_is_said_as_a_right_one_condition_per_sentence(point: str, said: list[str]) -> None:
    assert beneficiary(point, "Nghị quyết quy định mức hỗ trợ học phí") == said


def test_the_points_of_a_beneficiary_clause_become_candidates() -> None:
    doc = (
        HEADER.format(title="Quy định mức hỗ trợ tiền ăn trưa cho học sinh")
        + """Điều 1. Phạm vi điều chỉnh, đối tượng áp dụng
1. Phạm vi điều chỉnh Quyết định này quy định mức hỗ trợ tiền ăn trưa cho học sinh.
2. Đối tượng áp dụng a) Học sinh tiểu học đang học tại điểm trường lẻ ở thôn đặc biệt khó khăn.
b) Cơ quan, đơn vị có liên quan.
Điều 2. Mức hỗ trợ
Học sinh được hỗ trợ 200.000 đồng/tháng.
"""
    )
    assert "Học sinh tiểu học đang học tại điểm trường lẻ ở thôn đặc biệt khó khăn được hỗ trợ tiền ăn trưa." in set(
        _by_text(doc)
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Vùng nuôi tôm của tỉnh được chia thành 3 vùng, từ vùng 1 đến vùng 3.",  # "chia thành N vùng"
        "Rủi ro ngập lụt được phân làm năm cấp độ.",
        "Người đề nghị nộp hồ sơ tại Bộ phận một cửa của Ủy ban nhân dân cấp xã.",  # where to file, not how
        "Hộ gia đình nộp tờ khai tại Trung tâm phục vụ hành chính công của tỉnh.",
    ],
)
def test_other_ways_of_stating_a_scale_or_a_filing_place_count_as_news(sentence: str) -> None:
    assert bonus(sentence) >= 5.0


def test_a_clause_on_who_and_on_what_condition_is_a_beneficiary_clause_too() -> None:
    doc = (
        HEADER.format(title="Quy định chính sách trợ giúp người nuôi ong bị thiệt hại do rét")
        + """Điều 1. Đối tượng và điều kiện trợ giúp
1. Người nuôi ong có từ 10 đàn ong trở lên bị chết do rét đậm, rét hại.
Điều 2. Mức trợ giúp
Người nuôi ong được trợ giúp 300.000 đồng/đàn.
"""
    )
    assert "Người nuôi ong có từ 10 đàn ong trở lên bị chết do rét đậm, rét hại được trợ giúp." not in set(_by_text(doc))
    # "bị chết" is already a verb of its own: a beneficiary is said as a right only when it is a bare noun phrase
    other = doc.replace("bị chết do rét đậm, rét hại", "đang nuôi tại thôn vùng cao")
    assert "Người nuôi ong có từ 10 đàn ong trở lên đang nuôi tại thôn vùng cao được trợ giúp." in set(_by_text(other))


def test_an_item_of_the_applicability_article_is_never_said_alone() -> None:
    """ "Điều 1. Đối tượng áp dụng" then "1. Hộ gia đình có nhà ở bị sập đổ … do thiên tai.": the item was aired as a
    sentence that says nothing; it is said with the benefit ("… được hỗ trợ.") or not at all."""
    from tests.scripts.made_up import script

    body = """Điều 1. Đối tượng áp dụng
1. Hộ gia đình có nhà ở bị sập đổ, cuốn trôi, hư hỏng nặng do thiên tai.
2. Hộ gia đình có người chết, mất tích do thiên tai.
Điều 2. Mức hỗ trợ
1. Hộ gia đình có nhà ở bị sập đổ, cuốn trôi được hỗ trợ làm nhà ở 40.000.000 đồng/hộ.
2. Hộ gia đình có người chết, mất tích do thiên tai được hỗ trợ mai táng phí 10.000.000 đồng/người.
"""
    said = script("Về việc quy định mức hỗ trợ khắc phục hậu quả thiên tai cho hộ gia đình", body)
    assert not any(s.rstrip(".").endswith("do thiên tai") for s in said), said
    assert any("được hỗ trợ làm nhà ở 40.000.000 đồng/hộ" in s for s in said)

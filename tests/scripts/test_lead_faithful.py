"""Issue: a lead or its "Xin nhắc lại" says no more than the provision, and no less — never a rise for some places,
people or time as a rise for all, never a fee of some schools as a fee of all, never a limited time as for good."""

from __future__ import annotations

from scripts.adjusted import adjusted, whole_scope
from scripts.legal import parse
from scripts.resident_lead import recap
from scripts.tables import tuition_label

ARTICLE_ONE = frozenset({"Điều 1"})


def test_a_rise_with_anything_after_its_month_is_not_said() -> None:
    places = (
        "Từ ngày 01 tháng 7 năm 2027, điều chỉnh tăng thêm 10% trên mức lương hưu, trợ cấp hằng tháng của tháng 6 năm"
        " 2027 ở những xã vùng cao, trừ người đang bị tạm dừng hưởng."
    )
    assert adjusted(places, ARTICLE_ONE) is None
    assert adjusted("Điều chỉnh tăng thêm 5% trên mức phụ cấp của quý I cho cán bộ thôn.", ARTICLE_ONE) is None
    until = "Điều chỉnh giảm 50% so với mức lệ phí trước bạ của năm 2026 áp dụng đến hết ngày 31 tháng 12 năm 2027."
    assert adjusted(until, ARTICLE_ONE) is None
    assert adjusted("Điều chỉnh giảm 50% so với mức lệ phí trước bạ áp dụng đến hết ngày 31 tháng 12 năm 2027.") is None
    assert adjusted("Điều chỉnh tăng thêm 5% trên mức phụ cấp của quý I năm 2027.") == "Phụ cấp được tăng thêm 5%."


def test_a_rise_for_the_people_of_a_reference_is_said_only_when_they_are_all_the_document_covers() -> None:
    rise = "Điều chỉnh tăng thêm 6% trên mức trợ cấp hằng tháng đối với các đối tượng quy định tại {}."
    assert adjusted(rise.format("Điều 1 của Nghị định này"), ARTICLE_ONE) == "Trợ cấp hằng tháng được tăng thêm 6%."
    assert adjusted(rise.format("khoản 2 Điều 1"), ARTICLE_ONE) is None, "khoản 2 may be one group of several"
    assert adjusted(rise.format("Điều 1, trừ người đang bị tạm dừng hưởng"), ARTICLE_ONE) is None
    assert adjusted(rise.format("Điều 3"), ARTICLE_ONE) is None


def test_the_whole_scope_is_the_scope_article_or_its_scope_clause_never_one_group() -> None:
    head = (
        "CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 212/2027/NĐ-CP\n\nHà Nội, ngày 20 tháng 5 năm 2027"
        "\n\nNGHỊ ĐỊNH\n\nĐiều chỉnh trợ cấp hằng tháng\n\n"
    )
    groups = head + "Điều 1. Đối tượng áp dụng\n\n1. Người làm công tác đê điều.\n\n2. Người đã nghỉ việc.\n\n"
    assert whole_scope(parse(groups + "Điều 2. Hiệu lực\n\nNghị định này có hiệu lực.\n")) == ARTICLE_ONE
    split = (
        head + "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng\n\n1. Phạm vi điều chỉnh: Nghị định này điều chỉnh"
        " trợ cấp hằng tháng.\n\n2. Đối tượng áp dụng: người làm công tác đê điều.\n\nĐiều 2. Hiệu lực\n\nNghị định"
        " này có hiệu lực.\n"
    )
    assert whole_scope(parse(split)) == {"Điều 1", "khoản 2 Điều 1"}


def test_a_tuition_label_keeps_the_whole_kind_of_school() -> None:
    lead = "Mức học phí đối với cơ sở giáo dục mầm non, giáo dục phổ thông công lập chưa tự bảo đảm chi thường xuyên"
    assert tuition_label(lead) == ("Học phí", " công lập chưa tự bảo đảm chi thường xuyên")
    assert tuition_label("Mức học phí đối với cơ sở giáo dục mầm non công lập") == ("Học phí", " công lập")


def test_the_recap_of_a_lead_for_a_limited_time_keeps_its_time() -> None:
    span = (
        "Từ ngày 01 tháng 9 năm 2027 đến hết ngày 31 tháng 5 năm 2028, người dân được miễn phí gửi xe tại bãi xe"
        " chợ trung tâm xã."
    )
    assert recap(span) in (span, ""), "never recapped as for good"


def test_the_recap_of_a_fee_row_takes_its_first_column_only_when_it_is_a_place() -> None:
    garbled = (
        "Học phí mầm non: học sinh bán trú tại trường ở khu vực xã 80 nghìn đồng, học sinh không bán trú 60 nghìn"
        " đồng/người học/tháng."
    )
    assert recap(garbled) == ""
    row = (
        "Học phí mầm non công lập: nông thôn 80 nghìn đồng, thành thị 120 nghìn đồng, vùng bãi ngang ven biển 50 nghìn"
        " đồng/người học/tháng."
    )
    assert recap(row) == "Học phí mầm non công lập ở nông thôn là 80 nghìn đồng/người học/tháng."

"""Offices' names are whole words, and a step between offices is caught even when the sentence names residents and a
term (made-up sentences; ``scripts.agency``, ``scripts.for_residents``)."""

from __future__ import annotations

import pytest

from scripts.for_residents import serves_residents
from scripts.listener import check
from scripts.relief import as_received
from scripts.resident_voice import in_residents_voice
from scripts.tasks import heading_subject


def _agency(sentence: str) -> bool:
    return any(f.code == "agency_work" for f in check(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        # "Đồn" is not "Đồng bào", "Hạt" is not "Hạt giống": residents' news, not an office's work
        "Đồng bào dân tộc thiểu số được hướng dẫn kỹ thuật trồng quế và được hỗ trợ cây giống 5.000.000 đồng/ha.",
        "Hạt giống ngô được hỗ trợ 50% giá mua, theo dõi tại các thôn trước ngày 30 tháng 6 năm 2027.",
    ],
)
def test_a_word_that_starts_like_an_office_is_not_an_office(sentence: str) -> None:
    assert not _agency(sentence)


def test_the_named_commune_offices_are_still_offices() -> None:
    for sentence in (
        "Hạt Kiểm lâm tổng hợp số liệu, báo cáo Ủy ban nhân dân xã hằng tháng.",
        "Đồn Biên phòng kiểm tra, báo cáo Ủy ban nhân dân tỉnh hằng quý.",
        "Trạm y tế xã tổng hợp số liệu tiêm chủng, báo cáo Trung tâm Y tế hằng tháng.",
    ):
        assert _agency(sentence), sentence
    assert heading_subject("Hạt giống ngô") == ""
    assert heading_subject("Hạt Kiểm lâm") == "Hạt Kiểm lâm"


BETWEEN_OFFICES = [
    # a funding source of an office's programme, whoever the programme is for
    "Ngân sách tỉnh bảo đảm 70% kinh phí thực hiện chính sách đối với người có công với cách mạng.",
    # "tổ chức, cá nhân có liên quan" after offices is whoever is concerned, not residents served
    "Các sở, ngành, địa phương, tổ chức, cá nhân có liên quan rà soát, cập nhật dữ liệu trước ngày 31 tháng 12 năm 2026.",
    # one office instructing another
    "Sở Nội vụ hướng dẫn Ủy ban nhân dân cấp xã cấp giấy chứng nhận cho thân nhân liệt sĩ trước ngày 30 tháng 9 năm 2027.",
    # a file sent up, whoever is on it
    "Ủy ban nhân dân cấp xã gửi danh sách hộ nghèo về Sở Y tế trước ngày 10 tháng 12 năm 2026.",
    "Ủy ban nhân dân xã gửi danh sách hộ nghèo về Sở Y tế trước ngày 10 tháng 12 năm 2026.",
]


@pytest.mark.parametrize("sentence", BETWEEN_OFFICES)
def test_a_step_between_offices_wins_over_residents_and_a_term(sentence: str) -> None:
    assert _agency(sentence)
    assert not serves_residents(sentence)


def test_a_percentage_is_a_term_only_when_paid_to_or_by_residents() -> None:
    assert serves_residents("Ngân sách nhà nước hỗ trợ 100% mức đóng bảo hiểm y tế cho người cao tuổi từ đủ 75 tuổi trở lên.")
    assert serves_residents("Hằng tháng, người lao động đóng 8% tiền lương vào quỹ hưu trí do cơ quan bảo hiểm xã hội thu.")
    assert not serves_residents("Ủy ban nhân dân tỉnh thực hiện chính sách đối với người có công, phấn đấu đạt 70% kế hoạch.")


def test_an_office_guided_to_serve_residents_is_not_said_as_what_they_get() -> None:
    sentence = BETWEEN_OFFICES[2]  # by when: the guidance, or the certificates?
    assert as_received(sentence) == sentence
    assert in_residents_voice(sentence) == sentence  # had been "Thân nhân liệt sĩ được cấp xã cấp giấy chứng nhận …"

"""A charge an office is told to collect from residents is said as what residents pay (made-up lines)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.collected import as_paid
from scripts.draft import draft
from scripts.ingest import LocalFetcher, load_document
from scripts.legal import parse
from scripts.listener import passes
from scripts.relief import as_received

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            "Giao Công ty cấp nước Bình Lâm thu tiền nước của hộ gia đình sử dụng nước sạch nông thôn với mức 6.500 "
            "đồng/m3 từ ngày 01 tháng 01 năm 2027.",
            "Từ ngày 01 tháng 01 năm 2027, hộ gia đình sử dụng nước sạch nông thôn trả tiền nước 6.500 đồng/m3.",
        ),
        (
            "Công ty cổ phần cấp nước Bình Lâm thu tiền nước của hộ gia đình ở các xã theo mức 7.000 đồng/m3.",
            "Hộ gia đình ở các xã trả tiền nước 7.000 đồng/m3.",
        ),
        (
            "Ủy ban nhân dân xã thu phí vệ sinh đối với hộ kinh doanh mức 50.000 đồng/tháng.",
            "Hộ kinh doanh nộp phí vệ sinh 50.000 đồng/tháng.",
        ),
        (
            "Kể từ ngày 01/3/2027, giao Ban quản lý chợ thu tiền thuê ki-ốt của hộ kinh doanh là 300.000 đồng/tháng.",
            "Kể từ ngày 01/3/2027, hộ kinh doanh trả tiền thuê ki-ốt 300.000 đồng/tháng.",
        ),
    ],
)
def test_a_charge_collected_from_residents_is_what_they_pay(line: str, said: str) -> None:
    assert as_paid(line) == said
    assert as_received(line) == said  # the drafter's hook for an office's task residents feel


@pytest.mark.parametrize(
    "line",
    [
        "Giao Sở Tài chính thu tiền của các đơn vị sự nghiệp công lập theo mức 6.500 đồng/m3.",  # offices pay offices
        "Giao các công ty môi trường thu tiền dịch vụ của doanh nghiệp theo mức 6.500 đồng/m3.",  # a business pays
        "Giao các xã không thu tiền nước của hộ nghèo theo mức 6.500 đồng/m3.",  # a negation governs it
        "Giao Ủy ban nhân dân các xã thu gom rác của hộ gia đình theo mức 20.000 đồng/hộ/tháng.",  # no charge collected
        "Giao các đơn vị cấp nước thu tiền nước của hộ gia đình nộp vào ngân sách theo mức 6.500 đồng/m3.",
        "Đề nghị Sở Tài chính nghiên cứu, đề xuất thu phí của hộ gia đình mức 10.000 đồng/tháng.",  # only proposed
        "Công ty cấp nước không thu tiền nước của hộ nghèo theo mức 7.000 đồng/m3.",  # a negation governs it
        "Hộ gia đình thu tiền của người thuê nhà theo mức 1.000.000 đồng/tháng.",  # no office collects
    ],
)
def test_what_is_no_charge_an_office_collects_from_residents_is_untouched(line: str) -> None:
    assert as_paid(line) == line


def test_a_share_of_the_charge_is_a_whole_object() -> None:
    """ "… được giảm 50% mức thu." says how much of the charge; "… quy định mức thu." still ends cut."""
    assert passes("Hộ nghèo, hộ cận nghèo được giảm 50% mức thu.")
    assert not passes("Ủy ban nhân dân tỉnh quy định mức thu.")


def test_each_household_spared_half_the_charge_is_said_with_the_share() -> None:
    """ "Giảm 50% mức thu đối với các đối tượng sau:" + points: each point with what it is spared, never "… được
    giảm." with no object (the article title "Đối tượng được giảm" said of the same point)."""
    script = draft(parse(load_document(str(DATA / "qd-fee-relief-made-up.txt"), LocalFetcher()).text))
    said = [s.text for s in script.sentences]
    assert "Hộ gia đình có người cao tuổi sống một mình được giảm 50% mức thu." in said, said
    assert any(s.endswith("hộ nghèo, hộ cận nghèo theo chuẩn nghèo của tỉnh được giảm 50% mức thu.") for s in said), said
    assert not [s for s in said if s.endswith("được giảm.")], said

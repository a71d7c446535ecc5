"""The entry into force said with what residents count on (issue 19): till when a measure lasts, from when it applies."""

from __future__ import annotations

from scripts.draft import draft
from scripts.legal import parse

RELIEF = """HỘI ĐỒNG NHÂN DÂN
TỈNH AN BÌNH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 31/2026/NQ-HĐND

An Bình, ngày 28 tháng 4 năm 2026

NGHỊ QUYẾT

Quy định mức hỗ trợ tiền điện cho hộ nghèo trên địa bàn tỉnh An Bình

Căn cứ Luật Tổ chức chính quyền địa phương;

QUYẾT NGHỊ:

Điều 1. Mức hỗ trợ
Hộ nghèo được hỗ trợ tiền điện 50.000 đồng/hộ/tháng.
Điều 2. Hiệu lực thi hành
Nghị quyết này có hiệu lực thi hành từ ngày 06 tháng 5 năm 2026 đến hết ngày 31 tháng 12 năm {year}.
"""


def test_a_measure_for_a_time_is_said_with_its_end() -> None:
    doc = parse(RELIEF.format(year=2027))
    said = draft(doc).text  # in the lead ("Từ ngày … đến hết ngày …, hộ nghèo …") or in the issuance sentence
    assert "ừ ngày 06 tháng 5 năm 2026 đến hết ngày 31 tháng 12 năm 2027" in said, said


def test_a_circular_in_force_later_than_it_applies_says_both_dates() -> None:
    text = RELIEF.replace("NGHỊ QUYẾT", "THÔNG TƯ").replace("Nghị quyết này", "Thông tư này").replace("NQ-HĐND", "TT-BTC")
    text = text.replace(" đến hết ngày 31 tháng 12 năm {year}", ", được áp dụng từ ngày 01 tháng 01 năm 2026")
    said = draft(parse(text)).text
    assert "có hiệu lực từ ngày 06 tháng 5 năm 2026, áp dụng từ ngày 01 tháng 01 năm 2026" in said, said


def test_a_date_range_of_something_else_in_the_same_sentence_is_not_the_end_of_the_measure() -> None:
    text = RELIEF.replace(
        " đến hết ngày 31 tháng 12 năm {year}",
        " và áp dụng cho các hồ sơ nộp từ ngày 01 tháng 01 năm 2026 đến ngày 30 tháng 4 năm 2026",
    )
    said = draft(parse(text)).text
    assert "đến ngày 30 tháng 4 năm 2026," not in said and "năm 2026 đến ngày 30 tháng 4" not in said, said

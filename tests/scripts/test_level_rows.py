"""A row of a list of levels is said with the level its lead names (scripts.level_rows), on made-up documents
(tests/scripts/data/qd-elderly-made-up.txt, nd-fishing-amend-made-up.txt)."""

from __future__ import annotations

from pathlib import Path

from scripts.draft import draft
from scripts.legal import parse
from scripts.level_rows import level_row
from scripts.units import with_lead

DATA = Path(__file__).parent / "data"


def _script(name: str) -> list[str]:
    return [s.text for s in draft(parse((DATA / name).read_text(encoding="utf-8"))).sentences]


def test_a_row_is_said_with_the_level_it_gives() -> None:
    # had been "Người khuyết tật nặng không thuộc diện được cấp thẻ bảo hiểm y tế miễn phí: 70% mức đóng." (70% of what?)
    assert with_lead(
        "Mức hỗ trợ mua thẻ bảo hiểm y tế:",
        "Người khuyết tật nặng không thuộc diện được cấp thẻ bảo hiểm y tế miễn phí: 70% mức đóng.",
    ) == [
        "Đối với người khuyết tật nặng không thuộc diện được cấp thẻ bảo hiểm y tế miễn phí, "
        "mức hỗ trợ mua thẻ bảo hiểm y tế là 70% mức đóng."
    ]
    said = _script("qd-elderly-made-up.txt")
    assert not [s for s in said if s.endswith(": 70% mức đóng.") or s.endswith(": 100% mức đóng.")], said
    # had been "Đào tạo trình độ sơ cấp: tối đa 4.000.000 đồng/người/khóa học." (heard as a fee)
    assert (
        "Đối với đào tạo trình độ sơ cấp, mức hỗ trợ đào tạo nghề cho lao động chuyển đổi nghề là tối đa 4.000.000 "
        "đồng/người/khóa học." in _script("nd-fishing-amend-made-up.txt")
    )


def test_a_lead_that_only_announces_still_names_the_level() -> None:
    assert level_row("Mức hỗ trợ được quy định như sau:", "Hộ nghèo: 500.000 đồng/hộ;") == [
        "Đối với hộ nghèo, mức hỗ trợ là 500.000 đồng/hộ."
    ]
    assert level_row("Đối tượng áp dụng:", "Hộ nghèo: 500.000 đồng/hộ;") is None  # no level named: other readings


def test_an_allowance_paid_by_the_month_names_its_rows_and_every_group_of_a_row() -> None:
    lead = "Phụ cấp trách nhiệm quản lý Tổ bảo vệ an ninh cơ sở được chi trả theo tháng, mức hưởng như sau:"
    # had been "Tổ trưởng: 900.000 đồng." (what money?); a capitalised name in the lead is no heading to cut
    assert with_lead(lead, "a) Tổ trưởng; Tổ phó Tổ bảo vệ an ninh: 900.000 đồng;") == [
        "Đối với tổ trưởng, tổ phó Tổ bảo vệ an ninh, mức phụ cấp trách nhiệm quản lý Tổ bảo vệ an ninh cơ sở hằng "
        "tháng là 900.000 đồng."
    ]
    assert with_lead(
        "Phụ cấp chức vụ chỉ huy Dân quân tự vệ được chi trả theo tháng, mức hưởng như sau:",
        "b) Thôn đội trưởng: 1.170.000 đồng;",
    ) == ["Đối với thôn đội trưởng, mức phụ cấp chức vụ chỉ huy Dân quân tự vệ hằng tháng là 1.170.000 đồng."]

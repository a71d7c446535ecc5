"""Group codes ("nhóm 5") said with whom they stand for, or the amount is not said."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.choice import build_pool
from scripts.groups import with_groups
from scripts.legal import parse

DATA = Path(__file__).parent / "data"


def test_a_row_paid_by_group_code_says_whom_the_code_stands_for() -> None:
    texts = [c.text for c in build_pool(parse((DATA / "nq-group-codes.txt").read_text(encoding="utf-8")))]
    assert (
        "Thăm hỏi, tặng quà dịp Tết Nguyên đán nhóm 1 (cán bộ lão thành cách mạng, cán bộ tiền khởi nghĩa): "
        "2.000.000 đồng/người/lần." in texts
    ), "the row keeps its occasion and says who group 1 is"
    for text in texts:
        for code in re.finditer(r"[Nn]hóm \d+", text):
            assert text[code.end() : code.end() + 2] == " (", f"a bare group code reached the pool: {text}"
    assert not any(re.search(r";\s*\d:\s", t) for t in texts), "rows run together by code ('; 2: 1.500.000 …') are not said"
    assert not any(t.startswith("Nhóm 3:") for t in texts), "a group's definition is a label, not a sentence"


def test_an_amount_whose_group_is_not_defined_is_not_said() -> None:
    assert with_groups("Nhóm 5 hỗ trợ thêm quà thăm trị giá 500.000 đồng/người/lần.", {}) == ""
    assert with_groups("Nhóm 5 được ưu tiên xét trước.", {}) == "Nhóm 5 được ưu tiên xét trước.", (
        "without an amount the code misleads no one about money: the sentence is kept as it was"
    )
    assert with_groups("Hàng hóa nhóm 2 phải dán nhãn.", {"2": "hàng dễ cháy"}) == "Hàng hóa nhóm 2 (hàng dễ cháy) phải dán nhãn."

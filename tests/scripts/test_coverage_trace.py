"""bench/coverage.py: each body sentence traced to the pool or to the stage that dropped it (made-up decision)."""

from bench.coverage import trace
from scripts.legal import parse

TEXT = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
Số: 14/2031/QĐ-UBND
QUYẾT ĐỊNH
Về hỗ trợ hộ nghèo mua thẻ bảo hiểm y tế
Điều 1. Mức hỗ trợ
1. Hộ nghèo được hỗ trợ 500.000 đồng/người/năm để mua thẻ bảo hiểm y tế.
2. Mức hỗ trợ được tính như sau:
a) M = 500.000 x N;
b) Quản lý, thu hồi thẻ bảo hiểm y tế.
Điều 2. Hiệu lực thi hành
Quyết định này có hiệu lực từ ngày 01 tháng 3 năm 2031.
"""


def test_each_sentence_ends_in_the_pool_or_at_a_named_stage() -> None:
    stages, dropped = trace(parse(TEXT))
    assert stages["in pool"] >= 1  # the support with its amount
    assert stages["pool: có hiệu lực"] == 1
    assert stages["unit: lead line (…:)"] == 1
    assert any(stage.startswith(("unit:", "candidates: FORMULA")) and "M =" in s for stage, s in dropped)
    assert sum(n for s, n in stages.items() if not s.startswith("parse")) == 5

"""A resolution's task that gives an amount keeps what the amount is for (scripts/tasks.py _one); made-up resolution."""

from scripts.choice import build_pool
from scripts.legal import parse

TEXT = """CHÍNH PHỦ
Số: 88/NQ-CP
NGHỊ QUYẾT
Về các giải pháp hỗ trợ người dân khắc phục hậu quả bão lũ
QUYẾT NGHỊ:
I. NHIỆM VỤ VÀ GIẢI PHÁP
1. Ủy ban nhân dân các tỉnh, thành phố bị thiệt hại:
a) Hỗ trợ 40 triệu đồng/hộ để xây dựng lại nhà ở bị sập, đổ, trôi hoàn toàn; 20 triệu đồng/hộ để sửa chữa nhà bị hư hỏng nặng.
b) Tổ chức rà soát, lập danh sách hộ bị thiệt hại, công khai tại thôn, tổ dân phố.
"""


def test_an_amount_is_said_with_its_purpose_never_cut_inside_it() -> None:
    said = [c.text for c in build_pool(parse(TEXT))]
    assert any("40 triệu đồng/hộ để xây dựng lại nhà ở bị sập" in s for s in said), said
    assert not any("đồng/hộ ở" in s for s in said), said  # "… 40 triệu đồng/hộ ở bị sập": the purpose cut at "nhà ở"
